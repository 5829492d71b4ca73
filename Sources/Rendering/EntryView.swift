import Templates

/// An entry's page.
public struct EntryView: Sendable, TemplateView {
    public var id: String
    public var title: String
    public var collection: LinkView
    public var singular: String
    public var fields: [FieldView]
    public var body: String
    public var toc: [TOCItemView]
    public var backlinks: [BacklinkGroupView]
    public var rollups: [StatusView]
    /// The source file, relative to the site root (for editors; public pages link it instead).
    public var source: String
    /// The file in the site's repository (`repository_url` + `source`), when the model names one.
    public var sourceURL: String?
    /// When the file last changed (from git), in words and as `YYYY-MM-DD`: the edit date.
    public var updated: String?
    public var updatedISO: String?
    /// The data date (the newest dated record), in words and as written; `nil` when none.
    public var dataDate: String?
    public var dataDateISO: String?
    /// The data date is `stale_after_months` old or older.
    public var stale = false
    /// Past its planned end without a final status: "Atrasado: debía terminar en diciembre de 2022".
    public var late: String?
    /// Its measured series (an indicator's chart, table and progress).
    public var series: [SeriesView] = []
    /// The indicators that measure this entry, with their status.
    public var measures: [MeasureLinkView] = []
    /// The dated records of its history, newest first.
    public var timeline: [TimelineItemView] = []
    /// On a translated page whose text is not translated yet: the language the text is in.
    public var fallbackLang: String?
    /// The language of `title` when it is not the page's (not translated yet).
    public var titleLang: String?

    var hasBody: Bool { !body.isEmpty }
    var hasToc: Bool { toc.count > 1 }

    public static let names: TemplateNames<EntryView> = [
        "id": .init(\.id),
        "title": .init(\.title),
        "collection": .init(\.collection),
        "singular": .init(\.singular),
        "fields": .init(\.fields),
        "body": .init(\.body),
        "hasBody": .init(\.hasBody),
        "toc": .init(\.toc),
        "hasToc": .init(\.hasToc),
        "backlinks": .init(\.backlinks),
        "rollups": .init(\.rollups),
        "source": .init(\.source),
        "sourceURL": .init(\.sourceURL),
        "dataDate": .init(\.dataDate),
        "dataDateISO": .init(\.dataDateISO),
        "late": .init(\.late),
        "updated": .init(\.updated),
        "updatedISO": .init(\.updatedISO),
        "stale": .init(\.stale),
        "timeline": .init(\.timeline),
        "series": .init(\.series),
        "measures": .init(\.measures),
        "fallbackLang": .init(\.fallbackLang),
        "titleLang": .init(\.titleLang),
    ]
}

/// The entries that refer to this one through one field: "Proyectos — Socios".
public struct BacklinkGroupView: Sendable, TemplateView {
    public var title: String
    public var entries: [LinkView]

    public static let names: TemplateNames<BacklinkGroupView> = [
        "title": .init(\.title),
        "entries": .init(\.entries),
    ]
}

/// A heading of the body, for the table of contents.
public struct TOCItemView: Sendable, TemplateView {
    public var id: String
    public var text: String
    public var level: Int

    public static let names: TemplateNames<TOCItemView> = [
        "id": .init(\.id),
        "text": .init(\.text),
        "level": .init(\.level),
    ]
}
