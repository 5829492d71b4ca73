import ContentModel
import Diagnostics
import Loading
import SiteData
import Validation

/// Turns the rows of a spreadsheet into entry files and validates them, with every problem
/// moved from the generated file to the row and column of the spreadsheet it came from.
struct RowImporter {
    let content: ExistingContent
    let collection: Collection
    let spreadsheet: Spreadsheet
    let columns: ColumnMap
    let options: ImportOptions
    var diagnostics: [Diagnostic] = []

    init(
        content: ExistingContent, collection: Collection, spreadsheet: Spreadsheet, columns: ColumnMap,
        options: ImportOptions
    ) {
        self.content = content
        self.collection = collection
        self.spreadsheet = spreadsheet
        self.columns = columns
        self.options = options
    }

    /// A row on its way to a file.
    struct Draft {
        var row: Spreadsheet.Row
        var id: String
        var title: String
        var replaces: Bool
    }

    /// The entries of every non-empty row, with the problems of all of them.
    mutating func plan() -> ([ImportedEntry], [Diagnostic]) {
        let rows = spreadsheet.rows.filter { !$0.isEmpty }
        for row in rows { checkWidth(row) }
        let drafts = assignIDs(rows)
        let converter = CellConverter(references: referenceIndexes(drafts))
        var entries: [ImportedEntry] = []
        for draft in drafts {
            let text = markdown(for: draft, converter: converter)
            entries.append(
                ImportedEntry(
                    row: draft.row.number, id: draft.id, path: content.path(of: draft.id, in: collection), text: text,
                    replaces: draft.replaces))
        }
        validate(entries)
        return (entries, diagnostics.sorted())
    }

    func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: options.displayPath, line: row, column: column)
    }

    func cell(_ row: Spreadsheet.Row, _ column: Int?) -> String {
        guard let column, column < row.cells.count else { return "" }
        return row.cells[column]
    }

    /// A row with more cells than the header has columns lost its alignment somewhere.
    mutating func checkWidth(_ row: Spreadsheet.Row) {
        let width = spreadsheet.header.count
        guard row.cells.count > width, let extra = row.cells[width...].firstIndex(where: { !$0.isEmpty }) else {
            return
        }
        diagnostics.append(
            .error(
                "csv-syntax", "row \(row.number) has a value in column \(extra + 1), which has no header",
                at: location(row: row.number, column: extra + 1),
                hint: "a cell may hold a `\(spreadsheet.separator)` only inside double quotes"))
    }

    /// The entries every reference field can name; rows of this import count too.
    func referenceIndexes(_ drafts: [Draft]) -> [String: ReferenceIndex] {
        var indexes: [String: ReferenceIndex] = [:]
        for field in collection.fields {
            guard let target = field.type.target, indexes[target] == nil,
                let targetCollection = content.model.collection(target)
            else { continue }
            let planned = target == collection.name ? drafts.map { (id: $0.id, title: $0.title) } : []
            indexes[target] = ReferenceIndex(collection: targetCollection, content: content, planned: planned)
        }
        return indexes
    }

    // MARK: - Files

    mutating func markdown(for draft: Draft, converter: CellConverter) -> String {
        var lines = ["---"]
        for field in collection.fields {
            guard let column = columns.column(of: field.name) else { continue }
            let at = location(row: draft.row.number, column: column + 1)
            let (value, problems) = converter.yaml(for: cell(draft.row, column), field: field, at: at)
            diagnostics += problems
            if let formula = Self.formula(cell(draft.row, column), field: field, at: at) { diagnostics.append(formula) }
            if let value { lines.append("\(field.name): \(value)") }
        }
        lines.append("---")
        let body = cell(draft.row, columns.bodyColumn).trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.isEmpty { lines.append(body) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A warning when a cell starts as a spreadsheet formula does (`=`, `+`, `-`, `@`; OWASP's
    /// "CSV Injection"), unless it is a number (`-3`): the cell is kept as text, quoted in the
    /// YAML, and the site's CSV downloads neutralise it, but a formula where a value was expected
    /// usually means the spreadsheet was exported with its formulas, and someone should look.
    static func formula(_ cell: String, field: Field, at location: SourceLocation) -> Diagnostic? {
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first), text.count > 1,
            Double(CellConverter.decimal(text)) == nil
        else { return nil }
        return .warning(
            "cell-formula",
            "the cell `\(text)` starts with `\(first)`, as a spreadsheet formula does: it is kept as text",
            at: location, field: field.name,
            hint: "if the spreadsheet exported a formula instead of its value, paste the values "
                + "(Paste special → Values) and export again; the site's CSV downloads put a `'` before it, "
                + "so that spreadsheets show it as text")
    }

    /// Validates the new files together with the existing ones, as a build would, and keeps the
    /// problems of the new files, moved to their rows.
    mutating func validate(_ entries: [ImportedEntry]) {
        var tree = content.tree
        let rows = Dictionary(entries.map { ($0.path, $0.row) }, uniquingKeysWith: { first, _ in first })
        tree.files.removeAll { rows[$0.path] != nil }
        tree.files += entries.map { SourceFile(path: $0.path, text: $0.text) }
        tree.files.sort { $0.path < $1.path }
        let (_, found) = SiteResolver.resolve(
            tree, model: content.model, months: options.months(content.model.language))
        let before = Set(content.diagnostics.map(\.code))
        for diagnostic in found {
            if let file = diagnostic.location?.file, let row = rows[file] {
                diagnostics.append(moved(diagnostic, toRow: row))
            } else if diagnostic.code == "count-exceeds-expected", !before.contains(diagnostic.code) {
                diagnostics.append(diagnostic)
            }
        }
    }

    /// `diagnostic`, located at the row and the column of its field instead of the generated file.
    func moved(_ diagnostic: Diagnostic, toRow row: Int) -> Diagnostic {
        var moved = diagnostic
        let fieldName = diagnostic.field.map { String($0.prefix { $0 != "[" && $0 != "." }) }
        let column = fieldName.flatMap(columns.column(of:)) ?? columns.column(of: collection.titleField) ?? 0
        moved.location = location(row: row, column: column + 1)
        if diagnostic.code == "field-missing", let fieldName, let field = collection.field(fieldName) {
            moved.hint =
                "the `\(spreadsheet.header[column])` cell is empty: write the \(field.label.lowercased()) there"
        }
        return moved
    }
}
