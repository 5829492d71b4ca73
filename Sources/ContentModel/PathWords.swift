import Diagnostics

/// The words of the URLs of the pages avance makes by itself (the open-data page, the search
/// page, the page of last changes…) in one language: `datos/`, `buscar/`, `actualizaciones/`
/// in Spanish, `data/`, `search/`, `updates/` in English. Nothing in Swift is in a language:
/// `paths:` in `site.yaml` (or in `site.<lang>.yaml` for a translation) sets them, and what it
/// leaves out comes from the theme (`paths:` of `theme/i18n/<lang>.yaml`).
public struct PathWords: Sendable, Hashable {
    /// Every key `paths:` accepts.
    public static let keys = ["data", "search", "updates", "periods", "page"]
    /// The keys whose word is a folder at the top of each language's pages (`en/data/`), which a
    /// collection's path must not take. `page` (pagination) is a folder inside a collection's.
    public static let folders = ["data", "search", "updates", "periods"]

    /// The word of each key; a key without one is its own word (see `subscript`).
    public var words: [String: String]
    /// Where `site.yaml` (or `site.<lang>.yaml`) set each word it sets.
    public var settings: [String: SourceLocation]

    /// Words from a table, such as `["data": "datos"]`.
    public init(_ words: [String: String] = [:], settings: [String: SourceLocation] = [:]) {
        self.words = words
        self.settings = settings
    }

    /// The word of `key`, or the key itself when nothing gave one.
    public subscript(key: String) -> String {
        words[key] ?? key
    }

    /// The open-data page's folder (`datos`).
    public var data: String { self["data"] }
    /// The search page's folder (`buscar`).
    public var search: String { self["search"] }
    /// The folder of the page of last changes (`actualizaciones`).
    public var updates: String { self["updates"] }
    /// The folder of a listing's later pages (`pagina`: `acciones/pagina/2/`).
    public var page: String { self["page"] }

    /// These words, with each key they lack taken from `defaults` (the theme's), when valid there.
    public func completed(with defaults: [String: String]) -> PathWords {
        var completed = self
        for key in Self.keys where words[key] == nil {
            if let word = defaults[key], EntryID.isValid(word) { completed.words[key] = word }
        }
        return completed
    }
}

extension SiteModel {
    /// The words of the built-in pages of `language` (the model's own by default).
    public func pathWords(for language: String? = nil) -> PathWords {
        paths[language ?? self.language] ?? PathWords()
    }
}
