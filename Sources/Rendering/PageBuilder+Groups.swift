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
        groupsByCollection[collection.name] ?? Self.groups(of: collection, in: site)
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
        return listing(
            of: group.collection, entries: group.entries, page: path(of: group), number: number,
            filter: (group.field.label, group.label), filterDescription: description)
    }

    /// `proyectos/estado/suspendido/`.
    public func path(of group: Group) -> String {
        paths.prefix + group.collection.folder + "/" + group.field.name + "/" + group.value + "/"
    }

    /// The filters of a collection's listing pages, made once per collection: each group-by
    /// field's values with their page, the folder of those pages and their counts.
    struct FilterTable: Sendable {
        struct Field: Sendable {
            let label: String
            /// `proyectos/estado/`: the folder of this field's group pages.
            let folder: String
            /// Each value's title, page (`proyectos/estado/suspendido/`), last path word with its
            /// slash (`suspendido/`) and count of entries.
            let options: [(title: String, page: String, word: String, count: Int)]
        }
        let fields: [Field]
    }

    /// `filters(of:from:)`'s table of `collection`, made from its groups.
    func filterTable(of collection: Collection) -> FilterTable {
        let all = groups(of: collection)
        return FilterTable(
            fields: collection.groupBy.compactMap(collection.field).compactMap { field in
                let groups = all.filter { $0.field.name == field.name }
                guard !groups.isEmpty else { return nil }
                let folder = paths.prefix + collection.folder + "/" + field.name + "/"
                return FilterTable.Field(
                    label: field.label, folder: folder,
                    options: groups.map { ($0.label, folder + $0.value + "/", $0.value + "/", $0.entries.count) })
            })
    }

    /// The filters of an index or group-by page: every group-by field with its values, the one
    /// of `listing` (the listing's first page, when `page` is a later one) marked current.
    ///
    /// Every listing page of a collection shows every value of every field (a page per milestone
    /// lists all milestones), so this runs for values × pages: each link is the relative path to
    /// the field's folder, made once per field, and the value's word, unless the page is inside
    /// the value's own folder (its own page or a later page of it), where the general rule applies.
    func filters(of collection: Collection, from page: String, listing: String? = nil) -> [FilterView] {
        let listing = listing ?? page
        let table = filterTables[collection.name] ?? filterTable(of: collection)
        let pageLength = page.utf8.count
        return table.fields.map { field in
            let prefix = PagePaths.relative(field.folder, from: page)
            let lead = prefix == "./" ? "" : prefix
            return FilterView(
                label: field.label,
                options: field.options.map { option in
                    let inside = pageLength >= option.page.utf8.count && page.hasPrefix(option.page)
                    return FilterOptionView(
                        title: option.title,
                        url: inside ? PagePaths.relative(option.page, from: page) : lead + option.word,
                        count: option.count, current: option.page == listing)
                })
        } + [lateFilter(of: collection, from: page, listing: listing)].compactMap { $0 }
    }
}
