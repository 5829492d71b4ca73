import ContentModel
import Foundation
import SiteData
import SiteLayout

/// The fields of an entry, in `FieldView`s and `ValueView`s, for its page and the index tables.
extension PageBuilder {
    /// One field of `entry` as its page shows it: values, rendered text, or a table of records.
    func fieldView(_ field: Field, of entry: Entry, from page: String) -> FieldView {
        var view = FieldView(name: field.name, label: field.label, values: [], html: nil, columns: [], rows: [])
        if Self.isWritten(field.type) { view.lang = fallbackLang(entry.key, field: field.name) }
        switch (field.type, entry.fields[field.name]) {
        case (.text, _):
            view.html = bodies.fieldHTML[entry.key]?[field.name]
        case (.list(of: .record(let recordFields)), .list(let items)?):
            view.columns = recordFields.map(\.label)
            view.rows = items.map { item in
                guard case .record(let values) = item else { return RowView(cells: []) }
                return RowView(
                    cells: recordFields.map { recordField in
                        CellView(
                            values: values[recordField.name].map {
                                self.values(of: $0, type: recordField.type, from: page)
                            } ?? [])
                    })
            }
        default:
            view.values = values(of: entry, field: field, from: page)
        }
        return view
    }

    /// The shown values of one field of an entry.
    func values(of entry: Entry, field: Field, from page: String) -> [ValueView] {
        guard let value = entry.fields[field.name] else { return [] }
        return values(of: value, type: field.type, from: page)
    }

    /// True for a whole `http(s)://` address with a host and nothing that could break out of an
    /// attribute: the list items shown as links.
    static func isWebAddress(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
        let unsafe = text.unicodeScalars.contains {
            $0.value <= 0x20 || $0.value >= 0x7F || "\"'<>\\^`{|}".unicodeScalars.contains($0)
        }
        return !unsafe && URLComponents(string: text)?.host?.isEmpty == false
    }

    func values(of value: FieldValue, type: FieldType, from page: String) -> [ValueView] {
        switch (value, type) {
        case (.enumeration(let id), .enumeration(let set)):
            let enumValue = set.value(id)
            return [
                ValueView(
                    text: enumValue?.label ?? id, enumID: id, color: enumValue?.color,
                    description: enumValue?.description)
            ]
        case (_, .reference(let to)), (_, .references(let to)):
            return value.referencedIDs.map { id in
                let key = EntryKey(to, id)
                return ValueView(
                    text: site.title(of: key) ?? id, url: PagePaths.relative(shell.page(of: key), from: page),
                    lang: titleLang(key))
            }
        case (.date(let date), _):
            return [ValueView(text: format(date), datetime: date.description)]
        case (.url(let url), _):
            return [
                ValueView(text: url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url, url: url, external: true)
            ]
        case (.percent(let number), _):
            return [ValueView(text: strings.format("percent", ["value": FieldValue.format(number)]))]
        case (.boolean(let flag), _):
            return [ValueView(text: strings[flag ? "yes" : "no"])]
        case (.list(let items), .list):
            // A source that is a web address is a link, not text to copy.
            return items.map { item in
                let text = item.plainText
                return Self.isWebAddress(text)
                    ? ValueView(text: text, url: text, external: true) : ValueView(text: text)
            }
        default:
            return [ValueView(text: value.plainText)]
        }
    }
}
