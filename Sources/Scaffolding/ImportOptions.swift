import Diagnostics

/// What `avance import` is asked to do.
public struct ImportOptions: Sendable {
    /// Absolute path of the site root.
    public var root: String
    /// The collection the rows become entries of.
    public var collection: String
    /// Absolute path of the CSV file.
    public var file: String
    /// The CSV file as diagnostics show it (as typed on the command line).
    public var displayPath: String
    /// `column=field` choices (`field` may be `body`, or `-` to skip the column).
    public var map: [String] = []
    /// Write the rows that validate even when others do not.
    public var skipInvalid = false
    /// Replace existing files whose id a row's title gives, instead of adding `-2`.
    public var force = false
    /// Validate and report, but write nothing.
    public var dryRun = false
    /// The twelve month names of a language, January first (from the theme), so that a date cell
    /// such as "septiembre 2022" gets `2022-09` in its hint; none by default.
    public var months: @Sendable (_ language: String) -> [String] = { _ in [] }

    /// Options to import `file` into `collection` of the site at `root`.
    public init(root: String, collection: String, file: String, displayPath: String? = nil) {
        self.root = root
        self.collection = collection
        self.file = file
        self.displayPath = displayPath ?? file
    }
}

/// One row that became (or would become) an entry.
public struct ImportedEntry: Sendable {
    /// The row's number in the spreadsheet (the header is row 1).
    public var row: Int
    public var id: String
    /// The entry's file, relative to the root.
    public var path: String
    /// The Markdown written.
    public var text: String
    /// True when the file existed and `--force` replaced it.
    public var replaces: Bool
}

/// What an import found and wrote.
public struct ImportResult: Sendable, DiagnosedResult {
    /// Every problem, located at `file.csv:row:column`; the errors of rows left out by
    /// `--skip-invalid` stay here, so that the exit status says the spreadsheet has problems.
    public var diagnostics: [Diagnostic] = []
    /// The rows that validate, in spreadsheet order.
    public var entries: [ImportedEntry] = []
    /// Rows left out because they have errors (with `--skip-invalid`).
    public var skippedRows: [Int] = []
    /// How many rows had no error (written, or not written because others failed).
    public var validRows = 0
    /// True once the files are written.
    public var wrote = false
    /// True when a column is wrong (unknown, missing, twice, or a wrong `--map`): then nothing is
    /// written, even with `--skip-invalid`, though the rows are checked and reported.
    public var columnErrors = false
    /// How the file was read: its encoding and cell separator.
    public var encoding = ""
    public var separator: Character = ","
}
