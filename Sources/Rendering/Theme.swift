import SiteLayout
import Templates

/// The look of the site, read from `theme/`: Mustache templates, interface strings per language
/// (`i18n/<lang>.yaml`) and static files copied as they are.
public struct Theme: Sendable {
    /// The templates every site needs (see `PageTemplate`).
    public static let requiredTemplates = PageTemplate.required

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
}

/// The interface strings of one language (`theme/i18n/es.yaml`), by key; nested keys join
/// with dots (`months.4`).
public struct Strings: Sendable, TemplateObject {
    public let values: [String: String]
    /// The same strings by the number of their key, as templates read them.
    private let texts: TemplateTexts

    /// Creates strings from a flat table.
    public init(_ values: [String: String]) {
        self.values = values
        self.texts = TemplateTexts(values)
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

    /// A tag's name by its number (`{{t.footer_note}}`): an array read, no hashing.
    public func value(slot: TemplateSlot) -> TemplateValue? { texts.value(slot: slot) }
}
