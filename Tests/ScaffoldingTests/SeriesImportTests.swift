import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Scaffolding

/// `avance import --series`: a spreadsheet of one row per date into an indicator's values, on
/// a copy of the demonstration site (examples/demo).
@Suite struct SeriesImportTests {
    static let entry = "content/indicadores/arboles-plantados.md"

    func run(_ csv: String, field: String = "serie", entry: String = "arboles-plantados", dryRun: Bool = false)
        throws -> (SeriesImport.Result, String, String)
    {
        let root = try Repository.copySite(from: Repository.root + "/examples/demo", name: "series-import")
        let file = root + "/valores.csv"
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        var options = ImportOptions(root: root, collection: "indicadores", file: file, displayPath: "valores.csv")
        options.dryRun = dryRun
        let before = try String(contentsOfFile: root + "/" + Self.entry, encoding: .utf8)
        let result = SeriesImport.run(options, field: field, entry: entry)
        let after = try String(contentsOfFile: root + "/" + Self.entry, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: root)
        return (result, before, after)
    }

    @Test func rowsBecomeValuesInDateOrderAndADateAlreadyThereIsReplaced() throws {
        let (result, before, after) = try run(
            "date;value;source;note\n2024;16100;Inventario 2024;\n2023;15300,5;Inventario 2023 (revisado);corregido\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.wrote && result.added == 1 && result.replaced == 1)
        #expect(
            after.contains(
                #"    - {date: 2023, value: 15300.5, source: "Inventario 2023 (revisado)", note: "corregido"}"#))
        let dates = after.components(separatedBy: "\n").filter {
            $0.hasPrefix("    - {date: 202") && $0.contains("source")
        }
        .map { $0.dropFirst(13).prefix(4) }
        #expect(dates == ["2021", "2022", "2023", "2024"])
        // What is not the series stays as it was: the fields before it and the body.
        #expect(after.hasPrefix(before.components(separatedBy: "serie:")[0]))
        #expect(after.hasSuffix(before.components(separatedBy: "---\n").last!))
    }

    @Test func everyBadCellIsReportedAtItsRowAndColumnAndNothingIsWritten() throws {
        let (result, before, after) = try run("date,value,source\n2018,1,x\n2024,abc,\n2024-13,5,y\n")
        let found = result.diagnostics.map { "\($0.code) \($0.location!.line):\($0.location!.column)" }
        #expect(
            found == [
                "series-before-baseline 2:1", "series-number-invalid 3:2", "series-source-missing 3:3",
                "date-invalid 4:1",
            ])
        #expect(!result.wrote && before == after)
        #expect(result.exitCode == 1)
    }

    @Test func columnsMustBeTheSeriesKeys() throws {
        let (result, _, _) = try run("fecha,value\n2024,1\n")
        #expect(result.diagnostics.map(\.code) == ["column-unknown", "column-missing", "column-missing"])
        #expect(result.diagnostics.first?.hint?.contains("`date`") == true)
    }

    @Test func aColumnTwiceOrADateTwiceIsReportedWhereItIs() throws {
        let (columns, _, _) = try run("date,value,source,value\n2024,1,x,2\n")
        #expect(
            columns.diagnostics.map { "\($0.code) \($0.location!.line):\($0.location!.column)" } == [
                "column-duplicate 1:4"
            ])
        let (rows, before, after) = try run("date,value,source\n2024,1,x\n2024,2,y\n")
        #expect(
            rows.diagnostics.map { "\($0.code) \($0.location!.line):\($0.location!.column)" } == ["row-duplicate 3:1"])
        #expect(rows.diagnostics.first?.hint == "keep one value per date")
        #expect(!rows.wrote && before == after)
    }

    @Test func aSpreadsheetThatCannotBeReadIsNamedWithWhy() throws {
        let root = try Repository.copySite(from: Repository.root + "/examples/demo", name: "series-unreadable")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A folder where the spreadsheet should be: there is no file to read.
        try FileManager.default.createDirectory(atPath: root + "/valores.csv", withIntermediateDirectories: true)
        let options = ImportOptions(
            root: root, collection: "indicadores", file: root + "/valores.csv", displayPath: "valores.csv")
        let result = SeriesImport.run(options, field: "serie", entry: "arboles-plantados")
        #expect(result.diagnostics.map(\.code) == ["file-unreadable"])
        #expect(result.diagnostics.first?.message.hasPrefix("cannot read `valores.csv`: ") == true)
        #expect(result.diagnostics.first?.hint == "check the path and the file's permissions")
        #expect(!result.wrote)
    }

    @Test func aFieldThatIsNotASeriesOrAnEntryThatDoesNotExistIsAUsageError() throws {
        let (field, _, _) = try run("date,value,source\n", field: "titulo")
        #expect(field.diagnostics.map(\.code) == ["argument-field-invalid"])
        #expect(field.exitCode == 2)
        let (entry, _, _) = try run("date,value,source\n", entry: "arboles-plantado")
        #expect(entry.diagnostics.map(\.code) == ["argument-entry-unknown"])
        #expect(entry.diagnostics.first?.hint?.contains("arboles-plantados") == true)
    }

    @Test func aDryRunWritesNothing() throws {
        let (result, before, after) = try run("date,value,source\n2024,16100,Inventario 2024\n", dryRun: true)
        #expect(result.diagnostics.isEmpty && !result.wrote && before == after)
    }
}
