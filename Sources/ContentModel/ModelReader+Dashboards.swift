import Diagnostics
import FrontMatter

/// The settings of `site.yaml` that shape dashboards and browsing: group-by pages, charts by
/// parent collection, published snapshots and the staleness threshold.
extension ModelReader {
    static let snapshotKeys = ["date", "title", "source", "counts"]

    /// `group_by: [estado, eje]`: enum and reference fields only.
    mutating func readGroupBy(_ node: YAMLNode?, fields: [Field], collection: String) -> [String] {
        let names = stringList(node)
        for (index, name) in names.enumerated() {
            let at = node?.sequence?[index] ?? node!
            guard let field = fields.first(where: { $0.name == name }) else {
                if unreadableFields.contains(name) { continue }
                error(
                    "model-field-unknown",
                    Message("model-field-unknown", ["setting": "group_by", "name": name, "collection": collection]),
                    at: at, hint: Self.fieldHint(for: name, among: fields.map(\.name)))
                continue
            }
            switch field.type {
            case .enumeration, .reference, .references: continue
            default:
                error(
                    "model-invalid", Message("model-invalid.group-by", ["name": name, "type": field.type.name]),
                    at: at)
            }
        }
        return names
    }

    /// `charts_by` must name collections, checked once every collection is read.
    mutating func checkChartsBy(_ collections: [Collection], root: YAMLNode) {
        let names = collections.map(\.name)
        for collection in collections {
            for (index, target) in collection.chartsBy.enumerated() where !names.contains(target) {
                let node = root["collections"]?[collection.name]?["charts_by"]
                error(
                    "model-collection-unknown", Message("model-collection-unknown.charts-by", ["collection": target]),
                    at: node?.sequence?[index] ?? node ?? root, hint: Self.collectionHint(for: target, among: names))
            }
            if !collection.chartsBy.isEmpty, collection.statusField == nil {
                let node = root["collections"]?[collection.name]?["charts_by"] ?? root
                error("model-invalid", Message("model-invalid.charts-by"), at: node)
            }
        }
    }

    /// `snapshots: [{date, title, source, counts: {value: n}}]`, counts by status value.
    mutating func readSnapshots(_ node: YAMLNode?, fields: [Field], status: String?) -> [Snapshot] {
        guard let node else { return [] }
        guard let items = node.sequence else {
            error("model-invalid", Message("model-invalid.snapshots"), at: node)
            return []
        }
        let values: [String]
        if let status, case .enumeration(let set)? = fields.first(where: { $0.name == status })?.type {
            values = set.values.map(\.id)
        } else {
            error("model-invalid", Message("model-invalid.snapshots.status"), at: node)
            return []
        }
        return items.compactMap { readSnapshot($0, values: values) }
    }

    mutating func readSnapshot(_ node: YAMLNode, values: [String]) -> Snapshot? {
        guard node.mapping != nil else {
            error("model-invalid", Message("model-invalid.snapshot"), at: node)
            return nil
        }
        checkKeys(node, allowed: Self.snapshotKeys, what: Message("model-unknown-key.snapshot"))
        guard let date = requiredString(node, "date"), let title = requiredString(node, "title"),
            let source = requiredString(node, "source"), let countsNode = node["counts"],
            let pairs = mapping(countsNode, what: Message("model-invalid.setting", ["name": "counts"]))
        else { return nil }
        if !Self.isDate(date) {
            error(
                "model-invalid", Message("model-invalid.snapshot.date", ["value": date]), at: node["date"]!,
                hint: Message("model-invalid.snapshot.date.hint"))
        }
        var counts: [String: Int] = [:]
        for (key, value) in pairs {
            let id = key.scalar ?? ""
            guard values.contains(id) else {
                error(
                    "model-enum-unknown", Message("model-enum-unknown.status", ["value": id]), at: key,
                    // A count under the wrong status is a wrong figure: guess only a value spelt
                    // another way, not a neighbour ("Paralizado" is not `finalizado`).
                    hint: Suggestion.closestValue(to: id, among: values).map { Message("did-you-mean", ["name": $0]) })
                continue
            }
            guard let count = Int(value.scalar ?? ""), count >= 0 else {
                error("model-invalid", Message("model-invalid.snapshot.count"), at: value)
                continue
            }
            counts[id] = count
        }
        return Snapshot(date: date, title: title, source: source, counts: values.map { ($0, counts[$0] ?? 0) })
    }

    mutating func readStaleAfter(_ node: YAMLNode?) -> Int? {
        guard let node else { return nil }
        guard let months = Int(node.scalar ?? ""), months > 0 else {
            error("model-invalid", Message("model-invalid.stale-after"), at: node)
            return nil
        }
        return months
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a real date: the rule of entries' dates (`SiteDate`,
    /// a stage later), which the API's schema checks too.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return false }
        let year = Int(parts[0])!
        guard parts.count > 1 else { return true }
        let month = Int(parts[1])!
        guard (1...12).contains(month) else { return false }
        guard parts.count > 2 else { return true }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(Int(parts[2])!)
    }
}
