import ContentModel
import SiteData
import SiteLayout

/// Late entries: past their planned end (`planned_end`) without a final status. Each collection
/// that names a planned end has a page listing its late entries, like a group-by page, linked
/// from its filters and counted on the home page.
extension PageBuilder {
    /// `proyectos/fin_previsto/`: the page of the late entries of `collection`, named after its
    /// planned-end field as group-by pages are after theirs; `nil` when it names no planned end.
    public func latePath(of collection: Collection) -> String? {
        guard let field = collection.plannedEnd else { return nil }
        return paths.folder(of: collection, field: field)
    }

    /// The late entries of `collection`, found once for every page that lists or counts them.
    public func lateEntries(of collection: Collection) -> [Entry] {
        listingMemo.lateEntries(of: collection.name) { site.lateEntries(of: collection.name) }
    }

    /// The page listing the late entries of `collection` (page `number` of it when split).
    public func latePage(of collection: Collection, page number: Int = 1) -> PageView {
        let entries = lateEntries(of: collection)
        let page = latePath(of: collection) ?? paths.index(of: collection)
        return listing(
            of: collection, entries: entries, page: page, number: number,
            filter: (strings["late.filter"], strings["late.value"]),
            filterDescription: strings.format(
                "late.description",
                ["field": collection.plannedEnd.flatMap(collection.field)?.label.lowercased() ?? ""]))
    }

    /// The filter "Plazo: Atrasados (n)" of a collection's listings, when it names a planned end.
    func lateFilter(of collection: Collection, from page: String, listing: String? = nil) -> FilterView? {
        guard let path = latePath(of: collection) else { return nil }
        return FilterView(
            label: strings["late.filter"],
            options: [
                FilterOptionView(
                    title: strings["late.value"], url: PagePaths.relative(path, from: page),
                    count: lateEntries(of: collection).count, current: path == (listing ?? page))
            ])
    }

    /// The home page's figure of late entries of `collection`: "1 atrasado", linked to its page.
    func lateFigure(of collection: Collection) -> LinkView? {
        guard let path = latePath(of: collection) else { return nil }
        let count = lateEntries(of: collection).count
        return LinkView(
            title: strings.plural("late.count", count: count), url: PagePaths.relative(path, from: paths.home))
    }
}
