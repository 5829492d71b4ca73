import ContentModel

/// A dated record of an entry's history, such as `{fecha: 2022-04, estado: en-marcha, nota: …}`
/// in a project's `historial`: what the timeline, the JSON API and the change feeds show.
public struct HistoryEvent: Sendable, Hashable {
    public let entry: EntryKey
    /// The list field the record belongs to.
    public let field: String
    public let date: SiteDate
    /// The record's values by field name.
    public let record: [String: FieldValue]
    /// An id that stays the same when other records are added: `historial-2022-04`, with `-2`,
    /// `-3`… for further records of the same date.
    public let anchor: String
}

extension HistoryEvent {
    /// The record's status, for feeds and the API: the value of its first enum field with its
    /// label (`nil` when it has none). `field` is the list field the record belongs to.
    public func status(in field: Field) -> EnumValue? {
        guard let status = field.recordStatusField, case .enumeration(let id)? = record[status.field.name] else {
            return nil
        }
        return status.values.value(id) ?? EnumValue(id: id)
    }

    /// The record's text values, such as its note, in declared order and separated by blank
    /// lines; `nil` when it has none.
    public func note(in field: Field) -> String? {
        let parts = field.recordFields.compactMap { recordField -> String? in
            switch (recordField.type, record[recordField.name]) {
            case (.string, .string(let text)?), (.text, .text(let text)?): text
            default: nil
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
    }
}

extension Site {
    /// The dated records of `entry`, newest first: every record of a list-of-records field
    /// that has a date (its first `date` field).
    public func history(of entry: Entry) -> [HistoryEvent] {
        guard let collection = model.collection(entry.collection) else { return [] }
        var events: [HistoryEvent] = []
        for field in collection.fields {
            guard let dateField = field.recordDateField, case .list(let items)? = entry.fields[field.name]
            else { continue }
            var seen: [String: Int] = [:]
            for item in items {
                guard case .record(let record) = item, case .date(let date)? = record[dateField.name] else { continue }
                let base = "\(field.name)-\(date)"
                seen[base, default: 0] += 1
                let anchor = seen[base]! == 1 ? base : "\(base)-\(seen[base]!)"
                events.append(
                    HistoryEvent(entry: entry.key, field: field.name, date: date, record: record, anchor: anchor))
            }
        }
        return events.sorted(by: Self.newestFirst)
    }

    /// Every dated record of every entry, newest first (then by collection, id and anchor).
    public var history: [HistoryEvent] {
        model.collections.flatMap { entries(of: $0.name) }.flatMap { history(of: $0) }.sorted(by: Self.newestFirst)
    }

    /// The date of the newest record in the content, if any: the "content date" of a build.
    public var contentDate: SiteDate? {
        history.first?.date
    }

    static func newestFirst(_ a: HistoryEvent, _ b: HistoryEvent) -> Bool {
        if a.date != b.date { return a.date > b.date }
        if a.entry != b.entry { return a.entry < b.entry }
        return a.anchor < b.anchor
    }
}
