import ContentModel
import SiteData

/// The text of a new entry: every field of its collection, each under a comment that says what
/// it takes. A required field gets a value avance can know (a title made from the id, the first
/// enum value, today's date, the next order number); a required field only the editor can know
/// (a reference, a link, other text, a list) is left empty, so that `avance build` reports it as
/// `field-missing` until it is filled in. Optional fields are written as comments.
struct EntryTemplate {
    let collection: Collection
    let content: ExistingContent
    /// Today as `YYYY-MM-DD`, for required dates.
    let today: String
    let words: TemplateWords

    /// Most ids listed in a comment; longer lists end with "… and N more".
    static let listedIDs = 40

    /// The file's text, and the required fields left for the editor to fill in.
    func text(id: String) -> (text: String, unfilled: [Field]) {
        var lines = ["---"]
        lines += YAMLText.comment(words.intro(collection.singular))
        lines += YAMLText.comment(words.comments)
        var unfilled: [Field] = []
        for field in collection.fields {
            lines += describe(field)
            if !field.required {
                lines.append("# \(field.name):")
            } else if let value = knownValue(of: field, id: id) {
                lines.append("\(field.name): \(value)")
            } else {
                lines += YAMLText.comment(words.fillIn)
                lines.append("\(field.name):")
                unfilled.append(field)
            }
            lines += recordExample(of: field)
        }
        lines.append("---")
        return (lines.joined(separator: "\n") + "\n\n", unfilled)
    }

    /// A value for a required field that needs no knowledge of the entry, or `nil`.
    func knownValue(of field: Field, id: String) -> String? {
        if field.name == collection.titleField { return YAMLText.scalar(Self.title(fromID: id)) }
        switch field.type {
        case .enumeration(let set): return set.values.first.map { YAMLText.scalar($0.id) }
        case .date: return today
        case .int: return String(nextNumber(of: field))
        case .number, .percent: return "0"
        case .boolean: return "false"
        case .string, .text, .url, .reference, .references, .list, .series: return nil
        }
    }

    /// "huertos-urbanos" → "Huertos urbanos": a start for the title, to be corrected by hand.
    static func title(fromID id: String) -> String {
        let words = id.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// One more than the largest value of `field` among existing entries (1 when there is none).
    func nextNumber(of field: Field) -> Int {
        let values = content.site.entries(of: collection.name).compactMap { entry -> Int? in
            if case .int(let value)? = entry.fields[field.name] { return value }
            return nil
        }
        return (values.max() ?? 0) + 1
    }

    // MARK: - Comments

    func describe(_ field: Field) -> [String] {
        let need = field.required ? words.required : words.optional
        var lines = YAMLText.comment(heading(field.label, need: need, type: field.type))
        switch field.type {
        case .enumeration(let set):
            for value in set.values { lines += YAMLText.comment(describe(value), prefix: "#   ") }
        case .reference(let target), .references(let target):
            lines += listOfIDs(in: target)
        case .list(of: .record(let fields)):
            for item in fields {
                let itemNeed = item.required ? words.required : words.optional
                lines += YAMLText.comment(heading(item.name, need: itemNeed, type: item.type), prefix: "#   ")
                if case .enumeration(let set) = item.type {
                    lines += YAMLText.comment(set.values.map(\.id).joined(separator: ", "), prefix: "#     ")
                }
            }
        default:
            break
        }
        if let description = field.description { lines += YAMLText.comment(description) }
        return lines
    }

    /// "Estado (obligatorio). Valores posibles:", "Inicio (opcional): una fecha …".
    func heading(_ name: String, need: String, type: FieldType) -> String {
        if case .enumeration = type { return "\(name) (\(need)). \(words.values)" }
        let what = kind(of: type)
        return "\(name) (\(need))" + (what.isEmpty ? "." : ": \(what)")
    }

    /// A commented example record under a list-of-records field, a commented series under a
    /// series field, or nothing.
    func recordExample(of field: Field) -> [String] {
        if case .series = field.type {
            let year = String(today.prefix(4))
            let start = (Int(year) ?? 2000) - 2
            return [
                "#   unit: \"%\"", "#   direction: up", "#   range: [0, 100]",
                "#   baseline: {date: \(start), value: 0}", "#   targets:",
                "#     - {date: \(start + 5), value: 0}", "#   values:",
                "#     - {date: \(start + 1), value: 0, source: \"…\"}",
                "#     - {date: \(year), value: 0, source: \"…\", note: \"…\"}",
            ]
        }
        guard case .list(of: .record(let fields)) = field.type else { return [] }
        let items = fields.map { item in
            let value = example(of: item)
            return value.isEmpty ? "\(item.name):" : "\(item.name): \(value)"
        }
        return ["#   - " + items.joined(separator: "\n#     ")]
    }

    func describe(_ value: EnumValue) -> String {
        var text = value.id
        if value.label != value.id { text += ": \(value.label)." }
        if let description = value.description { text += " \(description)" }
        return text
    }

    func kind(of type: FieldType) -> String {
        switch type {
        case .string: ""
        case .text: words.markdown
        case .int: words.whole
        case .number: words.number
        case .percent: words.percent
        case .date: words.date
        case .url: words.url
        case .boolean: words.boolean
        case .enumeration: ""
        case .reference(let target): words.oneID(title(of: target))
        case .references(let target): words.severalIDs(title(of: target))
        case .list(of: .string): words.list
        case .list(of: .record): words.records
        case .series: words.series
        }
    }

    func title(of collection: String) -> String {
        content.model.collection(collection)?.title ?? collection
    }

    /// The ids an editor can choose from, as comment lines.
    func listOfIDs(in target: String) -> [String] {
        let ids = content.sortedIDs(of: target)
        guard !ids.isEmpty else { return YAMLText.comment(words.noEntries, prefix: "#   ") }
        var text = words.existing + " " + ids.prefix(Self.listedIDs).joined(separator: ", ")
        if ids.count > Self.listedIDs {
            let folder = content.model.collection(target)?.folder ?? target
            text += " " + words.more(ids.count - Self.listedIDs, folder)
        }
        return YAMLText.comment(text, prefix: "#   ")
    }

    /// An example value for a field of a record, for the commented example.
    func example(of field: Field) -> String {
        switch field.type {
        case .date: today
        case .enumeration(let set): set.values.first?.id ?? ""
        case .int: "1"
        case .number, .percent: "0"
        case .boolean: "false"
        default: ""
        }
    }
}
