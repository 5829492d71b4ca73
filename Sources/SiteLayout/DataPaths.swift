import ContentModel
import SiteData

/// Where the open-data documents and the built-in pages live in the output: the JSON API, its
/// schemas, the feeds, the CSV files and the Data Package, the open-data, search and updates
/// pages. One place, so pages and documents link to each other without repeating paths.
///
/// The API, the feeds, the sitemap, `robots.txt` and `404.html` have the same names in every
/// language. The built-in pages' folders are words of one language (`PathWords`: `datos/`
/// in Spanish, `data/` in English): a value of this type holds those of one language. The data
/// files (CSV, Data Package) are one data set, written once under the data word of the site's
/// own language (`datos/proyectos.csv`), which every language's data page links to.
public struct DataPaths: Sendable, Hashable {
    /// The API version in every API path; `v1` only ever changes additively.
    public static let version = "v1"
    public static let apiRoot = "api/\(version)/"
    public static let catalog = apiRoot + "index.json"
    public static let catalogSchema = apiRoot + "schema/index.json"
    public static let jsonFeed = "feed.json"
    public static let atomFeed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    public static let notFound = "404.html"
    /// The folder of the prebuilt search index (its manifest, shards and entries, made by
    /// `SearchIndexBuilder`), in each language's root; a neutral name, not a word of any
    /// language, so that it never changes with the site's words.
    public static let searchFolder = "search-index/"
    /// The search index's manifest, which the search page names in `data-search-index` and the
    /// script reads first.
    public static let searchIndex = searchFolder + "index.json"

    /// The words of this language's built-in pages.
    public let words: PathWords
    /// The folder of the data files: the data word of the site's own language, with `/`.
    public let dataFolder: String
    /// The periods word of the site's own language: the API's and the data files' name for them,
    /// the same in every language.
    public let apiPeriods: String

    /// The paths of `words`' pages, with the data files under `dataWord` (the site's own
    /// language's data word).
    public init(words: PathWords, dataWord: String, periodsWord: String? = nil) {
        self.words = words
        self.dataFolder = dataWord + "/"
        self.apiPeriods = periodsWord ?? words["periods"]
    }

    /// The paths of `model`'s language (or of `language`, one of the site's), with the data files
    /// under the data word of `ownLanguage` (the site's own language; the model's by default).
    public init(model: SiteModel, language: String? = nil, ownLanguage: String? = nil) {
        self.init(
            words: model.pathWords(for: language ?? model.language),
            dataWord: model.pathWords(for: ownLanguage ?? model.language).data,
            periodsWord: model.pathWords(for: ownLanguage ?? model.language)["periods"])
    }

    /// The open-data page, without a language's folder: `datos/`.
    public var dataPage: String { words.data + "/" }
    /// The Data Package of the data files: `datos/datapackage.json`.
    public var dataPackage: String { dataFolder + "datapackage.json" }
    /// The search page, without a language's folder: `buscar/`.
    public var searchPage: String { words.search + "/" }
    /// The page of last changes, with stale entries marked: `actualizaciones/`.
    public var updatesPage: String { words.updates + "/" }

    /// The index of reporting periods: `periodos/`.
    public var periodsPage: String { words["periods"] + "/" }
    /// The page of one reporting period: `periodos/2022/`.
    public func periodPage(_ id: String) -> String { periodsPage + id + "/" }

    /// The built-in pages of this language (without a language's folder), by `PathWords` key.
    public var pages: [(key: String, path: String)] {
        [("data", dataPage), ("search", searchPage), ("updates", updatesPage), ("periods", periodsPage)]
    }

    /// `page` (without a language's folder) in `other`'s words: a built-in page of these words
    /// becomes the same page of `other` (`datos/` → `data/`, `periodos/2022/` → `periods/2022/`),
    /// any other page stays as it is.
    public func translating(_ page: String, to other: DataPaths) -> String {
        if let key = pages.first(where: { $0.path == page })?.key {
            return other.pages.first { $0.key == key }?.path ?? page
        }
        if page.hasPrefix(periodsPage) { return other.periodsPage + page.dropFirst(periodsPage.count) }
        return page
    }

    /// The JSON of the reporting periods: `api/v1/periodos.json`, in the site's own words.
    public var periodsList: String { Self.apiRoot + apiPeriods + ".json" }
    /// The JSON of one period: `api/v1/periodos/2022.json`.
    public func period(_ id: String) -> String { Self.apiRoot + apiPeriods + "/" + id + ".json" }
    /// The schema of `periodsList`.
    public var periodsListSchema: String { Self.apiRoot + "schema/" + apiPeriods + ".json" }
    /// The schema of `period(_:)`.
    public var periodSchema: String { Self.apiRoot + "schema/" + apiPeriods + "/period.json" }
    /// The CSV of the periods: one row per period, collection and status: `datos/periodos.csv`.
    public var periodsCSV: String { dataFolder + apiPeriods + ".csv" }

    /// All entries of a collection: `api/v1/proyectos.json`.
    public static func list(of collection: Collection) -> String {
        apiRoot + collection.folder + ".json"
    }

    /// One entry: `api/v1/proyectos/rcn-visa.json`.
    public static func entry(_ id: String, of collection: Collection) -> String {
        apiRoot + collection.folder + "/" + id + ".json"
    }

    /// The schema of `list(of:)`.
    public static func listSchema(of collection: Collection) -> String {
        apiRoot + "schema/" + collection.folder + ".json"
    }

    /// The schema of `entry(_:of:)`.
    public static func entrySchema(of collection: Collection) -> String {
        apiRoot + "schema/" + collection.folder + "/entry.json"
    }

    /// The CSV of a collection: `datos/proyectos.csv`.
    public func csv(of collection: Collection) -> String {
        dataFolder + collection.folder + ".csv"
    }

    /// The CSV of one field of a collection: one row per record of a list of records
    /// (`datos/proyectos-historial.csv`), or one per pair of a `refs` field (`datos/proyectos-socios.csv`).
    public func csv(of collection: Collection, field: Field) -> String {
        dataFolder + collection.folder + "-" + field.name + ".csv"
    }

    /// The fields of `collection` with a CSV of their own (`csv(of:field:)`), in declared order:
    /// lists of records and `refs` fields.
    public static func fieldTables(of collection: Collection) -> [Field] {
        collection.fields.filter { field in
            if case .references = field.type { return true }
            return !field.recordFields.isEmpty
        }
    }
}
