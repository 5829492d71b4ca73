import Templates

/// The values of one group-by field, each a link to its page with a count; for a field with more
/// values than `filter_limit`, only the current one and `more`, the link to its values page.
public struct FilterView: Sendable, TemplateView {
    public var label: String
    public var options: [FilterOptionView]
    /// "Los 2500 valores de Hito": the link to the page listing every value of the field.
    public var more: LinkView?

    public init(label: String, options: [FilterOptionView], more: LinkView? = nil) {
        self.label = label
        self.options = options
        self.more = more
    }

    public static let names: TemplateNames<FilterView> = [
        "label": .init(\.label),
        "options": .init(\.options),
        "more": .init(\.more),
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
