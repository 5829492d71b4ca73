import ContentModel
import Diagnostics
import Foundation
import Loading
import SiteData
import Testing
import Validation

@testable import Scaffolding

/// `avance import`: the DMR's project matrix as spreadsheets export it, and every kind of row
/// and column the importer must refuse.
@Suite struct ImportTests {
    func options(_ root: String, _ file: String, collection: String = "proyectos") -> ImportOptions {
        ImportOptions(root: root, collection: collection, file: file, displayPath: (file as NSString).lastPathComponent)
    }

    /// A CSV written into `root`, as UTF-8.
    func csv(_ root: String, _ text: String) throws -> String {
        let path = root + "/matriz.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func files(_ root: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/content/proyectos").sorted()
    }

    func siteErrors(_ root: String) throws -> [Diagnostic] {
        let tree = ContentLoader(root: root).load()
        let (model, _) = ModelReader.read(try #require(TestSites.read(root, ModelReader.path)))
        return SiteResolver.resolve(tree, model: try #require(model)).1.filter { $0.severity == .error }
    }

    /// The file the matrix's first row, RCN-Visa, gives.
    static let rcnVisa = """
        ---
        titulo: Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)
        estado: en-marcha
        eje: economia-solida-y-recursiva
        ejecutor: conquito
        socios: [visa, resilient-cities-network, conquito, paymovil, datil]
        ---
        Piloto con agricultores urbanos de AGRUPAR.
        Dato de prueba.

        """

    @Test func theLatin1MatrixBecomesOneValidFilePerRow() throws {
        let root = try TestSites.quito("import-latin1")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try files(root)
        var options = options(root, TestSites.fixtures + "/matriz-proyectos-latin1.csv")
        // Row 2 is RCN-Visa, which the site has as `rcn-visa`: the import stops there.
        let plain = SpreadsheetImport.run(options)
        #expect(plain.encoding == "Windows-1252")
        #expect(plain.separator == ";")
        #expect(plain.diagnostics.map(\.code) == ["entry-exists", "id-taken"])
        let exists = try #require(plain.diagnostics.first)
        #expect(exists.severity == .error)
        #expect(exists.location == SourceLocation(file: "matriz-proyectos-latin1.csv", line: 2, column: 1))
        #expect(
            exists.message
                == "row 2 is already an entry: `content/proyectos/rcn-visa.md` has the title `Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)`"
        )
        #expect(!plain.wrote)
        #expect(plain.skippedRows == [2])
        #expect(plain.exitCode == 1)
        #expect(try files(root) == before)

        options.skipInvalid = true
        let result = SpreadsheetImport.run(options)
        #expect(result.wrote)
        #expect(result.exitCode == 1)
        // The empty row 6 is skipped; row 3's id is an entry with another title, so it gets `-2`.
        #expect(result.entries.map(\.row) == [3, 4, 5, 7, 8, 9, 10])
        let taken = try #require(result.diagnostics.last)
        #expect(taken.code == "id-taken")
        #expect(taken.severity == .warning)
        #expect(taken.location == SourceLocation(file: "matriz-proyectos-latin1.csv", line: 3, column: 1))
        #expect(
            taken.message
                == "`content/proyectos/estudio-de-infraestructura-verde-con-fondos-fiem.md` already exists: row 3 becomes `estudio-de-infraestructura-verde-con-fondos-fiem-2`"
        )
        #expect(try files(root).count == before.count + 7)
        #expect(try !files(root).contains("ciudades-resilientes-formando-un-mundo-digital-rcn-visa.md"))
        #expect(try siteErrors(root).isEmpty)

        // A title with `;`, partners by acronym, status words in capitals, quotes in the body.
        #expect(
            TestSites.read(root, "content/proyectos/plan-de-gestion-de-riesgos-fase-2.md") == """
                ---
                titulo: Plan de gestión de riesgos; fase 2
                estado: finalizado
                eje: territorio-seguro-y-reflexivo
                ejecutor: secretaria-general-de-seguridad-y-gobernabilidad
                socios: [direccion-metropolitana-de-riesgos]
                ---
                Cerrado en 2021; el informe dice "concluido".
                Segunda línea.
                Dato de prueba.

                """)
        let seismic = try #require(TestSites.read(root, "content/proyectos/red-de-informacion-sismica.md"))
        #expect(seismic.contains("ejecutor: direccion-metropolitana-de-resiliencia\n"))  // "DMR", its `sigla`
        #expect(seismic.contains("socios: [fundacion-rockefeller, rockefeller-philanthropy-advisors]\n"))
        let green = try #require(
            TestSites.read(root, "content/proyectos/estudio-de-infraestructura-verde-con-fondos-fiem-2.md"))
        #expect(green.contains("estado: no-iniciado\n"))  // "NO INICIADO"
        #expect(green.contains("socios: [seccion-comercial-de-la-embajada-de-espana, secretaria-de-ambiente]\n"))
        let empty = try #require(TestSites.read(root, "content/proyectos/huertos-urbanos-en-laderas.md"))
        #expect(!empty.contains("ejecutor"))  // an empty cell leaves the field out
        #expect(empty.hasSuffix("---\n"))
    }

    @Test func aRowThatIsAnExistingEntryReplacesItOnlyWithForce() throws {
        let root = try TestSites.quito("import-latin1-force")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try files(root)
        var options = options(root, TestSites.fixtures + "/matriz-proyectos-latin1.csv")
        options.force = true
        let result = SpreadsheetImport.run(options)
        #expect(result.diagnostics.isEmpty)
        #expect(result.exitCode == 0)
        #expect(result.entries.map(\.row) == [2, 3, 4, 5, 7, 8, 9, 10])
        #expect(
            result.entries.filter(\.replaces).map(\.id) == [
                "rcn-visa", "estudio-de-infraestructura-verde-con-fondos-fiem",
            ])
        #expect(try files(root).count == before.count + 6)
        #expect(TestSites.read(root, "content/proyectos/rcn-visa.md") == Self.rcnVisa)
        #expect(try siteErrors(root).isEmpty)
    }

    @Test func importingTheSameSpreadsheetTwiceWritesNoCopies() throws {
        let root = try TestSites.quito("import-twice")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = options(root, TestSites.fixtures + "/matriz-proyectos-utf8.csv")
        options.skipInvalid = true
        #expect(SpreadsheetImport.run(options).entries.count == 7)
        let once = try files(root)
        let again = SpreadsheetImport.run(options)
        #expect(again.diagnostics.map(\.code) == Array(repeating: "entry-exists", count: 8))
        #expect(again.diagnostics.map { $0.location?.line } == [2, 3, 4, 5, 7, 8, 9, 10])
        #expect(
            again.diagnostics[1].message
                == "row 3 is already an entry: `content/proyectos/estudio-de-infraestructura-verde-con-fondos-fiem-2.md` has the title `Estudio de infraestructura verde con fondos FIEM`"
        )
        #expect(!again.wrote)
        #expect(again.exitCode == 1)
        #expect(try files(root) == once)

        options.force = true
        let forced = SpreadsheetImport.run(options)
        #expect(forced.diagnostics.isEmpty)
        #expect(forced.entries.count == 8)
        #expect(forced.entries.allSatisfy { $0.replaces })
        #expect(try files(root) == once)
        #expect(TestSites.read(root, "content/proyectos/rcn-visa.md") == Self.rcnVisa)
    }

    @Test func aTitleMatchesAnEntryWithoutCaseAccentsOrPunctuation() throws {
        let root = try TestSites.quito("import-same-title")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The entry's title is "Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)".
        let file = try csv(
            root,
            "titulo;estado\nCIUDADES RESILIENTES FORMANDO UN MUNDO DIGITAL – RCN VISA;finalizado\nOtro;en marcha\n")
        let result = SpreadsheetImport.run(options(root, file))
        #expect(result.diagnostics.map(\.code) == ["entry-exists"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "matriz.csv", line: 2, column: 1))
        #expect(result.diagnostics.first?.field == "titulo")
        #expect(
            result.diagnostics.first?.hint
                == "delete the row, or import with --force to replace that file with the row; --skip-invalid imports the other rows; "
                + "to refer to it, write `rcn-visa` in a reference field, or link to it in Markdown with "
                + "`[Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)](../proyectos/rcn-visa.md)`")
        // The entry's own title, not the row's spelling of it.
        #expect(
            result.diagnostics.first?.message
                == "row 2 is already an entry: `content/proyectos/rcn-visa.md` has the title "
                + "`Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)`")
        #expect(!result.wrote)
        #expect(result.skippedRows == [2])
    }

    @Test func anEntryThatDoesNotValidateStillHasItsTitle() throws {
        let root = try TestSites.quito("import-broken-entry")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestSites.write(root, "content/proyectos/roto.md", "---\ntitulo: Un proyecto roto\nestado: en pausa\n---\n")
        let result = SpreadsheetImport.run(options(root, try csv(root, "titulo,estado\nUn proyecto ROTO,en marcha\n")))
        #expect(result.diagnostics.map(\.code) == ["entry-exists"])
        #expect(result.diagnostics.first?.message.contains("`content/proyectos/roto.md`") == true)
    }

    @Test func theUTF8MatrixGivesTheSameFiles() throws {
        let latin1 = try TestSites.quito("import-a")
        let utf8 = try TestSites.quito("import-b")
        defer {
            try? FileManager.default.removeItem(atPath: latin1)
            try? FileManager.default.removeItem(atPath: utf8)
        }
        // --force: row 2 replaces `rcn-visa`, so that every row gives a file to compare.
        var latin1Options = options(latin1, TestSites.fixtures + "/matriz-proyectos-latin1.csv")
        var utf8Options = options(utf8, TestSites.fixtures + "/matriz-proyectos-utf8.csv")
        latin1Options.force = true
        utf8Options.force = true
        let first = SpreadsheetImport.run(latin1Options)
        let second = SpreadsheetImport.run(utf8Options)
        #expect(first.entries.count == 8)
        #expect(second.encoding == "UTF-8")
        #expect(second.separator == ",")
        #expect(first.entries.map(\.path) == second.entries.map(\.path))
        #expect(first.entries.map(\.text) == second.entries.map(\.text))
    }

    @Test func aRowWithAnErrorStopsTheWholeImport() throws {
        let root = try TestSites.quito("import-errors")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try files(root)
        let file = try csv(
            root,
            """
            Título,Estado,Socios,Ejecutor,Inicio
            Bueno,En marcha,Visa,,2022
            Uno,En pausa,"Conqito, Visa",Fundacion Futuro,15/13/2022
            ,en marcha,,,
            Dos,finalizado,"Visa y Paymovil",,04/2021

            """)
        var options = options(root, file)
        options.map = ["Inicio=inicio"]
        let result = SpreadsheetImport.run(options)
        let found = result.diagnostics.map {
            "\($0.code) \($0.location!.line):\($0.location!.column) \($0.field ?? "")"
        }
        #expect(
            found == [
                "enum-unknown 3:2 estado", "ref-unknown 3:3 socios", "ref-unknown 3:4 ejecutor",
                "date-invalid 3:5 inicio", "field-missing 4:1 titulo",
            ])
        let messages = result.diagnostics.map(\.message)
        #expect(messages.contains("`En pausa` is not a value of `estado`"))
        #expect(messages.contains("no entry named `Conqito` in collection `socios`"))
        #expect(result.diagnostics[1].hint == "did you mean `conquito` (ConQuito)?")
        #expect(result.diagnostics[2].hint == "create it first (`avance new socios fundacion-futuro`), or write its id")
        #expect(result.diagnostics[3].message == "`15/13/2022` is not a valid date")
        #expect(result.diagnostics[4].hint == "the `Título` cell is empty: write the título there")
        #expect(!result.wrote)
        #expect(result.entries.isEmpty)
        #expect(result.skippedRows == [3, 4])
        #expect(result.exitCode == 1)
        #expect(try files(root) == before)

        options.skipInvalid = true
        let skipping = SpreadsheetImport.run(options)
        #expect(skipping.wrote)
        #expect(skipping.entries.map(\.id) == ["bueno", "dos"])
        #expect(skipping.skippedRows == [3, 4])
        #expect(skipping.exitCode == 1)
        #expect(TestSites.read(root, "content/proyectos/dos.md")?.contains("inicio: 2021-04\n") == true)
        #expect(TestSites.read(root, "content/proyectos/dos.md")?.contains("socios: [visa, paymovil]\n") == true)
        #expect(try siteErrors(root).isEmpty)
    }

    @Test func aDryRunWritesNothing() throws {
        let root = try TestSites.quito("import-dry")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try files(root)
        var options = options(root, TestSites.fixtures + "/matriz-proyectos-utf8.csv")
        options.dryRun = true
        options.force = true
        let result = SpreadsheetImport.run(options)
        #expect(result.entries.count == 8)
        #expect(result.entries.filter(\.replaces).count == 2)
        #expect(!result.wrote)
        #expect(result.exitCode == 0)
        #expect(try files(root) == before)
    }

    @Test func anIDThatHasAFileGetsASuffixUnlessForced() throws {
        let root = try TestSites.quito("import-force")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let original = TestSites.read(root, "content/proyectos/rcn-visa.md")
        // "RCN Visa" gives the id `rcn-visa`, whose entry has another title.
        let file = try csv(root, "titulo;estado\nRCN Visa;finalizado\nRCN Visa II;en marcha\n")
        let plain = SpreadsheetImport.run(options(root, file))
        #expect(plain.entries.map(\.id) == ["rcn-visa-2", "rcn-visa-ii"])
        #expect(plain.diagnostics.map(\.code) == ["id-taken"])
        #expect(plain.diagnostics.first?.severity == .warning)
        #expect(plain.exitCode == 0)
        #expect(TestSites.read(root, "content/proyectos/rcn-visa.md") == original)

        let again = try TestSites.quito("import-force-2")
        defer { try? FileManager.default.removeItem(atPath: again) }
        var forced = options(again, file)
        forced.force = true
        let result = SpreadsheetImport.run(forced)
        #expect(result.entries.map(\.id) == ["rcn-visa", "rcn-visa-ii"])
        #expect(result.entries.map(\.replaces) == [true, false])
        #expect(
            TestSites.read(again, "content/proyectos/rcn-visa.md") == "---\ntitulo: RCN Visa\nestado: finalizado\n---\n"
        )
    }

    @Test func aRowWithTheTitleOfAnEntryKeepsItsIDWhenAnotherRowGivesThatID() throws {
        let root = try TestSites.quito("import-force-both")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try csv(
            root,
            "titulo;estado\nRCN Visa;finalizado\nCiudades resilientes formando un mundo digital (RCN Visa);suspendido\n"
        )
        var forced = options(root, file)
        forced.force = true
        let result = SpreadsheetImport.run(forced)
        #expect(result.diagnostics.isEmpty)
        #expect(result.entries.map(\.id) == ["rcn-visa-2", "rcn-visa"])
        #expect(result.entries.map(\.replaces) == [false, true])
        #expect(TestSites.read(root, "content/proyectos/rcn-visa.md")?.contains("estado: suspendido\n") == true)
    }

    @Test func unknownColumnsAreErrorsUntilMappedOrSkipped() throws {
        let root = try TestSites.quito("import-columns")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try csv(root, "Título,Estado,Estdo de avance,Código\nUno,en marcha,40,A-1\n")
        let result = SpreadsheetImport.run(options(root, file))
        #expect(result.diagnostics.map(\.code) == ["column-unknown", "column-unknown"])
        #expect(result.diagnostics[0].location == SourceLocation(file: "matriz.csv", line: 1, column: 3))
        #expect(result.diagnostics[0].message == "the column `Estdo de avance` matches no field of `proyectos`")
        #expect(
            result.diagnostics[1].hint
                == "map it with --map 'Código=<field>' or skip it with --map 'Código=-'")
        #expect(result.exitCode == 1)

        var mapped = options(root, file)
        mapped.map = ["estdo de avance=-", "codigo = grupo_atencion"]
        let fixed = SpreadsheetImport.run(mapped)
        #expect(fixed.diagnostics.isEmpty)
        #expect(
            TestSites.read(root, "content/proyectos/uno.md")
                == "---\ntitulo: Uno\nestado: en-marcha\ngrupo_atencion: A-1\n---\n")
    }

    @Test func columnsMatchFieldLabelsToo() throws {
        let root = try TestSites.quito("import-labels")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try csv(
            root,
            "TÍTULO,estado,Grupo de atención,Metas de resiliencia a las que aporta,Descripción\nUno,en marcha,Mujeres,Asegura la salud pública,Texto.\n"
        )
        let result = SpreadsheetImport.run(options(root, file))
        #expect(result.diagnostics.isEmpty)
        #expect(
            TestSites.read(root, "content/proyectos/uno.md")
                == "---\ntitulo: Uno\nestado: en-marcha\nresultados: [asegura-la-salud-publica]\ngrupo_atencion: Mujeres\n---\nTexto.\n"
        )
    }

    @Test(arguments: [
        ("titulo,estado\nUno,en marcha\n", ["Inicio"], "`--map Inicio` is not `column=field`"),
        (
            "titulo,estado\nUno,en marcha\n", ["Fecha=inicio"],
            "`--map Fecha=inicio`: the spreadsheet has no column `Fecha`"
        ),
        (
            "titulo,estado\nUno,en marcha\n", ["estado=estadio"],
            "`--map estado=estadio`: `proyectos` has no field `estadio`"
        ),
    ])
    func aWrongMapIsAUsageError(text: String, map: [String], message: String) throws {
        let root = try TestSites.quito("import-map")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = options(root, try csv(root, text))
        options.map = map
        let result = SpreadsheetImport.run(options)
        #expect(result.diagnostics.first?.code == "map-invalid")
        #expect(result.diagnostics.first?.message == message)
        #expect(result.exitCode == 2)
    }

    @Test func aRequiredFieldNeedsAColumnAndAFieldOnlyOne() throws {
        let root = try TestSites.quito("import-required")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let missing = SpreadsheetImport.run(options(root, try csv(root, "titulo,socios\nUno,Visa\n")))
        #expect(missing.diagnostics.map(\.code) == ["column-missing"])
        #expect(missing.diagnostics.first?.message == "no column fills the required field `estado` (Estado)")
        let twice = SpreadsheetImport.run(options(root, try csv(root, "titulo,estado,Título\nUno,en marcha,Uno\n")))
        #expect(twice.diagnostics.map(\.code) == ["column-duplicate"])
        #expect(twice.diagnostics.first?.location?.column == 3)
    }

    @Test func aRowWiderThanTheHeaderIsRefused() throws {
        let root = try TestSites.quito("import-wide")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = SpreadsheetImport.run(options(root, try csv(root, "titulo;estado\nUno; en marcha;extra\n")))
        #expect(result.diagnostics.map(\.code) == ["csv-syntax"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "matriz.csv", line: 2, column: 3))
    }

    @Test func aTitleRepeatedInTheSpreadsheetIsAnError() throws {
        let root = try TestSites.quito("import-repeat")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = options(
            root,
            try csv(root, "titulo,estado\nHuertos,en marcha\nhuertos,finalizado\nOtro,en marcha\nHUERTOS!,suspendido\n")
        )
        let result = SpreadsheetImport.run(options)
        #expect(result.diagnostics.map(\.code) == ["row-duplicate", "row-duplicate"])
        #expect(
            result.diagnostics.map(\.location) == [
                SourceLocation(file: "matriz.csv", line: 3, column: 1),
                SourceLocation(file: "matriz.csv", line: 5, column: 1),
            ])
        #expect(result.diagnostics[1].message == "row 5 repeats the title of row 2, `HUERTOS!`")
        #expect(!result.wrote)
        #expect(result.exitCode == 1)

        options.skipInvalid = true
        let skipping = SpreadsheetImport.run(options)
        #expect(skipping.entries.map(\.id) == ["huertos", "otro"])
        #expect(skipping.skippedRows == [3, 5])
        #expect(try files(root).filter { $0.hasPrefix("huertos") } == ["huertos.md"])
    }

    @Test func aLongTitleGivesAnIDCutAtAWord() throws {
        let root = try TestSites.quito("import-long")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let title = Array(
            repeating: "Fortalecimiento de capacidades locales para la gestión integral del riesgo", count: 4
        ).joined(separator: " ")
        #expect(title.count > 278)
        let file = try csv(root, "titulo,estado\n\(title),en marcha\n\(title) bis,en marcha\n")
        let result = SpreadsheetImport.run(options(root, file))
        #expect(result.diagnostics.isEmpty)
        #expect(result.exitCode == 0)
        let id = "fortalecimiento-de-capacidades-locales-para-la-gestion-integral-del-riesgo"
        #expect(result.entries.map(\.id) == [id, id + "-2"])
        #expect(TestSites.read(root, "content/proyectos/\(id).md")?.contains("titulo: \(title)\n") == true)
        #expect(try siteErrors(root).isEmpty)
    }

    @Test(arguments: [
        ("Plan de gestión", "plan-de-gestion"),
        (String(repeating: "a", count: 100), String(repeating: "a", count: 80)),
        (String(repeating: "abc ", count: 20) + "x", String(repeating: "abc-", count: 19) + "abc"),
        (String(repeating: "abcd-", count: 16) + "abcdefgh", String(repeating: "abcd-", count: 15) + "abcd"),
    ])
    func idsAreCutAtEightyCharactersAfterAWord(title: String, id: String) {
        #expect(RowImporter.id(from: title) == id)
        #expect(RowImporter.id(from: title).count <= RowImporter.maximumIDLength)
    }

    @Test func aFileThatCannotBeWrittenIsAnErrorAtItsRow() throws {
        let root = try TestSites.quito("import-unwritable")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try csv(root, "titulo,estado\nUno,en marcha\nDos,en marcha\nTres,en marcha\n")
        let written = Written()
        let writer = ContentWriter(
            exists: { _ in false },
            write: { path, _ in
                if path.hasSuffix("/dos.md") { throw CocoaError(.fileWriteInvalidFileName) }
                written.add(path)
            })
        let result = SpreadsheetImport.run(options(root, file), writer: writer)
        #expect(result.diagnostics.map(\.code) == ["output-failed"])
        let failure = try #require(result.diagnostics.first)
        #expect(failure.location == SourceLocation(file: "matriz.csv", line: 3, column: 1))
        #expect(failure.message.hasPrefix("cannot write `content/proyectos/dos.md` for row 3: "))
        #expect(result.entries.map(\.id) == ["uno", "tres"])
        #expect(result.skippedRows == [3])
        #expect(result.wrote)
        #expect(result.exitCode == 2)
        #expect(written.paths == [root + "/content/proyectos/uno.md", root + "/content/proyectos/tres.md"])
    }

    @Test func aShortenedPartnerOrAxisNameGetsADidYouMean() throws {
        let root = try TestSites.quito("import-shortened")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try csv(root, "Título;Estado;Eje;Socios\nUno;en marcha;Territorio seguro;Municipio de Quito, Visa\n")
        let result = SpreadsheetImport.run(options(root, file))
        #expect(result.diagnostics.map(\.code) == ["ref-unknown", "ref-unknown"])
        #expect(result.diagnostics.map { $0.location?.column } == [3, 4])
        #expect(
            result.diagnostics.map(\.hint) == [
                "did you mean `territorio-seguro-y-reflexivo` (Territorio seguro y reflexivo)?",
                "did you mean `municipio-del-distrito-metropolitano-de-quito` (Municipio del Distrito Metropolitano de Quito)?",
            ])
    }

    @Test func aTitleWithoutLettersGivesNoID() throws {
        let root = try TestSites.quito("import-no-id")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = SpreadsheetImport.run(options(root, try csv(root, "titulo,estado\n¿?,en marcha\n")))
        #expect(result.diagnostics.map(\.code) == ["id-invalid"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "matriz.csv", line: 2, column: 1))
    }

    @Test func anUnknownCollectionOrUnreadableFileIsAUsageError() throws {
        let root = try TestSites.quito("import-usage")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let collection = SpreadsheetImport.run(
            options(root, TestSites.fixtures + "/matriz-proyectos-utf8.csv", collection: "proyecto"))
        #expect(collection.diagnostics.map(\.code) == ["argument-collection-unknown"])
        #expect(collection.exitCode == 2)
        let missing = SpreadsheetImport.run(options(root, root + "/no-such.csv"))
        #expect(missing.diagnostics.map(\.code) == ["file-unreadable"])
        #expect(missing.exitCode == 2)
    }

    @Test func theCommandLineReportsRowsAndColumns() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("import-cli")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try csv(root, "titulo,estado\nUno,En pausa\n")
        let result = try TestSites.run(["import", "proyectos", file, "--root", root])
        #expect(result.status == 1)
        #expect(result.err.contains("error[enum-unknown]: `En pausa` is not a value of `estado`"))
        #expect(result.err.contains("--> \(file):2:2 (estado)"))
        // The only row failed: there are no other rows to offer --skip-invalid for.
        #expect(result.err.contains("nothing written: row 2 has errors (fix it)\n"))
        let two = try csv(root, "titulo,estado\nUno,En pausa\nDos,En marcha\n")
        let half = try TestSites.run(["import", "proyectos", two, "--root", root])
        #expect(
            half.err.contains(
                "nothing written: row 2 has errors (fix it, or use --skip-invalid to import the other rows)"))
        let fixture = TestSites.fixtures + "/matriz-proyectos-latin1.csv"
        let good = try TestSites.run(["import", "proyectos", fixture, "--root", root, "--skip-invalid"])
        #expect(good.status == 1, "\(good.err)")
        #expect(good.err.contains("error[entry-exists]: row 2 is already an entry"))
        #expect(good.err.contains("imported 7 entries into content/proyectos/; skipped row with errors: 2"))
        let twice = try TestSites.run(["import", "proyectos", fixture, "--root", root])
        #expect(twice.status == 1)
        // Every row is already imported (row 6 is blank): nothing else to import.
        #expect(twice.err.contains("nothing written: rows 2, 3, 4, 5, 7, 8, 9, 10 have errors (fix them)\n"))
        let build = try TestSites.run(["build", "--root", root, "--output", root + "/out"])
        #expect(build.status == 0, "\(build.err)")
    }
}

/// The paths a test writer was asked to write, in order.
final class Written: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    var paths: [String] { lock.withLock { list } }
    func add(_ path: String) { lock.withLock { list.append(path) } }
}

/// Cells to values: status words, partner names, dates and numbers as people type them.
@Suite struct CellConverterTests {
    static let partners = ReferenceIndex(
        collection: Collection(name: "socios", fields: []),
        candidates: [
            .init(id: "visa", title: "Visa", aliases: []),
            .init(id: "conquito", title: "ConQuito", aliases: []),
            .init(id: "sgsg", title: "Secretaría General de Seguridad y Gobernabilidad", aliases: ["SGSG"]),
            .init(id: "datil", title: "Dátil", aliases: []),
            .init(id: "agrupar-1", title: "AGRUPAR", aliases: []),
            .init(id: "agrupar-2", title: "Agrupar", aliases: []),
        ])

    @Test(arguments: [
        ("Visa, ConQuito y Dátil", ["visa", "conquito", "datil"]),
        ("Secretaría General de Seguridad y Gobernabilidad", ["Secretaría General de Seguridad y Gobernabilidad"]),
        ("sgsg; VISA\nconquito", ["sgsg", "VISA", "conquito"]),
        ("Fundación Futuro y Desarrollo, Visa", ["Fundación Futuro y Desarrollo", "Visa"]),
        ("Visa e Dátil", ["Visa", "Dátil"]),
        (" , Visa,, ", ["Visa"]),
    ])
    func partnerCellsSplitIntoKnownNames(cell: String, names: [String]) {
        let found = NameSplitter.names(in: cell, index: Self.partners)
        if names.first == "visa" {
            #expect(found.map { Self.partners.match($0) } == names.map { .entry($0) })
        } else {
            #expect(found == names)
        }
    }

    @Test(arguments: [
        ("Conqito", "did you mean `conquito` (ConQuito)?"),
        // The start of a title.
        ("Secretaría General", "did you mean `sgsg` (Secretaría General de Seguridad y Gobernabilidad)?"),
        // Some of a title's words, in any order.
        ("Secretaría de Seguridad", "did you mean `sgsg` (Secretaría General de Seguridad y Gobernabilidad)?"),
        (
            "Secretaría",
            "did you mean `sa` (Secretaría de Ambiente) or `sgsg` (Secretaría General de Seguridad y Gobernabilidad)?"
        ),
        ("Fundación Futuro", nil), ("Futuro", nil),
    ])
    func shortenedNamesSuggestTheEntriesThatHoldThem(name: String, hint: String?) {
        var candidates = Self.partners.titles.map { ReferenceIndex.Candidate(id: $0.key, title: $0.value, aliases: []) }
        candidates.append(.init(id: "sa", title: "Secretaría de Ambiente", aliases: []))
        let index = ReferenceIndex(collection: Collection(name: "socios", fields: []), candidates: candidates)
        #expect(index.suggestion(for: name) == hint)
    }

    @Test func anAmbiguousNameIsReported() {
        let converter = CellConverter(references: ["socios": Self.partners])
        let field = Field(name: "socios", type: .references(to: "socios"))
        let (value, problems) = converter.yaml(
            for: "Visa, agrupar", field: field, at: SourceLocation(file: "m.csv", line: 2, column: 3))
        #expect(value == "[visa]")
        #expect(problems.map(\.code) == ["ref-ambiguous"])
        #expect(problems.first?.message == "`agrupar` names several entries of `socios`: agrupar-1, agrupar-2")
    }

    @Test(arguments: [
        ("15/04/2022", "2022-04-15"), ("5/4/2022", "2022-04-05"), ("04/2022", "2022-04"), ("15.04.2022", "2022-04-15"),
        ("2022-04", "2022-04"), ("2022", "2022"), ("abril", "abril"),
    ])
    func datesAreReadDayFirst(cell: String, date: String) {
        #expect(CellConverter.date(cell) == date)
    }

    @Test func statusWordsMatchIDsAndLabels() {
        let set = EnumSet(values: [
            EnumValue(id: "en-marcha", label: "En marcha"), EnumValue(id: "no-iniciado", label: "Sin iniciar"),
        ])
        #expect(CellConverter.enumValue("EN MARCHA", in: set) == "en-marcha")
        #expect(CellConverter.enumValue("en-marcha", in: set) == "en-marcha")
        #expect(CellConverter.enumValue("sin iniciar", in: set) == "no-iniciado")
        #expect(CellConverter.enumValue("No iniciado", in: set) == "no-iniciado")
        #expect(CellConverter.enumValue("en pausa", in: set) == nil)
    }

    @Test func numbersAndYesNoWordsAreNormalised() {
        #expect(CellConverter.decimal("12,5") == "12.5")
        #expect(CellConverter.decimal("1.5") == "1.5")
        #expect(CellConverter.boolean("Sí") == "true")
        #expect(CellConverter.boolean("NO") == "false")
        #expect(CellConverter.boolean("quizá") == nil)
    }

    @Test(arguments: [
        ("Plan: fase 2", "\"Plan: fase 2\""), ("yes", "\"yes\""), ("Null", "\"Null\""), ("#1", "\"#1\""),
        ("Gestión de riesgos", "Gestión de riesgos"), ("dijo \"sí\"", "\"dijo \\\"sí\\\"\""), ("a\nb", "\"a\\nb\""),
        ("[x]", "\"[x]\""), ("2022-04", "2022-04"), ("- a", "\"- a\""),
    ])
    func yamlScalarsAreQuotedWhenNeeded(text: String, yaml: String) {
        #expect(YAMLText.scalar(text) == yaml)
    }
}
