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

    /// The ids this value refers to (for `ref` and `refs`).
    public var referencedIDs: [String] {
        switch self {
        case let .reference(id): [id]
        case let .references(ids): ids
        default: []
        }
    }

    /// The value as plain text, for sorting and for CSV-like uses.
    public var plainText: String {
        switch self {
        case let .string(text), let .text(text), let .url(text), let .enumeration(text), let .reference(text):
            text
        case let .int(value): String(value)
        case let .number(value), let .percent(value): Self.format(value)
        case let .boolean(value): value ? "true" : "false"
        case let .date(date): date.description
        case let .references(ids): ids.joined(separator: ", ")
        case let .list(items): items.map(\.plainText).joined(separator: "; ")
        case let .record(fields): fields.keys.sorted().map { "\($0): \(fields[$0]!.plainText)" }.joined(separator: ", ")
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
        case let (.int(a)?, .int(b)?): return a == b ? nil : a < b
        case let (.number(a)?, .number(b)?), let (.percent(a)?, .percent(b)?): return a == b ? nil : a < b
        case let (.date(a)?, .date(b)?): return a == b ? nil : a < b
        case let (a?, b?):
            let (x, y) = (a.plainText, b.plainText)
            return x == y ? nil : x < y
        }
    }
}
