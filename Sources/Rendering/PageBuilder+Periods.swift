import ContentModel
import SiteData
import SiteLayout

/// The pages of reporting periods (`periodos/`, `periodos/2022/`) and the home page's summary of
/// the last closed one, from the reports `Site+Periods` reconstructs.
extension PageBuilder {
    /// The period's label in this language: `site.yaml`'s, else "2022" for a calendar year, else
    /// its first and last months.
    func label(of period: ReportingPeriod) -> String {
        if let label = period.label(in: localization.language) { return label }
        if let start = period.start, start.month == 1, period.end.month == 12, start.year == period.end.year,
            start.day == 1, period.end.day == 31
        {
            return strings.format("period_year", ["year": String(start.year)])
        }
        let end = format(SiteDate(year: period.end.year, month: period.end.month))
        guard let start = period.start else { return strings.format("period_until", ["end": end]) }
        return strings.format(
            "period_range_label", ["start": format(SiteDate(year: start.year, month: start.month)), "end": end])
    }

    /// "Del 1 de enero de 2022 al 31 de diciembre de 2022".
    func range(of period: ReportingPeriod) -> String {
        let end = format(SiteDate(period.end))
        guard let start = period.start else { return strings.format("period_until", ["end": end]) }
        return strings.format("period_range", ["start": format(SiteDate(start)), "end": end])
    }

    /// The index of periods, newest first.
    public func periodsIndex() -> PageView {
        let page = paths.periodsPage
        var view = layout(page: page, title: strings["periods_title"])
        view.periods = PeriodsView(rows: site.periods.reversed().map { row(of: $0, from: page) })
        return view
    }

    func row(of period: ReportingPeriod, from page: String) -> PeriodRowView {
        let reports = site.report(for: period)
        let summaries = zip(site.periodCollections, reports).map { item, report in
            let parts =
                report.counts.filter { $0.count > 0 }.map { "\($0.value.label) \($0.count)" }
                + (report.withoutRecord.isEmpty
                    ? [] : ["\(strings["period_without_record"]) \(report.withoutRecord.count)"])
            return item.collection.title + ": " + parts.joined(separator: " · ")
        }
        return PeriodRowView(
            label: label(of: period), url: PagePaths.relative(paths.periodPage(period.id), from: page),
            range: range(of: period), closed: period.closed, summaries: summaries)
    }

    /// The home page's lead: the newest closed period, its counts at the end.
    func homePeriod() -> PeriodRowView? {
        guard let period = site.periods.last(where: \.closed) else { return nil }
        var row = row(of: period, from: paths.home)
        row.heading = strings.format("period_home_title", ["label": row.label])
        let reports = site.report(for: period)
        row.statuses = zip(site.periodCollections, reports).map { item, report in
            statusChart(of: item.collection, report: report, period: period, from: paths.home)
        }
        row.notes = reports.compactMap(carriedNote)
        return row
    }

    /// The page of one period.
    public func period(_ period: ReportingPeriod) -> PageView {
        let page = paths.periodPage(period.id)
        let periods = site.periods
        let index = periods.firstIndex(of: period) ?? 0
        let previous = index > 0 ? periods[index - 1] : nil
        let next = index + 1 < periods.count ? periods[index + 1] : nil
        let label = label(of: period)
        var view = layout(page: page, title: label)
        let previousReports = previous.map(site.report(for:))
        var sources: [TextView] = []
        let collections = site.periodCollections.enumerated().map { position, item in
            let report = site.report(of: item.collection, history: item.history, in: period)
            let collectionView = collectionReport(
                item.collection, report: report, previous: previous.map { ($0, previousReports![position]) },
                period: period, label: label, from: page)
            sources += zip(item.collection.snapshots, snapshotViews(of: item.collection, from: page))
                .filter { pair in report.snapshots.contains { $0.date == pair.0.date && $0.title == pair.0.title } }
                .map { TextView(text: $0.0.title + ": " + $0.0.source, lang: $0.1.source?.lang) }
            return collectionView
        }
        // The addresses are written out, for the printed report, and are links, for the screen.
        sources.append(TextView(text: strings["period_sources_history"], url: model.baseURL + paths.home))
        sources.append(
            TextView(text: strings["period_sources_data"], url: model.baseURL + paths.data.period(period.id)))
        view.period = PeriodView(
            id: period.id, label: label, range: range(of: period), start: period.start?.description,
            end: period.end.description, closed: period.closed,
            openNote: period.closed ? nil : strings.format("period_open", ["end": format(SiteDate(period.end))]),
            reference: site.referenceDate.map { strings.format("period_reference", ["date": format($0)]) },
            collections: collections,
            previous: previous.map {
                LinkView(title: self.label(of: $0), url: PagePaths.relative(paths.periodPage($0.id), from: page))
            },
            next: next.map {
                LinkView(title: self.label(of: $0), url: PagePaths.relative(paths.periodPage($0.id), from: page))
            },
            sources: sources)
        return view
    }

    func snapshotViews(of collection: Collection, from page: String) -> [StatusView] {
        snapshots(of: collection, from: page)
    }

    /// The counts at the period's end as a status chart, "without record" as a bar of its own,
    /// each bar its share of every entry of the collection.
    func statusChart(
        of collection: Collection, report: CollectionPeriodReport, period: ReportingPeriod, from page: String
    )
        -> StatusView
    {
        var without = EnumValue(id: "without-record", label: strings["period_without_record"])
        without.color = "#595959"
        let counts = report.counts + (report.withoutRecord.isEmpty ? [] : [(without, report.withoutRecord.count)])
        return statusView(
            title: strings.format(
                period.closed ? "period_status_title" : "period_status_title_open", ["collection": collection.title]),
            // No links: the listings by status show the entries' status now, not at the period's end.
            counts: counts, method: nil)
    }

    func collectionReport(
        _ collection: Collection, report: CollectionPeriodReport,
        previous: (period: ReportingPeriod, report: CollectionPeriodReport)?, period: ReportingPeriod,
        label: String, from page: String
    ) -> PeriodCollectionView {
        let links = { (keys: [EntryKey]) in keys.compactMap(site.entry).map { link(to: $0, from: page) } }
        let comparison = previous.map { previous -> PeriodComparisonView in
            let rows =
                zip(report.counts, previous.report.counts).map { current, before in
                    comparisonRow(current.value.label, before.count, current.count)
                }
                + [
                    comparisonRow(
                        strings["period_without_record"], previous.report.withoutRecord.count,
                        report.withoutRecord.count)
                ]
            let previousLabel = self.label(of: previous.period)
            return PeriodComparisonView(
                caption: strings.format(
                    "period_compare_caption",
                    ["collection": collection.title, "previous": previousLabel, "current": label]),
                previous: previousLabel, current: label, rows: rows)
        }
        let changes = report.changes.compactMap { change -> PeriodChangeView? in
            guard let entry = site.entry(change.entry) else { return nil }
            let text =
                change.from.map {
                    strings.format("period_change_from_to", ["from": $0.label, "to": change.to.label])
                } ?? strings.format("period_change_to", ["to": change.to.label])
            return PeriodChangeView(
                date: format(change.date), datetime: change.date.description, entry: link(to: entry, from: page),
                kind: strings["period_kind.\(change.kind.rawValue)"], kindID: change.kind.rawValue, change: text,
                note: change.note)
        }
        let total = site.entries(of: collection.name).count
        let coverage =
            collection.expected.map {
                strings.format(
                    $0 > report.documented ? "period_coverage_missing" : "period_coverage",
                    [
                        "documented": String(report.documented), "expected": String($0),
                        "missing": String($0 - report.documented),
                    ])
            }
            ?? strings.format(
                "period_coverage_unknown", ["documented": String(report.documented), "total": String(total)])
        let snapshots = zip(collection.snapshots, snapshotViews(of: collection, from: page))
            .filter { pair in report.snapshots.contains { $0.date == pair.0.date && $0.title == pair.0.title } }
            .map(\.1)
        return PeriodCollectionView(
            id: collection.name, title: collection.title,
            status: statusChart(of: collection, report: report, period: period, from: page),
            withoutRecordNote: strings.plural("period_without_record_note", count: report.withoutRecord.count),
            carriedNote: carriedNote(report),
            coverage: coverage, comparison: comparison, changes: changes, silent: links(report.silent),
            firstRecorded: links(report.firstRecorded), late: links(report.late), snapshots: snapshots)
    }

    /// Entries whose status at the end comes from a record before the period (none within it).
    func carriedNote(_ report: CollectionPeriodReport) -> String? {
        let carried = report.silent.filter { (report.statusAtEnd[$0] ?? nil) != nil }.count
        guard carried > 0 else { return nil }
        return strings.plural(
            "period_carried", count: carried, ["count": String(carried), "documented": String(report.documented)])
    }

    func comparisonRow(_ label: String, _ previous: Int, _ current: Int) -> PeriodComparisonRow {
        let difference = current - previous
        return PeriodComparisonRow(
            label: label, previous: previous, current: current,
            difference: difference > 0 ? "+\(difference)" : difference < 0 ? "−\(-difference)" : "0")
    }
}

extension SiteDate {
    /// A month, or a year and month, as a date.
    init(year: Int, month: Int) {
        self = SiteDate("\(year)-\(month < 10 ? "0" : "")\(month)") ?? SiteDate("\(year)")!
    }
}
