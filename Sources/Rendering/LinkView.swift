import Templates

/// A link to a page: menus, references, backlinks.
public struct LinkView: Sendable, TemplateView {
    public var title: String
    public var url: String
    public var current = false
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public static let names: TemplateNames<LinkView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "current": .init(\.current),
        "lang": .init(\.lang),
    ]
}
