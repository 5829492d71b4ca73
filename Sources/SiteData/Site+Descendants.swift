import ContentModel

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
    /// below `key` counted by status, each once, with the paths that reached them.
    public func deepRollups(of key: EntryKey) -> [DeepRollup] {
        deepRollups(below: descendants(of: key))
    }

    /// The roll-ups of the entries `below` an entry (its `descendants`).
    public func deepRollups(below: [EntryKey: DescentPath]) -> [DeepRollup] {
        model.collections.compactMap { collection in
            // Each key's position looked up once, not at every comparison of the sort.
            let keys = below.keys.filter { $0.collection == collection.name }
                .map { (position: position(of: $0) ?? 0, key: $0) }
                .sorted { ($0.position, $0.key) < ($1.position, $1.key) }.map(\.key)
            let entries = keys.compactMap { entry($0) }
            guard !keys.isEmpty, collection.statusField != nil,
                let counts = statusCounts(of: collection, among: entries)
            else { return nil }
            let paths = Array(Set(keys.compactMap { below[$0] }))
                .map { (length: $0.steps.count, text: $0.description, path: $0) }
                .sorted { ($0.length, $0.text) < ($1.length, $1.text) }.map(\.path)
            return DeepRollup(counts: counts, paths: paths, entries: entries)
        }
    }
}

/// The entries of one collection below an entry, counted by status.
public struct DeepRollup: Sendable {
    public let counts: StatusCounts
    /// The chains of reference fields that reach them, shortest first.
    public let paths: [DescentPath]
    /// The entries counted, in display order.
    public let entries: [Entry]
}
