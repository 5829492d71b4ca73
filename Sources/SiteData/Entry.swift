import Diagnostics

/// Names one entry of the site: its collection and its id.
public struct EntryKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let collection: String
    public let id: String

    /// Creates a key.
    public init(_ collection: String, _ id: String) {
        self.collection = collection
        self.id = id
    }

    public static func < (lhs: EntryKey, rhs: EntryKey) -> Bool {
        (lhs.collection, lhs.id) < (rhs.collection, rhs.id)
    }

    public var description: String { "\(collection)/\(id)" }
}

/// One validated Markdown file: typed fields and the Markdown body.
public final class Entry: Sendable {
    public let key: EntryKey
    /// The file, relative to the site root.
    public let file: String
    public let title: String
    /// Values by field name; absent fields are missing.
    public let fields: [String: FieldValue]
    /// Where each field's value starts, for diagnostics of later stages.
    public let positions: [String: SourceLocation]
    /// Where the `text` fields that may hold links were written, by field name.
    public let textSources: [String: TextSource]
    /// The Markdown after the front matter.
    public var body: String { bodyText.string }
    /// The same, as read from the build cache's store: made a `String` only when asked for.
    public let bodyText: StoredText
    /// The file line where `body` starts, so Markdown positions map back to the file.
    public let bodyFirstLine: Int
    /// The file the body comes from: `file`, or a translation (`rcn-visa.en.md`).
    public let bodyFile: String

    /// Creates an entry.
    public convenience init(
        key: EntryKey, file: String, title: String, fields: [String: FieldValue],
        positions: [String: SourceLocation] = [:], textSources: [String: TextSource] = [:], body: String,
        bodyFirstLine: Int, bodyFile: String? = nil
    ) {
        self.init(
            key: key, file: file, title: title, fields: fields, positions: positions, textSources: textSources,
            bodyText: StoredText(body), bodyFirstLine: bodyFirstLine, bodyFile: bodyFile)
    }

    /// Creates an entry whose body is `bodyText`.
    public init(
        key: EntryKey, file: String, title: String, fields: [String: FieldValue],
        positions: [String: SourceLocation] = [:], textSources: [String: TextSource] = [:], bodyText: StoredText,
        bodyFirstLine: Int, bodyFile: String? = nil
    ) {
        self.key = key
        self.file = file
        self.title = title
        self.fields = fields
        self.positions = positions
        self.textSources = textSources
        self.bodyText = bodyText
        self.bodyFirstLine = bodyFirstLine
        self.bodyFile = bodyFile ?? file
    }

    public var id: String { key.id }
    public var collection: String { key.collection }

    /// This entry with another body, read from the same file at the same line.
    public func with(body: String) -> Entry {
        Entry(
            key: key, file: file, title: title, fields: fields, positions: positions, textSources: textSources,
            body: body, bodyFirstLine: bodyFirstLine, bodyFile: bodyFile)
    }
}
