import ContentModel
import ParallelMap

/// How an entry is reached from an ancestor: the chain of reference fields, child to parent,
/// such as `acciones.hito → hitos.eje`.
public struct DescentPath: Sendable, Hashable {
    /// Each step: the collection of the referring entries and the field they refer through.
    public let steps: [(collection: String, field: String)]

    /// `acciones.hito → hitos.eje`, for sorting and messages.
    public var description: String {
        steps.map { "\($0.collection).\($0.field)" }.joined(separator: " → ")
    }

    public static func == (lhs: DescentPath, rhs: DescentPath) -> Bool {
        lhs.steps.map(\.collection) == rhs.steps.map(\.collection) && lhs.steps.map(\.field) == rhs.steps.map(\.field)
    }

    public func hash(into hasher: inout Hasher) {
        for step in steps {
            hasher.combine(step.collection)
            hasher.combine(step.field)
        }
    }
}

extension Site {
    /// Every entry that refers to `key`, directly or through entries that do (an axis's
    /// milestones, and their actions), each once, with the shortest path that reaches it.
    /// Breadth-first over backlinks, so cycles (objectives causing each other) end.
    public func descendants(of key: EntryKey) -> [EntryKey: DescentPath] {
        var found: [EntryKey: DescentPath] = [:]
        var frontier: [(EntryKey, DescentPath)] = [(key, DescentPath(steps: []))]
        var seen: Set<EntryKey> = [key]
        while !frontier.isEmpty {
            var next: [(EntryKey, DescentPath)] = []
            for (parent, path) in frontier {
                for link in backlinks[parent] ?? [] where seen.insert(link.from).inserted {
                    let childPath = DescentPath(steps: [(link.from.collection, link.field)] + path.steps)
                    found[link.from] = childPath
                    next.append((link.from, childPath))
                }
            }
            frontier = next.sorted { $0.0 < $1.0 }
        }
        return found
    }

    /// Roll-ups over every descendant: for each collection with a status field, its entries
    /// below `key` counted by status, each once, with the paths that reached them. From the
    /// descent table when the site has one.
    public func deepRollups(of key: EntryKey) -> [DeepRollup] {
        guard let descentTable else { return computedDescent(of: key)?.compactMap(deepRollup) ?? [] }
        return descentTable.items[key]?.compactMap(deepRollup) ?? []
    }

    /// A roll-up's counts in this site's words.
    private func deepRollup(_ shape: DescentTable.Rollup) -> DeepRollup? {
        guard let collection = model.collection(shape.collection), let field = collection.statusField,
            let set = collection.statusValues, set.values.count == shape.counts.count
        else { return nil }
        return DeepRollup(
            counts: StatusCounts(
                collection: collection.name, field: field,
                counts: set.values.indices.map { (set.values[$0], shape.counts[$0]) }, unset: shape.unset),
            paths: shape.paths, keys: shape.keys, linkedSeveralWays: shape.linkedSeveralWays)
    }

    /// The shape of `key`'s roll-ups, found now; `nil` when nothing refers to it.
    func computedDescent(of key: EntryKey) -> [DescentTable.Rollup]? {
        let below = descendants(of: key)
        guard !below.isEmpty else { return nil }
        // One pass over the keys, each with its position looked up once, not at every
        // comparison of the sort, nor one pass per collection of the model.
        var byCollection: [String: [(position: Int, key: EntryKey, path: DescentPath)]] = [:]
        for (key, path) in below {
            byCollection[key.collection, default: []].append((position(of: key) ?? 0, key, path))
        }
        let rollups = model.collections.compactMap { collection -> DescentTable.Rollup? in
            guard let field = collection.statusField, let values = collection.statusValues?.values,
                let found = byCollection[collection.name]
            else { return nil }
            let sorted = found.sorted { ($0.position, $0.key) < ($1.position, $1.key) }
            // Each entry's fields read once, where they lie (copying the entries into a list
            // counted references on all their parts): its status counted as `statusCounts`
            // counts, and its references that lead to `key` or below it.
            let ids = values.map(\.id)
            let references = collection.fields.compactMap { field in field.type.target.map { (field.name, $0) } }
            var counts = [Int](repeating: 0, count: ids.count)
            var unset = 0
            var keys: [EntryKey] = []
            keys.reserveCapacity(sorted.count)
            var several: [DescentTable.Linked] = []
            for item in sorted {
                guard let fields = index[item.key]?.fields else { continue }
                keys.append(item.key)
                if case .enumeration(let id)? = fields[field] {
                    if let place = ids.firstIndex(of: id) { counts[place] += 1 }
                } else {
                    unset += 1
                }
                var links = 0
                for (name, target) in references {
                    for id in fields[name]?.referencedIDs ?? [] {
                        let named = EntryKey(target, id)
                        if named == key || below[named] != nil { links += 1 }
                    }
                }
                if links > 1 { several.append(DescentTable.Linked(key: item.key, links: links)) }
            }
            // The paths are few (one per chain of fields), so each is compared with those
            // already found rather than hashed.
            var distinct: [DescentPath] = []
            for item in sorted where !distinct.contains(where: { $0.sameSteps(as: item.path) }) {
                distinct.append(item.path)
            }
            let paths =
                distinct.count == 1
                ? distinct
                : distinct.map { (length: $0.steps.count, text: $0.description, path: $0) }
                    .sorted { ($0.length, $0.text) < ($1.length, $1.text) }.map(\.path)
            return DescentTable.Rollup(
                collection: collection.name, keys: keys, paths: paths, counts: counts, unset: unset,
                linkedSeveralWays: several)
        }
        return rollups
    }

    /// This site with its descent table: every entry's roll-ups found once, on every core, for
    /// the pages' roll-ups and the JSON documents' alike (each found them again, for each entry).
    public func withDescentTable() -> Site {
        var site = self
        site.descentTable = DescentTable(site: self)
        return site
    }

    /// This site with the descent table of `site`, the same site or a translation of it.
    public func withDescentTable(of site: Site) -> Site {
        var shown = self
        shown.descentTable = site.descentTable
        return shown
    }

    /// The entries `key` refers to, directly or through the entries it refers to: those whose
    /// descendants `key` is one of.
    func ancestors(of key: EntryKey) -> Set<EntryKey> {
        var found: Set<EntryKey> = []
        var frontier = [key]
        while let next = frontier.popLast() {
            guard let entry = index[next], let collection = model.collection(next.collection) else { continue }
            for field in collection.fields {
                guard let target = field.type.target, let value = entry.fields[field.name] else { continue }
                for id in value.referencedIDs {
                    let parent = EntryKey(target, id)
                    if index[parent] != nil, found.insert(parent).inserted { frontier.append(parent) }
                }
            }
        }
        return found
    }
}

/// The shape of every entry's deep roll-ups (which entries, by which paths, how many of each
/// status, which linked several ways), made once for a site. The same in every language: a
/// translation changes no reference, value or order; the words and entries are the site's.
public struct DescentTable: Sendable, Equatable {
    /// One collection's roll-up below an entry.
    struct Rollup: Sendable, Equatable {
        let collection: String
        /// The entries counted, in display order.
        let keys: [EntryKey]
        let paths: [DescentPath]
        /// The count of each declared status value, in declared order, and of entries without.
        let counts: [Int]
        let unset: Int
        /// The entries counted that refer to the entry, or to entries below it, more than once.
        let linkedSeveralWays: [Linked]
    }

    /// An entry counted once although linked several ways.
    public struct Linked: Sendable, Equatable {
        public let key: EntryKey
        /// How many of its references lead to the entry or below it.
        public let links: Int
    }

    /// The roll-ups of each entry something refers to, for each collection with a status.
    var items: [EntryKey: [Rollup]]

    /// How many entries something refers to.
    public var count: Int { items.count }

    /// Made for every entry of `site` that something refers to, on every core.
    init(site: Site) {
        items = Self.numbered(site)
    }

    /// What `numbered` gives, each entry's found alone (`Site.computedDescent(of:)`).
    static func oneByOne(_ site: Site) -> [EntryKey: [Rollup]] {
        var items: [EntryKey: [Rollup]] = [:]
        for collection in site.model.collections {
            for entry in site.entries(of: collection.name) where site.backlinks[entry.key] != nil {
                items[entry.key] = site.computedDescent(of: entry.key)
            }
        }
        return items
    }

    /// This table for `site`, `old` with the fields of `edited` changed: made again for the
    /// entries above an edited one, before or after the edit (only their descendants, their
    /// order or their counts can change: a walk from any other entry never meets an edited one).
    func updated(from old: Site, to site: Site, edited: [EntryKey]) -> DescentTable {
        var table = self
        var above: Set<EntryKey> = []
        for key in edited {
            above.formUnion(old.ancestors(of: key))
            above.formUnion(site.ancestors(of: key))
        }
        for key in above { table.items[key] = site.computedDescent(of: key) }
        return table
    }
}

extension DescentPath {
    /// `==` without the arrays it makes to compare.
    func sameSteps(as other: DescentPath) -> Bool {
        guard steps.count == other.steps.count else { return false }
        for (step, otherStep) in zip(steps, other.steps)
        where step.collection != otherStep.collection || step.field != otherStep.field {
            return false
        }
        return true
    }
}

/// The entries of one collection below an entry, counted by status.
public struct DeepRollup: Sendable {
    public let counts: StatusCounts
    /// The chains of reference fields that reach them, shortest first.
    public let paths: [DescentPath]
    /// The entries counted, in display order.
    public let keys: [EntryKey]
    /// Those that refer to the entry, or to entries below it, more than once, in display order.
    public let linkedSeveralWays: [DescentTable.Linked]
}
