import Templates

/// One shown value of a field: text, with a link, a colour or a date where it has one.
public struct ValueView: Sendable, TemplateView {
    public var text: String
    public var url: String?
    /// For enum values: the value id (for CSS) and colour.
    public var enumID: String?
    public var color: String?
    public var description: String?
    /// For dates: the machine-readable form for `<time datetime>`.
    public var datetime: String?
    /// For URL fields: the link leaves the site.
    public var external = false
    /// The language of `text` when it is not the page's (an untranslated title).
    public var lang: String?

    public static let names: TemplateNames<ValueView> = [
        "text": .init(\.text),
        "url": .init(\.url),
        "enumID": .init(\.enumID),
        "color": .init(\.color),
        "description": .init(\.description),
        "datetime": .init(\.datetime),
        "external": .init(\.external),
        "lang": .init(\.lang),
    ]
}
