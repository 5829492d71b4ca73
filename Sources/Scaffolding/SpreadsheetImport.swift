import ContentModel
import Diagnostics
import Loading
import SiteData

/// `avance import <collection> <file.csv>`: one Markdown file per row of a spreadsheet, each
/// validated exactly as `avance build` validates files, against the entries that exist. If any
/// row has an error nothing is written (unless `--skip-invalid`), and no existing file is
/// replaced without `--force`.
public enum SpreadsheetImport {
    /// Runs the import described by `options`.
    public static func run(
        _ options: ImportOptions, fileSystem: FileSystem = .disk, writer: ContentWriter = .disk
    ) -> ImportResult {
        var result = ImportResult()
        let (content, collection): (ExistingContent, Collection)
        switch ExistingContent.load(root: options.root, collection: options.collection, fileSystem: fileSystem) {
        case .success(let found): (content, collection) = found
        case .failure(let problems):
            result.diagnostics = problems.diagnostics
            return result
        }
        let spreadsheet: Spreadsheet
        switch Spreadsheet.read(path: options.file, file: options.displayPath, fileSystem: fileSystem) {
        case .success(let read): spreadsheet = read
        case .failure(let diagnostic):
            result.diagnostics = [diagnostic]
            return result
        }
        result.encoding = spreadsheet.encoding
        result.separator = spreadsheet.separator
        let (columns, columnProblems) = ColumnMap.make(
            spreadsheet: spreadsheet, collection: collection, choices: options.map, file: options.displayPath)
        result.diagnostics = columnProblems
        // The rows are checked even when a column is wrong, with that column left out, so that one
        // run reports every problem; but nothing is written until the columns are right.
        var rows = RowImporter(
            content: content, collection: collection, spreadsheet: spreadsheet, columns: columns, options: options)
        let (planned, found) = rows.plan()
        // A required field without a column is reported once, at the header, not in every row.
        let unfilled = Set(collection.fields.filter { $0.required && columns.column(of: $0.name) == nil }.map(\.name))
        let rowProblems = found.filter { !($0.code == "field-missing" && unfilled.contains($0.field ?? "")) }
        result.diagnostics += rowProblems
        result.columnErrors = columnProblems.hasErrors
        var failed = Set(rowProblems.filter { $0.severity == .error }.compactMap { $0.location?.line })
        let blocked = unwritable(
            planned.filter { !failed.contains($0.row) }, column: (columns.column(of: collection.titleField) ?? 0) + 1,
            options: options, fileSystem: fileSystem, writer: writer)
        if !blocked.isEmpty {
            result.diagnostics = (result.diagnostics + blocked).sorted()
            failed.formUnion(blocked.compactMap { $0.location?.line })
        }
        result.entries = planned.filter { !failed.contains($0.row) }
        result.skippedRows = planned.map(\.row).filter(failed.contains)
        result.validRows = result.entries.count
        guard !options.dryRun, !result.entries.isEmpty, !result.columnErrors, failed.isEmpty || options.skipInvalid
        else {
            if result.columnErrors || (!failed.isEmpty && !options.skipInvalid) { result.entries = [] }
            return result
        }
        write(&result, titleColumn: columns.column(of: collection.titleField), options: options, writer: writer)
        return result
    }

    /// Files no row may be written to, checked before any is written: a file that exists though
    /// it is no entry avance read (and that no `--force` asked to replace) is `entry-exists`, a
    /// folder that leads out of the site through a symlink is `output-outside`.
    static func unwritable(
        _ entries: [ImportedEntry], column: Int, options: ImportOptions, fileSystem: FileSystem,
        writer: ContentWriter
    ) -> [Diagnostic] {
        entries.compactMap { entry in
            let at = SourceLocation(file: options.displayPath, line: entry.row, column: column)
            if !entry.replaces, writer.exists(options.root + "/" + entry.path) {
                return .error(
                    "entry-exists", Message("entry-exists.unreadable", ["file": entry.path, "row": String(entry.row)]),
                    at: at, hint: Message("entry-exists.unreadable.hint"))
            }
            if var outside = NewEntry.outside(entry.path, root: options.root, fileSystem: fileSystem) {
                outside.location = at
                return outside
            }
            return nil
        }
    }

    /// Writes the entries one by one; a file that cannot be written is an `output-failed` error at
    /// its row, and the other rows are still written.
    static func write(
        _ result: inout ImportResult, titleColumn: Int?, options: ImportOptions, writer: ContentWriter
    ) {
        let column = (titleColumn ?? 0) + 1
        var written: [ImportedEntry] = []
        for entry in result.entries {
            do {
                let path = options.root + "/" + entry.path
                // Only --force replaces a file; any other row creates one, and never replaces a file
                // that appeared since the check.
                try (entry.replaces ? writer.write : writer.create)(path, Array(entry.text.utf8))
                written.append(entry)
            } catch {
                result.diagnostics.append(
                    .error(
                        "output-failed",
                        Message(
                            "output-failed.row",
                            ["file": entry.path, "row": String(entry.row), "reason": error.localizedDescription]),
                        at: SourceLocation(file: options.displayPath, line: entry.row, column: column),
                        hint: Message("output-failed.row.hint")))
                result.skippedRows.append(entry.row)
            }
        }
        result.skippedRows.sort()
        result.entries = written
        result.wrote = !written.isEmpty
    }
}
