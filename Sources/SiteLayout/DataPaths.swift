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
    /// The API version the site's pages and Data Package point at: `v2`. (`v1` is still written
    /// while `site.yaml` keeps it, `api_v1: true`; see `APIVersion`.)
    public static let version = APIVersion.current.rawValue
    public static let apiRoot = APIVersion.current.root
    public static let catalog = catalog(in: .current)
    public static let catalogSchema = catalogSchema(in: .current)
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
    /// any other page stays as it is. A later page of a listing (`acciones/pagina/2/`) takes
    /// `other`'s word (`acciones/page/2/`).
    public func translating(_ page: String, to other: DataPaths) -> String {
        if let key = pages.first(where: { $0.path == page })?.key {
            return other.pages.first { $0.key == key }?.path ?? page
        }
        if page.hasPrefix(periodsPage) { return other.periodsPage + page.dropFirst(periodsPage.count) }
        let parts = page.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count >= 4, parts[parts.count - 3] == words.page, parts[parts.count - 2].allSatisfy(\.isASCII),
            Int(parts[parts.count - 2]) != nil, words.page != other.words.page
        {
            return parts.dropLast(3).joined(separator: "/") + "/" + other.words.page + "/" + parts[parts.count - 2]
                + "/"
        }
        return page
    }

    /// The JSON of the reporting periods: `api/v2/periodos.json`, in the site's own words.
    public var periodsList: String { Self.apiRoot + apiPeriods + ".json" }
    /// The JSON of one period: `api/v2/periodos/2022.json`.
    public func period(_ id: String) -> String { Self.apiRoot + apiPeriods + "/" + id + ".json" }
    /// The schema of `periodsList`.
    public var periodsListSchema: String { Self.apiRoot + "schema/" + apiPeriods + ".json" }
    /// The schema of `period(_:)`.
    public var periodSchema: String { Self.apiRoot + "schema/" + apiPeriods + "/period.json" }
    /// The CSV of the periods: one row per period, collection and status: `datos/periodos.csv`.
    public var periodsCSV: String { dataFolder + apiPeriods + ".csv" }

    /// The catalog of the API `api`: `api/v2/index.json`.
    public static func catalog(in api: APIVersion) -> String {
        api.root + "index.json"
    }

    /// The schema of `catalog(in:)`.
    public static func catalogSchema(in api: APIVersion) -> String {
        api.root + "schema/index.json"
    }

    /// The entries of a collection: `api/v2/proyectos.json` (in `v2`, the first of its pages).
    public static func list(of collection: Collection, in api: APIVersion = .current) -> String {
        api.root + collection.folder + ".json"
    }

    /// Page `number` (from 1) of the list of a collection in `v2`: the first is `list(of:)`,
    /// the others `api/v2/proyectos/pages/2.json`, beside the entries' documents (an entry's
    /// document is a file, never the `pages` folder).
    public static func list(of collection: Collection, page number: Int, in api: APIVersion = .current) -> String {
        number <= 1
            ? list(of: collection, in: api) : api.root + collection.folder + "/pages/" + String(number) + ".json"
    }

    /// One entry: `api/v2/proyectos/rcn-visa.json`.
    public static func entry(_ id: String, of collection: Collection, in api: APIVersion = .current) -> String {
        api.root + collection.folder + "/" + id + ".json"
    }

    /// The schema of `list(of:)` (of every page of it).
    public static func listSchema(of collection: Collection, in api: APIVersion = .current) -> String {
        api.root + "schema/" + collection.folder + ".json"
    }

    /// The schema of `entry(_:of:)`.
    public static func entrySchema(of collection: Collection, in api: APIVersion = .current) -> String {
        api.root + "schema/" + collection.folder + "/entry.json"
    }

    /// How many entries each page of a `v2` list holds.
    public static let apiPageSize = 1000

    /// How many pages the `v2` list of `count` entries has: at least one.
    public static func apiPageCount(entries count: Int) -> Int {
        max(1, (count + apiPageSize - 1) / apiPageSize)
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
    /// lists of records, `refs` fields and series (one row per value of every entry).
    public static func fieldTables(of collection: Collection) -> [Field] {
        collection.fields.filter { field in
            if case .references = field.type { return true }
            if case .series = field.type { return true }
            return !field.recordFields.isEmpty
        }
    }

    /// The series fields of `collection`.
    public static func seriesFields(of collection: Collection) -> [Field] {
        collection.fields.filter { if case .series = $0.type { true } else { false } }
    }

    /// The CSV of one entry's series: `datos/indicadores/agua-potable-serie.csv`.
    public func csv(of collection: Collection, entry id: String, field: Field) -> String {
        dataFolder + collection.folder + "/" + id + "-" + field.name + ".csv"
    }
}

/// A layout of the JSON API, each under its own folder (`api/v1/`, `api/v2/`). Within a version
/// documents change only additively.
public enum APIVersion: String, Sendable, Hashable, CaseIterable {
    /// The first layout: each collection's list holds every entry whole, with its body's HTML.
    /// Deprecated; written while `site.yaml` says `api_v1: true`.
    case v1
    /// The lean layout: lists hold each entry's fields and a link to its own document, split into
    /// pages of `DataPaths.apiPageSize` entries linked by `next`.
    case v2

    /// The version the site's pages, catalog and Data Package point at.
    public static let current = v2

    /// `api/v2/`.
    public var root: String { "api/\(rawValue)/" }
}
