import Bodies
import ContentModel
import Foundation
import SiteData
import SiteLayout

/// Computes the view of every page from the validated `Site`: labels, figures, references in
/// both directions, relative URLs.
public struct PageBuilder: Sendable {
    public private(set) var site: Site
    public private(set) var bodies: RenderedBodies
    public let strings: Strings
    public let localization: Localization
    public let paths: PagePaths
    /// What the pages of one listing share, made by the first of them: the group-by pages of
    /// each collection (every listing page shows them all as filters), its filters, its counts.
    let listingMemo = ListingMemo()
    /// What the roll-ups of every entry page share, made from the model and the words.
    let rollupShapes: RollupShapes
    /// What the shell of every page shares, made from the model and the words.
    let shell: ShellShape

    /// Creates a builder of pages in `localization`'s language (the site's own by default).
    public init(site: Site, bodies: RenderedBodies, strings: Strings, localization: Localization? = nil) {
        self.site = site
        self.bodies = bodies
        self.strings = strings
        self.localization = localization ?? Localization(site: site)
        self.paths = PagePaths(
            model: site.model, prefix: self.localization.prefix,
            data: DataPaths(model: site.model, ownLanguage: self.localization.languages.first?.code))
        self.shell = ShellShape(model: site.model, strings: strings, localization: self.localization, paths: paths)
        self.rollupShapes = RollupShapes(model: site.model, strings: strings) { [model = site.model] in
            Self.reaches($0, $1, in: model)
        }
    }

    var model: SiteModel { site.model }

    /// This builder with other bodies of the same entries (`avance serve`'s edit of a body):
    /// the groups and filters, made from fields, are kept.
    func replacing(site: Site, bodies: RenderedBodies) -> PageBuilder {
        var builder = self
        builder.site = site
        builder.bodies = bodies
        return builder
    }

    /// The built-in pages and data files in the words of `language`, one of the site's.
    func dataPaths(of language: String) -> DataPaths {
        DataPaths(model: model, language: language, ownLanguage: localization.languages.first?.code)
    }

    // MARK: - Layout, and the pages that are only the layout

    /// The layout's data for the page at `page`, with `title`.
    func layout(page: String, title: String, description: String? = nil, section: String? = nil) -> PageView {
        var nav = shell.menu.map { item in
            LinkView(title: item.title, url: PagePaths.relative(item.index, from: page), current: item.name == section)
        }
        nav.append(
            LinkView(
                title: shell.dataNav, url: PagePaths.relative(paths.dataPage, from: page),
                current: page == paths.dataPage))
        let footer = shell.footer.flatMap { collection in
            site.entries(of: collection).map { link(to: $0, from: page) }
        }
        let unprefixed = shell.alternates.isEmpty ? "" : String(page.dropFirst(paths.prefix.count))
        let alternates = shell.alternates.map { alternate in
            // The same page in `language`: a built-in page in that language's words (`en/data/`).
            let other = alternate.language.prefix + paths.data.translating(unprefixed, to: alternate.data)
            return LanguageLinkView(
                lang: alternate.language.code, name: alternate.name,
                url: PagePaths.relative(other, from: page), absolute: paths.absolute(other),
                current: alternate.language.prefix == paths.prefix)
        }
        var view = PageView(
            lang: localization.language, siteTitle: model.title, siteDescription: model.description,
            root: PagePaths.relative(paths.home, from: page), assets: PagePaths.relative("", from: page),
            canonical: paths.absolute(page), alternates: alternates, title: title,
            description: description, nav: nav, footer: footer, strings: strings,
            feedJSON: PagePaths.relative(DataPaths.jsonFeed, from: page),
            feedAtom: PagePaths.relative(DataPaths.atomFeed, from: page),
            dataURL: PagePaths.relative(paths.dataPage, from: page),
            searchURL: PagePaths.relative(paths.searchPage, from: page),
            searchIndexURL: PagePaths.relative(paths.localized(DataPaths.searchIndex), from: page),
            updatesURL: PagePaths.relative(paths.updatesPage, from: page))
        view.banner = model.banner
        view.siteURL = model.baseURL
        if !site.periods.isEmpty { view.periodsURL = PagePaths.relative(paths.periodsPage, from: page) }
        view.license = model.license.map(LicenseView.init)
        return view
    }

    /// The search page (`buscar/`, `en/search/`); the theme's script fills it from the search index.
    public func search() -> PageView {
        layout(page: paths.searchPage, title: strings["search_title"])
    }

    /// The page servers show for a missing URL. It is served at any path, so its links start
    /// from the site's base path instead of being relative.
    public func notFound() -> PageView {
        var view = layout(page: paths.home, title: strings["not_found_title"])
        let base = model.basePath
        view.root = base
        view.assets = base
        view.alternates = []
        view.canonical = model.baseURL + DataPaths.notFound
        view.feedJSON = base + DataPaths.jsonFeed
        view.feedAtom = base + DataPaths.atomFeed
        view.dataURL = base + paths.dataPage
        view.searchURL = base + paths.searchPage
        view.searchIndexURL = base + DataPaths.searchIndex
        view.updatesURL = base + paths.updatesPage
        view.nav = view.nav.map { LinkView(title: $0.title, url: base + String($0.url), current: false) }
        view.footer = view.footer.map {
            var link = LinkView(title: $0.title, url: base + String($0.url), current: false)
            link.lang = $0.lang
            return link
        }
        view.notFound = true
        return view
    }

    // MARK: - Shared

    /// A share with one decimal at most, for CSS widths: "12.5".
    static func decimal(_ value: Double) -> String {
        BarChart.format(value)
    }

    /// A date in words, in the site's language: "abril de 2022".
    func format(_ date: SiteDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthName = strings["months.\(month)"]
        guard let day = date.day else {
            return strings.format("date.month", ["month": monthName, "year": String(date.year)])
        }
        return strings.format("date.day", ["day": String(day), "month": monthName, "year": String(date.year)])
    }
}

/// What the pages of one listing share, made once for the listing instead of once a page: the
/// counts by status of all its entries, and the late entries of each collection (every listing
/// page counts them in its filters). A listing of 50,000 entries has 500 pages, and counting
/// them again on each was a sixth of the build at N = 50,000 (N² / 100). Made from fields only,
/// so a body edit keeps them. Safe to share between threads; two pages asking at once may both
/// count, with the same result.
final class ListingMemo: @unchecked Sendable {
    typealias Groups = (list: [PageBuilder.Group], byValue: [String: [String: Int]])
    private let lock = NSLock()
    private var counts: [String: StatusCounts?] = [:]
    private var late: [String: [Entry]] = [:]
    private var groups: [String: Groups] = [:]
    private var tables: [String: PageBuilder.FilterTable] = [:]

    /// The value kept at `key` in the table `table`, made by `make` the first time (outside
    /// the lock: two pages may make it at once, and both make the same).
    private func memo<Value>(
        _ table: ReferenceWritableKeyPath<ListingMemo, [String: Value]>, _ key: String,
        _ make: () -> Value
    ) -> Value {
        if let kept = lock.withLock({ self[keyPath: table][key] }) { return kept }
        let made = make()
        lock.withLock { self[keyPath: table][key] = made }
        return made
    }

    /// The group-by pages of the collection `name`, made by `make` the first time, with the
    /// place of each by field and value.
    func groups(of name: String, _ make: () -> [PageBuilder.Group]) -> Groups {
        memo(\.groups, name) {
            let list = make()
            var byValue: [String: [String: Int]] = [:]
            for (index, group) in list.enumerated() { byValue[group.field.name, default: [:]][group.value] = index }
            return (list, byValue)
        }
    }

    /// The filters of the collection `name`'s listings, made by `make` the first time.
    func filterTable(of name: String, _ make: () -> PageBuilder.FilterTable) -> PageBuilder.FilterTable {
        memo(\.tables, name, make)
    }

    /// The late entries of the collection `name`, found by `find` the first time.
    func lateEntries(of name: String, _ find: () -> [Entry]) -> [Entry] {
        memo(\.late, name, find)
    }

    /// The status counts of the listing at `listing` (its first page's path), made by `make`
    /// the first time.
    func statusCounts(of listing: String, _ make: () -> StatusCounts?) -> StatusCounts? {
        memo(\.counts, listing, make)
    }
}
