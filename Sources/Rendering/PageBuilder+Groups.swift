import ContentModel
import SiteData
import SiteLayout

/// Group-by pages (`/proyectos/estado/suspendido/`): one page per value of each field named in
/// `group_by`, linked from the collection's index as filters that need no script.
extension PageBuilder {
    /// One group-by page: a field of a collection and one of its values.
    public struct Group: Sendable {
        public let collection: Collection
        public let field: Field
        /// The enum value id, or the referenced entry's id.
        public let value: String
        /// The value's label, or the referenced entry's title.
        public let label: String
        /// The entries with that value, in display order.
        public let entries: [Entry]
    }

    /// Every group-by page of `collection`: each enum value (even with no entries, so the
    /// page can say so), each referenced entry.
    public func groups(of collection: Collection) -> [Group] {
        memoGroups(of: collection).list
    }

    /// The group-by page of `collection`'s field `field` for `value`, if it has one.
    public func group(of collection: Collection, field: String, value: String) -> Group? {
        let groups = memoGroups(of: collection)
        return groups.byValue[field]?[value].map { groups.list[$0] }
    }

    private func memoGroups(of collection: Collection) -> ListingMemo.Groups {
        listingMemo.groups(of: collection.name) { Self.groups(of: collection, in: site) }
    }

    /// `groups(of:)`, made from `site`: the entries are sorted into their values in one pass.
    static func groups(of collection: Collection, in site: Site) -> [Group] {
        let entries = site.entries(of: collection.name)
        return collection.groupBy.compactMap(collection.field).flatMap { field -> [Group] in
            var byValue: [String: [Entry]] = [:]
            for entry in entries {
                switch entry.fields[field.name] {
                case .enumeration(let id)?: byValue[id, default: []].append(entry)
                case let value?:
                    // An entry that names a value twice is listed once.
                    for id in Set(value.referencedIDs) { byValue[id, default: []].append(entry) }
                case nil: break
                }
            }
            let options: [(id: String, label: String)]
            switch field.type {
            case .enumeration(let set):
                options = set.values.map { ($0.id, $0.label) }
            case .reference(let to), .references(let to):
                options = site.entries(of: to).filter { byValue[$0.id] != nil }.map { ($0.id, $0.title) }
            default:
                options = []
            }
            return options.map { option in
                Group(
                    collection: collection, field: field, value: option.id, label: option.label,
                    entries: byValue[option.id] ?? [])
            }
        }
    }

    /// The page of `group` (page `number` of it when its listing is split into pages).
    public func page(of group: Group, page number: Int = 1) -> PageView {
        var description: String?
        if case .enumeration(let set) = group.field.type { description = set.value(group.value)?.description }
        // The breadcrumb leads to the collection and to the values page of the field.
        let folder = paths.folder(of: group.collection, field: group.field.name)
        return listing(
            of: group.collection, entries: group.entries, page: path(of: group), number: number,
            filter: (group.field.label, group.label), filterDescription: description,
            trail: [(group.collection.title, paths.index(of: group.collection)), (group.field.label, folder)])
    }

    /// `proyectos/estado/suspendido/`.
    public func path(of group: Group) -> String {
        paths.folder(of: group.collection, field: group.field.name) + group.value + "/"
    }

    /// The filters of a collection's listing pages, made once per collection: each group-by
    /// field's values with their page, the folder of those pages (its values page) and their counts.
    struct FilterTable: Sendable {
        struct Field: Sendable {
            /// The field's name: the word of its folder (`estado`).
            let name: String
            let label: String
            /// `proyectos/estado/`: the folder of this field's group pages, and its values page.
            let folder: String
            /// Each value's title, page (`proyectos/estado/suspendido/`), last path word with its
            /// slash (`suspendido/`) and count of entries.
            let options: [(title: String, page: String, word: String, count: Int)]
            /// True when a filter lists every value (at most `filter_limit`); otherwise it shows
            /// the current value and `more`, a link to the values page.
            let inline: Bool
            /// "Los 2500 valores de Hito": the words of the link to the values page.
            let more: String
            /// The position in `options` of each value's page, for a field that is not inline.
            let positions: [String: Int]
        }
        let fields: [Field]
    }

    /// `filters(of:from:)`'s table of `collection`, made from its groups.
    func filterTable(of collection: Collection) -> FilterTable {
        listingMemo.filterTable(of: collection.name) { makeFilterTable(of: collection) }
    }

    private func makeFilterTable(of collection: Collection) -> FilterTable {
        let all = groups(of: collection)
        let limit = model.filterLimit(of: collection)
        return FilterTable(
            fields: collection.groupBy.compactMap(collection.field).compactMap { (field: Field) -> FilterTable.Field? in
                let groups = all.filter { $0.field.name == field.name }
                guard !groups.isEmpty else { return nil }
                let folder = paths.folder(of: collection, field: field.name)
                let options = groups.map {
                    (title: $0.label, page: folder + $0.value + "/", word: $0.value + "/", count: $0.entries.count)
                }
                let inline = options.count <= limit
                return FilterTable.Field(
                    name: field.name, label: field.label, folder: folder, options: options, inline: inline,
                    more: strings.plural("values.more", count: options.count, ["field": field.label]),
                    positions: inline
                        ? [:]
                        : Dictionary(
                            options.enumerated().map { ($0.element.page, $0.offset) },
                            uniquingKeysWith: { first, _ in first }))
            })
    }

    /// The filters of an index, group-by or values page: every group-by field with its values,
    /// the one of `listing` (the listing's first page, when `page` is a later one) marked current.
    /// A field with more values than `filter_limit` shows only the current value (on a page of
    /// one of its values) and a link to its values page (`acciones/hito/`), which lists them all.
    ///
    /// Every listing page of a collection shows every value of every inline field, so this runs
    /// for values × pages: each link is the relative path to the field's folder, made once per
    /// field, and the value's word, unless the page is inside the value's own folder (its own
    /// page or a later page of it), where the general rule applies.
    func filters(of collection: Collection, from page: String, listing: String? = nil) -> [FilterView] {
        let listing = listing ?? page
        let table = filterTable(of: collection)
        let pageLength = page.utf8.count
        return table.fields.map { field in
            let prefix = PagePaths.relative(field.folder, from: page)
            let lead = prefix == "./" ? "" : prefix
            func view(_ option: (title: String, page: String, word: String, count: Int)) -> FilterOptionView {
                let inside = pageLength >= option.page.utf8.count && page.hasPrefix(option.page)
                return FilterOptionView(
                    title: option.title,
                    url: inside ? PagePaths.relative(option.page, from: page) : lead + option.word,
                    count: option.count, current: option.page == listing)
            }
            guard !field.inline else { return FilterView(label: field.label, options: field.options.map(view)) }
            let current = listing.hasPrefix(field.folder) ? field.positions[listing].map { field.options[$0] } : nil
            return FilterView(
                label: field.label, options: current.map { [view($0)] } ?? [],
                more: LinkView(title: field.more, url: prefix, current: listing == field.folder))
        } + [lateFilter(of: collection, from: page, listing: listing)].compactMap { $0 }
    }
}
