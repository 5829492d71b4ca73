import ContentModel
import Diagnostics
import FrontMatter
import Search
import SiteData
import SiteLayout

/// Outputs that would land on the same path, found before anything is written and named on
/// both sides: a collection whose folder is one of the language-neutral folders the site makes
/// itself (`api/`), at its line of `site.yaml`; a file of `theme/static/` with the path of a
/// generated page or document. (A collection in the folder of a built-in page, `datos/`, or of a
/// translation, `en/`, is `path-reserved`, which the content model's check reports earlier.)
enum OutputConflicts {
    /// Whether any of the theme's static files can have a page's path: every page is a
    /// folder's `index.html`, or the 404 page.
    static func mayNamePages(_ staticPaths: [String]) -> Bool {
        staticPaths.contains { $0.hasSuffix("index.html") || $0 == DataPaths.notFound }
    }

    /// How the name of every open-data document and search index file ends (`dataPaths`; a
    /// test holds them to what a build writes).
    static let dataSuffixes = [".json", ".xml", ".csv", ".txt"]

    /// Whether any of the theme's static files can have a document's path: the others (styles,
    /// scripts, images, fonts) are not checked against the 36,000 documents of a site of 18,000
    /// entries, whose paths took 26 ms to list on every build.
    static func mayNameData(_ staticPaths: [String]) -> Bool {
        staticPaths.contains { path in dataSuffixes.contains { path.hasSuffix($0) } }
    }

    /// The files of `theme/static/` (`staticPaths`, relative to it) that have the path of a page
    /// or a document of the prepared site.
    static func staticFiles(_ staticPaths: [String], in prepared: PreparedSite) -> [Diagnostic] {
        let site = prepared.site
        var diagnostics: [Diagnostic] = []
        guard !staticPaths.isEmpty else { return diagnostics }
        var generated: [String: (message: String, hint: String)] = [:]
        // Listing 20,000 pages to find out took a tenth of `avance serve`'s rebuild.
        if mayNamePages(staticPaths) {
            for path in prepared.pagePaths {
                generated[path] = ("output-conflict.static.page", "output-conflict.static.page.hint")
            }
        }
        for path in mayNameData(staticPaths) ? dataPaths(site) : [] {
            generated[path] = ("output-conflict.static.document", "output-conflict.static.document.hint")
        }
        let searchFolders = searchFolders(site)
        for path in staticPaths.sorted() {
            let location = SourceLocation(file: "theme/static/\(path)", line: 0, column: 0)
            if let keys = generated[path] {
                diagnostics.append(
                    .error(
                        "output-conflict", Message(keys.message, ["path": path]), at: location,
                        hint: Message(keys.hint)))
            } else if let folder = searchFolders.first(where: { path.hasPrefix($0) }) {
                // The shards of the search index are named by the words of the entries: the whole
                // folder is the site's.
                diagnostics.append(
                    .error(
                        "output-conflict", Message("output-conflict.static.search", ["path": path, "folder": folder]),
                        at: location, hint: Message("output-conflict.static.search.hint", ["folder": folder])))
            }
        }
        return diagnostics
    }

    /// The language-neutral folders the site's own documents live in, with what each holds. The
    /// folders of the built-in pages are words of each language, and with the translations'
    /// folders are checked by `ModelReader.checkPaths` (`path-reserved`) before this runs.
    static func builtInFolders(languages: [String]) -> [(folder: String, holds: Message)] {
        func folder(_ path: String) -> String { String(path.prefix { $0 != "/" }) }
        return [
            (folder(DataPaths.apiRoot), Message("output-conflict.holds.api")),
            (folder(DataPaths.searchFolder), Message("output-conflict.holds.search")),
        ]
    }

    /// A collection whose folder is one of `builtInFolders`, at its `path:` in `site.yaml` (or at
    /// its name, when it has no `path:`).
    static func collectionFolders(_ model: SiteModel, languages: [String], modelText: String) -> [Diagnostic] {
        let folders = builtInFolders(languages: languages)
        let collections = (try? YAMLReader.parse(modelText, file: ModelReader.path).get())??["collections"]?.mapping
        return model.collections.compactMap { collection in
            guard let taken = folders.first(where: { $0.folder == collection.folder }) else { return nil }
            let entry = collections?.first { $0.key.scalar == collection.name }
            let node = entry?.value["path"] ?? entry?.key
            let location = SourceLocation(
                file: ModelReader.path, line: node?.line ?? 0, column: node?.column ?? 0,
                length: node == nil ? 1 : collection.folder.count)
            let list = folders.map { "`\($0.folder)/`" }.joined(separator: ", ")
            return .error(
                "output-conflict",
                Message(
                    "output-conflict.collection", ["collection": collection.name, "folder": collection.folder],
                    parts: ["holds": taken.holds]),
                at: location,
                hint: Message("output-conflict.collection.hint", ["collection": collection.name, "list": list]))
        }
    }

    /// The folder of each language's search index: `search-index/`, `en/search-index/`.
    static func searchFolders(_ site: Site) -> [String] {
        [DataPaths.searchFolder] + site.languages.map { $0 + "/" + DataPaths.searchFolder }
    }

    /// The path of every open-data document of `site` (`OpenDataRenderer`) and of the search
    /// index's files but its shards (`SearchIndexBuilder`: the manifest and one file per entry,
    /// in each language); a test holds it to what a build writes.
    static func dataPaths(_ site: Site) -> [String] {
        let data = DataPaths(model: site.model)
        let versions: [APIVersion] = site.model.publishesAPIv1 ? [.v1, .v2] : [.v2]
        var paths = [DataPaths.jsonFeed, DataPaths.atomFeed, data.dataPackage, DataPaths.sitemap, DataPaths.robots]
        paths += versions.flatMap { [DataPaths.catalog(in: $0), DataPaths.catalogSchema(in: $0)] }
        let documents = site.model.collections.reduce(0) { $0 + site.entries(of: $1.name).count }
        for folder in searchFolders(site) {
            paths.append(folder + SearchIndexBuilder.manifest)
            paths += (0..<documents).map { folder + SearchIndexBuilder.entriesFolder + "\($0).json" }
        }
        for collection in site.model.collections {
            let entries = site.entries(of: collection.name)
            paths.append(data.csv(of: collection))
            paths += DataPaths.fieldTables(of: collection).map { data.csv(of: collection, field: $0) }
            for field in DataPaths.seriesFields(of: collection) {
                paths += entries.filter { $0.fields[field.name] != nil }
                    .map { data.csv(of: collection, entry: $0.id, field: field) }
            }
            for version in versions {
                let pages = version == .v1 ? 1 : DataPaths.apiPageCount(entries: entries.count)
                paths += (1...pages).map { DataPaths.list(of: collection, page: $0, in: version) }
                paths += [
                    DataPaths.listSchema(of: collection, in: version),
                    DataPaths.entrySchema(of: collection, in: version),
                ]
                paths += entries.map { DataPaths.entry($0.id, of: collection, in: version) }
            }
        }
        return paths
    }
}
