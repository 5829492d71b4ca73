import ContentModel
import Diagnostics
import Foundation
import FrontMatter
import Loading
import SiteData
import Validation

/// `avance import <collection> <file.csv> --series <field> --entry <id>`: the rows of a
/// spreadsheet, one per date (`date`, `value`, `source`, optionally `note`), become the measured
/// values of one entry's series. A row dated like a value already there replaces it; the others
/// are added, and the values are written in date order. Every cell is checked at its row and
/// column, and the file that would result is validated as a build would; nothing is written
/// while anything is wrong. The series is written again as a whole, so comments inside it are
/// not kept.
public enum SeriesImport {
    /// The columns a series spreadsheet may have: the series' own keys.
    static let columns = ["date", "value", "source", "note"]
    static let requiredColumns = ["date", "value", "source"]

    /// What an import of a series did.
    public struct Result: Sendable, DiagnosedResult {
        public var diagnostics: [Diagnostic] = []
        /// The entry's file, relative to the site root.
        public var path: String?
        /// Rows read, values added and values replaced.
        public var rows = 0
        public var added = 0
        public var replaced = 0
        public var wrote = false
    }

    /// Imports the rows of `options.file` into `field` of the entry `id`.
    public static func run(
        _ options: ImportOptions, field fieldName: String, entry id: String, fileSystem: FileSystem = .disk,
        writer: ContentWriter = .disk
    ) -> Result {
        var result = Result()
        let (content, collection): (ExistingContent, Collection)
        switch ExistingContent.load(root: options.root, collection: options.collection, fileSystem: fileSystem) {
        case .success(let found): (content, collection) = found
        case .failure(let problems):
            result.diagnostics = problems.diagnostics
            return result
        }
        let seriesFields = collection.fields.filter { if case .series = $0.type { true } else { false } }
        guard let field = seriesFields.first(where: { $0.name == fieldName }) else {
            result.diagnostics = [
                .error(
                    "argument-field-invalid",
                    Message("argument-field-invalid", ["field": fieldName, "collection": collection.name]),
                    hint: seriesFields.isEmpty
                        ? Message("argument-field-invalid.hint.none", ["collection": collection.name])
                        : Message("argument-field-invalid.hint", ["fields": seriesFields.map(\.name).codeList]))
            ]
            return result
        }
        guard let entry = content.site.entry(EntryKey(collection.name, id)) else {
            result.diagnostics = [
                .error(
                    "argument-entry-unknown",
                    Message("argument-entry-unknown", ["id": id, "collection": collection.name]),
                    hint: Suggestion.didYouMean(for: id, among: content.sortedIDs(of: collection.name))
                        ?? Message("argument-entry-unknown.hint", ["collection": collection.name, "id": id]))
            ]
            return result
        }
        result.path = entry.file
        guard case .series(let existing)? = entry.fields[field.name] else {
            result.diagnostics = [
                .error(
                    "argument-entry-unknown",
                    Message("argument-entry-unknown.series", ["id": id, "field": field.name]),
                    at: SourceLocation(file: entry.file, line: 1, column: 1),
                    hint: Message("argument-entry-unknown.series.hint"))
            ]
            return result
        }
        let spreadsheet: Spreadsheet
        switch Spreadsheet.read(path: options.file, file: options.displayPath, fileSystem: fileSystem) {
        case .success(let read): spreadsheet = read
        case .failure(let diagnostic):
            result.diagnostics = [diagnostic]
            return result
        }
        // The header: each column once, each a key of a series point.
        var index: [String: Int] = [:]
        for (number, name) in spreadsheet.header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            let at = SourceLocation(file: options.displayPath, line: 1, column: number + 1)
            if !columns.contains(key) {
                result.diagnostics.append(
                    .error(
                        "column-unknown", Message("column-unknown.series", ["column": name]), at: at,
                        hint: Suggestion.didYouMean(for: key, among: columns)
                            ?? Message("column-unknown.series.hint", ["columns": columns.codeList])))
            } else if index[key] != nil {
                result.diagnostics.append(
                    .error(
                        "column-duplicate", Message("column-duplicate.series", ["column": key]), at: at,
                        hint: Message("column-duplicate.series.hint")))
            } else {
                index[key] = number
            }
        }
        for key in requiredColumns where index[key] == nil {
            result.diagnostics.append(
                .error(
                    "column-missing", Message("column-missing.series", ["column": key]),
                    at: SourceLocation(file: options.displayPath, line: 1, column: 1),
                    hint: Message("column-missing.series.hint")))
        }
        guard !result.diagnostics.hasErrors else { return result }
        // The rows: one value each.
        var imported: [Series.Point] = []
        for row in spreadsheet.rows where !row.isEmpty {
            result.rows += 1
            func cell(_ key: String) -> (text: String, at: SourceLocation)? {
                guard let column = index[key] else { return nil }
                let text = column < row.cells.count ? row.cells[column].trimmingCharacters(in: .whitespaces) : ""
                return (text, SourceLocation(file: options.displayPath, line: row.number, column: column + 1))
            }
            let date = cell("date")!
            let value = cell("value")!
            let source = cell("source")!
            var valid = true
            let parsedDate = SiteDate(CellConverter.date(date.text))
            if parsedDate == nil {
                valid = false
                result.diagnostics.append(
                    .error(
                        "date-invalid", Message("date-invalid", ["value": date.text]), at: date.at,
                        hint: Message("date-invalid.series.hint")))
            }
            let number = Double(CellConverter.decimal(value.text)).flatMap { $0.isFinite ? $0 : nil }
            if number == nil {
                valid = false
                result.diagnostics.append(
                    .error(
                        "series-number-invalid", Message("series-number-invalid.cell", ["value": value.text]),
                        at: value.at, hint: Message("series-number-invalid.cell.hint")))
            }
            if source.text.isEmpty {
                valid = false
                result.diagnostics.append(
                    .error(
                        "series-source-missing", Message("series-source-missing.row", ["row": "\(row.number)"]),
                        at: source.at, hint: Message("series-source-missing.row.hint")))
            }
            guard valid, let parsedDate, let number else { continue }
            if parsedDate < existing.baseline.date {
                result.diagnostics.append(
                    .error(
                        "series-before-baseline",
                        Message(
                            "series-before-baseline",
                            ["date": "\(parsedDate)", "baseline": "\(existing.baseline.date)"]),
                        at: date.at, hint: Message("series-before-baseline.row.hint")))
                continue
            }
            if let lower = existing.lowerBound, let upper = existing.upperBound, number < lower || number > upper {
                result.diagnostics.append(
                    .error(
                        "series-out-of-range",
                        Message(
                            "series-out-of-range",
                            [
                                "value": FieldValue.format(number), "path": field.name,
                                "lower": FieldValue.format(lower), "upper": FieldValue.format(upper),
                            ]),
                        at: value.at, hint: Message("series-out-of-range.row.hint", ["unit": existing.unit])))
                continue
            }
            if imported.contains(where: { $0.date == parsedDate }) {
                result.diagnostics.append(
                    .error(
                        "row-duplicate", Message("row-duplicate.series", ["date": "\(parsedDate)"]), at: date.at,
                        hint: Message("series-date-duplicate.hint")))
                continue
            }
            let note = cell("note").flatMap { $0.text.isEmpty ? nil : $0.text }
            imported.append(Series.Point(date: parsedDate, value: number, source: source.text, note: note))
        }
        guard !result.diagnostics.hasErrors else { return result }
        var series = existing
        for point in imported {
            if let at = series.values.firstIndex(where: { $0.date == point.date }) {
                series.values[at] = point
                result.replaced += 1
            } else {
                series.values.append(point)
                result.added += 1
            }
        }
        series.values.sort { $0.date < $1.date }
        // The file with the series written again, validated as a build would.
        let path = options.root + "/" + entry.file
        let text: String
        do {
            text = String(decoding: try fileSystem.read(path), as: UTF8.self)
        } catch {
            result.diagnostics = [
                .error(
                    "file-unreadable",
                    Message("file-unreadable.named", ["file": entry.file, "reason": error.localizedDescription]),
                    hint: Message("file-unreadable.named.hint"))
            ]
            return result
        }
        guard let updated = replacing(field: field.name, with: series, in: text, file: entry.file) else {
            result.diagnostics = [
                .error(
                    "front-matter-invalid",
                    Message("front-matter-invalid.series", ["field": field.name, "file": entry.file]),
                    at: SourceLocation(file: entry.file, line: 1, column: 1),
                    hint: Message("front-matter-invalid.series.hint", ["field": field.name]))
            ]
            return result
        }
        let (_, problems2) = EntryValidator(collection: collection).validate(id: id, path: entry.file, text: updated)
        if problems2.hasErrors {
            result.diagnostics = problems2.filter { $0.severity == .error }
            return result
        }
        guard !options.dryRun else { return result }
        do {
            try writer.write(path, Array(updated.utf8))
            result.wrote = true
        } catch {
            result.diagnostics.append(
                .error(
                    "output-failed",
                    Message("output-failed.file", ["file": entry.file, "reason": error.localizedDescription]),
                    hint: Message("output-failed.file.hint")))
        }
        return result
    }

    /// `text` with the block of `field` in its front matter replaced by `series`; `nil` when the
    /// field cannot be found.
    static func replacing(field: String, with series: Series, in text: String, file: String) -> String? {
        guard case .success(let split) = FrontMatterSplitter.split(text, file: file),
            case .success(let root?) = YAMLReader.parse(split.yaml, file: file, firstLine: split.yamlFirstLine),
            let pairs = root.mapping, let at = pairs.firstIndex(where: { $0.key.scalar == field })
        else { return nil }
        var lines = text.components(separatedBy: "\n")
        let start = pairs[at].key.line - 1
        var end = at + 1 < pairs.count ? pairs[at + 1].key.line - 1 : split.bodyFirstLine - 2
        // Comments and blank lines just above the next field belong to it.
        while end > start + 1 {
            let line = lines[end - 1].trimmingCharacters(in: .whitespaces)
            guard line.isEmpty || line.hasPrefix("#") else { break }
            end -= 1
        }
        guard start >= 0, end <= lines.count, start < end else { return nil }
        lines.replaceSubrange(start..<end, with: yaml(field: field, series: series))
        return lines.joined(separator: "\n")
    }

    /// The series as block YAML, each point on one line.
    static func yaml(field: String, series: Series) -> [String] {
        func point(_ point: Series.Point) -> String {
            var parts = ["date: \(point.date)", "value: \(FieldValue.format(point.value))"]
            if let source = point.source { parts.append("source: \(YAMLText.quoted(source))") }
            if let note = point.note { parts.append("note: \(YAMLText.quoted(note))") }
            return "{" + parts.joined(separator: ", ") + "}"
        }
        var lines = [
            "\(field):", "  unit: \(YAMLText.quoted(series.unit))", "  direction: \(series.direction.rawValue)",
        ]
        if let lower = series.lowerBound, let upper = series.upperBound {
            lines.append("  range: [\(FieldValue.format(lower)), \(FieldValue.format(upper))]")
        }
        lines.append("  baseline: \(point(series.baseline))")
        if !series.targets.isEmpty {
            lines.append("  targets:")
            lines += series.targets.map { "    - " + point($0) }
        }
        lines.append("  values:")
        lines += series.values.map { "    - " + point($0) }
        return lines
    }
}
