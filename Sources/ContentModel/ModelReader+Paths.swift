import Diagnostics
import FrontMatter

// `paths:`, the words of the built-in pages' URLs, and the collection paths they reserve.

extension ModelReader {
    /// `paths: {data: datos, search: buscar, …}`: the words `site.yaml` (or `site.<lang>.yaml`)
    /// sets; the build takes the others from the theme.
    mutating func readPaths(_ node: YAMLNode) -> PathWords {
        var words = PathWords()
        guard let pairs = mapping(node, what: Message("model-invalid.setting", ["name": "paths"])) else { return words }
        for (key, value) in pairs {
            guard let name = key.scalar, PathWords.keys.contains(name) else {
                error(
                    "model-unknown-key",
                    Message(
                        "model-unknown-key", ["name": key.scalar ?? ""],
                        parts: ["what": Message("model-unknown-key.paths")]),
                    at: key, hint: Self.keyHint(for: key.scalar ?? "", among: PathWords.keys))
                continue
            }
            guard let word = identifier(value, what: Message("model-invalid.id.word", ["key": name])) else { continue }
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
        "data": Message("path-reserved.page.data"), "search": Message("path-reserved.page.search"),
        "updates": Message("path-reserved.page.updates"), "periods": Message("path-reserved.page.periods"),
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
        func origin(_ key: String, of language: String) -> Message {
            let file = language == model.language ? ModelReader.path : ModelTranslation.path(for: language)
            return model.pathWords(for: language).settings[key].map {
                Message("path-reserved.origin.change", ["key": key, "file": $0.file])
            } ?? Message("path-reserved.origin.set", ["key": key, "file": file, "language": language])
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
                            Message(
                                "path-reserved", ["folder": "\(prefix)\(word)/"],
                                parts: ["page": pageNames[key]!, "other": pageNames[other]!]),
                            at: place(key, of: language),
                            hint: Message("path-reserved.hint", parts: ["origin": origin(key, of: language)])))
                } else if prefix.isEmpty, languages.contains(word) {
                    diagnostics.append(
                        .error(
                            "path-reserved",
                            Message("path-reserved.language", ["word": word], parts: ["page": pageNames[key]!]),
                            at: place(key, of: language),
                            hint: Message("path-reserved.language.hint", parts: ["origin": origin(key, of: language)])))
                }
                seen[word] = seen[word] ?? key
            }
        }
        for collection in model.collections {
            let at = collection.folderLocation ?? SourceLocation(file: ModelReader.path, line: 0, column: 0)
            if languages.contains(collection.folder) {
                diagnostics.append(
                    .error(
                        "path-reserved",
                        Message(
                            "path-reserved.collection.language",
                            ["collection": collection.name, "folder": collection.folder]),
                        at: at, hint: Message("path-reserved.collection.hint", ["collection": collection.name])))
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
                    Message(
                        "path-reserved.collection",
                        ["collection": collection.name, "folder": "\(prefix)\(collection.folder)/"],
                        parts: ["page": pageNames[key]!]),
                    at: at,
                    hint: Message(
                        "path-reserved.collection.hint.or", ["collection": collection.name],
                        parts: ["origin": origin(key, of: language)])))
        }
        return diagnostics
    }
}
