import Bodies
import ContentModel
import Diagnostics
import ParallelMap
import SiteData
import SiteLayout
import Templates

/// Stage 4, **render**: every page of the site through the theme's templates, plus the
/// theme's static files, as `OutputFile`s.
public struct SiteRenderer: Sendable {
    public let site: Site
    public let bodies: RenderedBodies
    public let theme: Theme
    public let localization: Localization

    /// Creates a renderer of `site` with its rendered `bodies` (see `BodyRenderer`), in the
    /// language and folder of `localization` (the site's own language at the root by default).
    public init(site: Site, bodies: RenderedBodies, theme: Theme, localization: Localization? = nil) {
        self.site = site
        self.bodies = bodies
        self.theme = theme
        self.localization = localization ?? Localization(site: site)
    }

    /// This renderer with `site` and `bodies` in place of its own, in the same language and theme.
    public func replacing(site: Site, bodies: RenderedBodies) -> SiteRenderer {
        SiteRenderer(site: site, bodies: bodies, theme: theme, localization: localization)
    }

    /// A page to render: which template, which view, where.
    struct PageJob: Sendable {
        let template: String
        let path: String
        let view: @Sendable (PageBuilder) -> PageView
    }

    /// Renders every page; diagnostics report template problems.
    public func render() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        var files: [OutputFile] = []
        let diagnostics = render(batchSize: .max) { files += $0 }
        return (files, diagnostics)
    }

    /// Renders every page, `batchSize` pages at a time on every core, and hands each batch to
    /// `emit` as soon as it is rendered (the theme's static files first), so that the pages
    /// need not all be held in memory. Files come in the same order as from `render()`.
    /// `progress` hears how many pages are done, after each batch.
    public func render(batchSize: Int, progress: ProgressHandler? = nil, emit: ([OutputFile]) -> Void)
        -> [Diagnostic]
    {
        let builder = PageBuilder(
            site: site, bodies: bodies, strings: theme.strings(for: localization.language), localization: localization)
        let jobs = jobs(builder)
        var diagnostics: [Diagnostic] = []
        // Static files belong to the whole site, not to one language.
        if localization.prefix.isEmpty, !theme.staticFiles.isEmpty { emit(theme.staticFiles) }
        let stage = localization.prefix.isEmpty ? "rendering pages" : "rendering pages (\(localization.language))"
        let counter = ProgressCounter(stage, total: jobs.count, handler: progress)
        var start = 0
        while start < jobs.count {
            let end = start + min(max(1, batchSize), jobs.count - start)
            let batch = Array(jobs[start..<end])
            start = end
            let templates = theme.templates
            let rendered = batch.concurrentMap { job in Self.render(job, builder, templates) }
            for case .failure(let diagnostic) in rendered { diagnostics.append(diagnostic) }
            emit(rendered.compactMap { try? $0.get() })
            counter.step(batch.count)
        }
        return diagnostics
    }

    /// One page through its template; a diagnostic when the template is missing or fails.
    static func render(_ job: PageJob, _ builder: PageBuilder, _ templates: TemplateLibrary) -> Result<
        OutputFile, Diagnostic
    > {
        let place = SourceLocation(file: "theme/templates/\(job.template).mustache", line: 0, column: 0)
        do throws(TemplateError) {
            guard let bytes = try templates.render(job.view(builder), template: job.template) else {
                return .failure(
                    .error(
                        "template-missing", Message("template-missing", ["name": job.template]), at: place,
                        hint: Message("template-missing.hint", ["name": job.template])))
            }
            return .success(OutputFile(path: job.path, bytes: bytes))
        } catch {
            return .failure(
                .error(
                    "template-render",
                    Message("template-render", ["path": job.path], parts: ["problem": error.reason]),
                    at: place,
                    hint: error.advice.map { Message("template-render.hint", parts: ["hint": $0]) }))
        }
    }

    /// The pages, to render one at a time when asked for (`avance serve` renders a page when a
    /// browser requests it, so that a save need not wait for every page).
    public func pages() -> Pages {
        let builder = PageBuilder(
            site: site, bodies: bodies, strings: theme.strings(for: localization.language), localization: localization)
        let jobs = jobs(builder)
        return Pages(
            builder: builder, templates: theme.templates,
            jobs: Dictionary(jobs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }),
            paths: jobs.map(\.path))
    }

    /// The pages of one language of the site, by output path, rendered on request.
    public struct Pages: Sendable {
        let builder: PageBuilder
        let templates: TemplateLibrary
        let jobs: [String: PageJob]
        /// Every page's output path, in the order `render()` makes them.
        public let paths: [String]

        /// These pages, of the same entries with other bodies (`avance serve`'s edit of a body).
        public func replacing(site: Site, bodies: RenderedBodies) -> Pages {
            Pages(
                builder: builder.replacing(site: site, bodies: bodies), templates: templates, jobs: jobs, paths: paths)
        }

        /// These pages, the same paths, of the same entries with other fields that change no
        /// page's path (`avance serve`'s edit of fields that moves no entry to another group,
        /// place or page): the groups, filters and counts are made again from `site`.
        public func renewing(site: Site, bodies: RenderedBodies) -> Pages {
            Pages(
                builder: PageBuilder(
                    site: site, bodies: bodies, strings: builder.strings, localization: builder.localization),
                templates: templates, jobs: jobs, paths: paths)
        }

        /// The page at `path`, rendered now; `nil` when there is no such page.
        public func render(_ path: String) -> Result<OutputFile, Diagnostic>? {
            jobs[path].map { SiteRenderer.render($0, builder, templates) }
        }
    }

    /// Every page of the site, in order: home, data, updates, 404, search, then each collection's
    /// index, group pages and entries.
    func jobs(_ builder: PageBuilder) -> [PageJob] {
        let paths = builder.paths
        var jobs = [
            PageJob(template: PageTemplate.home, path: PagePaths.file(of: paths.home), view: { $0.home() }),
            PageJob(
                template: PageTemplate.data, path: PagePaths.file(of: paths.dataPage),
                view: { $0.data() }),
            PageJob(
                template: PageTemplate.updates, path: PagePaths.file(of: paths.updatesPage),
                view: { $0.updates() }),
        ]
        if localization.prefix.isEmpty {
            jobs.append(PageJob(template: PageTemplate.notFound, path: DataPaths.notFound, view: { $0.notFound() }))
        }
        // Optional pages: rendered when the theme has their template.
        if theme.templates.contains(PageTemplate.search) {
            jobs.append(
                PageJob(
                    template: PageTemplate.search, path: PagePaths.file(of: paths.searchPage),
                    view: { $0.search() }))
        }
        // Reporting periods: a missing template is a `template-missing` error when the site has them.
        let periods = site.periods
        if !periods.isEmpty {
            jobs.append(
                PageJob(
                    template: PageTemplate.periods, path: PagePaths.file(of: paths.periodsPage),
                    view: { $0.periodsIndex() }))
            for period in periods {
                jobs.append(
                    PageJob(
                        template: PageTemplate.period, path: PagePaths.file(of: paths.periodPage(period.id)),
                        view: { $0.period(period) }))
            }
        }
        for collection in site.model.collections {
            // Each listing, page by page (`paginate_by`): the first at the listing's own path.
            func listing(_ path: String, entries: Int, view: @escaping @Sendable (PageBuilder, Int) -> PageView) {
                for number in 1...builder.pageCount(of: collection, entries: entries) {
                    jobs.append(
                        PageJob(
                            template: PageTemplate.collection, path: PagePaths.file(of: paths.page(number, of: path)),
                            view: { view($0, number) }))
                }
            }
            listing(paths.index(of: collection), entries: site.entries(of: collection.name).count) {
                $0.index(of: collection, page: $1)
            }
            let custom = PageTemplate.entry(of: collection.name)
            let template = theme.templates.contains(custom) ? custom : PageTemplate.entry
            for group in builder.groups(of: collection) {
                // The group is looked up when the page is made, by field and value: the builder's
                // site may have newer fields (`Pages.renewing`).
                let (field, value) = (group.field.name, group.value)
                listing(builder.path(of: group), entries: group.entries.count) { builder, number in
                    let current = builder.group(of: collection, field: field, value: value) ?? group
                    return builder.page(of: current, page: number)
                }
            }
            // The values page of each group-by field, at the folder of its group pages.
            for values in builder.valuesPages(of: collection) {
                listing(values.path, entries: values.values) {
                    $0.valuesPage(of: collection, field: values.field, page: $1) ?? $0.index(of: collection)
                }
            }
            if let late = builder.latePath(of: collection) {
                listing(late, entries: builder.lateEntries(of: collection).count) {
                    $0.latePage(of: collection, page: $1)
                }
            }
            for entry in site.entries(of: collection.name) {
                // The entry is looked up when the page is made: the builder's site may have a newer body.
                let key = entry.key
                jobs.append(
                    PageJob(
                        template: template, path: PagePaths.file(of: paths.page(of: key)),
                        view: { $0.page(of: $0.site.entry(key) ?? entry) }))
            }
        }
        return jobs
    }
}
