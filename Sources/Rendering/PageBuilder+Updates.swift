import SiteLayout

/// The page of last changes, in an `UpdatesView`: every entry by the date its file last changed
/// (from git), stale ones marked.
extension PageBuilder {
    /// The page of last changes (`actualizaciones/`).
    public func updates() -> PageView {
        let page = paths.localized(DataPaths.updatesPage)
        var view = layout(page: page, title: strings["updates_title"])
        let rows = site.entriesByLastChange.map { entry, changed in
            UpdateRowView(
                title: entry.title, url: PagePaths.relative(paths.page(of: entry.key), from: page),
                collection: model.collection(entry.collection)?.singular ?? entry.collection,
                date: changed.map(format), datetime: changed?.description, stale: site.isStale(entry.key),
                lang: titleLang(entry.key))
        }
        view.updates = UpdatesView(
            rows: rows, known: !site.lastChanged.isEmpty,
            threshold: model.staleAfterMonths.map { strings.format("updates_threshold", ["months": String($0)]) },
            staleCount: rows.filter(\.stale).count)
        return view
    }
}
