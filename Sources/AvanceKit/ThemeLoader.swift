import Diagnostics
import FrontMatter
import Loading
import Rendering
import SiteLayout
import Templates

// Reading the theme from disk: the one place where rendering's inputs are loaded. Rendering takes
// the `Theme` value made here and never reads a file itself.

extension Theme {
    /// Loads `<root>/theme` for `language`; `nil` with diagnostics when it cannot be used.
    public static func load(root: String, language: String, fileSystem: FileSystem = .disk) -> (Theme?, [Diagnostic]) {
        let loader = ContentLoader(root: root, folder: "theme", fileSystem: fileSystem)
        var (paths, diagnostics) = loader.listFiles()
        var library = TemplateLibrary()
        var staticFiles: [OutputFile] = []
        var strings = Strings([:])
        var translations: [String: Strings] = [:]
        // Templates that exist but do not parse: reported as `template-syntax`, not missing.
        var unparsed: Set<String> = []
        let stringsPath = "theme/i18n/\(language).yaml"
        for path in paths {
            if path.hasPrefix("theme/templates/"), path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("theme/templates/".count).dropLast(".mustache".count))
                switch loader.readText(path) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let file):
                    do throws(TemplateError) {
                        try library.register(file.text, named: name)
                    } catch {
                        unparsed.insert(name)
                        diagnostics.append(
                            .error(
                                "template-syntax",
                                Message("template-syntax", parts: ["problem": error.reason]),
                                at: SourceLocation(file: path, line: error.line, column: error.column),
                                hint: error.advice.map {
                                    Message("template-syntax.hint", parts: ["hint": $0])
                                }))
                    }
                }
            } else if path.hasPrefix("theme/static/") {
                switch loader.readBytes(path) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let bytes):
                    staticFiles.append(OutputFile(path: String(path.dropFirst("theme/static/".count)), bytes: bytes))
                }
            } else if path.hasPrefix("theme/i18n/"), path.hasSuffix(".yaml") {
                let code = String(path.dropFirst("theme/i18n/".count).dropLast(".yaml".count))
                switch loader.readText(path).flatMap({ Strings.parse($0) }) {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let parsed):
                    translations[code] = parsed
                    if path == stringsPath { strings = parsed }
                }
            }
        }
        if !paths.contains(stringsPath), !paths.isEmpty {
            diagnostics.append(
                .warning(
                    "i18n-missing", Message("i18n-missing", ["language": language]),
                    at: SourceLocation(file: stringsPath, line: 0, column: 0),
                    hint: Message("i18n-missing.hint", ["file": stringsPath])))
        }
        for missing in library.missingPartials() where !unparsed.contains(missing.partial) {
            diagnostics.append(
                .error(
                    "template-missing",
                    Message("template-missing.partial", ["template": missing.template, "partial": missing.partial]),
                    at: SourceLocation(
                        file: "theme/templates/\(missing.template).mustache", line: missing.line, column: missing.column
                    ),
                    hint: Message("template-missing.partial.hint", ["partial": missing.partial])))
        }
        diagnostics += PageTemplate.unknownNames(in: library)
        for name in Theme.requiredTemplates where !library.contains(name) && !unparsed.contains(name) && !paths.isEmpty
        {
            diagnostics.append(
                .error(
                    "template-missing", Message("template-missing", ["name": name]),
                    at: SourceLocation(file: "theme/templates/\(name).mustache", line: 0, column: 0),
                    hint: Message("template-missing.hint", ["name": name])))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var theme = Theme(templates: library, strings: strings, staticFiles: staticFiles)
        theme.translations = translations
        return (theme, diagnostics)
    }
}

extension Strings {
    /// Reads a YAML file of strings.
    static func parse(_ file: SourceFile) -> Result<Strings, Diagnostic> {
        YAMLReader.parse(file.text, file: file.path).flatMap { node in
            var values: [String: String] = [:]
            func flatten(_ node: YAMLNode, prefix: String) {
                if let pairs = node.mapping {
                    for (key, value) in pairs {
                        flatten(value, prefix: prefix.isEmpty ? (key.scalar ?? "") : prefix + "." + (key.scalar ?? ""))
                    }
                } else if let items = node.sequence {
                    for (index, item) in items.enumerated() { flatten(item, prefix: "\(prefix).\(index + 1)") }
                } else if let text = node.scalar {
                    values[prefix] = text
                }
            }
            if let node { flatten(node, prefix: "") }
            return .success(Strings(values))
        }
    }

    /// The words of the built-in pages' URLs (`paths:` of the file: `data: datos`), by key.
    public var pathWords: [String: String] {
        Dictionary(
            values.compactMap { key, word in key.hasPrefix("paths.") ? (String(key.dropFirst(6)), word) : nil },
            uniquingKeysWith: { first, _ in first })
    }

    /// The interface strings of `language` alone (`<root>/theme/i18n/<language>.yaml`), without
    /// the rest of the theme, for `avance serve`'s own pages; `nil` when there are none.
    public static func load(root: String, language: String, fileSystem: FileSystem = .disk) -> Strings? {
        guard !language.isEmpty, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        let loader = ContentLoader(root: root, folder: "theme", fileSystem: fileSystem)
        return try? loader.readText("theme/i18n/\(language).yaml").flatMap { parse($0) }.get()
    }
}

/// The theme's strings for commands that render no page (`avance new`), as a plain table.
public enum ThemeStrings {
    /// The strings of `language` from `<root>/theme/i18n/`, each one it lacks taken from the
    /// theme's English (`en.yaml`): what a language the theme does not have falls back to.
    public static func withEnglish(root: String, language: String, fileSystem: FileSystem = .disk) -> [String: String] {
        let own = Strings.load(root: root, language: language, fileSystem: fileSystem)?.values ?? [:]
        let english = Strings.load(root: root, language: "en", fileSystem: fileSystem)?.values ?? [:]
        return own.merging(english) { mine, _ in mine }
    }
}
