/// A front-matter value after validation, typed by its field.
public indirect enum FieldValue: Sendable, Hashable {
    case string(String)
    /// Markdown text.
    case text(String)
    case int(Int)
    case number(Double)
    case percent(Double)
    case boolean(Bool)
    case date(SiteDate)
    case url(String)
    /// The id of an enum value.
    case enumeration(String)
    /// The id of an entry; its collection is the field's `to:`.
    case reference(String)
    case references([String])
    case list([FieldValue])
    /// A small record of a `list` field, by field name.
    case record([String: FieldValue])
    /// A measured series (`type: series`).
    case series(Series)

    /// The ids this value refers to (for `ref` and `refs`).
    public var referencedIDs: [String] {
        switch self {
        case .reference(let id): [id]
        case .references(let ids): ids
        default: []
        }
    }

    /// The value as plain text, for sorting and for CSV-like uses.
    public var plainText: String {
        switch self {
        case .string(let text), .text(let text), .url(let text), .enumeration(let text), .reference(let text):
            text
        case .int(let value): String(value)
        case .number(let value), .percent(let value): Self.format(value)
        case .boolean(let value): value ? "true" : "false"
        case .date(let date): date.description
        case .references(let ids): ids.joined(separator: ", ")
        case .list(let items): items.map(\.plainText).joined(separator: "; ")
        case .record(let fields): fields.keys.sorted().map { "\($0): \(fields[$0]!.plainText)" }.joined(separator: ", ")
        case .series(let series): "\(Self.format(series.latest.value)) \(series.unit) (\(series.latest.date))"
        }
    }

    /// `12` rather than `12.0`; otherwise Swift's shortest exact form.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Orders values of the same field: numbers by value, dates by date, others as text.
    public static func ordered(_ lhs: FieldValue?, _ rhs: FieldValue?) -> Bool? {
        switch (lhs, rhs) {
        case (nil, nil): return nil
        case (nil, _): return false  // entries without the value go last
        case (_, nil): return true
        case (.int(let a)?, .int(let b)?): return a == b ? nil : a < b
        case (.number(let a)?, .number(let b)?), (.percent(let a)?, .percent(let b)?): return a == b ? nil : a < b
        case (.date(let a)?, .date(let b)?): return a == b ? nil : a < b
        case (let a?, let b?):
            let (x, y) = (a.plainText, b.plainText)
            return x == y ? nil : x < y
        }
    }
}
