import ContentModel
import Diagnostics
import SiteData

/// Turns one spreadsheet cell into the YAML value of a field: status words into enum ids,
/// partner names into entry ids, `15/04/2022` into `2022-04-15`, `12,5` into `12.5`. What it
/// cannot convert is written as it is, so the validator reports it with its usual diagnostic.
struct CellConverter: Sendable {
    /// The entries each reference field can name, by target collection.
    let references: [String: ReferenceIndex]

    /// The value to write after `field:`, or `nil` to leave the field out, with the problems of
    /// names that match no entry (those names are left out).
    func yaml(for cell: String, field: Field, at location: SourceLocation) -> (String?, [Diagnostic]) {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return (nil, []) }
        switch field.type {
        case .string: return (YAMLText.scalar(Self.oneLine(text)), [])
        case .text: return (YAMLText.scalar(text), [])
        case .int, .url: return (YAMLText.scalar(text), [])
        case .number: return (YAMLText.scalar(Self.decimal(text)), [])
        case .percent:
            let number = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            return (YAMLText.scalar(Self.decimal(number)), [])
        case .boolean: return (YAMLText.scalar(Self.boolean(text) ?? text), [])
        case .date: return (YAMLText.scalar(Self.date(text)), [])
        case .enumeration(let set): return (YAMLText.scalar(Self.enumValue(text, in: set) ?? text), [])
        case .list(of: .string):
            let items = text.split(whereSeparator: { $0 == ";" || $0 == "\n" })
                .map { Self.oneLine(String($0)) }.filter { !$0.isEmpty }
            return (YAMLText.flowList(items), [])
        case .list(of: .record), .series: return (nil, [])
        case .reference(let target):
            guard let index = references[target] else { return (YAMLText.scalar(text), []) }
            let match = index.match(text)
            if case .entry(let id) = match { return (id, []) }
            return (nil, [index.problem(text, match: match, field: field.name, at: location)].compactMap { $0 })
        case .references(let target):
            guard let index = references[target] else { return (YAMLText.scalar(text), []) }
            var ids: [String] = []
            var problems: [Diagnostic] = []
            for name in NameSplitter.names(in: text, index: index) {
                let match = index.match(name)
                if case .entry(let id) = match {
                    if !ids.contains(id) { ids.append(id) }
                } else if let problem = index.problem(name, match: match, field: field.name, at: location) {
                    problems.append(problem)
                }
            }
            return (ids.isEmpty ? nil : YAMLText.flowList(ids), problems)
        }
    }

    /// Line breaks and runs of spaces as one space.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `12,5` → `12.5` (a decimal comma, when there is no point).
    static func decimal(_ text: String) -> String {
        text.contains(".") ? text : text.replacingOccurrences(of: ",", with: ".")
    }

    /// Yes/no words of spreadsheets, in Spanish and English.
    static func boolean(_ text: String) -> String? {
        switch NameKey.of(text) {
        case "si", "yes", "true", "verdadero", "x", "1": "true"
        case "no", "false", "falso", "0": "false"
        default: nil
        }
    }

    /// `15/04/2022` or `15.04.2022` (day first, as Spanish spreadsheets write it) → `2022-04-15`;
    /// `04/2022` → `2022-04`; anything else, or a date that does not exist, unchanged, so that the
    /// validator quotes the cell as it was typed.
    static func date(_ text: String) -> String {
        let converted = dayFirst(text)
        return SiteDate(converted) != nil ? converted : text
    }

    static func dayFirst(_ text: String) -> String {
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
            let year = parts.last, year.count == 4
        else { return text }
        func two(_ part: String) -> String { part.count == 1 ? "0" + part : part }
        if parts.count == 2 { return "\(year)-\(two(parts[0]))" }
        if parts.count == 3 { return "\(year)-\(two(parts[1]))-\(two(parts[0]))" }
        return text
    }

    /// The value whose id or label is `text`, without case or accents: "En marcha" → `en-marcha`.
    static func enumValue(_ text: String, in set: EnumSet) -> String? {
        let key = NameKey.of(text)
        return (set.values.first { NameKey.of($0.id) == key } ?? set.values.first { NameKey.of($0.label) == key })?.id
    }
}
