import ContentModel
import SiteData
import SiteLayout

/// History on pages: the timeline of an entry's dated records (`TimelineItemView`); the page of
/// last changes is in `PageBuilder+Updates.swift`.
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
}
