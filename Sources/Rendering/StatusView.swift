import Templates

/// Entries of a collection counted by status, with how they were counted: a chart (SVG), a
/// sentence that says what it shows, and the numbers as a table.
public struct StatusView: Sendable, TemplateView {
    /// "Proyectos por estado".
    public var title: String
    public var total: Int
    public var bars: [BarView]
    /// How the figures were computed, in a sentence.
    public var method: String?
    /// The chart, drawn at build time; hidden from screen readers, which get `summary` and `bars`.
    public var svg = ""
    /// The chart in one sentence: "2 proyectos: En marcha 1 (50 %), …".
    public var summary = ""
    /// For published figures: the citation and the date they describe.
    public var source: TextView?
    public var date: String?
    /// For published figures: the figures in one sentence, largest first.
    public var headline: String?
    /// For published figures: how many of the largest figure's entries this site documents,
    /// linked to their page when it has one ("En este sitio: 0 proyectos documentados…").
    public var documented: LinkView?
    /// What part of the whole is counted, when not all of it is: "documented here: 2 of 63".
    public var scope: String?
    /// For roll-ups: the entries counted, by status value, each group with its own anchor, so
    /// that a count elsewhere (a breakdown table on the collection's page) leads to its entries.
    public var counted: [CountedGroupView] = []
    /// For roll-ups: the list of entries counted is shown open, as the page's only list of them
    /// (they are exactly the entries that refer to the page's through one field).
    public var countedOpen = false
    /// For roll-ups: the figure's anchor on the parent's page.
    public var id: String?
    /// The language of `title` when it is not the page's (an untranslated snapshot); `source` has its own.
    public var lang: String?
    /// For a roll-up of few entries, the figure as a sentence: "Dependen de esta entrada 2
    /// proyectos:", followed by `mentions`; `nil` for the full figure.
    public var lead: String?
    /// The entries the sentence names, each with its status, in display order.
    public var mentions: [CountedEntryView] = []

    var hasData: Bool { total > 0 }
    var isSentence: Bool { lead != nil }

    public static let names: TemplateNames<StatusView> = [
        "title": .init(\.title),
        "headline": .init(\.headline),
        "documented": .init(\.documented),
        "scope": .init(\.scope),
        "counted": .init(\.counted),
        "countedOpen": .init(\.countedOpen),
        "id": .init(\.id),
        "hasData": .init(\.hasData),
        "lang": .init(\.lang),
        "lead": .init(\.lead),
        "mentions": .init(\.mentions),
        "isSentence": .init(\.isSentence),
        "total": .init(\.total),
        "bars": .init(\.bars),
        "method": .init(\.method),
        "svg": .init(\.svg),
        "summary": .init(\.summary),
        "source": .init(\.source),
        "date": .init(\.date),
    ]
}

/// One bar of a status breakdown: "En marcha: 7 (11 %)".
public struct BarView: Sendable, TemplateView {
    public var id: String
    public var label: String
    public var count: Int
    /// Share of the total, rounded, for the text.
    public var percent: Int
    /// Share of the total with one decimal, for the bar's CSS width.
    public var width: String
    public var color: String?
    public var description: String?
    /// A link to the entries counted, when there is a page for them.
    public var url: String?
    /// The same link for the count itself, when the page lists exactly the entries counted (not
    /// for a published figure, whose link leads to the documented entries with that value).
    public var countURL: String?

    var zero: Bool { count == 0 }

    public static let names: TemplateNames<BarView> = [
        "id": .init(\.id),
        "label": .init(\.label),
        "count": .init(\.count),
        "percent": .init(\.percent),
        "width": .init(\.width),
        "color": .init(\.color),
        "description": .init(\.description),
        "url": .init(\.url),
        "countURL": .init(\.countURL),
        "zero": .init(\.zero),
    ]
}

/// An entry counted in a roll-up: its title, page and status.
public struct CountedEntryView: Sendable, TemplateView {
    public var title: String
    public var url: String
    public var status: String?
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?
    /// In a roll-up's sentence: the status value's id and colour, for its badge.
    public var statusID: String?
    public var color: String?
    /// In a roll-up's sentence: the anchor of the first entry of its status value
    /// (`rollup-proyectos-en-marcha`), which a breakdown table's count links to.
    public var anchor: String?
    /// In a roll-up's sentence: what comes before it (" ", ", " or the language's " y ").
    public var separator = ""

    public init(title: String, url: String, status: String?, lang: String?) {
        self.title = title
        self.url = url
        self.status = status
        self.lang = lang
    }

    public static let names: TemplateNames<CountedEntryView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "status": .init(\.status),
        "lang": .init(\.lang),
        "statusID": .init(\.statusID),
        "color": .init(\.color),
        "anchor": .init(\.anchor),
        "separator": .init(\.separator),
    ]
}

/// The entries of a roll-up that have one status value ("En curso (2)"), under an anchor of
/// their own: `rollup-acciones-en-curso`.
public struct CountedGroupView: Sendable, TemplateView {
    public var id: String
    /// The value's label; `nil` for the entries that have no value.
    public var label: String?
    public var entries: [CountedEntryView]

    var count: Int { entries.count }

    public static let names: TemplateNames<CountedGroupView> = [
        "id": .init(\.id),
        "label": .init(\.label),
        "entries": .init(\.entries),
        "count": .init(\.count),
    ]
}

/// A text and, when it is not in the page's language (an untranslated citation), its language.
public struct TextView: Sendable, TemplateView {
    public var text: String
    public var lang: String?
    /// An address the text ends with, written out and linked.
    public var url: String?

    public init(text: String, lang: String? = nil, url: String? = nil) {
        self.text = text
        self.lang = lang
        self.url = url
    }

    public static let names: TemplateNames<TextView> = [
        "text": .init(\.text),
        "lang": .init(\.lang),
        "url": .init(\.url),
    ]
}
