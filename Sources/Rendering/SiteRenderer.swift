import ContentModel
import Diagnostics
import ParallelMap
import SiteLayout
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
        let builder = PageBuilder(
            site: site, bodies: bodies, strings: theme.strings(for: localization.language), localization: localization)
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
        if theme.templates.getTemplate(named: "buscar") != nil {
            jobs.append(
                PageJob(
                    template: "buscar", path: PagePaths.file(of: paths.localized(DataPaths.searchPage)),
                    view: { $0.search() }))
        }
        for collection in site.model.collections {
            let indexPath = PagePaths.file(of: paths.index(of: collection))
            jobs.append(PageJob(template: "collection", path: indexPath, view: { $0.index(of: collection) }))
            let template =
                theme.templates.getTemplate(named: "entry-\(collection.name)") != nil
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
        let templates = theme.templates
        let rendered = jobs.concurrentMap { job -> OutputFile? in
            templates.render(job.view(builder), withTemplate: job.template).map { OutputFile(path: job.path, text: $0) }
        }
        var diagnostics: [Diagnostic] = []
        // Static files belong to the whole site, not to one language.
        var files = localization.prefix.isEmpty ? theme.staticFiles : []
        for (job, file) in zip(jobs, rendered) {
            if let file {
                files.append(file)
            } else {
                diagnostics.append(
                    .error(
                        "template-missing", "the theme has no `\(job.template)` template",
                        at: SourceLocation(file: "theme/templates/\(job.template).mustache", line: 0, column: 0)))
            }
        }
        return (files, diagnostics)
    }
}
