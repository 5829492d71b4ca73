import ContentModel
import SiteData
import SiteLayout

/// A collection's index and group-by pages, in a `CollectionView`.
extension PageBuilder {
    /// The index page of `collection`: coverage, status and a table of its entries (page
    /// `number` of them when its listings are split into pages).
    public func index(of collection: Collection, page number: Int = 1) -> PageView {
        listing(
            of: collection, entries: site.entries(of: collection.name), page: paths.index(of: collection),
            number: number)
    }

    /// How many pages a listing of `count` entries of `collection` has (`paginate_by`).
    public func pageCount(of collection: Collection, entries count: Int) -> Int {
        model.pageCount(of: collection, entries: count)
    }

    /// Page `number` of a page listing `entries` of `collection`: the index, or a group-by page
    /// when `filter` says which value it lists. `page` is the listing's own path (its first page).
    func listing(
        of collection: Collection, entries: [Entry], page listingPath: String, number: Int = 1,
        filter: (field: String, value: String)? = nil, filterDescription: String? = nil,
        trail: [(title: String, page: String)] = []
    ) -> PageView {
        let pageCount = pageCount(of: collection, entries: entries.count)
        let number = min(max(1, number), pageCount)
        let page = paths.page(number, of: listingPath)
        let filterText = filter.map { "\($0.field): \($0.value)" }
        var title = filterText.map { "\(collection.title) — \($0)" } ?? collection.title
        if pageCount > 1 {
            title = strings.format(
                "pagination.title", ["title": title, "page": String(number), "pages": String(pageCount)])
        }
        var view = layout(page: page, title: title, description: collection.description, section: collection.name)
        let columns = Self.columns(of: collection)
        let shown = itemsOfPage(number, of: pageCount, entries, in: collection)
        let rows = shown.map { entry in
            var row = RowView(
                title: entry.title, url: PagePaths.relative(shell.page(of: entry.key), from: page),
                cells: columns.map { CellView(values: values(of: entry, field: $0, from: page), label: $0.label) },
                lang: titleLang(entry.key))
            row.late = site.isLate(entry) ? strings["late.badge"] : nil
            return row
        }
        var listing = CollectionView(
            name: collection.name, title: collection.title, singular: collection.singular,
            description: collection.description,
            coverage: filter == nil ? coverage(of: collection) : count(entries.count),
            status: entries.isEmpty
                ? nil
                : status(
                    of: collection,
                    counts: listingMemo.statusCounts(of: listingPath) {
                        site.statusCounts(of: collection, among: entries)
                    }, from: page),
            columns: columns.map(\.label), rows: rows)
        listing.filters = filters(of: collection, from: page, listing: listingPath)
        listing.breadcrumb = trail.map { LinkView(title: $0.title, url: PagePaths.relative($0.page, from: page)) }
        if filter == nil { listing.progress = progressSummary(only: collection.name) }
        listing.filter = filterText
        if let filter {
            listing.allURL = PagePaths.relative(paths.index(of: collection), from: page)
            listing.filterDescription = filterDescription
            listing.emptyText = strings.plural(
                "filter_none", count: site.entries(of: collection.name).count,
                ["field": filter.field, "value": filter.value])
        } else if number == 1 {
            // The charts of the whole collection: on its first page only.
            listing.breakdowns = breakdowns(of: collection, from: page)
            listing.snapshots = snapshots(of: collection, from: page)
        }
        paginate(
            &view, &listing, page: number, of: pageCount, listing: listingPath, from: page,
            shown: (shown.startIndex + 1, shown.endIndex, entries.count))
        view.collection = listing
        return view
    }

    /// The items of page `number` (of `pageCount`) of a listing of `items` of `collection`.
    func itemsOfPage<Item>(_ number: Int, of pageCount: Int, _ items: [Item], in collection: Collection)
        -> ArraySlice<Item>
    {
        guard let size = model.pageSize(of: collection), pageCount > 1 else { return items[...] }
        return items[min(items.count, (number - 1) * size)..<min(items.count, number * size)]
    }

    /// Page `number` of the `pageCount` pages of the listing at `listing`, put in `view` and its
    /// `collection`: the page navigation (saying `shownText` where given, instead of which
    /// entries it shows), "page 2 of 5", and the links to the previous and next pages. Nothing
    /// for a listing of one page.
    func paginate(
        _ view: inout PageView, _ collection: inout CollectionView, page number: Int, of pageCount: Int,
        listing: String, from page: String, shown: (first: Int, last: Int, total: Int), shownText: String? = nil
    ) {
        guard pageCount > 1 else { return }
        var pagination = pagination(number, of: pageCount, listing: listing, from: page, shown: shown)
        if let shownText { pagination.shown = shownText }
        collection.pagination = pagination
        collection.pageTitle = strings.format("pagination.of", ["page": String(number), "pages": String(pageCount)])
        view.previousURL = pagination.previousURL
        view.nextURL = pagination.nextURL
    }

    /// The links between the `count` pages of the listing at `listing`, seen from page `number`
    /// (at `page`): previous, next, the first and last pages and the two on each side of this one.
    func pagination(
        _ number: Int, of count: Int, listing: String, from page: String, shown: (first: Int, last: Int, total: Int)
    ) -> PaginationView {
        func url(_ other: Int) -> String { PagePaths.relative(paths.page(other, of: listing), from: page) }
        let near = Set([1, count] + Array(max(1, number - 2)...min(count, number + 2)))
        var links: [PageLinkView] = []
        for other in near.sorted() {
            if let last = links.last, let previous = Int(last.number), other > previous + 1 {
                links.append(PageLinkView(number: "…", label: "", url: "", current: false, gap: true))
            }
            links.append(
                PageLinkView(
                    number: String(other), label: strings.format("pagination.page", ["page": String(other)]),
                    url: url(other), current: other == number, gap: false))
        }
        return PaginationView(
            label: strings["pagination.label"],
            shown: strings.format(
                "pagination.shown",
                ["first": String(shown.first), "last": String(shown.last), "total": String(shown.total)]),
            previousURL: number > 1 ? url(number - 1) : nil, nextURL: number < count ? url(number + 1) : nil,
            previousText: strings["pagination.previous"], nextText: strings["pagination.next"], pages: links)
    }

    /// The fields an index table shows: single values that are short (enums, references,
    /// numbers, dates), at most four.
    static func columns(of collection: Collection) -> [Field] {
        let short = collection.publicFields.filter { field in
            guard field.name != collection.titleField else { return false }
            switch field.type {
            case .enumeration, .reference, .date, .percent: return true
            default: return false
            }
        }
        return Array(short.prefix(4))
    }
}
