import Templates

/// A stacked chart of one collection's status per entry of another (actions by status, per
/// axis), or of documented against declared entries per collection.
public struct BreakdownView: Sendable, TemplateView {
    public var id: String
    public var title: String
    public var summary: String
    public var svg: String
    /// Column headings of the data table, after the row heading.
    public var columns: [String]
    public var rows: [RowView]
    public var method: String?

    public static let names: TemplateNames<BreakdownView> = [
        "id": .init(\.id),
        "title": .init(\.title),
        "summary": .init(\.summary),
        "svg": .init(\.svg),
        "columns": .init(\.columns),
        "rows": .init(\.rows),
        "method": .init(\.method),
    ]
}
