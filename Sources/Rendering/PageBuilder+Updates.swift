import SiteLayout

/// The page of last changes, in an `UpdatesView`: every entry by its data date (its newest dated
/// record), stale ones first, with the date its file last changed (from git) apart.
extension PageBuilder {
    /// The page of last changes (`actualizaciones/`, `en/updates/`).
    public func updates() -> PageView {
        let page = paths.updatesPage
        var view = layout(page: page, title: strings["updates_title"])
        let rows = site.entriesByDataDate.map { entry, data, changed, stale in
            UpdateRowView(
                title: entry.title, url: PagePaths.relative(shell.page(of: entry.key), from: page),
                collection: model.collection(entry.collection)?.singular ?? entry.collection,
                date: data.map(format), datetime: data?.description, edited: changed.map(format),
                editedISO: changed?.description, stale: stale, lang: titleLang(entry.key))
        }
        view.updates = UpdatesView(
            rows: rows, known: !site.lastChanged.isEmpty,
            threshold: model.staleAfterMonths.map { strings.format("updates_threshold", ["months": String($0)]) },
            staleCount: rows.filter(\.stale).count)
        return view
    }
}
