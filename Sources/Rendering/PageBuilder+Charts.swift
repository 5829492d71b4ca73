import ContentModel
import Foundation
import SiteLayout
import Validation

/// The charts of the dashboards: status per collection, status per parent entry, documented
/// against declared, published snapshots, and the roll-ups of parent pages with how they were
/// computed.
extension PageBuilder {
    /// Entries counted by the collection's status field; `nil` when it has none, or when there
    /// is nothing to count (a chart of zeros says less than "0 documented").
    func status(of collection: Collection, among entries: [Entry], method: String? = nil) -> StatusView? {
        guard !entries.isEmpty, let counts = site.statusCounts(of: collection, among: entries),
            let field = collection.statusField.flatMap(collection.field)
        else { return nil }
        let title = strings.format("status.title", ["collection": collection.title, "field": field.label.lowercased()])
        return statusView(title: title, counts: counts.counts.map { ($0.value, $0.count) }, method: method)
    }

    /// A status chart from counts per value.
    func statusView(title: String, counts: [(value: EnumValue, count: Int)], method: String?) -> StatusView {
        let total = counts.reduce(0) { $0 + $1.count }
        let bars = counts.enumerated().map { index, item in
            let share = total == 0 ? 0 : Double(item.count) / Double(total) * 100
            return BarView(
                id: item.value.id, label: item.value.label, count: item.count, percent: Int(share.rounded()),
                width: Self.decimal(share), color: color(of: item.value, at: index),
                description: item.value.description)
        }
        let rows = bars.map {
            ChartSVG.Row(
                label: $0.label, segments: [ChartSVG.Segment(label: $0.label, count: $0.count, color: $0.color)])
        }
        let parts = bars.map { "\($0.label): \($0.count) (\($0.percent) %)" }.joined(separator: "; ")
        var view = StatusView(title: title, total: total, bars: bars, method: method)
        view.svg = ChartSVG(rows: rows).render()
        view.summary = strings.format("chart.summary", ["total": String(total), "parts": parts])
        return view
    }

    /// The value's colour from `site.yaml`, or one of the chart palette's.
    func color(of value: EnumValue, at index: Int) -> String {
        value.color ?? ChartSVG.palette[index % ChartSVG.palette.count]
    }

    /// Published counts of `collection` (`snapshots` in site.yaml), as dated, sourced charts.
    func snapshots(of collection: Collection) -> [StatusView] {
        guard let values = collection.statusValues else { return [] }
        return collection.snapshots.map { snapshot in
            var view = statusView(title: snapshot.title, counts: snapshot.labelledCounts(in: values), method: nil)
            view.source = snapshot.source
            view.date = SiteDate(snapshot.date).map(format) ?? snapshot.date
            return view
        }
    }

    /// For each collection named in `charts_by`, this collection's status per entry of it:
    /// every entry below each parent (directly or through others), counted once.
    func breakdowns(of collection: Collection, from page: String) -> [BreakdownView] {
        guard let values = collection.statusValues, let field = collection.statusField else { return [] }
        return collection.chartsBy.compactMap { parentName -> BreakdownView? in
            guard let parentCollection = model.collection(parentName) else { return nil }
            let parents = site.entries(of: parentName)
            guard !parents.isEmpty else { return nil }
            var found: Set<DescentPath> = []
            let rows = parents.map { parent -> (Entry, [Int]) in
                let below = site.descendants(of: parent.key).filter { $0.key.collection == collection.name }
                found.formUnion(below.values)
                var counts = [Int](repeating: 0, count: values.values.count)
                for key in below.keys {
                    guard case .enumeration(let id)? = site.entry(key)?.fields[field],
                        let index = values.values.firstIndex(where: { $0.id == id })
                    else { continue }
                    counts[index] += 1
                }
                return (parent, counts)
            }
            let chart = ChartSVG(
                rows: rows.map { parent, counts in
                    ChartSVG.Row(
                        label: parent.title,
                        segments: zip(values.values.indices, counts).map { index, count in
                            ChartSVG.Segment(
                                label: values.values[index].label, count: count,
                                color: color(of: values.values[index], at: index))
                        })
                })
            let total = rows.reduce(0) { $0 + $1.1.reduce(0, +) }
            guard total > 0 else { return nil }  // a chart of zeros says less than "0 documented"
            return BreakdownView(
                id: "por-\(parentName)",
                title: strings.format(
                    "breakdown.title",
                    ["collection": collection.title, "field": field, "parent": parentCollection.singular.lowercased()]),
                summary: strings.format(
                    "breakdown.summary",
                    [
                        "total": String(total), "collection": collection.title.lowercased(),
                        "parents": String(parents.count), "parent_collection": parentCollection.title.lowercased(),
                    ]),
                svg: chart.render(), columns: values.values.map(\.label) + [strings["total"]],
                rows: rows.map { parent, counts in
                    RowView(
                        title: parent.title, url: PagePaths.relative(paths.page(of: parent.key), from: page),
                        cells: (counts + [counts.reduce(0, +)]).map { CellView(values: [ValueView(text: String($0))]) })
                },
                method: describe(found.sorted { $0.description < $1.description }, counted: collection))
        }
    }

    /// Documented against declared entries, one bar per collection that declares a number.
    func coverageChart(from page: String) -> BreakdownView? {
        let declared = model.collections.filter { $0.expected != nil && $0.inMenu }
        guard !declared.isEmpty else { return nil }
        let documentedLabel = strings["coverage.documented"]
        let missingLabel = strings["coverage.missing"]
        let rows = declared.map { collection -> (Collection, Int, Int) in
            let documented = site.entries(of: collection.name).count
            return (collection, documented, max(0, (collection.expected ?? 0) - documented))
        }
        let chart = ChartSVG(
            rows: rows.map { collection, documented, missing in
                ChartSVG.Row(
                    label: collection.title,
                    segments: [
                        ChartSVG.Segment(label: documentedLabel, count: documented, color: ChartSVG.palette[0]),
                        ChartSVG.Segment(label: missingLabel, count: missing, color: nil),
                    ])
            })
        let parts = rows.map { "\($0.0.title): \($0.1) / \($0.1 + $0.2)" }.joined(separator: "; ")
        return BreakdownView(
            id: "cobertura", title: strings["coverage.title"],
            summary: strings.format("coverage.summary", ["parts": parts]), svg: chart.render(),
            columns: [documentedLabel, missingLabel, strings["coverage.declared"]],
            rows: rows.map { collection, documented, missing in
                RowView(
                    title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: page),
                    cells: [documented, missing, documented + missing].map {
                        CellView(values: [ValueView(text: String($0))])
                    })
            },
            method: strings["coverage.method"])
    }

    /// The roll-ups of a parent page: every entry below it, by collection, counted once, and
    /// how they were found ("acciones whose hito belongs to this eje").
    func rollupViews(of entry: Entry, in collection: Collection) -> [StatusView] {
        site.deepRollups(of: entry.key).compactMap { rollup in
            guard let child = model.collection(rollup.counts.collection) else { return nil }
            let title = strings.format(
                "status.title",
                ["collection": child.title, "field": child.statusField.flatMap(child.field)?.label.lowercased() ?? ""])
            let method =
                strings.format(
                    "rollup.method",
                    [
                        "count": String(rollup.counts.total), "collection": child.title.lowercased(),
                        "singular": collection.singular.lowercased(),
                    ])
                + " " + (describe(rollup.paths, counted: child) ?? "")
            return statusView(title: title, counts: rollup.counts.counts.map { ($0.value, $0.count) }, method: method)
        }
    }

    /// "Through: Acciones (Hito) → Hitos estratégicos (Eje)."
    func describe(_ paths: [DescentPath], counted: Collection) -> String? {
        guard !paths.isEmpty else { return nil }
        let chains = paths.map { path in
            path.steps.map { step -> String in
                let stepCollection = model.collection(step.collection)
                let label = stepCollection?.field(step.field)?.label ?? step.field
                return "\(stepCollection?.title ?? step.collection) (\(label))"
            }.joined(separator: " → ")
        }
        return strings.format("rollup.paths", ["paths": chains.joined(separator: "; ")])
    }
}
