import ArgumentParser
import AvanceKit
import Diagnostics
import Foundation
import Scaffolding

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a spreadsheet saved as CSV into one Markdown file per row, validated like a build.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The collection the rows become entries of (such as `proyectos`).")
    var collection: String

    @Argument(help: "The CSV file: UTF-8 or Latin-1, separated by commas or semicolons.")
    var file: String

    @Option(
        name: .customLong("map"),
        help: ArgumentHelp(
            "Send a column to a field: --map 'Observaciones=body', or skip it: --map 'Código=-'.",
            valueName: "column=field"))
    var map: [String] = []

    @Flag(name: .customLong("skip-invalid"), help: "Write the rows that validate even when others do not.")
    var skipInvalid = false

    @Flag(name: .long, help: "Replace an existing entry whose id a row's title gives (instead of adding -2).")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "Check every row and report, but write nothing.")
    var dryRun = false

    @Option(
        name: .customLong("series"),
        help: ArgumentHelp(
            "Read the rows (date, value, source, note) into this series field of the entry --entry names.",
            valueName: "field"))
    var series: String?

    @Option(name: .customLong("entry"), help: ArgumentHelp("The entry whose series --series fills.", valueName: "id"))
    var entry: String?

    func validate() throws {
        if (series == nil) != (entry == nil) {
            throw ValidationError("--series and --entry go together: `--series serie --entry cobertura-agua`")
        }
    }

    func run() throws {
        let absoluteFile = URL(
            fileURLWithPath: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        ).standardizedFileURL.path
        var options = ImportOptions(
            root: common.absoluteRoot, collection: collection, file: absoluteFile, displayPath: file)
        options.map = map
        options.skipInvalid = skipInvalid
        options.force = force
        options.dryRun = dryRun
        let root = common.absoluteRoot
        options.months = { language in
            let strings = ThemeStrings.withEnglish(root: root, language: language)
            let names = (1...12).compactMap { strings["months.\($0)"] }
            return names.count == 12 ? names : []
        }
        if let series, let entry {
            let result = SeriesImport.run(options, field: series, entry: entry)
            Output.report(result.diagnostics, sources: [:], format: common.format)
            if !common.quiet, common.format == .text, let path = result.path, !result.diagnostics.hasErrors {
                let verb = result.wrote ? "wrote" : "would write"
                Output.status(
                    "\(verb) \(path): \(result.rows) rows, \(result.added) values added, \(result.replaced) replaced")
            }
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
            return
        }
        let result = SpreadsheetImport.run(options)
        if common.verbose, !result.encoding.isEmpty {
            let separator = result.separator == "\t" ? "tab" : "`\(result.separator)`"
            Output.say("status.import.read", ["file": file, "encoding": result.encoding, "separator": separator])
        }
        Output.report(result.diagnostics, sources: [:], format: common.format)
        if !common.quiet, common.format == .text {
            for line in listing(result) { Output.status(line) }
            Output.status(summary(result))
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// One line per row: the id and file each row wrote, or would write (`--dry-run`), and with
    /// `--dry-run --skip-invalid` the rows that would be skipped; nothing when no file would be
    /// written (the diagnostics and the summary say why).
    func listing(_ result: ImportResult) -> [String] {
        let words = Output.catalog
        guard result.wrote || dryRun else { return [] }
        var lines = result.entries.map { entry in
            (
                entry.row,
                words(
                    result.wrote
                        ? (entry.replaces ? "import.row.replaced" : "import.row.wrote")
                        : (entry.replaces ? "import.row.would-replace" : "import.row.would-write"),
                    ["row": String(entry.row), "file": entry.path, "id": entry.id])
            )
        }
        if dryRun, skipInvalid, !result.columnErrors {
            lines += result.skippedRows.map { ($0, words("import.row.would-skip", ["row": String($0)])) }
        }
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func summary(_ result: ImportResult) -> String {
        let words = Output.catalog
        let replaced = result.entries.filter(\.replaces).count
        let replacing = replaced == 0 ? "" : words.plural("import.replacing", count: replaced)
        let skipped = result.skippedRows
        if result.wrote {
            let skipping =
                skipped.isEmpty ? "" : words.plural("import.skipping", count: skipped.count, ["rows": rows(skipped)])
            return words(
                "import.imported",
                [
                    "entries": words.plural("import.entries", count: result.entries.count),
                    "folder": folder(result), "replacing": replacing, "skipping": skipping,
                ])
        }
        if result.diagnostics.hasErrors {
            if result.columnErrors {
                let rowsToo =
                    skipped.isEmpty
                    ? "" : words.plural("import.columns.rows", count: skipped.count, ["rows": rows(skipped)])
                return words("import.columns", ["rows": rowsToo])
            }
            guard !skipped.isEmpty else { return words("import.nothing") }
            if dryRun, skipInvalid, !result.entries.isEmpty {
                return words(
                    "import.checked.skipping",
                    [
                        "rows": words.plural("import.checked.rows", count: result.entries.count + skipped.count),
                        "imported": words.plural("import.checked.rows", count: result.entries.count),
                        "numbers": rows(result.entries.map(\.row)),
                        "skipped": words.plural("import.skipped", count: skipped.count, ["rows": rows(skipped)]),
                    ])
            }
            let others = skipInvalid || dryRun || result.validRows == 0 ? "" : words("import.others")
            return words.plural("import.rows", count: skipped.count, ["rows": rows(skipped), "others": others])
        }
        return dryRun
            ? words(
                "import.checked",
                ["rows": words.plural("import.checked.rows", count: result.entries.count), "replacing": replacing])
            : ""
    }

    /// The folder the entries went to: `content/<folder>`, which may differ from the collection's name.
    func folder(_ result: ImportResult) -> String {
        result.entries.first.map { String($0.path.prefix { $0 != "/" }) + "/" + $0.path.split(separator: "/")[1] }
            ?? "content/\(collection)"
    }

    func rows(_ numbers: [Int]) -> String {
        numbers.map(String.init).joined(separator: ", ")
    }
}
