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
                            "front-matter-invalid",
                            "the front matter must be fields written as `name: value`, not \(node.kindDescription)",
                            at: location, hint: "write one field per line, such as `\(collection.titleField): …`")
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
                        "unknown field `\(name)` in collection `\(collection.name)`", at: keyNode,
                        hint: Suggestion.hint(for: name, among: collection.fields.map(\.name))
                            ?? "the fields of `\(collection.name)` are \(collection.fields.map { "`\($0.name)`" }.joined(separator: ", "))"
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
                    "field-missing", "missing required field `\(field.name)` (\(field.label))",
                    at: SourceLocation(file: path, line: closingLine, column: 1, length: 3), field: field.name,
                    hint: "add `\(field.name): \(Self.example(for: field))` before this line"))
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
    static func example(for field: Field) -> String {
        switch field.type {
        case .string, .text: "…"
        case .int: "1"
        case .number, .percent: "50"
        case .date: "YYYY-MM-DD"
        case .url: "https://…"
        case .boolean: "true"
        case .enumeration(let set): set.values.first?.id ?? "…"
        case .reference(let to): "<id of a `\(to)` entry>"
        case .references(let to): "[<ids of `\(to)` entries>]"
        case .list: "[…]"
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
        _ code: String, _ message: String, at node: YAMLNode, field: String? = nil, hint: String? = nil
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
                return wrongType(node, expected: "a list (`- item` lines or `[a, b]`)", path: path)
            }
            var values: [FieldValue] = []
            for (index, itemNode) in items.enumerated() {
                let itemPath = "\(path)[\(index + 1)]"
                switch item {
                case .string:
                    if let text = scalar(itemNode, path: itemPath, expected: "text") { values.append(.string(text)) }
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
                            "ref-duplicate", "`\(id)` is listed twice in `\(path)`",
                            at: location(of: itemNode), field: itemPath, hint: "remove the second `\(id)`"))
                    continue
                }
                ids.append(id)
            }
            return .references(ids)
        default:
            guard let text = scalar(node, path: path, expected: Self.describe(field.type)) else { return nil }
            return checkScalar(text, node: node, as: field, path: path)
        }
    }

    mutating func checkRecord(_ node: YAMLNode, fields: [Field], path: String) -> [String: FieldValue]? {
        guard let pairs = node.mapping else {
            _ = wrongType(
                node, expected: "a group of fields (\(fields.map(\.name).joined(separator: ", ")))", path: path)
            return nil
        }
        var record: [String: FieldValue] = [:]
        for (keyNode, valueNode) in pairs {
            let name = keyNode.scalar ?? ""
            guard let field = fields.first(where: { $0.name == name }) else {
                report(
                    "field-unknown", "unknown field `\(name)` in `\(path)`", at: keyNode, field: "\(path).\(name)",
                    hint: Suggestion.hint(for: name, among: fields.map(\.name))
                        ?? "the fields are \(fields.map { "`\($0.name)`" }.joined(separator: ", "))")
                continue
            }
            if let value = check(valueNode, as: field, path: "\(path).\(name)") { record[name] = value }
        }
        for field in fields
        where field.required && record[field.name] == nil
            && !pairs.contains(where: { $0.key.scalar == field.name && !$0.value.isNull })
        {
            report(
                "field-missing", "missing required field `\(field.name)` in `\(path)`", at: node,
                field: "\(path).\(field.name)", hint: "add `\(field.name): \(EntryValidator.example(for: field))`")
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
                    "markdown-too-complex", "`\(path)`, line \(problem.line) of its text: \(problem.message)",
                    at: node, field: path, hint: problem.hint)
                return nil
            }
            return .text(text)
        case .int:
            guard let value = Int(text) else {
                report("field-type", "`\(path)` must be a whole number, not `\(text)`", at: node, field: path)
                return nil
            }
            return .int(value)
        case .number:
            guard let value = Double(text), value.isFinite else {
                report(
                    "field-type", "`\(path)` must be a number, not `\(text)`", at: node, field: path,
                    hint: "use a dot for decimals, such as `12.5`")
                return nil
            }
            return .number(value)
        case .percent:
            let digits = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            guard let value = Double(digits), value.isFinite, (0...100).contains(value) else {
                report(
                    "field-type", "`\(path)` must be a percentage from 0 to 100, not `\(text)`", at: node, field: path)
                return nil
            }
            return .percent(value)
        case .boolean:
            switch text {
            case "true", "yes": return .boolean(true)
            case "false", "no": return .boolean(false)
            default:
                report("field-type", "`\(path)` must be `true` or `false`, not `\(text)`", at: node, field: path)
                return nil
            }
        case .date:
            guard let date = SiteDate(text) else {
                report(
                    "date-invalid", "`\(text)` is not a valid date", at: node, field: path,
                    hint: DateGuess(months: months).value(for: text).map {
                        "write `\($0)`: dates are YYYY-MM-DD, or YYYY-MM when only the month is known"
                    } ?? "write dates as YYYY-MM-DD, or YYYY-MM when only the month is known")
                return nil
            }
            return .date(date)
        case .url:
            if let problem = URLRule.problem(with: text) {
                report(
                    "url-invalid", "`\(text)` is not an allowed URL: \(problem)", at: node, field: path,
                    hint: "only http://, https:// and mailto: links are allowed")
                return nil
            }
            return .url(text)
        case .enumeration(let set):
            guard set.value(text) != nil else {
                report(
                    "enum-unknown", "`\(text)` is not a value of `\(path)`", at: node, field: path,
                    hint: Self.enumHint(text, in: set))
                return nil
            }
            return .enumeration(text)
        case .reference:
            return identifier(node, path: path, field: field).map(FieldValue.reference)
        case .references, .list:
            return nil  // handled in `check`
        }
    }

    /// "did you mean `en-marcha`?" and the allowed ids when `text` is one of them spelt another
    /// way or with a typo (`Suggestion.closestValue`, by id or label); otherwise the allowed ids
    /// with their labels, and no guess: a status a few letters from another is another status.
    static func enumHint(_ text: String, in set: EnumSet) -> String {
        let ids = set.values.map { "`\($0.id)`" }.joined(separator: ", ")
        let close =
            Suggestion.closestValue(to: text, among: set.values.map(\.id))
            ?? Suggestion.closestValue(to: text, among: set.values.map(\.label)).flatMap { label in
                set.values.first { $0.label == label }?.id
            }
        if let close { return "did you mean `\(close)`? Allowed: \(ids)" }
        let labelled = set.values.map { $0.label == $0.id ? "`\($0.id)`" : "`\($0.id)` (\($0.label))" }
        return "allowed: " + labelled.joined(separator: ", ")
    }

    /// Reports a required text, or the title, that shows nothing (`""`, spaces, U+200B): as good
    /// as missing, but written, so it is reported at the value.
    mutating func refusesBlank(_ text: String, node: YAMLNode, field: Field, path: String) -> Bool {
        guard field.required || path == titleField, VisibleText.isBlank(text) else { return false }
        let what =
            if text.isEmpty {
                "is empty"
            } else if let invisible = VisibleText.firstInvisible(text) {
                "holds only invisible characters, such as \(BidiControls.describe(invisible))"
            } else {
                "holds only spaces"
            }
        report(
            "field-blank", "`\(path)` \(what)", at: node, field: path,
            hint: path == titleField
                ? "write the title that pages, links and feeds show" : "write the text, or leave the field out")
        return true
    }

    mutating func identifier(_ node: YAMLNode, path: String, field: Field) -> String? {
        guard let text = scalar(node, path: path, expected: "an id") else { return nil }
        guard EntryID.isValid(text) else {
            report(
                "ref-invalid", "`\(text)` is not an entry id", at: node, field: path,
                hint: "refer to an entry by its file name without `.md`, such as `\(EntryID.make(from: text))`")
            return nil
        }
        return text
    }

    mutating func scalar(_ node: YAMLNode, path: String, expected: String) -> String? {
        guard let text = node.scalar else {
            _ = wrongType(node, expected: expected, path: path)
            return nil
        }
        return text
    }

    mutating func wrongType(_ node: YAMLNode, expected: String, path: String) -> FieldValue? {
        report("field-type", "`\(path)` must be \(expected), not \(node.kindDescription)", at: node, field: path)
        return nil
    }

    static func describe(_ type: FieldType) -> String {
        switch type {
        case .string, .text: "text"
        case .int: "a whole number"
        case .number: "a number"
        case .percent: "a percentage"
        case .boolean: "`true` or `false`"
        case .date: "a date"
        case .url: "a URL"
        case .enumeration: "one of its values"
        case .reference: "an id"
        case .references: "a list of ids"
        case .list: "a list"
        }
    }
}
