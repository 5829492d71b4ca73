import ContentModel
import SiteData

/// Where the open-data documents live in the output: the JSON API, its schemas, the feeds,
/// the CSV files and the Data Package. One place, so pages and documents link to each other
/// without repeating paths.
public struct DataPaths: Sendable {
    /// The API version in every API path; `v1` only ever changes additively.
    public static let version = "v1"
    public static let apiRoot = "api/\(version)/"
    public static let catalog = apiRoot + "index.json"
    public static let catalogSchema = apiRoot + "schema/index.json"
    public static let jsonFeed = "feed.json"
    public static let atomFeed = "feed.xml"
    public static let dataFolder = "datos/"
    public static let dataPage = dataFolder
    public static let dataPackage = dataFolder + "datapackage.json"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
    public static let notFound = "404.html"
    /// The folder of the prebuilt search index (its manifest, shards and entries, made by
    /// `SearchIndexBuilder`), in each language's root; a neutral name, not a word of any
    /// language, so that it never changes with the site's words.
    public static let searchFolder = "search-index/"
    /// The search index's manifest, which the search page names in `data-search-index` and the
    /// script reads first; the search page.
    public static let searchIndex = searchFolder + "index.json"
    public static let searchPage = "buscar/"
    /// The page of last changes, with stale entries marked.
    public static let updatesPage = "actualizaciones/"

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
    public static func csv(of collection: Collection) -> String {
        dataFolder + collection.folder + ".csv"
    }

    /// The CSV of one field of a collection: one row per record of a list of records
    /// (`datos/proyectos-historial.csv`), or one per pair of a `refs` field (`datos/proyectos-socios.csv`).
    public static func csv(of collection: Collection, field: Field) -> String {
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
