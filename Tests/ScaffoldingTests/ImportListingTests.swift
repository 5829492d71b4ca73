import Foundation
import TestSupport
import Testing

/// `avance import` says what it does, row by row, and an entry that exists already says how to
/// refer to it: run as staff run it, on a copy of the Quito site.
@Suite struct ImportListingTests {
    static let fixture = TestSites.fixtures + "/matriz-proyectos-utf8.csv"

    /// The eight rows of the fixture: row 2 is `rcn-visa`, already an entry; the others are new.
    static let newRows = [
        "row 3: % content/proyectos/estudio-de-infraestructura-verde-con-fondos-fiem-2.md "
            + "(id `estudio-de-infraestructura-verde-con-fondos-fiem-2`)",
        "row 4: % content/proyectos/huertos-urbanos-en-laderas.md (id `huertos-urbanos-en-laderas`)",
        "row 5: % content/proyectos/plan-de-gestion-de-riesgos-fase-2.md (id `plan-de-gestion-de-riesgos-fase-2`)",
        "row 7: % content/proyectos/movilidad-electrica-en-el-centro-historico.md "
            + "(id `movilidad-electrica-en-el-centro-historico`)",
        "row 8: % content/proyectos/red-de-informacion-sismica.md (id `red-de-informacion-sismica`)",
        "row 9: % content/proyectos/fortalecimiento-del-cluster-financiero.md "
            + "(id `fortalecimiento-del-cluster-financiero`)",
        "row 10: % content/proyectos/participacion-ciudadana-en-barrios.md "
            + "(id `participacion-ciudadana-en-barrios`)",
    ]

    /// The lines that start with `row `, in order.
    static func rowLines(_ text: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix("row ") }
    }

    /// `--dry-run --skip-invalid` lists the rows that would go through, with their ids and files,
    /// and the rows it would skip, by number; the real run lists what it wrote, the same ids.
    @Test func theDryRunAndTheRunListEachRowWithItsIdAndFile() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("import-listing")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let dry = try TestSites.run([
            "import", "proyectos", Self.fixture, "--root", root, "--dry-run", "--skip-invalid",
        ])
        #expect(dry.status == 1, "\(dry.err)")
        #expect(
            Self.rowLines(dry.err)
                == ["row 2: would be skipped (it has errors)"]
                + Self.newRows.map { $0.replacingOccurrences(of: "%", with: "would write") })
        #expect(
            dry.err.contains(
                "checked 8 rows: with --skip-invalid, 7 rows would be imported (3, 4, 5, 7, 8, 9, 10) and row 2 "
                    + "skipped; nothing written (--dry-run)\n"), "\(dry.err)")
        #expect(!FileManager.default.fileExists(atPath: root + "/content/proyectos/huertos-urbanos-en-laderas.md"))
        let run = try TestSites.run(["import", "proyectos", Self.fixture, "--root", root, "--skip-invalid"])
        #expect(Self.rowLines(run.err) == Self.newRows.map { $0.replacingOccurrences(of: "%", with: "wrote") })
        #expect(FileManager.default.fileExists(atPath: root + "/content/proyectos/huertos-urbanos-en-laderas.md"))
    }

    /// A dry run of rows that are all valid lists what it would write; one with errors and no
    /// `--skip-invalid` lists nothing (it would write nothing) and says why.
    @Test func aDryRunListsOnlyWhatWouldBeWritten() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("import-listing-dry")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let good = root + "/bueno.csv"
        try "Título,Estado\nHuertos en terrazas,En marcha\n".write(toFile: good, atomically: true, encoding: .utf8)
        let dry = try TestSites.run(["import", "proyectos", good, "--root", root, "--dry-run"])
        #expect(dry.status == 0, "\(dry.err)")
        #expect(
            Self.rowLines(dry.err) == [
                "row 2: would write content/proyectos/huertos-en-terrazas.md (id `huertos-en-terrazas`)"
            ])
        let failing = try TestSites.run(["import", "proyectos", Self.fixture, "--root", root, "--dry-run"])
        #expect(Self.rowLines(failing.err).isEmpty, "\(failing.err)")
        #expect(failing.err.contains("nothing written: row 2 has errors"))
    }

    /// A row that is an entry already, and `avance new` with the id of one, show that entry's
    /// title and how to refer to it: its id in a reference field, the Markdown link to its file.
    @Test func anEntryThatExistsSaysItsTitleAndHowToReferToIt() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("entry-exists")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let new = try TestSites.run(["new", "socios", "visa", "--root", root])
        #expect(new.status == 2)
        #expect(
            new.err.contains(
                "error[argument-entry-exists]: `content/socios/visa.md` already exists: its title is `Visa`"))
        #expect(
            new.err.contains(
                "to refer to it, write `ejecutor: visa` in a reference field, or link to it in Markdown with "
                    + "`[Visa](../socios/visa.md)`"), "\(new.err)")
        let row = try TestSites.run(["import", "proyectos", Self.fixture, "--root", root])
        #expect(
            row.err.contains(
                "to refer to it, write `rcn-visa` in a reference field, or link to it in Markdown with "
                    + "`[Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)](../proyectos/rcn-visa.md)`"),
            "\(row.err)")
        let given = root + "/con-id.csv"
        try "id,Título\nvisa,Tarjetas y pagos\n".write(toFile: given, atomically: true, encoding: .utf8)
        let id = try TestSites.run(["import", "socios", given, "--root", root])
        #expect(
            id.err.contains(
                "row 2 gives the id `visa`, and `content/socios/visa.md` already exists (its title is `Visa`)"),
            "\(id.err)")
        #expect(id.err.contains("write `ejecutor: visa` in a reference field"), "\(id.err)")
    }

    /// A date cell written in words gets the value to write, with the month names of the site's
    /// theme (`theme/i18n/es.yaml`), as in a build.
    @Test func aDateCellInWordsGetsTheValueToWrite() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("import-date")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/fechas.csv"
        try "Título,Estado,Inicio\nHuertos en terrazas,En marcha,septiembre 2022\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let result = try TestSites.run(["import", "proyectos", file, "--root", root, "--dry-run"])
        #expect(result.status == 1)
        #expect(result.err.contains("error[date-invalid]: `septiembre 2022` is not a valid date"), "\(result.err)")
        #expect(result.err.contains("hint: write `2022-09`: dates are YYYY-MM-DD"), "\(result.err)")
    }

    /// A spreadsheet's "Paralizado" is not offered `finalizado` (a stalled project recorded as
    /// finished): the allowed statuses with their labels instead; "EN MARCHA" is read as `en-marcha`.
    @Test func aStatusCellThatIsNoStatusListsTheAllowedOnes() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("import-status")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/estados.csv"
        try "Título,Estado\nHuertos en terrazas,Paralizado\nRiego en laderas,EN MARCHA\n".write(
            toFile: file, atomically: true, encoding: .utf8)
        let result = try TestSites.run(["import", "proyectos", file, "--root", root, "--dry-run"])
        #expect(result.err.contains("error[enum-unknown]: `Paralizado` is not a value of `estado`"), "\(result.err)")
        #expect(!result.err.contains("finalizado`?"), "\(result.err)")
        #expect(
            result.err.contains(
                "hint: allowed: `no-iniciado` (No iniciado), `en-marcha` (En marcha), `suspendido` (Suspendido), "
                    + "`finalizado` (Finalizado)"), "\(result.err)")
        #expect(result.err.components(separatedBy: "error[").count == 2, "only row 2 fails: \(result.err)")
    }
}
