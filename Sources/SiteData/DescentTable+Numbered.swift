import ContentModel
import ParallelMap

extension DescentTable {
    /// Every entry's roll-ups, as `Site.computedDescent(of:)` finds them one entry at a time,
    /// found with the site's entries numbered in key order: the walks compare and mark numbers
    /// instead of hashing keys (two strings each) at every step, and share each path's steps.
    static func numbered(_ site: Site) -> [EntryKey: [Rollup]] {
        let graph = NumberedSite(site)
        let roots = graph.children.indices.filter { !graph.children[$0].isEmpty }
        guard !roots.isEmpty else { return [:] }
        // A few interleaved shares of the roots, each walked with one scratch space.
        let shares = min(roots.count, 16)
        let made = Array(0..<shares).concurrentMap { share in
            var walker = DescentWalker(graph)
            return stride(from: share, to: roots.count, by: shares).compactMap { index -> (EntryKey, [Rollup])? in
                walker.rollups(below: roots[index]).map { (graph.keys[roots[index]], $0) }
            }
        }
        var items: [EntryKey: [Rollup]] = [:]
        items.reserveCapacity(roots.count)
        for share in made {
            for (key, rollups) in share { items[key] = rollups }
        }
        return items
    }
}

/// The site's entries numbered in key order (the order `EntryKey`s sort in), with what the
/// walks below an entry read of each: the entries that refer to it, its place, its status and
/// the entries it refers to.
struct NumberedSite: Sendable {
    /// Each number's key, sorted.
    let keys: [EntryKey]
    /// For each entry, its backlinks in their order: the number of the referring entry, and
    /// the step (collection and field) it refers through, as an index of `steps`.
    let children: [[(from: Int32, step: Int32)]]
    let steps: [(collection: String, field: String)]
    /// Each entry's collection, as an index of the model's collections.
    let collection: [Int]
    /// Each entry's place in its collection's display order.
    let position: [Int]
    /// Each entry's status: the place of its value among its collection's, -1 when it has
    /// none, -2 when the value is not one of them (counted neither way).
    let status: [Int]
    /// The entries each refers to through its reference fields, in field order; -1 for an id
    /// that names no entry.
    let references: [[Int32]]
    /// For each of the model's collections, its status values' count; `nil` without a status.
    let statusCounts: [Int?]
    let model: SiteModel

    init(_ site: Site) {
        model = site.model
        let keys = site.index.keys.sorted()
        var number: [EntryKey: Int32] = [:]
        number.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() { number[key] = Int32(index) }
        let collections = Dictionary(
            site.model.collections.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        statusCounts = site.model.collections.map { collection in
            collection.statusField == nil ? nil : collection.statusValues?.values.count
        }
        var stepNumber: [StepKey: Int32] = [:]
        var steps: [(collection: String, field: String)] = []
        var children: [[(from: Int32, step: Int32)]] = []
        var collection: [Int] = []
        var position: [Int] = []
        var status: [Int] = []
        var references: [[Int32]] = []
        for key in keys {
            children.append(
                (site.backlinks[key] ?? []).map { link in
                    let step = StepKey(collection: link.from.collection, field: link.field)
                    if stepNumber[step] == nil {
                        stepNumber[step] = Int32(steps.count)
                        steps.append((link.from.collection, link.field))
                    }
                    return (number[link.from] ?? -1, stepNumber[step]!)
                })
            let place = collections[key.collection] ?? -1
            collection.append(place)
            position.append(site.position(of: key) ?? 0)
            guard let entry = site.index[key], place >= 0 else {
                status.append(-1)
                references.append([])
                continue
            }
            let model = site.model.collections[place]
            if let field = model.statusField, let values = model.statusValues?.values,
                case .enumeration(let id)? = entry.fields[field]
            {
                status.append(values.firstIndex { $0.id == id } ?? -2)
            } else {
                status.append(-1)
            }
            var named: [Int32] = []
            for field in model.fields {
                guard let target = field.type.target, let value = entry.fields[field.name] else { continue }
                for id in value.referencedIDs { named.append(number[EntryKey(target, id)] ?? -1) }
            }
            references.append(named)
        }
        self.keys = keys
        self.children = children
        self.steps = steps
        self.collection = collection
        self.position = position
        self.status = status
        self.references = references
    }

    struct StepKey: Hashable {
        let collection: String
        let field: String
    }
}

/// Walks below one entry after another (`Site.descendants(of:)`'s breadth-first walk, in the
/// same order), marking the entries it meets with the walk's round instead of a set, and
/// keeping each path as a node of a tree of steps shared by every walk.
struct DescentWalker {
    let site: NumberedSite
    private var seen: [Int32]
    private var pathOf: [Int32]
    private var round: Int32 = 0
    /// The tree of paths: each node one step (child to parent) and the node of the rest.
    private var nodes: [(step: Int32, rest: Int32)] = []
    private var nodeNumber: [Int64: Int32] = [:]
    private var paths: [Int32: DescentPath] = [:]

    init(_ site: NumberedSite) {
        self.site = site
        seen = [Int32](repeating: 0, count: site.keys.count)
        pathOf = [Int32](repeating: -1, count: site.keys.count)
    }

    /// The node of the path `step` then `rest` (-1: the empty path).
    private mutating func node(_ step: Int32, _ rest: Int32) -> Int32 {
        let key = Int64(rest + 1) << 32 | Int64(step)
        if let known = nodeNumber[key] { return known }
        nodes.append((step, rest))
        nodeNumber[key] = Int32(nodes.count - 1)
        return Int32(nodes.count - 1)
    }

    private mutating func path(_ node: Int32) -> DescentPath {
        if let known = paths[node] { return known }
        var steps: [(collection: String, field: String)] = []
        var at = node
        while at >= 0 {
            steps.append(site.steps[Int(nodes[Int(at)].step)])
            at = nodes[Int(at)].rest
        }
        let made = DescentPath(steps: steps)
        paths[node] = made
        return made
    }

    /// The roll-ups below `root`; `nil` when nothing is below it.
    mutating func rollups(below root: Int) -> [DescentTable.Rollup]? {
        round += 1
        seen[root] = round
        pathOf[root] = -1
        var found: [Int32] = []
        var frontier: [Int32] = [Int32(root)]
        while !frontier.isEmpty {
            var next: [Int32] = []
            for parent in frontier {
                for link in site.children[Int(parent)] where link.from >= 0 && seen[Int(link.from)] != round {
                    seen[Int(link.from)] = round
                    pathOf[Int(link.from)] = node(link.step, pathOf[Int(parent)])
                    found.append(link.from)
                    next.append(link.from)
                }
            }
            // Numbers sort as their keys do.
            next.sort()
            frontier = next
        }
        guard !found.isEmpty else { return nil }
        var byCollection = [[Int32]](repeating: [], count: site.statusCounts.count)
        for entry in found where site.collection[Int(entry)] >= 0 {
            byCollection[site.collection[Int(entry)]].append(entry)
        }
        var rollups: [DescentTable.Rollup] = []
        for (place, collection) in site.model.collections.enumerated() {
            guard let valueCount = site.statusCounts[place], !byCollection[place].isEmpty else { continue }
            let sorted = byCollection[place].sorted {
                (site.position[Int($0)], $0) < (site.position[Int($1)], $1)
            }
            var counts = [Int](repeating: 0, count: valueCount)
            var unset = 0
            var several: [DescentTable.Linked] = []
            var distinct: [Int32] = []
            for entry in sorted {
                let index = Int(entry)
                switch site.status[index] {
                case -1: unset += 1
                case -2: break
                case let value: counts[value] += 1
                }
                var links = 0
                for named in site.references[index] where named >= 0 && seen[Int(named)] == round { links += 1 }
                if links > 1 { several.append(DescentTable.Linked(key: site.keys[index], links: links)) }
                if !distinct.contains(pathOf[index]) { distinct.append(pathOf[index]) }
            }
            var routes = distinct.map { path($0) }
            if routes.count > 1 {
                routes =
                    routes.map { (length: $0.steps.count, text: $0.description, path: $0) }
                    .sorted { ($0.length, $0.text) < ($1.length, $1.text) }.map(\.path)
            }
            rollups.append(
                DescentTable.Rollup(
                    collection: collection.name, keys: sorted.map { site.keys[Int($0)] }, paths: routes,
                    counts: counts, unset: unset, linkedSeveralWays: several))
        }
        return rollups
    }
}
