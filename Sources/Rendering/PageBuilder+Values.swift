import ContentModel
import SiteData
import SiteLayout

/// Values pages (`acciones/hito/`): the folder of a group-by field's pages lists every value of
/// the field with its count, split into pages like any listing (`paginate_by`). A filter with
/// more values than `filter_limit` links here instead of listing them on every page.
extension PageBuilder {
    /// The values pages of `collection`: each group-by field that has values, with the path of
    /// its page (`acciones/hito/`) and how many values it lists.
    public func valuesPages(of collection: Collection) -> [(field: String, path: String, values: Int)] {
        let table = filterTable(of: collection)
        return table.fields.map { ($0.name, $0.folder, $0.options.count) }
    }

    /// Page `number` of the values page of `collection`'s group-by field `name`; `nil` when the
    /// collection has no such field with values.
    public func valuesPage(of collection: Collection, field name: String, page number: Int = 1) -> PageView? {
        let table = filterTable(of: collection)
        guard let field = table.fields.first(where: { $0.name == name }) else { return nil }
        let options = field.options
        let pageCount = pageCount(of: collection, entries: options.count)
        let number = min(max(1, number), pageCount)
        let page = paths.page(number, of: field.folder)
        var title = "\(collection.title) — \(field.label)"
        if pageCount > 1 {
            title = strings.format(
                "pagination.title", ["title": title, "page": String(number), "pages": String(pageCount)])
        }
        var view = layout(page: page, title: title, description: collection.description, section: collection.name)
        let shown = itemsOfPage(number, of: pageCount, options, in: collection)
        var listing = CollectionView(
            name: collection.name, title: collection.title, singular: collection.singular,
            description: collection.description, coverage: coverage(of: collection), status: nil, columns: [],
            rows: [])
        listing.filters = filters(of: collection, from: page, listing: field.folder)
        listing.breadcrumb = [
            LinkView(title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: page))
        ]
        listing.filter = field.label
        listing.allURL = PagePaths.relative(paths.index(of: collection), from: page)
        listing.filterDescription = strings.plural(
            "values.description", count: options.count, ["field": field.label])
        listing.values = ValuesView(
            title: strings["values.title"], field: field.label, countLabel: strings["values.count"],
            rows: shown.map { option in
                FilterOptionView(
                    title: option.title, url: PagePaths.relative(option.page, from: page), count: option.count,
                    current: false)
            })
        paginate(
            &view, &listing, page: number, of: pageCount, listing: field.folder, from: page,
            shown: (shown.startIndex + 1, shown.endIndex, options.count),
            shownText: strings.format(
                "values.shown",
                ["first": String(shown.startIndex + 1), "last": String(shown.endIndex), "total": String(options.count)])
        )
        view.collection = listing
        return view
    }
}
