import ContentModel
import Foundation
import ParallelMap
import SiteData
import SiteLayout

/// Stage 4c, **open data**: every machine-readable document of the site, from the same
/// validated `Site` as the pages: the JSON API with its schemas, the change feeds, the CSV
/// files with their Data Package, and `sitemap.xml` and `robots.txt`.
public struct OpenDataRenderer: Sendable {
    public let site: Site
    /// The HTML of each entry's body, as its page shows it.
    public let bodies: [EntryKey: StoredText]
    /// When set, only the documents that show these entries' bodies are made (each one's own
    /// document, the v1 lists) besides `alongside`: for a rebuild in which only these bodies
    /// changed, whose other documents are the same as before (the build cache).
    public var changedBodies: Set<EntryKey>?

    /// Creates the renderer of `site`, whose entries' bodies rendered to `bodies`.
    public init(site: Site, bodies: [EntryKey: StoredText]) {
        self.site = site
        self.bodies = bodies
    }

    /// Every document (`pages` are the HTML pages of the site, for the sitemap), handed to
    /// `emit` in batches of at most `batchSize` entry documents, so that a big site's JSON is
    /// never all held in memory. The documents of the whole site (and
    /// `alongside`, work of another stage such as the search index) are made first, side by
    /// side on every core, and handed on in the order they are done; then each collection's
    /// entry documents, on every core.
    public func render(
        pages: [String], batchSize: Int, alongside: [@Sendable () -> [OutputFile]] = [],
        emit: ([OutputFile]) -> Void
    ) {
        render(pages: pages, batchSize: batchSize, alongside: alongside, with: EntryWork<Never>?.none, emit: emit)
    }

    /// `render(pages:batchSize:alongside:emit:)`, with `work` done for each entry in the same
    /// pass as its documents, on every core (see `EntryWork`); only without `changedBodies`.
    public func render<Made: Sendable>(
        pages: [String], batchSize: Int, alongside: [@Sendable () -> [OutputFile]] = [], with work: EntryWork<Made>?,
        emit: ([OutputFile]) -> Void
    ) {
        let apis = apiVersions.map { APIDocuments(site: site, bodies: bodies, version: $0) }
        // A whole build writes each `v1` list with the entries' own documents, from the same
        // bytes; a rebuild of some bodies writes the lists whole, beside the other jobs.
        let whole = changedBodies == nil
        // The longest jobs first (work from another stage, the CSV tables, the feeds; in a
        // rebuild the `v1` lists), the many small pages of the lists last, so that no core is
        // left waiting at the end; each job's files are handed on as soon as they are made.
        let jobs =
            whole
            ? alongside + siteDocuments(pages: pages, apis: apis)
            : apis.filter { $0.version == .v1 }.flatMap { apiDocuments($0) } + alongside
        withoutActuallyEscaping(emit) { emit in
            let handing = Handing(emit)
            if jobs.count == 1 {
                // One job (a rebuild's search index): run here, so that its own parallel work
                // is not narrowed to one thread, as work nested in `concurrentPerform` is.
                handing.hand(jobs[0]())
            } else {
                DispatchQueue.concurrentPerform(iterations: jobs.count) { index in handing.hand(jobs[index]()) }
            }
        }
        // Positions are in the whole list of each collection: not in a rebuild of some bodies.
        precondition(work == nil || whole, "entry work needs every entry")
        let make = work?.make
        for collection in site.model.collections {
            let entries =
                changedBodies.map { changed in
                    site.entries(of: collection.name).filter { changed.contains($0.key) }
                } ?? site.entries(of: collection.name)
            // The `v1` list of the collection, each entry's document added as it is made.
            var list =
                whole ? apis.first { $0.version == .v1 }?.listHeader(of: collection).streamedArray("entries") : nil
            var start = 0
            while start < entries.count {
                let end = start + min(max(1, batchSize), entries.count - start)
                // Each entry's documents in every layout at once: what they share (roll-ups,
                // history) is made once.
                let made = Array(start..<end).concurrentMap { position in
                    let entry = entries[position]
                    let facts = apis[0].facts(of: entry, in: collection)
                    return (
                        apis.map { api in api.document(for: entry, in: collection, facts: facts).serializedBytes() },
                        make?(entry, collection, position)
                    )
                }
                let documents = made.map(\.0)
                if let work { emit(work.take(made.map { $0.1! })) }
                for (layout, api) in apis.enumerated() {
                    emit(
                        zip(entries[start..<end], documents).map { entry, bytes in
                            OutputFile(
                                path: DataPaths.entry(entry.id, of: collection, in: api.version), bytes: bytes[layout])
                        })
                    if api.version == .v1, list != nil {
                        for bytes in documents { list!.append(serialized: bytes[layout]) }
                    }
                }
                start = end
            }
            if let list {
                emit([OutputFile(path: DataPaths.list(of: collection, in: .v1), bytes: list.finish())])
            }
        }
        if let work { emit(work.finish()) }
    }

    /// The layouts of the API the site publishes: `v2`, and `v1` while `site.yaml` keeps it
    /// (`api_v1: true`).
    var apiVersions: [APIVersion] {
        site.model.publishesAPIv1 ? [.v1, .v2] : [.v2]
    }

    /// The documents that are not one entry's, each a job of its own.
    func siteDocuments(pages: [String], apis: [APIDocuments]) -> [@Sendable () -> [OutputFile]] {
        let site = site
        let feeds = ChangeFeeds(site: site)
        let tables = TabularData(site: site)
        // The longest first: the tables, the feeds, the Data Package, the sitemap.
        var jobs: [@Sendable () -> [OutputFile]] = [
            { tables.tables.map { OutputFile(path: $0.path, text: TabularData.csv($0)) } },
            { [OutputFile(path: DataPaths.atomFeed, text: feeds.atomFeed())] },
            { [OutputFile(path: DataPaths.jsonFeed, bytes: feeds.jsonFeed().serializedBytes())] },
            { [OutputFile(path: tables.paths.dataPackage, bytes: tables.dataPackage().serializedBytes())] },
            { [OutputFile(path: DataPaths.sitemap, text: sitemap(pages))] },
            { tables.seriesTables.map { OutputFile(path: $0.path, text: TabularData.csv($0)) } },
            { PeriodDocuments(site: site).files() },
            {
                [
                    OutputFile(
                        path: DataPaths.robots,
                        text: "User-agent: *\nAllow: /\nSitemap: \(site.model.baseURL)\(DataPaths.sitemap)\n")
                ]
            },
        ]
        for api in apis {
            jobs += apiDocuments(api, lists: false)
        }
        return jobs
    }

    /// The catalog, lists and schemas of one layout of the API; without `lists`, the `v1` lists
    /// are left to the caller (`render` writes them with the entries' documents).
    func apiDocuments(_ api: APIDocuments, lists: Bool = true) -> [@Sendable () -> [OutputFile]] {
        let version = api.version
        let schemas = SchemaDocuments(model: site.model, version: version)
        var jobs: [@Sendable () -> [OutputFile]] = [
            { [OutputFile(path: DataPaths.catalog(in: version), bytes: api.catalog().serializedBytes())] },
            { [OutputFile(path: DataPaths.catalogSchema(in: version), bytes: schemas.catalog().serializedBytes())] },
        ]
        for collection in site.model.collections {
            jobs.append {
                [
                    OutputFile(
                        path: DataPaths.listSchema(of: collection, in: version),
                        bytes: schemas.list(of: collection).serializedBytes()),
                    OutputFile(
                        path: DataPaths.entrySchema(of: collection, in: version),
                        text: schemas.entry(of: collection).serialized()),
                ]
            }
            if version == .v1 {
                guard lists else { continue }
                jobs.append {
                    [
                        OutputFile(
                            path: DataPaths.list(of: collection, in: version), bytes: api.listBytes(of: collection))
                    ]
                }
                continue
            }
            let count = DataPaths.apiPageCount(entries: site.entries(of: collection.name).count)
            for number in 1...count {
                jobs.append {
                    [
                        OutputFile(
                            path: DataPaths.list(of: collection, page: number, in: version),
                            bytes: api.listPage(number, of: collection).serializedBytes())
                    ]
                }
            }
        }
        return jobs
    }

    /// `sitemap.xml` (sitemaps.org 0.9): the absolute URL of every page, sorted, with the date
    /// of the last commit that changed its entry (`<lastmod>`) when git gave one.
    func sitemap(_ pages: [String]) -> String {
        let paths = PagePaths(model: site.model)
        var changed: [String: SiteDate] = [:]
        for (key, date) in site.lastChanged {
            let file = PagePaths.file(of: paths.page(of: key))
            changed[file] = date
            // The page of each translation (`en/…`) shows the same entry.
            for language in site.languages { changed[language + "/" + file] = date }
        }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for page in pages.sorted() {
            let url =
                site.model.baseURL + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            let lastmod = changed[page].map { "<lastmod>\($0)</lastmod>" } ?? ""
            xml += "  <url><loc>\(XMLText.escape(url))</loc>\(lastmod)</url>\n"
        }
        return xml + "</urlset>\n"
    }
}

/// Work of another stage done with each entry's documents, in the same pass over the entries
/// on every core (the search index, made from the same entries): `make` is called for each
/// entry, on any core, with its position in its collection's list; `take` is given what was
/// made for each batch, in the order of the entries, and what it gives back is handed on with
/// the batch's documents; `finish` gives the rest of the files once every entry is done. Work
/// done beside the open data's other jobs instead would run on one core (a nested
/// `concurrentPerform` runs about serially) while the others wait.
public struct EntryWork<Made: Sendable> {
    let make: @Sendable (Entry, Collection, Int) -> Made
    let take: ([Made]) -> [OutputFile]
    let finish: () -> [OutputFile]

    /// Creates the work of `make`, `take` and `finish`.
    public init(
        make: @escaping @Sendable (Entry, Collection, Int) -> Made, take: @escaping ([Made]) -> [OutputFile],
        finish: @escaping () -> [OutputFile]
    ) {
        self.make = make
        self.take = take
        self.finish = finish
    }
}

/// Hands files on from several threads, one batch at a time.
private final class Handing: @unchecked Sendable {
    private let lock = NSLock()
    private let emit: ([OutputFile]) -> Void

    init(_ emit: @escaping ([OutputFile]) -> Void) {
        self.emit = emit
    }

    func hand(_ files: [OutputFile]) {
        lock.withLock { emit(files) }
    }
}
