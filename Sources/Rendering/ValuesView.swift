import Templates

/// The values page of a group-by field (`acciones/hito/`, Hugo's taxonomy terms page): every
/// value with its count of entries, each linked to its group page, in the order of the filters.
public struct ValuesView: Sendable, TemplateView {
    /// The heading of the table ("Valores").
    public var title: String
    /// The field's label, the header of the values' column ("Hito estratégico").
    public var field: String
    /// The header of the counts' column ("Entradas").
    public var countLabel: String
    /// The values this page shows (a page of them when they are split into pages).
    public var rows: [FilterOptionView]

    public static let names: TemplateNames<ValuesView> = [
        "title": .init(\.title),
        "field": .init(\.field),
        "countLabel": .init(\.countLabel),
        "rows": .init(\.rows),
    ]
}
