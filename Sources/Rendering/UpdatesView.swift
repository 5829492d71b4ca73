import Templates

/// The page of last changes: every entry by the date its file last changed, stale ones marked.
public struct UpdatesView: Sendable, TemplateView {
    public var rows: [UpdateRowView]
    /// False when no dates are known (not a git checkout, or a shallow clone).
    public var known: Bool
    public var threshold: String?
    public var staleCount: Int

    public static let names: TemplateNames<UpdatesView> = [
        "rows": .init(\.rows),
        "known": .init(\.known),
        "threshold": .init(\.threshold),
        "staleCount": .init(\.staleCount),
    ]
}

/// An entry on the page of last changes.
public struct UpdateRowView: Sendable, TemplateView {
    public var title: String
    public var url: String
    public var collection: String
    public var date: String?
    public var datetime: String?
    public var stale: Bool
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public static let names: TemplateNames<UpdateRowView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "collection": .init(\.collection),
        "date": .init(\.date),
        "datetime": .init(\.datetime),
        "stale": .init(\.stale),
        "lang": .init(\.lang),
    ]
}
