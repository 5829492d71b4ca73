import ContentModel

/// Counts of entries by status value, such as 35 `suspendido` and 7 `en-marcha`.
public struct StatusCounts: Sendable, Hashable {
    /// The collection counted.
    public let collection: String
    /// The status field counted by.
    public let field: String
    /// Count per enum value id, for every declared value (zeros included), in declared order.
    public let counts: [(value: EnumValue, count: Int)]
    /// Entries with no status written.
    public let unset: Int

    public var total: Int { counts.reduce(unset) { $0 + $1.count } }

    public static func == (lhs: StatusCounts, rhs: StatusCounts) -> Bool {
        lhs.collection == rhs.collection && lhs.field == rhs.field && lhs.unset == rhs.unset
            && lhs.counts.map(\.value) == rhs.counts.map(\.value) && lhs.counts.map(\.count) == rhs.counts.map(\.count)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(collection)
        hasher.combine(field)
        hasher.combine(counts.map(\.count))
    }
}

extension Site {
    /// Counts `entries` of `collection` by its status field; `nil` when it has none.
    public func statusCounts(of collection: Collection, among entries: [Entry]) -> StatusCounts? {
        guard let field = collection.statusField, let set = collection.statusValues else { return nil }
        // Counted by the value's place among the few declared, found by comparing, not hashing.
        let ids = set.values.map(\.id)
        var counts = [Int](repeating: 0, count: ids.count)
        var unset = 0
        for entry in entries {
            if case .enumeration(let id)? = entry.fields[field] {
                if let place = ids.firstIndex(of: id) { counts[place] += 1 }
            } else {
                unset += 1
            }
        }
        return StatusCounts(
            collection: collection.name, field: field,
            counts: set.values.indices.map { (set.values[$0], counts[$0]) }, unset: unset)
    }

    /// Counts every entry of `collection` by its status field, as the dashboards do; `nil` when
    /// it has none.
    public func statusCounts(of collection: Collection) -> StatusCounts? {
        statusCounts(of: collection, among: entries(of: collection.name))
    }

    /// Roll-up of an entry: for each collection that refers to it and has a status field, its
    /// referring entries counted by status. Each entry is counted once, however many of its
    /// fields refer to the parent.
    public func rollups(of key: EntryKey) -> [StatusCounts] {
        let referring = backlinks[key] ?? []
        var result: [StatusCounts] = []
        for collection in model.collections where collection.statusField != nil {
            var seen: Set<String> = []
            let children = referring.filter {
                $0.from.collection == collection.name && seen.insert($0.from.id).inserted
            }
            .compactMap { entry($0.from) }
            guard !children.isEmpty, let counts = statusCounts(of: collection, among: children) else { continue }
            result.append(counts)
        }
        return result
    }
}
