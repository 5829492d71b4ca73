import ContentModel
import Diagnostics
import ParallelMap
import SiteLayout
import Templates
import Validation

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
    public func render(batchSize: Int, emit: ([OutputFile]) -> Void) -> [Diagnostic] {
        let builder = PageBuilder(
            site: site, bodies: bodies, strings: theme.strings(for: localization.language), localization: localization)
        let jobs = jobs(builder)
        var diagnostics: [Diagnostic] = []
        // Static files belong to the whole site, not to one language.
        if localization.prefix.isEmpty, !theme.staticFiles.isEmpty { emit(theme.staticFiles) }
        var start = 0
        while start < jobs.count {
            let end = start + min(max(1, batchSize), jobs.count - start)
            let batch = Array(jobs[start..<end])
            start = end
            let templates = theme.templates
            let rendered = batch.concurrentMap { job -> Result<OutputFile?, TemplateError> in
                Result { () throws(TemplateError) in
                    try templates.render(job.view(builder), template: job.template).map {
                        OutputFile(path: job.path, bytes: $0)
                    }
                }
            }
            for (job, result) in zip(batch, rendered) {
                switch result {
                case .success(.some): break
                case .success(.none):
                    diagnostics.append(
                        .error(
                            "template-missing", "the theme has no `\(job.template)` template",
                            at: SourceLocation(file: "theme/templates/\(job.template).mustache", line: 0, column: 0)))
                case .failure(let error):
                    diagnostics.append(
                        .error(
                            "template-render", "template error: \(error.message), rendering `\(job.path)`",
                            at: SourceLocation(file: "theme/templates/\(job.template).mustache", line: 0, column: 0),
                            hint: error.hint))
                }
            }
            emit(rendered.compactMap { try? $0.get() })
        }
        return diagnostics
    }

    /// Every page of the site, in order: home, data, updates, 404, search, then each collection's
    /// index, group pages and entries.
    func jobs(_ builder: PageBuilder) -> [PageJob] {
        let paths = builder.paths
        var jobs = [
            PageJob(template: "home", path: PagePaths.file(of: paths.home), view: { $0.home() }),
            PageJob(
                template: "datos", path: PagePaths.file(of: paths.localized(DataPaths.dataPage)), view: { $0.data() }),
            PageJob(
                template: "actualizaciones", path: PagePaths.file(of: paths.localized(DataPaths.updatesPage)),
                view: { $0.updates() }),
        ]
        if localization.prefix.isEmpty {
            jobs.append(PageJob(template: "404", path: DataPaths.notFound, view: { $0.notFound() }))
        }
        // Optional pages: rendered when the theme has their template.
        if theme.templates.contains("buscar") {
            jobs.append(
                PageJob(
                    template: "buscar", path: PagePaths.file(of: paths.localized(DataPaths.searchPage)),
                    view: { $0.search() }))
        }
        for collection in site.model.collections {
            let indexPath = PagePaths.file(of: paths.index(of: collection))
            jobs.append(PageJob(template: "collection", path: indexPath, view: { $0.index(of: collection) }))
            let template =
                theme.templates.contains("entry-\(collection.name)")
                ? "entry-\(collection.name)" : "entry"
            for group in builder.groups(of: collection) {
                jobs.append(
                    PageJob(
                        template: "collection", path: PagePaths.file(of: builder.path(of: group)),
                        view: { $0.page(of: group) }))
            }
            for entry in site.entries(of: collection.name) {
                jobs.append(
                    PageJob(
                        template: template, path: PagePaths.file(of: paths.page(of: entry.key)),
                        view: { $0.page(of: entry) }))
            }
        }
        return jobs
    }
}
