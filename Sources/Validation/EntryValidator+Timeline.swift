import ContentModel
import Diagnostics
import SiteData

/// Reasons and dates in an entry's history: a move to a status that requires a note
/// (`requires_note: true`) must carry one, and the entry's status should be the status of its
/// newest dated record.
extension EntryValidator {
    /// The diagnostics of `entry`'s history against its status, each at its line.
    func timelineDiagnostics(of entry: Entry) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var newest: (date: SiteDate, status: String)?
        var statusesWithRecords: Set<String> = []
        var historyField: (name: String, status: String, note: String?)?
        for field in collection.fields {
            guard let dateField = field.recordDateField, let status = field.recordStatusField else { continue }
            let noteField = field.recordFields.first { ["string", "text"].contains($0.type.name) }
            if historyField == nil { historyField = (field.name, status.field.name, noteField?.name) }
            guard case .list(let items)? = entry.fields[field.name] else { continue }
            for (index, item) in items.enumerated() {
                guard case .record(let record) = item, case .enumeration(let id)? = record[status.field.name]
                else { continue }
                statusesWithRecords.insert(id)
                let path = "\(field.name)[\(index + 1)]"
                if status.values.value(id)?.requiresNote == true && !Self.hasNote(record, fields: field.recordFields) {
                    diagnostics.append(
                        .error(
                            "note-missing", Message("note-missing.record", ["field": path, "value": id]),
                            at: entry.positions["\(path).\(status.field.name)"] ?? entry.positions[path],
                            field: "\(path).\(status.field.name)",
                            hint: noteField.map { Message("note-missing.record.hint", ["note": $0.name]) }
                                ?? Message("note-missing.record.hint.declare", ["field": field.name])))
                }
                if case .date(let date)? = record[dateField.name], newest.map({ date >= $0.date }) ?? true {
                    newest = (date, id)
                }
            }
        }
        guard let statusName = collection.statusField, case .enumeration(let id)? = entry.fields[statusName],
            let value = collection.statusValues?.value(id)
        else { return diagnostics }
        let at = entry.positions[statusName]
        if value.requiresNote && !statusesWithRecords.contains(id) {
            let hint =
                historyField.map { history in
                    history.note.map {
                        Message(
                            "note-missing.hint.note",
                            ["history": history.name, "status": history.status, "value": id, "note": $0])
                    } ?? Message("note-missing.hint", ["history": history.name, "status": history.status, "value": id])
                } ?? Message("note-missing.hint.declare")
            diagnostics.append(
                .error(
                    "note-missing", Message("note-missing", ["field": statusName, "value": id]),
                    at: at, field: statusName, hint: hint))
        }
        if let newest, newest.status != id {
            diagnostics.append(
                .warning(
                    "status-disagrees",
                    Message(
                        "status-disagrees",
                        ["field": statusName, "value": id, "date": "\(newest.date)", "newest": newest.status]),
                    at: at, field: statusName,
                    hint: Message("status-disagrees.hint", ["field": statusName, "value": id, "newest": newest.status]))
            )
        }
        return diagnostics
    }

    /// True when one of the record's text fields says something.
    static func hasNote(_ record: [String: FieldValue], fields: [Field]) -> Bool {
        fields.contains { field in
            switch record[field.name] {
            case .string(let text)?, .text(let text)?: !text.allSatisfy(\.isWhitespace)
            default: false
            }
        }
    }
}
