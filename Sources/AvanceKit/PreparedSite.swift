import Bodies
import Diagnostics
import Foundation
import OpenData
import Rendering
import Search
import SiteData
import SiteLayout

/// A validated site ready to render: every page, in every language, rendered when it is asked
/// for, and the open data (JSON, feeds, CSV, sitemap, search index) made at the first request
/// for anything that is not a page. `avance serve` keeps one per build, so that a save waits
/// for loading, validation and Markdown, not for every page.
public final class PreparedSite: @unchecked Sendable {
    let site: Site
    let bodies: RenderedBodies
    /// One renderer per language, the site's own first.
    let renderers: [SiteRenderer]
    private let staticFiles: [String: [UInt8]]
    /// The theme's static files' paths, in the order a build writes them.
    let staticPaths: [String]
    private let lock = NSLock()
    /// The pages by path, made at the first request (a build renders every page in order
    /// instead, and never needs them); only touched under `lock`.
    private var pageIndex: (pages: [SiteRenderer.Pages], paths: [String], set: Set<String>)?
    private let dataLock = NSLock()
    /// The open data, once asked for; only touched under `dataLock`.
    private var openData: [String: [UInt8]]?

    init(site: Site, bodies: RenderedBodies, renderers: [SiteRenderer], theme: Theme) {
        self.site = site
        self.bodies = bodies
        self.renderers = renderers
        self.staticPaths = theme.staticFiles.map(\.path)
        self.staticFiles = Dictionary(
            theme.staticFiles.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }

    /// The same site with other entries' bodies (`Build.updateBodies`), and the same theme: the
    /// pages' index, when made, is kept with the new bodies in place, so that the first page
    /// asked for after an edit need not list 20,000 pages again.
    func replacing(site: Site, bodies: RenderedBodies, renderers: [SiteRenderer]) -> PreparedSite {
        let replaced = PreparedSite(
            site: site, bodies: bodies, renderers: renderers, staticFiles: staticFiles, staticPaths: staticPaths)
        replaced.files = files
        if let (pages, paths, set) = lock.withLock({ pageIndex }) {
            let renewed = zip(pages, renderers).map { $0.replacing(site: $1.site, bodies: $1.bodies) }
            replaced.pageIndex = (renewed, paths, set)
        }
        return replaced
    }

    /// The same theme with other entries' fields (`Build.updateEntries`). With `samePages`
    /// (no entry moved to another group, and the late lists are as long), the pages' index, when
    /// made, is kept with the new entries in place, in the order of the last listing (an entry
    /// that moved in its collection's order is listed where it was: nothing `avance serve`
    /// makes depends on that order; the sitemap sorts); otherwise the pages are listed again
    /// when first asked for.
    func renewing(site: Site, bodies: RenderedBodies, renderers: [SiteRenderer], samePages: Bool) -> PreparedSite {
        let renewed = PreparedSite(
            site: site, bodies: bodies, renderers: renderers, staticFiles: staticFiles, staticPaths: staticPaths)
        renewed.files = files
        if samePages, let (pages, paths, set) = lock.withLock({ pageIndex }) {
            let renewedPages = zip(pages, renderers).map { $0.renewing(site: $1.site, bodies: $1.bodies) }
            renewed.pageIndex = (renewedPages, paths, set)
        }
        return renewed
    }

    /// This site with its descent table (`Site.withDescentTable()`) in every language: every
    /// entry's descendants and roll-ups found once, on every core, for the pages and the JSON
    /// documents alike, which each found them again for each entry. `self` when it has one.
    func withDescentTable() -> PreparedSite {
        guard site.descentTable == nil else { return self }
        let site = site.withDescentTable()
        let renderers = renderers.map { $0.replacing(site: $0.site.withDescentTable(of: site), bodies: $0.bodies) }
        let made = PreparedSite(
            site: site, bodies: bodies, renderers: renderers, staticFiles: staticFiles, staticPaths: staticPaths)
        made.files = lock.withLock { files }
        return made
    }

    private init(
        site: Site, bodies: RenderedBodies, renderers: [SiteRenderer], staticFiles: [String: [UInt8]],
        staticPaths: [String]
    ) {
        self.site = site
        self.bodies = bodies
        self.renderers = renderers
        self.staticFiles = staticFiles
        self.staticPaths = staticPaths
    }

    /// The entry of each content file, made when an edit first needs it; kept by `replacing`.
    private var files: [String: EntryKey]?

    /// The entry of each content file of the site, by its path relative to the root.
    var entryFiles: [String: EntryKey] {
        lock.withLock {
            if let files { return files }
            let made = BodyRenderer.files(of: site)
            files = made
            return made
        }
    }

    /// Every page's path, in every language, in the order a build renders them (after
    /// `renewing` with the same pages, in the order of the last listing).
    var pagePaths: [String] { index().paths }

    /// Each renderer's pages (`SiteRenderer.pages()`), made once with `pagePaths`.
    var pageLists: [SiteRenderer.Pages] { index().pages }

    private func index() -> (pages: [SiteRenderer.Pages], paths: [String], set: Set<String>) {
        lock.withLock {
            if let pageIndex { return pageIndex }
            let pages = renderers.map { $0.pages() }
            let paths = pages.flatMap(\.paths)
            let made = (pages, paths, Set(paths))
            pageIndex = made
            return made
        }
    }

    /// The open data and the search index, for a site whose pages are `pages` (every output
    /// path so far: the sitemap lists the HTML ones), handed to `emit` in batches.
    /// With `changedBodies`, only the documents that show those entries' bodies, and the search
    /// index (see `OpenDataRenderer.changedBodies`).
    /// With `search`, each language's search index is made from the last build's (see
    /// `SearchIndexBuilder.update`) where it can be.
    func dataFiles(
        pages: [String], batchSize: Int = .max, changedBodies: Set<EntryKey>? = nil, search: SearchUpdate? = nil,
        emit: ([OutputFile]) -> Void
    ) {
        let listed = pages.filter { $0.hasSuffix(".html") && $0 != DataPaths.notFound }
        let (site, bodies) = (site, bodies)
        var renderer = OpenDataRenderer(site: site, bodies: bodies.html)
        renderer.changedBodies = changedBodies
        // A whole build makes each entry's search records with its documents, on every core: as
        // a job beside the others, the records were made on one core while the others waited.
        if changedBodies == nil, search == nil, let pass = SearchIndexPass(site: site, indexes: searchBuilders) {
            let work = EntryWork(
                make: { pass.make($0, in: $1, position: $2) }, take: pass.take, finish: pass.finish)
            renderer.render(pages: listed, batchSize: batchSize, with: work, emit: emit)
            return
        }
        let builders = searchBuilders
        renderer.render(
            pages: listed, batchSize: batchSize,
            alongside: [
                {
                    // One index per language, so that /en/search/ finds English words and titles.
                    builders.flatMap { builder, folder in
                        if let search,
                            let update = builder.update(folder: folder, changed: search.changed, previous: search.read)
                        {
                            search.kept(update.paths)
                            return update.files
                        }
                        return builder.render(folder: folder)
                    }
                }
            ],
            emit: emit)
    }

    /// The builder of each language's search index, with its folder: one index per language, so
    /// that /en/search/ finds English words and titles.
    var searchBuilders: [(builder: SearchIndexBuilder, folder: String)] {
        renderers.map { renderer in
            var builder = SearchIndexBuilder(site: renderer.site, bodies: renderer.bodies)
            let prefix = renderer.localization.prefix
            builder.original = prefix.isEmpty ? nil : renderer.localization.languages.first?.code
            return (builder, prefix + DataPaths.searchFolder)
        }
    }

    /// The folders of the search index, one per language.
    var searchFolders: [String] {
        renderers.map { $0.localization.prefix + DataPaths.searchFolder }
    }

    /// For each folder of the search index, the URL of each of its documents in their order:
    /// an index can be made from the last build's only when these are the same.
    var searchDocuments: [String: [String]] {
        var documents: [String: [String]] = [:]
        for renderer in renderers {
            let builder = SearchIndexBuilder(site: renderer.site, bodies: renderer.bodies)
            documents[renderer.localization.prefix + DataPaths.searchFolder] = builder.documentURLs()
        }
        return documents
    }

    /// Whether the site has a file at `path` (relative: `proyectos/rcn-visa/index.html`).
    public func contains(_ path: String) -> Bool {
        index().set.contains(path) || staticFiles[path] != nil || dataByPath()[path] != nil
    }

    /// The file at `path`, rendered now if it is a page; `nil` when the site has no such file,
    /// a diagnostic when its template fails.
    public func file(at path: String) -> Result<[UInt8], Diagnostic>? {
        if let bytes = staticFiles[path] { return .success(bytes) }
        let index = index()
        if index.set.contains(path) {
            for set in index.pages { if let result = set.render(path) { return result.map(\.bytes) } }
        }
        return dataByPath()[path].map { .success($0) }
    }

    private func dataByPath() -> [String: [UInt8]] {
        let pages = staticFiles.keys.sorted() + pagePaths  // before taking `lock`, which `index()` takes
        // Held while the data is made, so that two requests do not make it twice.
        dataLock.lock()
        defer { dataLock.unlock() }
        if let openData { return openData }
        var made: [String: [UInt8]] = [:]
        // Every entry's documents: their roll-ups found once, on every core.
        withDescentTable().dataFiles(pages: pages) { batch in
            for file in batch where made[file.path] == nil { made[file.path] = file.bytes }
        }
        openData = made
        return made
    }
}

/// The search indexes of a build made from the last build's (the build cache), when only the
/// bodies of `changed` changed: `read` gives a file of the last output; `paths` gathers the
/// files of the indexes so made (the files not made again are the last output's).
final class SearchUpdate: @unchecked Sendable {
    let changed: Set<EntryKey>
    let read: @Sendable (String) -> [UInt8]?
    private let lock = NSLock()
    private var gathered: Set<String> = []

    init(changed: Set<EntryKey>, read: @escaping @Sendable (String) -> [UInt8]?) {
        self.changed = changed
        self.read = read
    }

    func kept(_ paths: Set<String>) {
        lock.withLock { gathered.formUnion(paths) }
    }

    /// The files of the indexes made from the last build's.
    var paths: Set<String> { lock.withLock { gathered } }
}
