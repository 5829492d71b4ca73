import Templates

/// The values of one group-by field, each a link to its page with a count.
public struct FilterView: Sendable, TemplateView {
    public var label: String
    public var options: [FilterOptionView]

    public static let names: TemplateNames<FilterView> = [
        "label": .init(\.label),
        "options": .init(\.options),
    ]
}

/// One value of a filter: "Suspendido (35)".
public struct FilterOptionView: Sendable, TemplateView {
    public var title: String
    public var url: String
    public var count: Int
    public var current: Bool

    public static let names: TemplateNames<FilterOptionView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "count": .init(\.count),
        "current": .init(\.current),
    ]
}
