import SiteLayout

/// The home page, in a `HomeView`.
extension PageBuilder {
    /// The home page: for each collection, how much is documented and entries by status.
    public func home() -> PageView {
        var view = layout(page: paths.home, title: model.title, description: model.description)
        let figures = model.collections.filter(\.inMenu).map { collection in
            var figure = FigureView(
                title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: paths.home),
                description: collection.description, coverage: coverage(of: collection),
                status: status(of: collection, among: site.entries(of: collection.name), from: paths.home))
            figure.late = lateFigure(of: collection)
            figure.coverage.url = figure.url
            return figure
        }
        let pages = model.collections.filter { !$0.inMenu }.flatMap { collection in
            site.entries(of: collection.name).map {
                link(to: $0, from: paths.home)
            }
        }
        let snapshots = homeSnapshots()
        view.home = HomeView(
            figures: figures, pages: pages, coverage: coverageChart(from: paths.home),
            breakdowns: model.collections.flatMap { breakdowns(of: $0, from: paths.home) },
            snapshots: snapshots.others,
            statuses: model.collections.compactMap { documentedStatus(of: $0, from: paths.home) },
            lead: snapshots.lead)
        view.home?.progress = progressSummary()
        view.home?.period = homePeriod()
        return view
    }
}
