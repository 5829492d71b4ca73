import Foundation

/// The words of the comments `avance new` writes into a new file, in the site's language: the
/// people who fill the file in read them. They are the theme's (`new:` of
/// `theme/i18n/<lang>.yaml`), handed in by the command: Scaffolding holds no sentence of any
/// language and reads no theme file itself.
public struct TemplateWords: Sendable {
    /// The strings by key (`new.intro`), as the theme's i18n files flatten them.
    public let strings: [String: String]

    /// Words from the theme's strings of the site's language (keys `new.*`), completed with
    /// another language's where it lacks some.
    public init(_ strings: [String: String]) {
        self.strings = strings
    }

    /// The string `new.<key>` with each `{name}` replaced; the key itself when the theme lacks
    /// it, so that a missing string shows rather than vanishes.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var text = strings["new." + key] ?? "new." + key
        for (name, value) in arguments { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    func intro(_ singular: String) -> String { text("intro", ["singular": singular]) }
    var comments: String { text("comments") }
    var required: String { text("required") }
    var optional: String { text("optional") }
    var values: String { text("values") }
    func oneID(_ collection: String) -> String { text("one_id", ["collection": collection]) }
    func severalIDs(_ collection: String) -> String { text("several_ids", ["collection": collection]) }
    var noEntries: String { text("no_entries") }
    var existing: String { text("existing") }
    func more(_ count: Int, _ folder: String) -> String { text("more", ["count": String(count), "folder": folder]) }
    var fillIn: String { text("fill_in") }
    var series: String { text("series") }
    var date: String { text("date") }
    var whole: String { text("whole") }
    var number: String { text("number") }
    var percent: String { text("percent") }
    var boolean: String { text("boolean") }
    var url: String { text("url") }
    var list: String { text("list") }
    var records: String { text("records") }
    var markdown: String { text("markdown") }
}
