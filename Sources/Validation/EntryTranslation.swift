import ContentModel
import Diagnostics
import FrontMatter

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

    /// Reads and checks a translation file.
    static func read(
        _ text: String, path: String, key: EntryKey, language: String, collection: Collection
    ) -> (EntryTranslation?, [Diagnostic]) {
        let split: SplitFile
        switch FrontMatterSplitter.split(text, file: path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        switch YAMLReader.parse(split.yaml, file: path, firstLine: split.yamlFirstLine) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let node): pairs = node?.mapping ?? []
        }
        var checker = ValueChecker(file: path)
        var fields: [String: FieldValue] = [:]
        var textSources: [String: TextSource] = [:]
        let translatable = translatable(collection)
        for (keyNode, valueNode) in pairs {
            let name = keyNode.scalar ?? ""
            guard let field = translatable.first(where: { $0.name == name }) else {
                let original = key.id + ".md"
                if collection.field(name) != nil {
                    checker.report(
                        "translation-field", "`\(name)` is not translated: it is the same in every language",
                        at: keyNode,
                        hint: "change it in `\(original)`; translations carry only text fields and the body")
                } else {
                    checker.report(
                        "field-unknown", "unknown field `\(name)` in collection `\(collection.name)`", at: keyNode,
                        hint: Suggestion.hint(for: name, among: translatable.map(\.name)))
                }
                continue
            }
            if let value = checker.check(valueNode, as: field, path: name) {
                fields[name] = value
                textSources[name] = TextSource.of(value, at: valueNode, key: keyNode, file: path, in: split)
            }
        }
        if let problem = MarkdownLimits.problem(in: split.body) {
            return (nil, checker.diagnostics + [problem.diagnostic(file: path, firstLine: split.bodyFirstLine)])
        }
        let translation = EntryTranslation(
            key: key, language: language, file: path, fields: fields, textSources: textSources, body: split.body,
            bodyFirstLine: split.bodyFirstLine)
        return (translation, checker.diagnostics)
    }

    /// True when the translation has a body of its own.
    public var hasBody: Bool { !body.allSatisfy(\.isWhitespace) }
}
