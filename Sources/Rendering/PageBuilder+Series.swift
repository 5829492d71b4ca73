import ContentModel
import Foundation
import SiteData
import SiteLayout

/// Series (indicators) on pages: each series of an entry as a chart, a sentence, a table and
/// its progress; the indicators that measure an entry, with their status; counts by status.
extension PageBuilder {
    static func isSeries(_ field: Field) -> Bool {
        if case .series = field.type { return true }
        return false
    }

    /// The series fields of `entry`, in declared order.
    func seriesViews(of entry: Entry, in collection: Collection, from page: String) -> [SeriesView] {
        collection.publicFields.compactMap { field in
            guard case .series(let thresholds) = field.type, case .series(let series)? = entry.fields[field.name]
            else { return nil }
            return seriesView(
                series, field: field, thresholds: thresholds, entry: entry, collection: collection, from: page)
        }
    }

    func seriesView(
        _ series: Series, field: Field, thresholds: ProgressThresholds, entry: Entry, collection: Collection,
        from page: String
    ) -> SeriesView {
        let progress = series.progress(thresholds)
        let target = progress.target
        let chart = LineChart(
            series: series, valueAxis: strings.format("series.axis_value", ["unit": series.unit]),
            dateAxis: strings["series.axis_date"], baselineLabel: strings["series.baseline"],
            targetLabel: strings["series.target"], formatNumber: number)
        var rows = [row("baseline", series.baseline, unit: series.unit)]
        rows += series.values.map { row("value", $0, unit: series.unit) }
        rows += series.targets.map { row("target", $0, unit: series.unit) }
        return SeriesView(
            name: field.name, label: field.label, unit: series.unit,
            summary: summary(of: series, target: target), svg: chart.render(), rows: rows,
            progress: progressView(progress, thresholds: thresholds),
            csvURL: PagePaths.relative(paths.data.csv(of: collection, entry: entry.id, field: field), from: page))
    }

    func row(_ kind: String, _ point: Series.Point, unit: String) -> SeriesRowView {
        SeriesRowView(
            kindID: kind, kind: strings["series.\(kind)"], date: format(point.date), datetime: point.date.description,
            value: quantity(point.value, unit: unit), source: point.source, note: point.note)
    }

    /// "De 12 % en 2019 a 18 % en 2023; meta: 25 % en 2025."
    func summary(of series: Series, target: Series.Point?) -> String {
        let unit = series.unit
        var text =
            series.values.isEmpty
            ? strings.format(
                "series.summary_baseline",
                ["value": quantity(series.baseline.value, unit: unit), "date": format(series.baseline.date)])
            : strings.format(
                "series.summary",
                [
                    "first": quantity(series.baseline.value, unit: unit), "first_date": format(series.baseline.date),
                    "latest": quantity(series.latest.value, unit: unit), "latest_date": format(series.latest.date),
                ])
        if let target {
            text += strings.format(
                "series.summary_target", ["target": quantity(target.value, unit: unit), "date": format(target.date)])
        }
        return text + strings["series.summary_end"]
    }

    func progressView(_ progress: SeriesProgress, thresholds: ProgressThresholds) -> ProgressView {
        let key = progress.status.wordKey
        var share: String?
        if let value = progress.share, let target = progress.target {
            share = strings.format(
                "series.share", ["percent": number((value * 100).rounded()) + " %", "date": format(target.date)])
        }
        return ProgressView(
            statusID: progress.status.rawValue, status: strings[key], explanation: strings[key + "_explanation"],
            share: share, method: methodText(thresholds, target: progress.target != nil),
            methodURL: SeriesProgress.methodSource)
    }

    /// The method in one sentence, with the thresholds in use: for a series with a target, or without.
    func methodText(_ thresholds: ProgressThresholds, target: Bool) -> String {
        strings.format(
            target ? "series.method" : "series.method_growth",
            [
                "on_track": number(thresholds.onTrack * 100) + " %",
                "moderate": number(thresholds.moderate * 100) + " %",
                "growth_on_track": number(thresholds.growthOnTrack * 100) + " %",
                "growth_moderate": number(thresholds.growthModerate * 100) + " %",
            ])
    }

    /// A number and its unit: "12 %", "1.250 t".
    func quantity(_ value: Double, unit: String) -> String {
        strings.format("series.quantity", ["value": number(value), "unit": unit])
    }

    /// A number as the page's language writes it: at most two decimals, with its decimal separator.
    func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = FieldValue.format(rounded == 0 ? 0 : rounded)
        return text.replacingOccurrences(of: ".", with: strings["decimal_separator"])
    }

    /// The entries with a series that refer to `entry` (the indicators that measure it), each
    /// with its progress status, in display order.
    func measures(of entry: Entry, from page: String) -> [MeasureLinkView] {
        let links = site.backlinks[entry.key] ?? []
        var seen: Set<EntryKey> = []
        var views: [(Int, MeasureLinkView)] = []
        for link in links where !seen.contains(link.from) {
            guard let fields = shell.seriesFields[link.from.collection], let source = site.entry(link.from) else {
                continue
            }
            for field in fields {
                guard case .series(let thresholds) = field.type, case .series(let series)? = source.fields[field.name]
                else { continue }
                seen.insert(source.key)
                let status = series.progress(thresholds).status
                views.append(
                    (
                        site.position(of: source.key) ?? 0,
                        MeasureLinkView(
                            title: source.title, url: PagePaths.relative(shell.page(of: source.key), from: page),
                            lang: titleLang(source.key), statusID: status.rawValue, status: strings[status.wordKey],
                            latest: quantity(series.latest.value, unit: series.unit) + " (" + format(series.latest.date)
                                + ")")
                    ))
                break
            }
        }
        return views.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The series of the site (or of `only` one collection) counted by status, in the statuses'
    /// order, with the method; `nil` when no collection has a series field.
    func progressSummary(only: String? = nil) -> ProgressSummaryView? {
        var counts: [SeriesProgress.Status: Int] = [:]
        var fieldThresholds: ProgressThresholds?
        for collection in model.collections where only == nil || collection.name == only {
            for field in collection.publicFields {
                guard case .series(let thresholds) = field.type else { continue }
                fieldThresholds = fieldThresholds ?? thresholds
                for entry in site.entries(of: collection.name) {
                    guard case .series(let series)? = entry.fields[field.name] else { continue }
                    counts[series.progress(thresholds).status, default: 0] += 1
                }
            }
        }
        guard let thresholds = fieldThresholds else { return nil }
        let total = counts.values.reduce(0, +)
        // With no indicator documented the page says so, without a row of zeros.
        let views =
            total == 0
            ? []
            : SeriesProgress.Status.allCases.map {
                ProgressCountView(statusID: $0.rawValue, status: strings[$0.wordKey], count: counts[$0] ?? 0)
            }
        let parts = views.filter { $0.count > 0 }.map { "\($0.count) \($0.status.lowercased())" }
        let summary =
            total == 0
            ? strings["series.count_none"]
            : strings.format(
                "series.count_summary", ["total": String(total), "parts": parts.joined(separator: ", ")])
        return ProgressSummaryView(
            counts: views, total: total, summary: summary,
            method: methodText(thresholds, target: true) + " " + methodText(thresholds, target: false),
            methodURL: SeriesProgress.methodSource)
    }
}
