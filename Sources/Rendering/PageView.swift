import Templates

// The values templates see. Templates stay logic-less: every figure, label, URL and flag is
// computed in Swift, in `PageBuilder`. Each view is a `TemplateView`: a table of its names, each
// to a key path, answers lookups while rendering and tells the theme check which names a view
// has (`PageTemplate`). Each page's view lives beside the `PageBuilder+*.swift` that fills it.

/// Every page: the layout's data plus exactly one of `home`, `collection`, `entry`.
public struct PageView: Sendable, TemplateView {
    public var lang: String
    public var siteTitle: String
    public var siteDescription: String?
    /// `banner` of `site.yaml`: shown above every page's content.
    public var banner: String?
    /// The relative URL of this language's home page from this page (`../../`).
    public var root: String
    /// The relative URL of the site's root, where CSS, scripts and data files live.
    public var assets: String
    public var canonical: String
    /// This page in every language of the site (none when it has one language).
    public var alternates: [LanguageLinkView]
    public var title: String
    public var description: String?
    public var nav: [LinkView]
    public var footer: [LinkView]
    public var strings: Strings
    /// Relative URLs of the feeds and of the open-data page, for `<link rel="alternate">` and menus.
    public var feedJSON: String
    public var feedAtom: String
    public var dataURL: String
    /// Relative URLs of the search page and of the prebuilt search index.
    public var searchURL: String
    public var searchIndexURL: String
    public var updatesURL: String
    public var home: HomeView?
    public var collection: CollectionView?
    public var entry: EntryView?
    public var data: DataView?
    public var updates: UpdatesView?
    /// A reporting period's page, and the index of periods.
    public var period: PeriodView?
    public var periods: PeriodsView?
    /// The index of periods, when the site has periods.
    public var periodsURL: String?
    public var notFound = false
    /// The site's absolute address (`base_url`), for the Open Graph image.
    public var siteURL = ""
    /// The terms of reuse of the data, when the site declares them.
    public var license: LicenseView?
    /// On a listing split into pages, the previous and next pages (`<link rel="prev/next">`).
    public var previousURL: String?
    public var nextURL: String?

    public static let names: TemplateNames<PageView> = [
        "lang": .init(\.lang),
        "siteTitle": .init(\.siteTitle),
        "siteDescription": .init(\.siteDescription),
        "banner": .init(\.banner),
        "root": .init(\.root),
        "assets": .init(\.assets),
        "canonical": .init(\.canonical),
        "alternates": .init(\.alternates),
        "title": .init(\.title),
        "description": .init(\.description),
        "nav": .init(\.nav),
        "footer": .init(\.footer),
        "t": .init(anyName: \.strings),
        "feedJSON": .init(\.feedJSON),
        "feedAtom": .init(\.feedAtom),
        "dataURL": .init(\.dataURL),
        "searchURL": .init(\.searchURL),
        "searchIndexURL": .init(\.searchIndexURL),
        "home": .init(\.home),
        "collection": .init(\.collection),
        "entry": .init(\.entry),
        "data": .init(\.data),
        "updates": .init(\.updates),
        "period": .init(\.period),
        "periods": .init(\.periods),
        "periodsURL": .init(\.periodsURL),
        "updatesURL": .init(\.updatesURL),
        "notFound": .init(\.notFound),
        "siteURL": .init(\.siteURL),
        "license": .init(\.license),
        "previousURL": .init(\.previousURL),
        "nextURL": .init(\.nextURL),
    ]
}

/// The same page in one language: for `hreflang` links and the language switcher.
public struct LanguageLinkView: Sendable, TemplateView {
    public var lang: String
    public var name: String
    public var url: String
    public var absolute: String
    public var current: Bool

    public static let names: TemplateNames<LanguageLinkView> = [
        "lang": .init(\.lang),
        "name": .init(\.name),
        "url": .init(\.url),
        "absolute": .init(\.absolute),
        "current": .init(\.current),
    ]
}
