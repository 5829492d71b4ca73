import ContentModel
import Foundation
import SiteData
import SiteLayout

/// The charts of the dashboards: status per collection, status per parent entry, documented
/// against declared, and published snapshots.
extension PageBuilder {
    /// Entries counted by the collection's status field; `nil` when it has none, or when there
    /// is nothing to count (a chart of zeros says less than "0 documented").
    func status(of collection: Collection, among entries: [Entry], method: String? = nil, from page: String? = nil)
        -> StatusView?
    {
        guard !entries.isEmpty else { return nil }
        return status(
            of: collection, counts: site.statusCounts(of: collection, among: entries), method: method, from: page)
    }

    /// `status(of:among:)` from counts made before.
    func status(of collection: Collection, counts: StatusCounts?, method: String? = nil, from page: String? = nil)
        -> StatusView?
    {
        guard let counts, let field = collection.statusField.flatMap(collection.field) else { return nil }
        let title = strings.format("status.title", ["collection": collection.title, "field": field.label.lowercased()])
        return statusView(
            title: title, counts: counts.counts.map { ($0.value, $0.count) }, method: method,
            links: page.map { statusLinks(of: collection, from: $0) } ?? [:])
    }

    /// The page listing the entries of each status value (its group-by page), by value id,
    /// relative to `page`; empty when the status field has no group-by pages.
    func statusLinks(of collection: Collection, from page: String) -> [String: String] {
        guard let field = collection.statusField, collection.groupBy.contains(field),
            let values = collection.statusValues
        else { return [:] }
        var links: [String: String] = [:]
        for value in values.values {
            links[value.id] = PagePaths.relative(
                paths.folder(of: collection, field: field) + value.id + "/", from: page)
        }
        return links
    }

    /// The home page's chart of the documented entries of `collection` by status, titled so that
    /// nobody takes it for the whole: "Proyectos por estado: documentados en este sitio (2 de 63)".
    func documentedStatus(of collection: Collection, from page: String) -> StatusView? {
        let entries = site.entries(of: collection.name)
        guard var view = status(of: collection, among: entries, from: page) else { return nil }
        if let expected = collection.expected, entries.count < expected {
            view.scope = strings.format(
                "status.scope", ["documented": String(entries.count), "expected": String(expected)])
        }
        return view
    }

    /// A status chart from counts per value.
    func statusView(
        title: String, counts: [(value: EnumValue, count: Int)], method: String?, links: [String: String] = [:],
        countsAreEntries: Bool = true
    ) -> StatusView {
        let total = counts.reduce(0) { $0 + $1.count }
        let bars = counts.enumerated().map { index, item in
            let share = total == 0 ? 0 : Double(item.count) / Double(total) * 100
            return BarView(
                id: item.value.id, label: item.value.label, count: item.count, percent: Int(share.rounded()),
                width: Self.decimal(share), color: color(of: item.value, at: index),
                description: item.value.description, url: links[item.value.id],
                countURL: countsAreEntries ? links[item.value.id] : nil)
        }
        let rows = bars.map {
            BarChart.Row(
                label: $0.label, segments: [BarChart.Segment(label: $0.label, count: $0.count, color: $0.color)],
                url: $0.url, numberLinks: countsAreEntries)
        }
        var view = StatusView(title: title, total: total, bars: bars, method: method)
        // Each bar is its value's share of the total: 35 of 63 fills 56 % of the bar, not all of it.
        view.svg = BarChart(rows: rows, scale: .fixed(total)).render()
        view.summary = strings.format("chart.summary", ["total": String(total), "parts": parts(bars)])
        return view
    }

    /// "No iniciado: 1 (50 %); En marcha: 1 (50 %)", each share written as the language writes a
    /// percentage (the theme's `percent`).
    func parts(_ bars: [BarView]) -> String {
        bars.map { "\($0.label): \($0.count) (\(strings.format("percent", ["value": String($0.percent)])))" }
            .joined(separator: "; ")
    }

    /// The value's colour from `site.yaml`, or one of the chart palette's.
    func color(of value: EnumValue, at index: Int) -> String {
        value.color ?? BarChart.palette[index % BarChart.palette.count]
    }

    /// "1 hito estratégico", "5 ejes": a number of entries of `collection`, in lowercase.
    func noun(_ collection: Collection, count: Int) -> String {
        "\(count) " + Self.lowercasingFirst(count == 1 ? collection.singular : collection.title)
    }

    /// "Hitos estratégicos" → "hitos estratégicos"; an acronym ("ODS") stays as it is.
    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, !text.dropFirst().prefix(1).contains(where: \.isUppercase) else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// Published counts of `collection` (`snapshots` in site.yaml), as dated, sourced charts.
    func snapshots(of collection: Collection, from page: String) -> [StatusView] {
        guard let values = collection.statusValues else { return [] }
        let links = statusLinks(of: collection, from: page)
        return collection.snapshots.map { snapshot in
            let counts = snapshot.labelledCounts(in: values)
            // A published figure counts what the source counted, not the entries behind its link.
            var view = statusView(
                title: snapshot.title, counts: counts, method: nil, links: links, countsAreEntries: false)
            view.documented = documented(of: snapshot, counts: counts, in: collection, links: links)
            view.source = TextView(text: snapshot.source, lang: snapshot.sourceLang)
            view.lang = snapshot.lang
            view.date = SiteDate(snapshot.date).map(format) ?? snapshot.date
            view.headline = headline(of: snapshot, counts: counts, in: collection)
            return view
        }
    }

    /// A snapshot in one sentence, its largest count first: "En abril de 2022, 35 de 63
    /// proyectos (56 %) figuraban como «Suspendido»; 13 «No iniciado», 8 … y 7 «En marcha»."
    func headline(of snapshot: Snapshot, counts: [(value: EnumValue, count: Int)], in collection: Collection)
        -> String?
    {
        let total = snapshot.total
        // Largest first; equal counts keep the declared order.
        let sorted = counts.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
            .map(\.element)
        guard total > 0, let first = sorted.first else { return nil }
        let date = SiteDate(snapshot.date).map(format) ?? snapshot.date
        let rest = sorted.dropFirst().filter { $0.count > 0 }
            .map { strings.format("snapshot.part", ["count": String($0.count), "label": $0.value.label]) }
        return strings.format(
            rest.isEmpty ? "snapshot.headline" : "snapshot.headline_rest",
            [
                "date": date, "count": String(first.count), "total": String(total),
                "collection": Self.lowercasingFirst(total == 1 ? collection.singular : collection.title),
                "percent": strings.format(
                    "percent", ["value": String(Int((Double(first.count) / Double(total) * 100).rounded()))]),
                "label": first.value.label, "rest": strings.list(rest),
            ])
    }

    /// Beside a snapshot's largest figure, what this site documents of it: "En este sitio: 0
    /// proyectos documentados con el estado «Suspendido»", linked to their page when it has one.
    func documented(
        of snapshot: Snapshot, counts: [(value: EnumValue, count: Int)], in collection: Collection,
        links: [String: String]
    ) -> LinkView? {
        let sorted = counts.enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
        guard snapshot.total > 0, let first = sorted.first?.element, let field = collection.statusField else {
            return nil
        }
        let documented = site.entries(of: collection.name).filter {
            if case .enumeration(first.value.id)? = $0.fields[field] { true } else { false }
        }.count
        return LinkView(
            title: strings.plural(
                "snapshot.documented", count: documented,
                [
                    "entries": noun(collection, count: documented), "label": first.value.label,
                    "published": String(first.count),
                ]), url: links[first.value.id] ?? "")
    }

    /// Every snapshot of the site, the newest apart (the first collection's, on the same date):
    /// the home page leads with it.
    func homeSnapshots() -> (lead: StatusView?, others: [StatusView]) {
        var all = model.collections.flatMap { collection in
            zip(collection.snapshots, snapshots(of: collection, from: paths.home)).map { (date: $0.date, view: $1) }
        }
        guard
            let newest = all.indices.max(by: { (all[$0].date, $1) < (all[$1].date, $0) })
        else { return (nil, []) }
        let lead = all.remove(at: newest).view
        return (lead, all.map(\.view))
    }

    /// For each collection named in `charts_by`, this collection's status per entry of it:
    /// every entry below each parent (directly or through others), counted once.
    func breakdowns(of collection: Collection, from page: String) -> [BreakdownView] {
        guard let values = collection.statusValues, let field = collection.statusField.flatMap(collection.field)
        else { return [] }
        return collection.chartsBy.compactMap { parentName -> BreakdownView? in
            guard let parentCollection = model.collection(parentName) else { return nil }
            let parents = site.entries(of: parentName)
            guard !parents.isEmpty else { return nil }
            var found: Set<DescentPath> = []
            var counted: Set<EntryKey> = []
            let rows = parents.map { parent -> (Entry, [Int]) in
                // The parent's roll-up of this collection: its entries below, counted by status.
                guard
                    let rollup = site.deepRollups(of: parent.key).first(where: {
                        $0.counts.collection == collection.name
                    })
                else { return (parent, [Int](repeating: 0, count: values.values.count)) }
                found.formUnion(rollup.paths)
                for key in rollup.keys {
                    guard case .enumeration(let id)? = site.entry(key)?.fields[field.name],
                        values.values.contains(where: { $0.id == id })
                    else { continue }
                    counted.insert(key)
                }
                return (parent, rollup.counts.counts.map(\.count))
            }
            let total = rows.reduce(0) { $0 + $1.1.reduce(0, +) }
            guard total > 0 else { return nil }  // a chart of zeros says less than "0 documented"
            let chart = BarChart(
                rows: rows.map { parent, counts in
                    BarChart.Row(
                        label: parent.title,
                        segments: zip(values.values.indices, counts).map { index, count in
                            BarChart.Segment(
                                label: values.values[index].label, count: count,
                                color: color(of: values.values[index], at: index))
                        },
                        url: counts.reduce(0, +) == 0
                            ? nil
                            : PagePaths.relative(paths.page(of: parent.key), from: page) + "#"
                                + Self.rollupAnchor(collection.name))
                })
            let byValue = values.values.indices.map { index in
                "\(values.values[index].label): \(rows.reduce(0) { $0 + $1.1[index] })"
            }
            var method = describe(
                found.sorted { $0.description < $1.description }, counted: collection, parent: parentCollection)
            if total > counted.count {
                method = [method, strings.format("breakdown.overlap", ["entries": noun(collection, count: 2)])]
                    .compactMap { $0 }.joined(separator: " ")
            }
            return BreakdownView(
                id: "breakdown-\(collection.name)-\(parentName)",
                title: strings.format(
                    "breakdown.title",
                    [
                        "collection": collection.title, "field": field.label.lowercased(),
                        "parent": Self.lowercasingFirst(parentCollection.singular),
                    ]),
                summary: strings.plural(
                    "breakdown.summary", count: counted.count,
                    [
                        "entries": noun(collection, count: counted.count),
                        "parents": noun(parentCollection, count: parents.count),
                        "field": field.label.lowercased(), "parts": byValue.joined(separator: "; "),
                    ]),
                svg: chart.render(), columns: values.values.map(\.label) + [strings["total"]],
                rows: rows.map { parent, counts in
                    // Each count leads to the entries it counts: the list of that status in the
                    // roll-up on the parent's page; the total, to the roll-up itself.
                    let parentPage = PagePaths.relative(paths.page(of: parent.key), from: page)
                    let anchors =
                        values.values.map { Self.rollupAnchor(collection.name, value: $0.id) }
                        + [Self.rollupAnchor(collection.name)]
                    return RowView(
                        title: parent.title, url: parentPage,
                        cells: zip(counts + [counts.reduce(0, +)], anchors).map { count, anchor in
                            CellView(values: [
                                ValueView(text: String(count), url: count > 0 ? parentPage + "#" + anchor : nil)
                            ])
                        },
                        lang: titleLang(parent.key))
                },
                method: method)
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
        let chart = BarChart(
            rows: rows.map { collection, documented, missing in
                BarChart.Row(
                    label: collection.title,
                    segments: [
                        BarChart.Segment(label: documentedLabel, count: documented, color: BarChart.palette[0]),
                        BarChart.Segment(label: missingLabel, count: missing, color: nil),
                    ])
            },
            // Each collection on its own scale: 5 of 5 documented is a full bar, however many
            // entries the largest collection declares.
            scale: .eachRow)
        let parts = rows.map { "\($0.0.title): \($0.1) / \($0.1 + $0.2)" }.joined(separator: "; ")
        return BreakdownView(
            id: "coverage", title: strings["coverage.title"],
            summary: strings.format("coverage.summary", ["parts": parts]), svg: chart.render(),
            columns: [documentedLabel, missingLabel, strings["coverage.declared"]],
            rows: rows.map { collection, documented, missing in
                let index = PagePaths.relative(paths.index(of: collection), from: page)
                // The documented count leads to the listing of those entries; the missing ones
                // have no page to lead to.
                return RowView(
                    title: collection.title, url: index,
                    cells: [
                        CellView(values: [ValueView(text: String(documented), url: documented > 0 ? index : nil)]),
                        CellView(values: [ValueView(text: String(missing))]),
                        CellView(values: [ValueView(text: String(documented + missing))]),
                    ])
            },
            method: strings["coverage.method"])
    }
}
