import Templates

/// A series on its entry's page: the chart, the sentence that says it, the data table, the
/// progress status and how it was computed.
public struct SeriesView: Sendable, TemplateView {
    /// The field's name, for the section's id.
    public var name: String
    public var label: String
    public var unit: String
    /// "De 12 % en 2019 a 18 % en 2023; meta: 25 % en 2025."
    public var summary: String
    public var svg: String
    public var rows: [SeriesRowView]
    public var progress: ProgressView
    /// The series as a tidy CSV.
    public var csvURL: String

    public static let names: TemplateNames<SeriesView> = [
        "name": .init(\.name),
        "label": .init(\.label),
        "unit": .init(\.unit),
        "summary": .init(\.summary),
        "svg": .init(\.svg),
        "rows": .init(\.rows),
        "progress": .init(\.progress),
        "csvURL": .init(\.csvURL),
    ]
}

/// One row of a series' data table: the baseline, a target or a measured value.
public struct SeriesRowView: Sendable, TemplateView {
    /// `baseline`, `target` or `value`.
    public var kindID: String
    /// Its words: "Línea base", "Meta", "Medición".
    public var kind: String
    public var date: String
    public var datetime: String
    public var value: String
    public var source: String?
    public var note: String?

    public static let names: TemplateNames<SeriesRowView> = [
        "kindID": .init(\.kindID),
        "kind": .init(\.kind),
        "date": .init(\.date),
        "datetime": .init(\.datetime),
        "value": .init(\.value),
        "source": .init(\.source),
        "note": .init(\.note),
    ]
}

/// A series' progress status, in words, with the method it was computed by.
public struct ProgressView: Sendable, TemplateView {
    /// `on-track`, `moderate`, … (`SeriesProgress.Status`), for the badge's class.
    public var statusID: String
    /// "En camino", "Progreso moderado", …
    public var status: String
    /// What the status means.
    public var explanation: String
    /// "Recorrido: 50 % del camino de la línea base a la meta de 2025", when there is a target.
    public var share: String?
    /// How the status was computed, in one sentence with the thresholds.
    public var method: String
    /// The method's published source.
    public var methodURL: String

    public static let names: TemplateNames<ProgressView> = [
        "statusID": .init(\.statusID),
        "status": .init(\.status),
        "explanation": .init(\.explanation),
        "share": .init(\.share),
        "method": .init(\.method),
        "methodURL": .init(\.methodURL),
    ]
}

/// An indicator that measures an entry, listed on that entry's page with its status.
public struct MeasureLinkView: Sendable, TemplateView {
    public var title: String
    public var url: String
    public var lang: String?
    public var statusID: String
    public var status: String
    /// The latest value with its unit and date: "18 % (2023)".
    public var latest: String

    public static let names: TemplateNames<MeasureLinkView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "lang": .init(\.lang),
        "statusID": .init(\.statusID),
        "status": .init(\.status),
        "latest": .init(\.latest),
    ]
}

/// How many indicators have each progress status, with the method: the dashboards' count.
public struct ProgressSummaryView: Sendable, TemplateView {
    public var counts: [ProgressCountView]
    public var total: Int
    /// "De 3 indicadores: 1 en camino, 1 con progreso moderado, …"
    public var summary: String
    public var method: String
    public var methodURL: String

    public static let names: TemplateNames<ProgressSummaryView> = [
        "counts": .init(\.counts),
        "total": .init(\.total),
        "summary": .init(\.summary),
        "method": .init(\.method),
        "methodURL": .init(\.methodURL),
    ]
}

/// The number of indicators with one status.
public struct ProgressCountView: Sendable, TemplateView {
    public var statusID: String
    public var status: String
    public var count: Int

    public static let names: TemplateNames<ProgressCountView> = [
        "statusID": .init(\.statusID),
        "status": .init(\.status),
        "count": .init(\.count),
    ]
}
