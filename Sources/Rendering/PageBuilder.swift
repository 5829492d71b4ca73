import Bodies
import ContentModel
import Foundation
import SiteData
import SiteLayout

/// Computes the view of every page from the validated `Site`: labels, figures, references in
/// both directions, relative URLs.
public struct PageBuilder: Sendable {
    public let site: Site
    public let bodies: RenderedBodies
    public let strings: Strings
    public let localization: Localization
    public let paths: PagePaths
    /// The group-by pages of each collection, made once: every listing page shows them all as
    /// filters.
    let groupsByCollection: [String: [Group]]

    /// Creates a builder of pages in `localization`'s language (the site's own by default).
    public init(site: Site, bodies: RenderedBodies, strings: Strings, localization: Localization? = nil) {
        self.site = site
        self.bodies = bodies
        self.strings = strings
        self.localization = localization ?? Localization(site: site)
        self.paths = PagePaths(model: site.model, prefix: self.localization.prefix)
        self.groupsByCollection = Dictionary(
            site.model.collections.map { ($0.name, Self.groups(of: $0, in: site)) },
            uniquingKeysWith: { first, _ in first })
    }

    var model: SiteModel { site.model }

    // MARK: - Layout

    /// The layout's data for the page at `page`, with `title`.
    func layout(page: String, title: String, description: String? = nil, section: String? = nil) -> PageView {
        var nav = model.collections.filter(\.inMenu).map { collection in
            LinkView(
                title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: page),
                current: collection.name == section)
        }
        nav.append(
            LinkView(
                title: strings["data_nav"], url: PagePaths.relative(paths.localized(DataPaths.dataPage), from: page),
                current: page == paths.localized(DataPaths.dataPage)))
        let footer = model.collections.filter { !$0.inMenu }.flatMap { collection in
            site.entries(of: collection.name).map { link(to: $0, from: page) }
        }
        let unprefixed = String(page.dropFirst(paths.prefix.count))
        let alternates = localization.languages.map { language in
            LanguageLinkView(
                lang: language.code, name: strings["language.\(language.code)"],
                url: PagePaths.relative(language.prefix + unprefixed, from: page),
                absolute: paths.absolute(language.prefix + unprefixed), current: language.prefix == paths.prefix)
        }
        return PageView(
            lang: localization.language, siteTitle: model.title, siteDescription: model.description,
            root: PagePaths.relative(paths.home, from: page), assets: PagePaths.relative("", from: page),
            canonical: paths.absolute(page), alternates: alternates.count > 1 ? alternates : [], title: title,
            description: description, nav: nav, footer: footer, strings: strings,
            feedJSON: PagePaths.relative(DataPaths.jsonFeed, from: page),
            feedAtom: PagePaths.relative(DataPaths.atomFeed, from: page),
            dataURL: PagePaths.relative(paths.localized(DataPaths.dataPage), from: page),
            searchURL: PagePaths.relative(paths.localized(DataPaths.searchPage), from: page),
            searchIndexURL: PagePaths.relative(paths.localized(DataPaths.searchIndex), from: page),
            updatesURL: PagePaths.relative(paths.localized(DataPaths.updatesPage), from: page))
    }

    /// The search page (`buscar/`); the theme's script fills it from the search index.
    public func search() -> PageView {
        layout(page: paths.localized(DataPaths.searchPage), title: strings["search_title"])
    }

    // MARK: - Open data and 404

    /// The open-data page (`datos/`), listing every document of the `OpenData` stage.
    public func data() -> PageView {
        let page = paths.localized(DataPaths.dataPage)
        var view = layout(page: page, title: strings["data_title"], description: strings["data_lead"])
        func download(_ title: String, _ path: String) -> DownloadView {
            DownloadView(title: title, url: PagePaths.relative(path, from: page), absolute: paths.absolute(path))
        }
        let sets = model.collections.map { collection in
            DataSetView(
                title: collection.title, coverage: coverage(of: collection),
                csv: download(DataPaths.csv(of: collection), DataPaths.csv(of: collection)),
                json: download(DataPaths.list(of: collection), DataPaths.list(of: collection)),
                schema: download(DataPaths.listSchema(of: collection), DataPaths.listSchema(of: collection)),
                entrySchema: download(DataPaths.entrySchema(of: collection), DataPaths.entrySchema(of: collection)),
                records: DataPaths.fieldTables(of: collection).map { field in
                    download(DataPaths.csv(of: collection, field: field), DataPaths.csv(of: collection, field: field))
                })
        }
        view.data = DataView(
            catalog: download(DataPaths.catalog, DataPaths.catalog),
            catalogSchema: download(DataPaths.catalogSchema, DataPaths.catalogSchema),
            jsonFeed: download(DataPaths.jsonFeed, DataPaths.jsonFeed),
            atomFeed: download(DataPaths.atomFeed, DataPaths.atomFeed),
            dataPackage: download(DataPaths.dataPackage, DataPaths.dataPackage),
            sitemap: download(DataPaths.sitemap, DataPaths.sitemap), sets: sets, version: DataPaths.version)
        return view
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
        view.dataURL = base + DataPaths.dataPage
        view.searchURL = base + DataPaths.searchPage
        view.searchIndexURL = base + DataPaths.searchIndex
        view.updatesURL = base + DataPaths.updatesPage
        view.nav = view.nav.map { LinkView(title: $0.title, url: base + String($0.url), current: false) }
        view.footer = view.footer.map {
            var link = LinkView(title: $0.title, url: base + String($0.url), current: false)
            link.lang = $0.lang
            return link
        }
        view.notFound = true
        return view
    }

    // MARK: - Home

    /// The home page: for each collection, how much is documented and entries by status.
    public func home() -> PageView {
        var view = layout(page: paths.home, title: model.title, description: model.description)
        let figures = model.collections.filter(\.inMenu).map { collection in
            FigureView(
                title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: paths.home),
                description: collection.description, coverage: coverage(of: collection),
                status: status(of: collection, among: site.entries(of: collection.name)))
        }
        let pages = model.collections.filter { !$0.inMenu }.flatMap { collection in
            site.entries(of: collection.name).map {
                link(to: $0, from: paths.home)
            }
        }
        let snapshots = homeSnapshots()
        view.home = HomeView(
            figures: figures, pages: pages, coverage: coverageChart(from: paths.home),
            breakdowns: model.collections.flatMap { breakdowns(of: $0, from: paths.home) },
            snapshots: snapshots.others, statuses: model.collections.compactMap { documentedStatus(of: $0) },
            lead: snapshots.lead)
        return view
    }

    func coverage(of collection: Collection) -> CoverageView {
        let documented = site.entries(of: collection.name).count
        guard let expected = collection.expected, expected > 0 else {
            return CoverageView(
                documented: documented, expected: nil,
                text: strings.plural("coverage.count", count: documented, ["documented": String(documented)]),
                width: "100",
                complete: true)
        }
        let share = min(100, Double(documented) / Double(expected) * 100)
        return CoverageView(
            documented: documented, expected: expected,
            text: strings.format("coverage.of", ["documented": String(documented), "expected": String(expected)]),
            width: Self.decimal(share), complete: documented >= expected)
    }

    static func decimal(_ value: Double) -> String {
        BarChart.format(value)
    }

    // MARK: - Collection index

    /// The index page of `collection`: coverage, status and a table of its entries.
    public func index(of collection: Collection) -> PageView {
        listing(of: collection, entries: site.entries(of: collection.name), page: paths.index(of: collection))
    }

    /// A page listing `entries` of `collection`: the index, or a group-by page when `filter`
    /// says which value it lists.
    func listing(
        of collection: Collection, entries: [Entry], page: String, filter: (field: String, value: String)? = nil,
        filterDescription: String? = nil
    ) -> PageView {
        let filterText = filter.map { "\($0.field): \($0.value)" }
        var view = layout(
            page: page, title: filterText.map { "\(collection.title) — \($0)" } ?? collection.title,
            description: collection.description, section: collection.name)
        let columns = Self.columns(of: collection)
        let rows = entries.map { entry in
            RowView(
                title: entry.title, url: PagePaths.relative(paths.page(of: entry.key), from: page),
                cells: columns.map { CellView(values: values(of: entry, field: $0, from: page), label: $0.label) },
                lang: titleLang(entry.key))
        }
        var listing = CollectionView(
            name: collection.name, title: collection.title, singular: collection.singular,
            description: collection.description,
            coverage: filter == nil ? coverage(of: collection) : count(entries.count),
            status: status(of: collection, among: entries), columns: columns.map(\.label), rows: rows)
        listing.filters = filters(of: collection, from: page)
        listing.filter = filterText
        if let filter {
            listing.allURL = PagePaths.relative(paths.index(of: collection), from: page)
            listing.filterDescription = filterDescription
            listing.emptyText = strings.plural(
                "filter_none", count: site.entries(of: collection.name).count,
                ["field": filter.field, "value": filter.value])
        } else {
            listing.breakdowns = breakdowns(of: collection, from: page)
            listing.snapshots = snapshots(of: collection)
        }
        view.collection = listing
        return view
    }

    /// "3 entradas": a plain count, for pages that list part of a collection.
    func count(_ number: Int) -> CoverageView {
        CoverageView(
            documented: number, expected: nil,
            text: strings.plural("coverage.count", count: number, ["documented": String(number)]),
            width: "100", complete: true)
    }

    /// The fields an index table shows: single values that are short (enums, references,
    /// numbers, dates), at most four.
    static func columns(of collection: Collection) -> [Field] {
        let short = collection.fields.filter { field in
            guard field.name != collection.titleField else { return false }
            switch field.type {
            case .enumeration, .reference, .date, .percent: return true
            default: return false
            }
        }
        return Array(short.prefix(4))
    }

    // MARK: - Entry page

    /// The page of `entry`: every field with its label, the body, references both ways.
    public func page(of entry: Entry) -> PageView {
        let page = paths.page(of: entry.key)
        guard let collection = model.collection(entry.collection) else { return layout(page: page, title: entry.title) }
        var view = layout(page: page, title: entry.title, section: collection.name)
        let fields = collection.fields.compactMap { field -> FieldView? in
            guard field.name != collection.titleField, entry.fields[field.name] != nil, !Self.isTimeline(field)
            else { return nil }
            return fieldView(field, of: entry, from: page)
        }
        let toc = (bodies.headings[entry.key] ?? []).filter { $0.level <= 3 }
            .map { TOCItemView(id: $0.id, text: $0.text, level: $0.level) }
        let rollups = rollupViews(of: entry, in: collection, from: page)
        view.entry = EntryView(
            id: entry.id, title: entry.title,
            collection: LinkView(
                title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: page)),
            singular: collection.singular, fields: fields, body: bodies.html[entry.key] ?? "", toc: toc,
            backlinks: backlinkGroups(of: entry, from: page), rollups: rollups, source: entry.file,
            updated: site.lastChanged[entry.key].map(format), updatedISO: site.lastChanged[entry.key]?.description,
            stale: site.isStale(entry.key), timeline: timeline(of: entry, in: collection),
            fallbackLang: !paths.prefix.isEmpty && site.untranslatedBodies.contains(entry.key) && !entry.body.isEmpty
                ? localization.languages.first?.code : nil, titleLang: titleLang(entry.key))
        return view
    }

    func fieldView(_ field: Field, of entry: Entry, from page: String) -> FieldView {
        var view = FieldView(name: field.name, label: field.label, values: [], html: nil, columns: [], rows: [])
        if Self.isWritten(field.type) { view.lang = fallbackLang(entry.key, field: field.name) }
        switch (field.type, entry.fields[field.name]) {
        case (.text, _):
            view.html = bodies.fieldHTML[entry.key]?[field.name]
        case (.list(of: .record(let recordFields)), .list(let items)?):
            view.columns = recordFields.map(\.label)
            view.rows = items.map { item in
                guard case .record(let values) = item else { return RowView(cells: []) }
                return RowView(
                    cells: recordFields.map { recordField in
                        CellView(
                            values: values[recordField.name].map {
                                self.values(of: $0, type: recordField.type, from: page)
                            } ?? [])
                    })
            }
        default:
            view.values = values(of: entry, field: field, from: page)
        }
        return view
    }

    /// The shown values of one field of an entry.
    func values(of entry: Entry, field: Field, from page: String) -> [ValueView] {
        guard let value = entry.fields[field.name] else { return [] }
        return values(of: value, type: field.type, from: page)
    }

    func values(of value: FieldValue, type: FieldType, from page: String) -> [ValueView] {
        switch (value, type) {
        case (.enumeration(let id), .enumeration(let set)):
            let enumValue = set.value(id)
            return [
                ValueView(
                    text: enumValue?.label ?? id, enumID: id, color: enumValue?.color,
                    description: enumValue?.description)
            ]
        case (_, .reference(let to)), (_, .references(let to)):
            return value.referencedIDs.map { id in
                let key = EntryKey(to, id)
                return ValueView(
                    text: site.entry(key)?.title ?? id, url: PagePaths.relative(paths.page(of: key), from: page),
                    lang: titleLang(key))
            }
        case (.date(let date), _):
            return [ValueView(text: format(date), datetime: date.description)]
        case (.url(let url), _):
            return [
                ValueView(text: url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url, url: url, external: true)
            ]
        case (.percent(let number), _):
            return [ValueView(text: strings.format("percent", ["value": FieldValue.format(number)]))]
        case (.boolean(let flag), _):
            return [ValueView(text: strings[flag ? "yes" : "no"])]
        case (.list(let items), .list):
            return items.map { ValueView(text: $0.plainText) }
        default:
            return [ValueView(text: value.plainText)]
        }
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

    /// The entries that refer to `entry`, grouped by their collection and field.
    func backlinkGroups(of entry: Entry, from page: String) -> [BacklinkGroupView] {
        var groups: [BacklinkGroupView] = []
        let links = site.backlinks[entry.key] ?? []
        for collection in model.collections {
            for field in collection.fields where field.type.target == entry.collection {
                let sources = links.filter { $0.from.collection == collection.name && $0.field == field.name }
                    .compactMap { site.entry($0.from) }
                guard !sources.isEmpty else { continue }
                // Display order, looked up in the site's index: no pass over the collection per page.
                let sorted = sources.sorted { (site.position(of: $0.key) ?? 0) < (site.position(of: $1.key) ?? 0) }
                groups.append(
                    BacklinkGroupView(
                        title: strings.format(
                            "backlinks.group", ["collection": collection.title, "field": field.label]),
                        entries: sorted.map { link(to: $0, from: page) }))
            }
        }
        return groups
    }
}
