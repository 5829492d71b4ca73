import Templates

/// One dated record of an entry's history: "abril de 2022 — En marcha: Inicio de la …".
public struct TimelineItemView: Sendable, TemplateView {
    /// The id of the item on the page; the feeds' item ids end with it.
    public var anchor: String
    public var date: String
    public var datetime: String
    public var label: String?
    public var note: String?
    /// The language of `note` when it is not the page's (not translated yet).
    public var noteLang: String?

    public static let names: TemplateNames<TimelineItemView> = [
        "anchor": .init(\.anchor),
        "date": .init(\.date),
        "datetime": .init(\.datetime),
        "label": .init(\.label),
        "note": .init(\.note),
        "noteLang": .init(\.noteLang),
    ]
}
