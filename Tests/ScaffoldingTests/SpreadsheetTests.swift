import Diagnostics
import Foundation
import Testing

@testable import Scaffolding

/// Reading CSV as spreadsheets save it: encodings, separators, quotes, line breaks.
@Suite struct SpreadsheetTests {
    func read(_ text: String) throws -> Spreadsheet {
        try Spreadsheet.read(Array(text.utf8), file: "m.csv").get()
    }

    @Test func quotedCellsHoldSeparatorsQuotesAndLineBreaks() throws {
        let sheet = try read("a;b;c\r\n1;\"x; y\";\"dijo \"\"sí\"\"\ny más\"\r\n2;;\r\n")
        #expect(sheet.separator == ";")
        #expect(sheet.header == ["a", "b", "c"])
        #expect(sheet.rows.map(\.cells) == [["1", "x; y", "dijo \"sí\"\ny más"], ["2", "", ""]])
        // Rows are numbered as the sheet shows them: a cell of two lines is still one row.
        #expect(sheet.rows.map(\.number) == [2, 3])
    }

    @Test(arguments: [("a,b;c\n", ","), ("a;b;c,d\n", ";"), ("a\tb\tc\n", "\t"), ("solo\n", ","), ("\"a;b\",c\n", ",")])
    func theSeparatorIsTheOneTheHeaderUsesMost(text: String, separator: Character) throws {
        #expect(try read(text).separator == separator)
    }

    @Test func latin1AndUTF8GiveTheSameText() throws {
        let latin1: [UInt8] = Array("Título;Año\nGestión;2022\n".data(using: .windowsCP1252)!)
        let fromLatin1 = try Spreadsheet.read(latin1, file: "m.csv").get()
        #expect(fromLatin1.encoding == "Windows-1252")
        #expect(fromLatin1.header == ["Título", "Año"])
        #expect(fromLatin1.rows.first?.cells == ["Gestión", "2022"])
        let withBOM = try Spreadsheet.read(
            [0xEF, 0xBB, 0xBF] + Array("Título;Año\nGestión;2022\n".utf8), file: "m.csv"
        ).get()
        #expect(withBOM.encoding == "UTF-8")
        #expect(withBOM.header == fromLatin1.header)
        let utf16 = try Spreadsheet.read(Array("Título\tAño\nGestión\t2022\n".data(using: .utf16)!), file: "m.csv")
            .get()
        #expect(utf16.encoding == "UTF-16")
        #expect(utf16.rows.first?.cells == ["Gestión", "2022"])
    }

    @Test func cellsAreTrimmedAndEmptyRowsKept() throws {
        let sheet = try read("a,b\n  x , y\n,\n\n")
        #expect(sheet.rows.map(\.cells) == [["x", "y"], ["", ""], [""]])
        #expect(sheet.rows.map(\.isEmpty) == [false, true, true])
    }

    @Test func anUnclosedQuoteIsReportedWhereItOpens() {
        let result = Spreadsheet.read(Array("a,b\n1,2\n3,\"sin cerrar\n4,5\n".utf8), file: "m.csv")
        guard case .failure(let diagnostic) = result else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.code == "csv-syntax")
        #expect(diagnostic.location == SourceLocation(file: "m.csv", line: 3, column: 2))
    }

    @Test(
        arguments: [
            ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "`m.csv` is a spreadsheet workbook, not a CSV file"),
            (Array("a,b\n1,\0\n".utf8), "`m.csv` is not a text file"),
        ] as [([UInt8], String)])
    func aWorkbookOrBinaryFileIsRefused(bytes: [UInt8], message: String) {
        guard case .failure(let diagnostic) = Spreadsheet.read(bytes, file: "m.csv") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.code == "file-encoding")
        #expect(diagnostic.message == message)
    }

    @Test func anEmptyFileHasNoHeader() {
        guard case .failure(let diagnostic) = Spreadsheet.read([], file: "m.csv") else {
            Issue.record("expected a failure")
            return
        }
        #expect(diagnostic.code == "file-empty")
    }
}
