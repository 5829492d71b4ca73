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
        guard !below.isEmpty else { return [] }
        // One pass over the keys, each with its position looked up once, not at every
        // comparison of the sort, nor one pass per collection of the model.
        var byCollection: [String: [(position: Int, key: EntryKey, path: DescentPath)]] = [:]
        for (key, path) in below {
            byCollection[key.collection, default: []].append((position(of: key) ?? 0, key, path))
        }
        return model.collections.compactMap { collection in
            guard collection.statusField != nil, let found = byCollection[collection.name] else { return nil }
            let sorted = found.sorted { ($0.position, $0.key) < ($1.position, $1.key) }
            let entries = sorted.compactMap { entry($0.key) }
            guard let counts = statusCounts(of: collection, among: entries) else { return nil }
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
            return DeepRollup(counts: counts, paths: paths, entries: entries)
        }
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
    public let entries: [Entry]
}
