import ContentModel
import JSON
import SiteData
import SiteLayout

/// The open data of reporting periods: one JSON document per period (its counts at the end,
/// what changed, the previous period's counts), a list of periods, their JSON Schemas, a CSV of
/// every count for the Data Package, and an item in the feeds for each closed period.
public struct PeriodDocuments: Sendable {
    public let site: Site
    let pages: PagePaths

    /// Creates the documents of `site`'s periods.
    public init(site: Site) {
        self.site = site
        self.pages = PagePaths(model: site.model)
    }

    var paths: DataPaths { pages.data }

    func absolute(_ path: String) -> JSONValue { .string(site.model.baseURL + path) }

    /// The label `site.yaml` gives the period in the site's language, else its id.
    func label(of period: ReportingPeriod) -> String {
        period.label(in: site.model.language) ?? period.id
    }

    /// Every document, with its path: the list, each period, the two schemas.
    public func files() -> [OutputFile] {
        let periods = site.periods
        guard !periods.isEmpty else { return [] }
        let schemas = PeriodSchemas(site: site)
        var files = [
            OutputFile(path: paths.periodsList, bytes: list().serializedBytes()),
            OutputFile(path: paths.periodsListSchema, bytes: schemas.list().serializedBytes()),
            OutputFile(path: paths.periodSchema, bytes: schemas.period().serializedBytes()),
        ]
        for (index, period) in periods.enumerated() {
            files.append(
                OutputFile(
                    path: paths.period(period.id),
                    bytes: document(for: period, previous: index > 0 ? periods[index - 1] : nil).serializedBytes()))
        }
        return files
    }

    /// `api/v1/periodos.json`: every period, oldest first.
    public func list() -> JSONValue {
        [
            "schema": absolute(paths.periodsListSchema),
            "reference_date": .optional(site.referenceDate?.description),
            "periods": .array(site.periods.map(summary)),
        ]
    }

    /// The catalog's entry for periods; `null` when the site has none.
    public func catalogEntry() -> JSONValue {
        guard !site.periods.isEmpty else { return .null }
        return ["api": absolute(paths.periodsList), "schema": absolute(paths.periodsListSchema)]
    }

    func summary(_ period: ReportingPeriod) -> JSONValue {
        [
            "id": .string(period.id),
            "label": .string(label(of: period)),
            "start": .optional(period.start?.description),
            "end": .string(period.end.description),
            "closed": .bool(period.closed),
            "url": absolute(pages.periodPage(period.id)),
            "api": absolute(paths.period(period.id)),
        ]
    }

    /// `api/v1/periodos/<id>.json`: the period's report, with the previous period's counts.
    public func document(for period: ReportingPeriod, previous: ReportingPeriod?) -> JSONValue {
        let previousReports = previous.map(site.report(for:))
        let collections: [JSONValue] = site.report(for: period).enumerated().map { index, report in
            collection(report, previous: previousReports?[index])
        }
        guard case .object(var members) = summary(period) else { return .null }
        members["schema"] = absolute(paths.periodSchema)
        members["reference_date"] = .optional(site.referenceDate?.description)
        members["previous"] = .optional(previous?.id)
        members["collections"] = .array(collections)
        return .object(members)
    }

    func collection(_ report: CollectionPeriodReport, previous: CollectionPeriodReport?) -> JSONValue {
        let collection = site.model.collection(report.collection)
        let ids = { (keys: [EntryKey]) in JSONValue.array(keys.map { .string($0.id) }) }
        let changes: [JSONValue] = report.changes.map { change in
            [
                "entry": .string(change.entry.id),
                "title": .string(site.title(of: change.entry) ?? change.entry.id),
                "url": absolute(pages.page(of: change.entry)),
                "date": .string(change.date.description),
                "kind": .string(change.kind.rawValue),
                "from": change.from.map(APIDocuments.enumeration) ?? .null,
                "to": APIDocuments.enumeration(change.to),
                "note": .optional(change.note),
            ]
        }
        let snapshots: [JSONValue] = report.snapshots.map { snapshot in
            [
                "title": .string(snapshot.title), "date": .string(snapshot.date), "source": .string(snapshot.source),
                "total": .int(snapshot.total),
                "counts": APIDocuments.counts(
                    snapshot.counts.compactMap { item in
                        report.values.first { $0.id == item.value }.map { ($0, item.count) }
                    }),
            ]
        }
        return [
            "collection": .string(report.collection),
            "title": .string(collection?.title ?? report.collection),
            "counts": APIDocuments.counts(report.counts),
            "without_record": .int(report.withoutRecord.count),
            "without_record_entries": ids(report.withoutRecord),
            "documented": .int(report.documented),
            "expected": collection?.expected.map(JSONValue.int) ?? .null,
            "changes": .array(changes),
            "no_record_in_period": ids(report.silent),
            "first_record_in_period": ids(report.firstRecorded),
            "late": ids(report.late),
            "snapshots": .array(snapshots),
            "previous": previous.map { previous -> JSONValue in
                ["counts": APIDocuments.counts(previous.counts), "without_record": .int(previous.withoutRecord.count)]
            } ?? .null,
        ]
    }

    /// The counts of every period as one table: a row per period, collection and status value,
    /// and one with an empty status for the entries without record.
    public var table: TabularData.Table? {
        guard !site.periods.isEmpty else { return nil }
        var rows: [[String]] = []
        for period in site.periods {
            for report in site.report(for: period) {
                let head = [period.id, period.start?.description ?? "", period.end.description, String(period.closed)]
                rows += report.counts.map { head + [report.collection, $0.value.id, String($0.count)] }
                rows.append(head + [report.collection, "", String(report.withoutRecord.count)])
            }
        }
        return TabularData.Table(
            path: paths.periodsCSV, name: paths.apiPeriods, title: paths.apiPeriods,
            columns: [
                .init(name: "period", title: "period", type: "string", constraints: ["required": true]),
                .init(name: "start", title: "start", type: "date"),
                .init(name: "end", title: "end", type: "date", constraints: ["required": true]),
                .init(name: "closed", title: "closed", type: "boolean", constraints: ["required": true]),
                .init(name: "collection", title: "collection", type: "string", constraints: ["required": true]),
                .init(
                    name: "status", title: "status", type: "string",
                    description: "The status value at the period's end; empty for the entries without record."),
                .init(
                    name: "count", title: "count", type: "integer",
                    constraints: ["required": true, "minimum": 0]),
            ],
            rows: rows, primaryKey: [], foreignKeys: [])
    }
}
