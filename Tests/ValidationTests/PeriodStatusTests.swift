import ContentModel
import Testing

@testable import SiteData

/// The rules of docs/periods.md, one by one: an entry's status at a period's end, reconstructed
/// from its dated history records, and what changed within the period.
@Suite struct PeriodStatusTests {
    static let model: SiteModel = {
        let (model, diagnostics) = ModelReader.read(
            """
            title: T
            title_field: titulo
            periods: {every: year, from: 2021-01}
            enums:
              estado:
                no-iniciado: {label: No iniciado}
                en-marcha: {label: En marcha}
                suspendido: {label: Suspendido, requires_note: true}
                finalizado: {label: Finalizado, final: true}
            collections:
              proyectos:
                status: estado
                planned_end: fin
                fields:
                  titulo: string
                  estado: {type: enum, values: estado}
                  fin: date
                  historial:
                    type: list
                    of:
                      fecha: {type: date, required: true}
                      estado: {type: enum, values: estado}
                      nota: string

            """)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return model!
    }()

    /// A site of one project whose history is `records` (date, status or nil, note), whose
    /// front matter says `current`, built on `reference`.
    static func site(
        _ records: [(String, String?, String?)], current: String = "en-marcha", end: String? = nil,
        reference: String = "2025-01-01"
    ) -> (Site, Entry) {
        let history: [FieldValue] = records.map { date, status, note in
            var record: [String: FieldValue] = ["fecha": .date(SiteDate(date)!)]
            if let status { record["estado"] = .enumeration(status) }
            if let note { record["nota"] = .string(note) }
            return .record(record)
        }
        var fields: [String: FieldValue] = ["estado": .enumeration(current), "historial": .list(history)]
        if let end { fields["fin"] = .date(SiteDate(end)!) }
        let entry = Entry(
            key: EntryKey("proyectos", "p"), file: "content/proyectos/p.md", title: "P", fields: fields, body: "",
            bodyFirstLine: 1)
        var site = Site(model: model, entries: ["proyectos": [entry]])
        site.referenceDate = SiteDate(reference)
        return (site, entry)
    }

    static func period(_ id: String) -> ReportingPeriod {
        let (site, _) = site([])
        return site.periods.first { $0.id == id }!
    }

    /// Each row: the history, the period, and the status expected at its end (`nil`: without record).
    @Test(
        arguments: [
            // 1. The newest dated record with a status on or before the end.
            ([("2021-03-01", "no-iniciado", nil), ("2022-05-10", "en-marcha", nil)], "2022", "en-marcha"),
            ([("2021-03-01", "no-iniciado", nil), ("2022-05-10", "en-marcha", nil)], "2021", "no-iniciado"),
            // A record after the end does not count.
            ([("2023-01-01", "finalizado", nil)], "2022", nil),
            // Records of the same day: the one written last wins; written order, not date order, otherwise.
            ([("2022-06-01", "en-marcha", nil), ("2022-06-01", "suspendido", "x")], "2022", "suspendido"),
            ([("2022-09", "suspendido", "x"), ("2022-02", "en-marcha", nil)], "2022", "suspendido"),
            // 2. Records without a status change nothing.
            ([("2021-05", "en-marcha", nil), ("2022-02", nil, "otro terreno")], "2022", "en-marcha"),
            ([("2022-02", nil, "solo una nota")], "2022", nil),
            // 3. A month-only date counts from the first day of its month, a year-only date from 1 January.
            ([("2022-12", "en-marcha", nil)], "2022", "en-marcha"),
            ([("2023-01", "en-marcha", nil)], "2022", nil),
            ([("2022", "suspendido", "x")], "2022", "suspendido"),
            ([("2023", "en-marcha", nil)], "2022", nil),
            ([("2022-12-31", "finalizado", nil)], "2022", "finalizado"),
            // 4. No dated status before the end: without record, never the front matter's status.
            ([], "2024", nil),
        ] as [([(String, String?, String?)], String, String?)])
    func theStatusAtAPeriodsEndFollowsTheRules(
        records: [(String, String?, String?)], period: String, expected: String?
    ) throws {
        let (site, entry) = Self.site(records, current: "finalizado")
        let history = try #require(site.periodCollections.first?.history)
        let report = site.report(of: site.model.collections[0], history: history, in: Self.period(period))
        let status = report.statusAtEnd[entry.key] ?? nil
        #expect(status?.id == expected)
        #expect(report.withoutRecord == (expected == nil ? [entry.key] : []))
        #expect(report.documented == (expected == nil ? 0 : 1))
    }

    /// Each row: the history, and the changes within 2022 by kind.
    @Test(
        arguments: [
            ([("2022-02", "en-marcha", nil)], ["started"]),
            ([("2021-02", "no-iniciado", nil), ("2022-02", "en-marcha", nil)], ["started"]),
            ([("2022-02", "no-iniciado", nil)], ["changed"]),
            ([("2021-02", "en-marcha", nil), ("2022-06", "suspendido", "sin presupuesto")], ["suspended"]),
            ([("2021-02", "suspendido", "x"), ("2022-06", "en-marcha", "se reanuda")], ["resumed"]),
            ([("2022-02", "en-marcha", nil), ("2022-11", "finalizado", nil)], ["started", "finished"]),
            // A record that repeats the status before it is no change; one in 2021 is not in 2022.
            ([("2021-02", "en-marcha", nil), ("2022-03", "en-marcha", nil)], []),
            // Records without a status are no change.
            ([("2021-02", "en-marcha", nil), ("2022-03", nil, "nota")], []),
        ] as [([(String, String?, String?)], [String])])
    func changesWithinAPeriodAreNamedByTheModelsFlags(records: [(String, String?, String?)], kinds: [String]) throws {
        let (site, _) = Self.site(records)
        let history = try #require(site.periodCollections.first?.history)
        let report = site.report(of: site.model.collections[0], history: history, in: Self.period("2022"))
        #expect(report.changes.map(\.kind.rawValue) == kinds)
    }

    @Test func aChangeCarriesItsDateItsNoteAndTheStatusBeforeIt() throws {
        let (site, entry) = Self.site([("2021-06", "en-marcha", "obras"), ("2022-06", "suspendido", "sin presupuesto")])
        let history = try #require(site.periodCollections.first?.history)
        let change = try #require(
            site.report(of: site.model.collections[0], history: history, in: Self.period("2022")).changes.first)
        #expect(change.entry == entry.key)
        #expect(change.date == SiteDate("2022-06"))
        #expect(change.from?.id == "en-marcha")
        #expect(change.to.id == "suspendido")
        #expect(change.note == "sin presupuesto")
    }

    @Test func silenceFirstRecordsAndLatenessAreMeasuredAtThePeriod() throws {
        let (site, entry) = Self.site(
            [("2021-06", "en-marcha", nil), ("2023-02", nil, "nota")], end: "2021-12")
        let history = try #require(site.periodCollections.first?.history)
        let collection = site.model.collections[0]
        let report2021 = site.report(of: collection, history: history, in: Self.period("2021"))
        let report2022 = site.report(of: collection, history: history, in: Self.period("2022"))
        let report2023 = site.report(of: collection, history: history, in: Self.period("2023"))
        #expect(report2021.firstRecorded == [entry.key])
        #expect(report2021.silent.isEmpty)
        // Planned to end in December 2021: not late within 2021, late at the end of 2022.
        #expect(report2021.late.isEmpty)
        #expect(report2022.late == [entry.key])
        #expect(report2022.silent == [entry.key])
        // A record without a status is still a record in the period.
        #expect(report2023.silent.isEmpty)
        #expect(report2023.firstRecorded.isEmpty)
        // Finished before the end: never late.
        let (finished, _) = Self.site([("2022-01", "finalizado", nil)], end: "2021-12")
        #expect(finished.report(of: collection, history: history, in: Self.period("2022")).late.isEmpty)
    }

    @Test func theOpenPeriodIsMeasuredAtTheReferenceDate() throws {
        // Reference date 1 March 2025: a record of June 2025 has not happened yet for this build.
        let (site, entry) = Self.site(
            [("2024-05", "en-marcha", nil), ("2025-02", "suspendido", "x"), ("2025-06", "finalizado", nil)],
            reference: "2025-03-01")
        let period = try #require(site.periods.last)
        #expect(period.id == "2025" && !period.closed)
        let history = try #require(site.periodCollections.first?.history)
        let report = site.report(of: site.model.collections[0], history: history, in: period)
        #expect((report.statusAtEnd[entry.key] ?? nil)?.id == "suspendido")
        #expect(report.changes.map(\.kind) == [.suspended])
    }

    @Test func aSiteWithoutAReferenceDateHasNoPeriods() {
        var (site, _) = Self.site([])
        #expect(site.periods.map(\.id) == ["2021", "2022", "2023", "2024", "2025"])
        #expect(site.periods.last?.closed == false)
        site.referenceDate = nil
        #expect(site.periods.isEmpty)
    }
}
