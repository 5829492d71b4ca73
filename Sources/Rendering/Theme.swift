import Diagnostics
import FrontMatter
import Loading
import SiteLayout
import Templates

/// The look of the site, read from `theme/`: Mustache templates, interface strings per language
/// (`i18n/<lang>.yaml`) and static files copied as they are.
public struct Theme: Sendable {
    /// The templates every site needs.
    public static let requiredTemplates = ["home", "collection", "entry", "datos", "404", "actualizaciones"]

    public let templates: TemplateLibrary
    /// Interface strings of the site's language, by key.
    public let strings: Strings
    /// Interface strings of every language the theme has (`i18n/<lang>.yaml`).
    public var translations: [String: Strings] = [:]

    /// The strings of `language`, or the site's own when the theme lacks them.
    public func strings(for language: String) -> Strings {
        translations[language] ?? strings
    }
    /// Files of `theme/static/`, by output path (`css/site.css`).
    public let staticFiles: [OutputFile]

    /// Creates a theme from parts already loaded.
    public init(templates: TemplateLibrary, strings: Strings, staticFiles: [OutputFile]) {
        self.templates = templates
        self.strings = strings
        self.staticFiles = staticFiles
    }

    /// Loads `<root>/theme` for `language`; `nil` with diagnostics when it cannot be used.
    public static func load(root: String, language: String, fileSystem: FileSystem = .disk) -> (Theme?, [Diagnostic]) {
        let loader = ContentLoader(root: root, folder: "theme", fileSystem: fileSystem)
        var (paths, diagnostics) = loader.listFiles()
        var library = TemplateLibrary()
        var staticFiles: [OutputFile] = []
        var strings = Strings([:])
        var translations: [String: Strings] = [:]
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
                        diagnostics.append(
                            .error(
                                "template-syntax", "template error: \(error.message)",
                                at: SourceLocation(file: path, line: error.line, column: error.column),
                                hint: error.hint))
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
                    "i18n-missing", "no interface strings for language `\(language)`",
                    at: SourceLocation(file: stringsPath, line: 0, column: 0),
                    hint: "copy a file of `theme/i18n/` to `\(stringsPath)` and translate it"))
        }
        for missing in library.missingPartials() {
            diagnostics.append(
                .error(
                    "template-missing",
                    "`\(missing.template)` includes `\(missing.partial)`, which the theme does not have",
                    at: SourceLocation(
                        file: "theme/templates/\(missing.template).mustache", line: missing.line, column: missing.column
                    ),
                    hint: "add `theme/templates/\(missing.partial).mustache`, or fix the name"))
        }
        for name in requiredTemplates where !library.contains(name) && !paths.isEmpty {
            diagnostics.append(
                .error(
                    "template-missing", "the theme has no `\(name)` template",
                    at: SourceLocation(file: "theme/templates/\(name).mustache", line: 0, column: 0)))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var theme = Theme(templates: library, strings: strings, staticFiles: staticFiles)
        theme.translations = translations
        return (theme, diagnostics)
    }
}

/// The interface strings of one language (`theme/i18n/es.yaml`), by key; nested keys join
/// with dots (`months.4`).
public struct Strings: Sendable, TemplateObject {
    public let values: [String: String]

    /// Creates strings from a flat table.
    public init(_ values: [String: String]) {
        self.values = values
    }

    /// The string for `key`, or the key itself so a missing translation shows, not vanishes.
    public subscript(key: String) -> String {
        values[key] ?? key
    }

    /// `template` with each `{name}` replaced by its argument.
    public func format(_ key: String, _ arguments: [String: String]) -> String {
        // One pass over the template, without Foundation: this runs several times per page.
        let template = self[key]
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = arguments[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        out += rest
        return out
    }

    /// `format` of `key.zero` when `count` is 0 and there is one, of `key.one` when it is 1 and
    /// there is one, of `key.other` otherwise (falling back to `key`), with `{count}` among the
    /// arguments.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        let forms = count == 0 ? [".zero", ".other"] : count == 1 ? [".one", ".other"] : [".other"]
        let form = forms.map { key + $0 }.first { values[$0] != nil } ?? key
        return format(form, arguments.merging(["count": String(count)]) { $1 })
    }

    /// `items` as a sentence: "a, b y c" with the language's `list.and` (", " alone without it).
    public func list(_ items: [String]) -> String {
        guard items.count > 1, let and = values["list.and"] else { return items.joined(separator: ", ") }
        return items.dropLast().joined(separator: ", ") + and + items[items.count - 1]
    }

    public func value(named name: String) -> TemplateValue? { values[name].map(TemplateValue.text) }

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
}

extension Strings {
    /// The interface strings of `language` alone (`<root>/theme/i18n/<language>.yaml`), without
    /// the rest of the theme, for `avance serve`'s own pages; `nil` when there are none.
    public static func load(root: String, language: String, fileSystem: FileSystem = .disk) -> Strings? {
        guard !language.isEmpty, language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
        else { return nil }
        let loader = ContentLoader(root: root, folder: "theme", fileSystem: fileSystem)
        return try? loader.readText("theme/i18n/\(language).yaml").flatMap { parse($0) }.get()
    }
}
