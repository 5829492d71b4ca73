import ContentModel
import SiteData
import SiteLayout

/// A collection's index and group-by pages, in a `CollectionView`.
extension PageBuilder {
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
            var row = RowView(
                title: entry.title, url: PagePaths.relative(paths.page(of: entry.key), from: page),
                cells: columns.map { CellView(values: values(of: entry, field: $0, from: page), label: $0.label) },
                lang: titleLang(entry.key))
            row.late = site.isLate(entry) ? strings["late.badge"] : nil
            return row
        }
        var listing = CollectionView(
            name: collection.name, title: collection.title, singular: collection.singular,
            description: collection.description,
            coverage: filter == nil ? coverage(of: collection) : count(entries.count),
            status: status(of: collection, among: entries, from: page), columns: columns.map(\.label), rows: rows)
        listing.filters = filters(of: collection, from: page)
        if filter == nil { listing.progress = progressSummary(only: collection.name) }
        listing.filter = filterText
        if let filter {
            listing.allURL = PagePaths.relative(paths.index(of: collection), from: page)
            listing.filterDescription = filterDescription
            listing.emptyText = strings.plural(
                "filter_none", count: site.entries(of: collection.name).count,
                ["field": filter.field, "value": filter.value])
        } else {
            listing.breakdowns = breakdowns(of: collection, from: page)
            listing.snapshots = snapshots(of: collection, from: page)
        }
        view.collection = listing
        return view
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
