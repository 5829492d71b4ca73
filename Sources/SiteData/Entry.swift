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
    public var positions: [String: SourceLocation] { storedPositions.positions(file: file) }
    /// The same, as made or as read from the build cache's store (decoded when asked for).
    let storedPositions: StoredPositions
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
    public convenience init(
        key: EntryKey, file: String, title: String, fields: [String: FieldValue],
        positions: [String: SourceLocation] = [:], textSources: [String: TextSource] = [:], bodyText: StoredText,
        bodyFirstLine: Int, bodyFile: String? = nil
    ) {
        self.init(
            key: key, file: file, title: title, fields: fields, storedPositions: .made(positions),
            textSources: textSources, bodyText: bodyText, bodyFirstLine: bodyFirstLine, bodyFile: bodyFile)
    }

    /// Creates an entry whose positions are `storedPositions`.
    init(
        key: EntryKey, file: String, title: String, fields: [String: FieldValue], storedPositions: StoredPositions,
        textSources: [String: TextSource], bodyText: StoredText, bodyFirstLine: Int, bodyFile: String?
    ) {
        self.key = key
        self.file = file
        self.title = title
        self.fields = fields
        self.storedPositions = storedPositions
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
            key: key, file: file, title: title, fields: fields, storedPositions: storedPositions,
            textSources: textSources, bodyText: StoredText(body), bodyFirstLine: bodyFirstLine, bodyFile: bodyFile)
    }
}

/// Where an entry's fields were written (`Entry.positions`): as validation made them, or the
/// bytes of the build cache's store that hold them, decoded each time they are asked for. A
/// rebuild asks for few (diagnostics, the links of a body converted again): decoded for every
/// entry, their 18,000 dictionaries were a third of the memory of reading the store.
enum StoredPositions: Sendable {
    case made([String: SourceLocation])
    case stored(ArchiveBytes, Range<Int>)

    func positions(file: String) -> [String: SourceLocation] {
        switch self {
        case .made(let positions): return positions
        case .stored(let archive, let range):
            var reader = ArchiveReader(archive.bytes, from: range.lowerBound, to: range.upperBound, owner: archive)
            // The bytes were read through once when the entry was (`Entry.skipPositions`).
            return (try? Entry.readPositions(from: &reader, file: file)) ?? [:]
        }
    }
}
