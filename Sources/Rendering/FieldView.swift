import Templates

/// A field of an entry page: its label and values, or a table for a list of records.
public struct FieldView: Sendable, TemplateView {
    public var name: String
    public var label: String
    public var values: [ValueView]
    /// Rendered Markdown of a `text` field.
    public var html: String?
    /// Columns and rows of a list of records.
    public var columns: [String]
    public var rows: [RowView]
    /// The language of its values when it is not the page's (text not translated yet).
    public var lang: String?

    var isTable: Bool { !rows.isEmpty }
    var isList: Bool { values.count > 1 }

    public static let names: TemplateNames<FieldView> = [
        "name": .init(\.name),
        "label": .init(\.label),
        "values": .init(\.values),
        "html": .init(\.html),
        "columns": .init(\.columns),
        "rows": .init(\.rows),
        "lang": .init(\.lang),
        "isTable": .init(\.isTable),
        "isList": .init(\.isList),
    ]
}
