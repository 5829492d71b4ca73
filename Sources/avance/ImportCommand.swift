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
        let result = SpreadsheetImport.run(options)
        if common.verbose, !result.encoding.isEmpty {
            let separator = result.separator == "\t" ? "tab" : "`\(result.separator)`"
            Output.status("read \(file) as \(result.encoding), cells separated by \(separator)")
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
        let verb =
            result.wrote
            ? (replaces: "replaced", creates: "wrote") : (replaces: "would replace", creates: "would write")
        guard result.wrote || dryRun else { return [] }
        var lines = result.entries.map { entry in
            (
                entry.row,
                "row \(entry.row): \(entry.replaces ? verb.replaces : verb.creates) \(entry.path) (id `\(entry.id)`)"
            )
        }
        if dryRun, skipInvalid, !result.columnErrors {
            lines += result.skippedRows.map { ($0, "row \($0): would be skipped (it has errors)") }
        }
        return lines.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func summary(_ result: ImportResult) -> String {
        let replaced = result.entries.filter(\.replaces).count
        let replacing =
            replaced == 0 ? "" : " (\(count(replaced, "replacing an existing file", "replacing existing files")))"
        let skipped = result.skippedRows
        if result.wrote {
            let skipping =
                skipped.isEmpty ? "" : "; skipped \(skipped.count == 1 ? "row" : "rows") with errors: \(rows(skipped))"
            return "imported \(count(result.entries.count, "entry", "entries")) into \(folder(result))/" + replacing
                + skipping
        }
        if result.diagnostics.hasErrors {
            let (them, have, fix) = skipped.count == 1 ? ("row", "has", "fix it") : ("rows", "have", "fix them")
            if result.columnErrors {
                let rowsToo = skipped.isEmpty ? "" : ", and \(them) \(rows(skipped)) \(have) errors"
                return "nothing written: the columns of the header row have errors\(rowsToo) (fix them first)"
            }
            guard !skipped.isEmpty else { return "nothing written" }
            if dryRun, skipInvalid, !result.entries.isEmpty {
                return "checked \(count(result.entries.count + skipped.count, "row", "rows")): with --skip-invalid, "
                    + "\(count(result.entries.count, "row", "rows")) would be imported (\(rows(result.entries.map(\.row)))) "
                    + "and \(skipped.count == 1 ? "row" : "rows") \(rows(skipped)) skipped; nothing written (--dry-run)"
            }
            let others =
                skipInvalid || dryRun || result.validRows == 0 ? "" : ", or use --skip-invalid to import the other rows"
            return "nothing written: \(them) \(rows(skipped)) \(have) errors (\(fix)\(others))"
        }
        return dryRun
            ? "checked \(count(result.entries.count, "row", "rows")): all valid\(replacing); nothing written (--dry-run)"
            : ""
    }

    /// `1 entry`, `2 entries`.
    func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        number == 1 ? "1 \(singular)" : "\(number) \(plural)"
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
