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

    /// The filters of an index or group-by page: every group-by field with its values, the one
    /// of `listing` (the listing's first page, when `page` is a later one) marked current.
    func filters(of collection: Collection, from page: String, listing: String? = nil) -> [FilterView] {
        let listing = listing ?? page
        let all = groups(of: collection)
        return collection.groupBy.compactMap(collection.field).compactMap { field in
            guard all.contains(where: { $0.field.name == field.name }) else { return nil }
            return FilterView(
                label: field.label,
                options: all.filter { $0.field.name == field.name }.map { group in
                    FilterOptionView(
                        title: group.label, url: PagePaths.relative(path(of: group), from: page),
                        count: group.entries.count, current: path(of: group) == listing)
                })
        } + [lateFilter(of: collection, from: page, listing: listing)].compactMap { $0 }
    }
}
