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
    // The view of the page's own part, one of these, each in a box of its own (`Boxed`): the
    // renderer copies a page's view each time it looks a name up in it, and all of them inline
    // made it 2.7 KB.
    @Boxed public var home: HomeView? = nil
    @Boxed public var collection: CollectionView? = nil
    @Boxed public var entry: EntryView? = nil
    @Boxed public var data: DataView? = nil
    @Boxed public var updates: UpdatesView? = nil
    /// A reporting period's page, and the index of periods.
    @Boxed public var period: PeriodView? = nil
    @Boxed public var periods: PeriodsView? = nil
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

/// An optional value kept out of line, in a box of its own (none for `nil`), with the value
/// semantics of the value: a change puts the changed value in a new box. Keeps a view that may
/// hold another small to copy.
@propertyWrapper
public struct Boxed<Wrapped: Sendable>: Sendable {
    private indirect enum Box: Sendable {
        case value(Wrapped)
    }

    private var box: Box?

    public init(wrappedValue: Wrapped?) {
        box = wrappedValue.map(Box.value)
    }

    public var wrappedValue: Wrapped? {
        get {
            switch box {
            case .value(let value)?: value
            case nil: nil
            }
        }
        set { box = newValue.map(Box.value) }
    }
}
