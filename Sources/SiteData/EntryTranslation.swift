import ContentModel

/// A translation of an entry (`content/proyectos/rcn-visa.en.md`): its words in another
/// language. Only text is translated (the title, `string` and `text` fields, the body); ids,
/// dates, values and references are shared by every language and stay in the original file.
public struct EntryTranslation: Sendable {
    public let key: EntryKey
    public let language: String
    public let file: String
    public let fields: [String: FieldValue]
    public let textSources: [String: TextSource]
    public let body: String
    public let bodyFirstLine: Int

    /// The fields a translation may set.
    public static func translatable(_ collection: Collection) -> [Field] {
        collection.fields.filter {
            switch $0.type {
            case .string, .text, .list(of: .string): true
            default: false
            }
        }
    }

    /// Makes a translation from its checked parts (Validation reads and checks the file).
    public init(
        key: EntryKey, language: String, file: String, fields: [String: FieldValue],
        textSources: [String: TextSource], body: String, bodyFirstLine: Int
    ) {
        self.key = key
        self.language = language
        self.file = file
        self.fields = fields
        self.textSources = textSources
        self.body = body
        self.bodyFirstLine = bodyFirstLine
    }

    /// This translation with another body, read from the same file at the same line.
    public func with(body: String) -> EntryTranslation {
        EntryTranslation(
            key: key, language: language, file: file, fields: fields, textSources: textSources, body: body,
            bodyFirstLine: bodyFirstLine)
    }

    /// True when the translation has a body of its own.
    public var hasBody: Bool { !body.allSatisfy(\.isWhitespace) }
}
