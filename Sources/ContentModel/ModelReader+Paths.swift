import Diagnostics
import FrontMatter

// `paths:`, the words of the built-in pages' URLs, and the collection paths they reserve.

extension ModelReader {
    /// `paths: {data: datos, search: buscar, …}`: the words `site.yaml` (or `site.<lang>.yaml`)
    /// sets; the build takes the others from the theme.
    mutating func readPaths(_ node: YAMLNode) -> PathWords {
        var words = PathWords()
        guard let pairs = mapping(node, what: "`paths`") else { return words }
        for (key, value) in pairs {
            guard let name = key.scalar, PathWords.keys.contains(name) else {
                error(
                    "model-unknown-key", "unknown `paths` setting `\(key.scalar ?? "")`", at: key,
                    hint: Suggestion.hint(for: key.scalar ?? "", among: PathWords.keys)
                        ?? "expected one of \(PathWords.keys.joined(separator: ", "))")
                continue
            }
            guard let word = identifier(value, what: "`paths: \(name)` word") else { continue }
            words.words[name] = word
            words.settings[name] = location(of: value)
        }
        return words
    }

    /// The `paths:` of a translation (`site.<lang>.yaml`), read from its root, with its problems.
    public static func readPaths(_ root: YAMLNode, file: String) -> (PathWords?, [Diagnostic]) {
        guard let node = root["paths"] else { return (nil, []) }
        var reader = ModelReader(file: file)
        let words = reader.readPaths(node)
        return (words, reader.diagnostics)
    }

    /// What each folder word names, for messages.
    static let pageNames = [
        "data": "the open-data page", "search": "the search page", "updates": "the page of last changes",
        "periods": "the pages of periods",
    ]

    /// `path-reserved`: a collection whose path (`path:`, or its name) is the folder of a built-in
    /// page in one of the site's languages (`datos`, or `data` for the `en/` pages) or of a
    /// translation's pages (`en`), at its line of `site.yaml`; and two built-in pages of one
    /// language given the same word, or a word that is a translation's folder. `model.paths` holds
    /// the words of every language, completed from the theme; `languages` are the translations.
    public static func checkPaths(_ model: SiteModel, languages: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let all = [model.language] + languages.filter { $0 != model.language }
        // The setting to change: where the word was set, or where to set it (it came from the theme).
        func origin(_ key: String, of language: String) -> String {
            let file = language == model.language ? ModelReader.path : ModelTranslation.path(for: language)
            return model.pathWords(for: language).settings[key].map { "change `paths: \(key)` of `\($0.file)`" }
                ?? "set `paths: \(key)` in `\(file)` (its word now comes from `theme/i18n/\(language).yaml`)"
        }
        func place(_ key: String, of language: String) -> SourceLocation {
            model.pathWords(for: language).settings[key]
                ?? SourceLocation(file: "theme/i18n/\(language).yaml", line: 0, column: 0)
        }
        for language in all {
            let words = model.pathWords(for: language)
            let prefix = language == model.language ? "" : language + "/"
            var seen: [String: String] = [:]
            for key in PathWords.folders {
                let word = words[key]
                if let other = seen[word] {
                    diagnostics.append(
                        .error(
                            "path-reserved",
                            "\(pageNames[key]!) and \(pageNames[other]!) would share `\(prefix)\(word)/`",
                            at: place(key, of: language),
                            hint: "give one of them another word: \(origin(key, of: language))"))
                } else if prefix.isEmpty, languages.contains(word) {
                    diagnostics.append(
                        .error(
                            "path-reserved",
                            "\(pageNames[key]!) would be at `\(word)/`, the folder of the `\(word)` pages",
                            at: place(key, of: language), hint: "give it another word: \(origin(key, of: language))"))
                }
                seen[word] = seen[word] ?? key
            }
        }
        for collection in model.collections {
            let at = collection.folderLocation ?? SourceLocation(file: ModelReader.path, line: 0, column: 0)
            let setting = "give `\(collection.name)` a `path:` of its own in `site.yaml`"
            if languages.contains(collection.folder) {
                diagnostics.append(
                    .error(
                        "path-reserved",
                        "the collection `\(collection.name)` would be at `\(collection.folder)/`, the folder of the `\(collection.folder)` pages",
                        at: at, hint: setting))
                continue
            }
            let clash = all.lazy.compactMap { language -> (String, String)? in
                let words = model.pathWords(for: language)
                return PathWords.folders.first { words[$0] == collection.folder }.map { (language, $0) }
            }.first
            guard let (language, key) = clash else { continue }
            let prefix = language == model.language ? "" : language + "/"
            diagnostics.append(
                .error(
                    "path-reserved",
                    "the collection `\(collection.name)` would be at `\(prefix)\(collection.folder)/`, which is \(pageNames[key]!)",
                    at: at, hint: "\(setting), or \(origin(key, of: language))"))
        }
        return diagnostics
    }
}
