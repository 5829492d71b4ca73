import ContentModel
import Diagnostics
import Foundation
import FrontMatter
import SiteData

/// Stage 3a, **validate**: checks one file's front matter against its collection's fields and
/// types its values. References are only checked for shape here; `SiteResolver` resolves them.
public struct EntryValidator: Sendable {
    public let collection: Collection
    /// The site's language's month names, January first, to read "septiembre 2022" as
    /// `2022-09` in the hint of `date-invalid` (`DateGuess`); empty to read numbers only.
    public var months: [String] = []

    /// Creates a validator for entries of `collection`.
    public init(collection: Collection, months: [String] = []) {
        self.collection = collection
        self.months = months
    }

    /// Validates the file `path` with id `id` and text `text`; the entry is `nil` when the file
    /// cannot be read as an entry at all. Every problem found is returned, not just the first.
    public func validate(id: String, path: String, text: String) -> (Entry?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let split: SplitFile
        switch FrontMatterSplitter.split(text, file: path) {
        case .success(let value): split = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let closingLine = split.bodyFirstLine - 1
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        switch YAMLReader.parse(split.yaml, file: path, firstLine: split.yamlFirstLine) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil): break
        case .success(let node?):
            guard let mapping = node.mapping else {
                let location = SourceLocation(file: path, line: node.line, column: node.column, length: node.width)
                return (
                    nil,
                    [
                        .error(
                            "front-matter-invalid", Message("front-matter-invalid", parts: ["kind": node.kind]),
                            at: location,
                            hint: Message("front-matter-invalid.hint", ["field": collection.titleField]))
                    ]
                )
            }
            pairs = mapping
        }
        var checker = ValueChecker(file: path)
        checker.titleField = collection.titleField
        checker.months = months
        var fields: [String: FieldValue] = [:]
        var textSources: [String: TextSource] = [:]
        for (keyNode, valueNode) in pairs {
            let name = keyNode.scalar ?? ""
            guard let field = collection.field(name) else {
                if !collection.allowsExtraFields {
                    checker.report(
                        "field-unknown",
                        Message("field-unknown", ["field": name, "collection": collection.name]), at: keyNode,
                        hint: Suggestion.didYouMean(for: name, among: collection.fields.map(\.name))
                            ?? Message(
                                "field-unknown.hint",
                                ["collection": collection.name, "fields": collection.fields.map(\.name).codeList])
                    )
                }
                continue
            }
            if let value = checker.check(valueNode, as: field, path: name) {
                fields[name] = value
                textSources[name] = TextSource.of(value, at: valueNode, key: keyNode, file: path, in: split)
            }
        }
        diagnostics += checker.diagnostics
        let written = Set(pairs.compactMap { $0.key.scalar })
        for field in collection.fields where field.required && fields[field.name] == nil {
            // A required field that is written but invalid already has its own diagnostic.
            guard !written.contains(field.name) || pairs.first(where: { $0.key.scalar == field.name })!.value.isNull
            else { continue }
            diagnostics.append(
                .error(
                    "field-missing", Message("field-missing", ["field": field.name, "label": field.label]),
                    at: SourceLocation(file: path, line: closingLine, column: 1, length: 3), field: field.name,
                    hint: Message(
                        "field-missing.hint", ["field": field.name],
                        parts: ["example": Self.example(for: field)])))
        }
        if let problem = VisibleText.bidiProblem(inBody: split.body, file: path, firstLine: split.bodyFirstLine) {
            diagnostics.append(problem)
        }
        guard case .string(let title)? = fields[collection.titleField] else { return (nil, diagnostics) }
        // A body cmark-gfm would take too long on is never rendered (the file's id still exists).
        if let problem = MarkdownLimits.problem(in: split.body) {
            return (nil, diagnostics + [problem.diagnostic(file: path, firstLine: split.bodyFirstLine)])
        }
        let entry = Entry(
            key: EntryKey(collection.name, id), file: path, title: title, fields: fields, positions: checker.positions,
            textSources: textSources, body: split.body, bodyFirstLine: split.bodyFirstLine)
        return (entry, diagnostics + timelineDiagnostics(of: entry))
    }

    /// An example value for a hint.
    static func example(for field: Field) -> Message {
        switch field.type {
        case .string, .text: Message("example.value", ["value": "…"])
        case .int: Message("example.value", ["value": "1"])
        case .number, .percent: Message("example.value", ["value": "50"])
        case .date: Message("example.date")
        case .url: Message("example.value", ["value": "https://…"])
        case .boolean: Message("example.value", ["value": "true"])
        case .enumeration(let set): Message("example.value", ["value": set.values.first?.id ?? "…"])
        case .reference(let to): Message("example.reference", ["collection": to])
        case .references(let to): Message("example.references", ["collection": to])
        case .list: Message("example.value", ["value": "[…]"])
        case .series:
            Message(
                "example.value", ["value": "{unit: …, direction: up, baseline: {date: YYYY, value: 0}, values: […]}"])
        }
    }
}

/// Checks YAML values against field types, collecting diagnostics.
struct ValueChecker {
    let file: String
    /// The collection's title field, which must show some text even where it is not required.
    var titleField: String?
    /// Month names for `DateGuess`.
    var months: [String] = []
    var diagnostics: [Diagnostic] = []
    /// Where each checked value starts, by field path (`socios[2]`, `historial[1].fecha`).
    var positions: [String: SourceLocation] = [:]

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, length: node.width)
    }

    mutating func report(
        _ code: String, _ message: Message, at node: YAMLNode, field: String? = nil, hint: Message? = nil
    ) {
        diagnostics.append(.error(code, message, at: location(of: node), field: field, hint: hint))
    }

    /// The typed value of `node`, or `nil` (with a diagnostic) when it does not fit `field`.
    mutating func check(_ node: YAMLNode, as field: Field, path: String) -> FieldValue? {
        positions[path] = location(of: node)
        if node.isNull { return nil }
        switch field.type {
        case .list(let item):
            guard let items = node.sequence else {
                return wrongType(node, expected: Message("type.list-of-lines"), path: path)
            }
            var values: [FieldValue] = []
            for (index, itemNode) in items.enumerated() {
                let itemPath = "\(path)[\(index + 1)]"
                switch item {
                case .string:
                    if let text = scalar(itemNode, path: itemPath, expected: Message("type.text")) {
                        values.append(.string(text))
                    }
                case .record(let fields):
                    if let record = checkRecord(itemNode, fields: fields, path: itemPath) {
                        values.append(.record(record))
                    }
                }
            }
            return .list(values)
        case .references:
            // One id alone is accepted as a list of one.
            let items = node.sequence ?? [node]
            var ids: [String] = []
            for (index, itemNode) in items.enumerated() {
                let itemPath = node.sequence == nil ? path : "\(path)[\(index + 1)]"
                positions[itemPath] = location(of: itemNode)
                guard let id = identifier(itemNode, path: itemPath, field: field) else { continue }
                if ids.contains(id) {
                    diagnostics.append(
                        .warning(
                            "ref-duplicate", Message("ref-duplicate", ["id": id, "field": path]),
                            at: location(of: itemNode), field: itemPath,
                            hint: Message("ref-duplicate.hint", ["id": id])))
                    continue
                }
                ids.append(id)
            }
            return .references(ids)
        case .series:
            return checkSeries(node, path: path)
        default:
            guard let text = scalar(node, path: path, expected: Self.describe(field.type)) else { return nil }
            return checkScalar(text, node: node, as: field, path: path)
        }
    }

    mutating func checkRecord(_ node: YAMLNode, fields: [Field], path: String) -> [String: FieldValue]? {
        guard let pairs = node.mapping else {
            _ = wrongType(
                node, expected: Message("type.record", ["fields": fields.map(\.name).joined(separator: ", ")]),
                path: path)
            return nil
        }
        var record: [String: FieldValue] = [:]
        for (keyNode, valueNode) in pairs {
            let name = keyNode.scalar ?? ""
            guard let field = fields.first(where: { $0.name == name }) else {
                report(
                    "field-unknown", Message("field-unknown.record", ["field": name, "path": path]), at: keyNode,
                    field: "\(path).\(name)",
                    hint: Suggestion.didYouMean(for: name, among: fields.map(\.name))
                        ?? Message("field-unknown.record.hint", ["fields": fields.map(\.name).codeList]))
                continue
            }
            if let value = check(valueNode, as: field, path: "\(path).\(name)") { record[name] = value }
        }
        for field in fields
        where field.required && record[field.name] == nil
            && !pairs.contains(where: { $0.key.scalar == field.name && !$0.value.isNull })
        {
            report(
                "field-missing", Message("field-missing.record", ["field": field.name, "path": path]), at: node,
                field: "\(path).\(field.name)",
                hint: Message(
                    "field-missing.record.hint", ["field": field.name],
                    parts: ["example": EntryValidator.example(for: field)]))
        }
        return record
    }

    mutating func checkScalar(_ text: String, node: YAMLNode, as field: Field, path: String) -> FieldValue? {
        switch field.type {
        case .string:
            return refusesBlank(text, node: node, field: field, path: path) ? nil : .string(text)
        case .text:
            if refusesBlank(text, node: node, field: field, path: path) { return nil }
            if let problem = MarkdownLimits.problem(in: text) {
                report(
                    "markdown-too-complex",
                    Message(
                        "markdown-too-complex.field", ["field": path, "line": String(problem.line)],
                        parts: ["problem": problem.reason]),
                    at: node, field: path, hint: problem.advice)
                return nil
            }
            return .text(text)
        case .int:
            guard let value = Int(text) else {
                report("field-type", Message("field-type.int", ["field": path, "value": text]), at: node, field: path)
                return nil
            }
            return .int(value)
        case .number:
            guard let value = Double(text), value.isFinite else {
                report(
                    "field-type", Message("field-type.number", ["field": path, "value": text]), at: node, field: path,
                    hint: Message("field-type.number.hint"))
                return nil
            }
            return .number(value)
        case .percent:
            let digits = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            guard let value = Double(digits), value.isFinite, (0...100).contains(value) else {
                report(
                    "field-type", Message("field-type.percent", ["field": path, "value": text]), at: node, field: path)
                return nil
            }
            return .percent(value)
        case .boolean:
            switch text {
            case "true", "yes": return .boolean(true)
            case "false", "no": return .boolean(false)
            default:
                report(
                    "field-type", Message("field-type.boolean", ["field": path, "value": text]), at: node, field: path)
                return nil
            }
        case .date:
            guard let date = SiteDate(text) else {
                report(
                    "date-invalid", Message("date-invalid", ["value": text]), at: node, field: path,
                    hint: DateGuess(months: months).value(for: text).map {
                        Message("date-invalid.hint.value", ["value": $0])
                    } ?? Message("date-invalid.hint"))
                return nil
            }
            return .date(date)
        case .url:
            if let problem = URLRule.problem(with: text) {
                report(
                    "url-invalid",
                    Message("url-invalid", ["value": text], parts: ["problem": problem]), at: node,
                    field: path, hint: Message("url-invalid.hint"))
                return nil
            }
            return .url(text)
        case .enumeration(let set):
            guard set.value(text) != nil else {
                report(
                    "enum-unknown", Message("enum-unknown", ["value": text, "field": path, "label": field.label]),
                    at: node, field: path, hint: Self.enumHint(text, in: set))
                return nil
            }
            return .enumeration(text)
        case .reference:
            return identifier(node, path: path, field: field).map(FieldValue.reference)
        case .references, .list, .series:
            return nil  // handled in `check`
        }
    }

    /// "did you mean `en-marcha`?" and the allowed ids when `text` is one of them spelt another
    /// way or with a typo (`Suggestion.closestValue`, by id or label); otherwise the allowed ids
    /// with their labels, and no guess: a status a few letters from another is another status.
    static func enumHint(_ text: String, in set: EnumSet) -> Message {
        let ids = set.values.map { "`\($0.id)`" }.joined(separator: ", ")
        let close =
            Suggestion.closestValue(to: text, among: set.values.map(\.id))
            ?? Suggestion.closestValue(to: text, among: set.values.map(\.label)).flatMap { label in
                set.values.first { $0.label == label }?.id
            }
        if let close { return Message("enum-unknown.hint.guess", ["name": close, "allowed": ids]) }
        let labelled = set.values.map { $0.label == $0.id ? "`\($0.id)`" : "`\($0.id)` (\($0.label))" }
        return Message("enum-unknown.hint", ["allowed": labelled.joined(separator: ", ")])
    }

    /// Reports a required text, or the title, that shows nothing (`""`, spaces, U+200B): as good
    /// as missing, but written, so it is reported at the value.
    mutating func refusesBlank(_ text: String, node: YAMLNode, field: Field, path: String) -> Bool {
        guard field.required || path == titleField, VisibleText.isBlank(text) else { return false }
        let message =
            if text.isEmpty {
                Message("field-blank.empty", ["field": path])
            } else if let invisible = VisibleText.firstInvisible(text) {
                Message("field-blank.invisible", ["field": path, "character": BidiControls.describe(invisible)])
            } else {
                Message("field-blank.spaces", ["field": path])
            }
        report(
            "field-blank", message, at: node, field: path,
            hint: Message(path == titleField ? "field-blank.hint.title" : "field-blank.hint"))
        return true
    }

    mutating func identifier(_ node: YAMLNode, path: String, field: Field) -> String? {
        guard let text = scalar(node, path: path, expected: Message("type.id")) else { return nil }
        guard EntryID.isValid(text) else {
            report(
                "ref-invalid", Message("ref-invalid", ["value": text]), at: node, field: path,
                hint: Message("ref-invalid.hint", ["id": EntryID.make(from: text)]))
            return nil
        }
        return text
    }

    mutating func scalar(_ node: YAMLNode, path: String, expected: Message) -> String? {
        guard let text = node.scalar else {
            _ = wrongType(node, expected: expected, path: path)
            return nil
        }
        return text
    }

    mutating func wrongType(_ node: YAMLNode, expected: Message, path: String) -> FieldValue? {
        report(
            "field-type", Message("field-type", ["field": path], parts: ["expected": expected, "kind": node.kind]),
            at: node, field: path)
        return nil
    }

    static func describe(_ type: FieldType) -> Message {
        switch type {
        case .string, .text: Message("type.text")
        case .int: Message("type.int")
        case .number: Message("type.number")
        case .percent: Message("type.percent")
        case .boolean: Message("type.boolean")
        case .date: Message("type.date")
        case .url: Message("type.url")
        case .enumeration: Message("type.enum")
        case .reference: Message("type.id")
        case .references: Message("type.ids")
        case .list: Message("type.list")
        case .series: Message("type.series")
        }
    }
}
