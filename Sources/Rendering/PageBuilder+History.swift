import ContentModel
import SiteData
import SiteLayout

/// History on pages: the timeline of an entry's dated records, its "last updated" date from git
/// and staleness, and the page of last changes.
extension PageBuilder {
    /// The timeline of `entry`, newest first; each item's id matches the feeds' item ids.
    func timeline(of entry: Entry, in collection: Collection) -> [TimelineItemView] {
        site.history(of: entry).map { event in
            let fields = collection.field(event.field)?.recordFields ?? []
            var label: String?
            var notes: [String] = []
            for field in fields {
                switch (field.type, event.record[field.name]) {
                case (.enumeration(let set), .enumeration(let id)?) where label == nil:
                    label = set.value(id)?.label ?? id
                case (.string, .string(let text)?), (.text, .text(let text)?):
                    notes.append(text)
                default:
                    continue
                }
            }
            return TimelineItemView(
                anchor: event.anchor, date: format(event.date), datetime: event.date.description, label: label,
                note: notes.isEmpty ? nil : notes.joined(separator: " "),
                noteLang: notes.isEmpty ? nil : fallbackLang(entry.key, field: event.field))
        }
    }

    /// True for list-of-records fields shown as the timeline rather than as a table.
    static func isTimeline(_ field: Field) -> Bool {
        field.recordFields.contains { if case .date = $0.type { true } else { false } }
    }

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
