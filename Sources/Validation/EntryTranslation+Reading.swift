import ContentModel
import Diagnostics
import FrontMatter
import SiteData

extension EntryTranslation {
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
        checker.titleField = collection.titleField
        var fields: [String: FieldValue] = [:]
        var textSources: [String: TextSource] = [:]
        let translatable = translatable(collection)
        for (keyNode, valueNode) in pairs {
            let name = keyNode.scalar ?? ""
            guard let field = translatable.first(where: { $0.name == name }) else {
                let original = key.id + ".md"
                if collection.field(name) != nil {
                    checker.report(
                        "translation-field", Message("translation-field", ["field": name]), at: keyNode,
                        hint: Message("translation-field.hint", ["file": original]))
                } else {
                    checker.report(
                        "field-unknown", Message("field-unknown", ["field": name, "collection": collection.name]),
                        at: keyNode, hint: Suggestion.didYouMean(for: name, among: translatable.map(\.name)))
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
        if let problem = VisibleText.bidiProblem(inBody: split.body, file: path, firstLine: split.bodyFirstLine) {
            checker.diagnostics.append(problem)
        }
        let translation = EntryTranslation(
            key: key, language: language, file: path, fields: fields, textSources: textSources, body: split.body,
            bodyFirstLine: split.bodyFirstLine)
        return (translation, checker.diagnostics)
    }
}
