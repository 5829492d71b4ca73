import Diagnostics

/// The site's settings and content model, read from `content/site.yaml`.
///
/// Nothing about a particular city lives in Swift: collections, fields, enum values and their
/// labels all come from this value.
public struct SiteModel: Sendable {
    public var title: String
    public var description: String?
    /// Absolute URL of the published site, always ending in `/`.
    public var baseURL: String
    /// BCP 47 language of the content, such as `es`.
    public var language: String
    /// Collections in the order `site.yaml` declares them (the order of menus and dashboards).
    public var collections: [Collection]
    /// Named sets of enum values that several fields share.
    public var enums: [String: EnumSet]
    /// Entries not updated (in git) for this many months are marked as stale; `nil` disables it.
    public var staleAfterMonths: Int?
    /// `repository_url`: the address files are read at, with a slash at the end; pages link
    /// their source file there.
    public var repositoryURL: String?
    /// The words of the built-in pages' URLs in each language of the site, by language code:
    /// what `paths:` of `site.yaml` and of each `site.<lang>.yaml` sets, completed by the build
    /// from the theme (see `PathWords`). A translated model keeps every language's.
    public var paths: [String: PathWords] = [:]
    /// The terms under which the data may be reused; `nil` until the site declares them.
    public var license: License?
    /// `banner`: a sentence every page shows above its content, such as "The figures of this
    /// site are invented examples"; `nil` for none.
    public var banner: String?
    /// The reporting periods (`periods:`); `nil` when the site declares none.
    public var periods: PeriodPlan?
    /// Where `site.yaml` sets `base_url`; `nil` when it does not.
    public var baseURLLocation: SourceLocation?
    /// `paginate_by`: how many entries each page of a listing shows, unless a collection says
    /// otherwise; 0 keeps every listing on one page.
    public var paginateBy = SiteModel.defaultPageSize
    /// `filter_limit`: the most values a filter of a listing shows inline, unless a collection
    /// says otherwise; a field with more links to its values page (`acciones/hito/`) instead.
    public var filterLimit = SiteModel.defaultFilterLimit
    /// `api_v1: true`: the JSON API's first layout (`/api/v1/`, every entry's body in its
    /// collection's list) is still written beside `/api/v2/`, for the clients that read it.
    public var publishesAPIv1 = false

    /// The entries a listing page shows when `site.yaml` does not say (`paginate_by`).
    public static let defaultPageSize = 100
    /// The values a filter lists inline when `site.yaml` does not say (`filter_limit`): more than
    /// any grouping of the Quito site (16 partners) or of the PMDOT example, few enough that a
    /// filter stays a short list on a phone.
    public static let defaultFilterLimit = 30

    /// Creates a model.
    public init(
        title: String, description: String? = nil, baseURL: String, language: String,
        collections: [Collection], enums: [String: EnumSet] = [:]
    ) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.collections = collections
        self.enums = enums
    }

    /// The collection called `name`.
    public func collection(_ name: String) -> Collection? {
        collections.first { $0.name == name }
    }

    /// The collection whose folder under `content/` is `folder`.
    public func collection(inFolder folder: String) -> Collection? {
        collections.first { $0.folder == folder }
    }

    /// The path part of `baseURL` (`/` for a site at the root of its host, `/sub/` otherwise).
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let afterHost = baseURL[schemeEnd.upperBound...].drop { $0 != "/" }
        return afterHost.isEmpty ? "/" : String(afterHost)
    }
}

/// A kind of entry (axes, milestones, partners…): a folder of Markdown files under `content/`.
public struct Collection: Sendable {
    /// The key in `site.yaml`, used in references (`to: hitos`).
    public var name: String
    /// The folder under `content/` and the URL segment of its pages.
    public var folder: String
    /// Where `site.yaml` sets `folder`: its `path:`, or the collection's name when it has none.
    public var folderLocation: SourceLocation?
    /// Plural label, such as "Hitos".
    public var title: String
    /// Singular label, such as "Hito".
    public var singular: String
    public var description: String?
    /// How many entries the strategy declares; the site shows "documented N of M".
    public var expected: Int?
    /// The field that holds each entry's title.
    public var titleField: String
    /// Fields to sort entries by, then by title and id.
    public var orderBy: [String]
    /// The enum field that dashboards count entries by, if any.
    public var statusField: String?
    /// Fields in the order declared, which is the order pages show them.
    public var fields: [Field]
    /// When true, fields not declared are kept instead of reported.
    public var allowsExtraFields: Bool
    /// Shown in the site's main menu.
    public var inMenu: Bool
    /// Enum and reference fields with a page per value (`/proyectos/estado/suspendido/`).
    public var groupBy: [String]
    /// Collections whose entries get a chart of this collection's status (actions per axis).
    public var chartsBy: [String]
    /// Published counts by status at a date, from a cited source (a matrix of 63 projects).
    public var snapshots: [Snapshot]
    /// The date fields that hold when an entry is planned to start and to end
    /// (`planned_start`, `planned_end`): an entry past its planned end without a final status is late.
    public var plannedStart: String?
    public var plannedEnd: String?
    /// A date field that says when the entry's data was last true (`data_date`), besides its
    /// dated history records.
    public var dataDateField: String?
    /// `paginate_by`: the entries each page of this collection's listings shows; `nil` takes the
    /// site's, 0 keeps them on one page.
    public var paginateBy: Int?
    /// `filter_limit`: the most values a filter of this collection's listings shows inline;
    /// `nil` takes the site's.
    public var filterLimit: Int?

    /// Creates a collection.
    public init(
        name: String, folder: String? = nil, title: String? = nil, singular: String? = nil,
        description: String? = nil, expected: Int? = nil, titleField: String = "title",
        orderBy: [String] = [], statusField: String? = nil, fields: [Field],
        allowsExtraFields: Bool = false, inMenu: Bool = true, groupBy: [String] = [], chartsBy: [String] = [],
        snapshots: [Snapshot] = []
    ) {
        self.name = name
        self.folder = folder ?? name
        self.title = title ?? name
        self.singular = singular ?? title ?? name
        self.description = description
        self.expected = expected
        self.titleField = titleField
        self.orderBy = orderBy
        self.statusField = statusField
        self.fields = fields
        self.allowsExtraFields = allowsExtraFields
        self.inMenu = inMenu
        self.groupBy = groupBy
        self.chartsBy = chartsBy
        self.snapshots = snapshots
    }

    /// The field called `name`.
    public func field(_ name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// The fields pages show to readers: all but those marked `internal: true`.
    public var publicFields: [Field] {
        fields.filter { !$0.isInternal }
    }

    /// The enum values of the status field, if the collection has one.
    public var statusValues: EnumSet? {
        guard let statusField, case .enumeration(let set) = field(statusField)?.type else { return nil }
        return set
    }
}

/// A field of a collection's front matter.
public struct Field: Sendable {
    public var name: String
    /// The label pages show, such as "Estado".
    public var label: String
    public var type: FieldType
    public var required: Bool
    /// Help for editors, shown in error hints.
    public var description: String?
    /// `internal: true`: a field for editors (a sort key), left off public pages.
    public var isInternal = false

    /// Creates a field.
    public init(
        name: String, label: String? = nil, type: FieldType, required: Bool = false,
        description: String? = nil
    ) {
        self.name = name
        self.label = label ?? name
        self.type = type
        self.required = required
        self.description = description
    }
}

/// What a field holds.
public indirect enum FieldType: Sendable {
    case string
    /// Markdown text.
    case text
    case int
    case number
    /// A number from 0 to 100.
    case percent
    /// `YYYY-MM-DD`, or `YYYY-MM` and `YYYY` when only the month or year is known.
    case date
    /// An `http`, `https` or `mailto` URL.
    case url
    case boolean
    case enumeration(EnumSet)
    /// The id of one entry of the named collection.
    case reference(to: String)
    /// The ids of entries of the named collection.
    case references(to: String)
    /// A list of strings, or of small records.
    case list(of: ListItem)
    /// A measured series: unit, direction, baseline, targets and dated, sourced values; its
    /// progress is judged with these thresholds.
    case series(ProgressThresholds)

    /// The name written in `site.yaml`.
    public var name: String {
        switch self {
        case .string: "string"
        case .text: "text"
        case .int: "int"
        case .number: "number"
        case .percent: "percent"
        case .date: "date"
        case .url: "url"
        case .boolean: "bool"
        case .enumeration: "enum"
        case .reference: "ref"
        case .references: "refs"
        case .list: "list"
        case .series: "series"
        }
    }

    /// Every name `type:` accepts in `site.yaml`.
    public static let names = [
        "string", "text", "int", "number", "percent", "date", "url", "bool", "enum", "ref", "refs",
        "list", "series",
    ]

    /// The collection a `ref` or `refs` field points to.
    public var target: String? {
        switch self {
        case .reference(let to), .references(let to): to
        default: nil
        }
    }
}

/// What a `list` field holds.
public enum ListItem: Sendable {
    case string
    /// Records with the given fields, such as a history of `{fecha, estado, nota}`.
    case record([Field])
}

/// The allowed values of an `enum` field, in their declared order.
public struct EnumSet: Sendable {
    /// The shared name under `enums:` in `site.yaml`, if it has one.
    public var name: String?
    public var values: [EnumValue]

    /// Creates a set.
    public init(name: String? = nil, values: [EnumValue]) {
        self.name = name
        self.values = values
    }

    /// The value with `id`.
    public func value(_ id: String) -> EnumValue? {
        values.first { $0.id == id }
    }
}

/// One allowed value of an enum: its id in front matter, its label and colour on the site.
public struct EnumValue: Sendable, Hashable {
    public var id: String
    public var label: String
    /// A CSS colour for charts, such as `#1d6b3a`.
    public var color: String?
    /// What the value means, for the methodology and the editors.
    public var description: String?
    /// `requires_note: true`: an entry or a history record moving to this value must say why.
    public var requiresNote = false
    /// `final: true`: an entry with this value is over (finished, cancelled) and never late.
    public var isFinal = false

    /// Creates a value.
    public init(id: String, label: String? = nil, color: String? = nil, description: String? = nil) {
        self.id = id
        self.label = label ?? id
        self.color = color
        self.description = description
    }
}

/// Counts by status that a source published at a date, shown as a dated, sourced figure
/// beside the counts of the documented entries.
public struct Snapshot: Sendable {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var date: String
    public var title: String
    /// The citation, such as "Informe DMR, abril de 2022, §3.2".
    public var source: String
    /// Count per status value id, in the status field's order.
    public var counts: [(value: String, count: Int)]
    /// In a translated model, the language `title` is still in, when the translation leaves it
    /// out; `sourceLang` the same for `source`.
    public var lang: String?
    public var sourceLang: String?

    /// Creates a snapshot.
    public init(date: String, title: String, source: String, counts: [(value: String, count: Int)]) {
        self.date = date
        self.title = title
        self.source = source
        self.counts = counts
    }

    public var total: Int { counts.reduce(0) { $0 + $1.count } }

    /// The counts with the values they count, from `values` (the status field's set), in its
    /// order: what the dashboards chart and the API publishes.
    public func labelledCounts(in values: EnumSet) -> [(value: EnumValue, count: Int)] {
        counts.compactMap { item in values.value(item.value).map { ($0, item.count) } }
    }
}

/// The thresholds that turn a series' growth into a progress status, by the method Open SDG
/// adopted from Statistics Canada: with a target, the ratio of the observed compound annual
/// growth rate to the rate required to reach the target on time; without one, the observed
/// rate itself. Defaults are Open SDG's (`sdg-build`, `ProgressMeasure.py`).
public struct ProgressThresholds: Sendable, Hashable {
    /// Ratio at or above which a series with a target is on track (0.95).
    public var onTrack: Double
    /// Ratio at or above which it made moderate progress (0.6); below it, down to 0, it is
    /// off track; below 0 it moves away.
    public var moderate: Double
    /// Without a target: the observed annual growth at or above which it is on track (0.015).
    public var growthOnTrack: Double
    /// Without a target: the growth at or above which it made moderate progress (0.005).
    public var growthModerate: Double

    public static let openSDG = ProgressThresholds(
        onTrack: 0.95, moderate: 0.6, growthOnTrack: 0.015, growthModerate: 0.005)

    public init(onTrack: Double, moderate: Double, growthOnTrack: Double, growthModerate: Double) {
        self.onTrack = onTrack
        self.moderate = moderate
        self.growthOnTrack = growthOnTrack
        self.growthModerate = growthModerate
    }

    /// The keys `thresholds:` accepts in `site.yaml`.
    public static let keys = ["on_track", "moderate", "growth_on_track", "growth_moderate"]
}
