/// A sentence of a diagnostic, not yet in any language: the key of the sentence in the message
/// catalogs (`messages/<language>.yaml`, such as `enum-unknown` or `enum-unknown.hint`) and the
/// values of its `{placeholders}`. A `MessageCatalog` turns it into words when the report is
/// printed, so one diagnostic prints in the language the reader chose.
public struct Message: Sendable, Hashable, Codable {
    /// The key of the sentence in every catalog.
    public var key: String
    /// The value of each `{name}` of the sentence, as written (a file, a field, a value).
    public var arguments: [String: String]
    /// Placeholders that are sentences themselves (a type's name, a reason), rendered in the same
    /// language before they are put in.
    public var parts: [String: Message]
    /// A sentence written in Swift in the old style (`Diagnostic.error(code, "English words")`),
    /// shown as it is in every language; the catalog test lists the codes that still have one.
    public var literal: String?

    /// The sentence `key` with `arguments` (and `parts`, sentences of their own).
    public init(_ key: String, _ arguments: [String: String] = [:], parts: [String: Message] = [:]) {
        self.key = key
        self.arguments = arguments
        self.parts = parts
        self.literal = nil
    }

    /// A sentence written in Swift, in one language only (the old style).
    public init(literal: String) {
        self.key = ""
        self.arguments = [:]
        self.parts = [:]
        self.literal = literal
    }

    /// The sentence `key` whose plural form follows `count` (the catalog's `key.one`, `key.other`),
    /// with `{count}` set to it.
    public static func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> Message {
        Message(key, arguments.merging(["count": String(count)]) { $1 })
    }
}

/// The values of a list placeholder, as code spans: "`a`, `b`, `c`".
extension Array where Element == String {
    public var codeList: String { map { "`\($0)`" }.joined(separator: ", ") }
}
