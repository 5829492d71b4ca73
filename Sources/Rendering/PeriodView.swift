import Templates

/// The page of one reporting period: the state of each reported collection at its end, what
/// changed within it, and the previous period beside it. It prints as a dated report.
public struct PeriodView: Sendable, TemplateView {
    public var id: String
    /// "2022", "enero de 2022 – marzo de 2022", or the label `site.yaml` gives.
    public var label: String
    /// "Del 1 de enero de 2022 al 31 de diciembre de 2022".
    public var range: String
    public var start: String?
    public var end: String
    public var closed: Bool
    /// For the open period: until when its figures may change.
    public var openNote: String?
    /// "Fecha de referencia de este informe: 1 de enero de 2025."
    public var reference: String?
    public var collections: [PeriodCollectionView]
    public var previous: LinkView?
    public var next: LinkView?
    /// The snapshots' citations, then the site's history and the report's JSON.
    public var sources: [TextView]

    public static let names: TemplateNames<PeriodView> = [
        "id": .init(\.id),
        "label": .init(\.label),
        "range": .init(\.range),
        "start": .init(\.start),
        "end": .init(\.end),
        "closed": .init(\.closed),
        "openNote": .init(\.openNote),
        "reference": .init(\.reference),
        "collections": .init(\.collections),
        "previous": .init(\.previous),
        "next": .init(\.next),
        "sources": .init(\.sources),
    ]
}

/// One collection in a period's report.
public struct PeriodCollectionView: Sendable, TemplateView {
    public var id: String
    public var title: String
    /// Entries by status at the end, "without record" as a bar of its own.
    public var status: StatusView
    public var withoutRecordNote: String
    /// "2 de 2 entradas con estado no tienen ningún registro en este periodo: …"; `nil` when none.
    public var carriedNote: String?
    public var coverage: String
    /// The previous period's figures beside these, with the difference; `nil` for the first.
    public var comparison: PeriodComparisonView?
    public var changes: [PeriodChangeView]
    public var silent: [LinkView]
    public var firstRecorded: [LinkView]
    public var late: [LinkView]
    public var snapshots: [StatusView]

    public static let names: TemplateNames<PeriodCollectionView> = [
        "id": .init(\.id),
        "title": .init(\.title),
        "status": .init(\.status),
        "withoutRecordNote": .init(\.withoutRecordNote),
        "carriedNote": .init(\.carriedNote),
        "coverage": .init(\.coverage),
        "comparison": .init(\.comparison),
        "changes": .init(\.changes),
        "silent": .init(\.silent),
        "firstRecorded": .init(\.firstRecorded),
        "late": .init(\.late),
        "snapshots": .init(\.snapshots),
    ]
}

/// The counts of two periods side by side.
public struct PeriodComparisonView: Sendable, TemplateView {
    public var caption: String
    public var previous: String
    public var current: String
    public var rows: [PeriodComparisonRow]

    public static let names: TemplateNames<PeriodComparisonView> = [
        "caption": .init(\.caption),
        "previous": .init(\.previous),
        "current": .init(\.current),
        "rows": .init(\.rows),
    ]
}

/// One value in two periods: "En marcha 2 → 3 (+1)".
public struct PeriodComparisonRow: Sendable, TemplateView {
    public var label: String
    public var previous: Int
    public var current: Int
    /// "+1", "−2" or "0".
    public var difference: String

    public static let names: TemplateNames<PeriodComparisonRow> = [
        "label": .init(\.label),
        "previous": .init(\.previous),
        "current": .init(\.current),
        "difference": .init(\.difference),
    ]
}

/// A change of status within a period.
public struct PeriodChangeView: Sendable, TemplateView {
    public var date: String
    public var datetime: String
    public var entry: LinkView
    /// "Se suspendió".
    public var kind: String
    public var kindID: String
    /// "de «En marcha» a «Suspendido»".
    public var change: String
    public var note: String?

    public static let names: TemplateNames<PeriodChangeView> = [
        "date": .init(\.date),
        "datetime": .init(\.datetime),
        "entry": .init(\.entry),
        "kind": .init(\.kind),
        "kindID": .init(\.kindID),
        "change": .init(\.change),
        "note": .init(\.note),
    ]
}

/// The index of periods, newest first.
public struct PeriodsView: Sendable, TemplateView {
    public var rows: [PeriodRowView]

    public static let names: TemplateNames<PeriodsView> = [
        "rows": .init(\.rows)
    ]
}

/// A period in the index (and on the home page).
public struct PeriodRowView: Sendable, TemplateView {
    public var label: String
    public var url: String
    public var range: String
    public var closed: Bool
    /// "Proyectos: En marcha 3 · Suspendido 1 · Sin registro 2", per collection.
    public var summaries: [String]
    /// The status charts, for the home page.
    public var statuses: [StatusView] = []
    /// The home page's title: "El último periodo cerrado: 2024".
    public var heading: String?
    /// For the home page: per collection, the statuses carried from records before the period.
    public var notes: [String] = []

    public static let names: TemplateNames<PeriodRowView> = [
        "label": .init(\.label),
        "url": .init(\.url),
        "range": .init(\.range),
        "closed": .init(\.closed),
        "summaries": .init(\.summaries),
        "statuses": .init(\.statuses),
        "heading": .init(\.heading),
        "notes": .init(\.notes),
    ]
}
