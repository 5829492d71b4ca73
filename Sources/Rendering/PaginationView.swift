import Templates

/// The navigation between the pages of a long listing: previous, next, and the page numbers
/// (the first, the last and those around the current one, with gaps between).
public struct PaginationView: Sendable, TemplateView {
    /// The `aria-label` of the navigation ("Páginas de la lista").
    public var label: String
    /// Which entries this page shows: "Entradas 101 a 200 de 1000".
    public var shown: String
    public var previousURL: String?
    public var nextURL: String?
    /// The words of the previous and next links ("Anterior", "Siguiente").
    public var previousText: String
    public var nextText: String
    public var pages: [PageLinkView]

    public static let names: TemplateNames<PaginationView> = [
        "label": .init(\.label),
        "shown": .init(\.shown),
        "previousURL": .init(\.previousURL),
        "nextURL": .init(\.nextURL),
        "previousText": .init(\.previousText),
        "nextText": .init(\.nextText),
        "pages": .init(\.pages),
    ]
}

/// One item of the page numbers: a page (linked, or the current one) or a gap ("…").
public struct PageLinkView: Sendable, TemplateView {
    public var number: String
    /// What a screen reader says for it: "Página 3".
    public var label: String
    public var url: String
    public var current: Bool
    public var gap: Bool

    public static let names: TemplateNames<PageLinkView> = [
        "number": .init(\.number),
        "label": .init(\.label),
        "url": .init(\.url),
        "current": .init(\.current),
        "gap": .init(\.gap),
    ]
}
