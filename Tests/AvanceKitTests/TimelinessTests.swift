import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// Data dates, reasons and deadlines on the test site: `red-de-ciclovias` suspended with its
/// note, `parque-lineal` past its planned end (`fin_previsto: 2022-12`), `alumbrado-eficiente`
/// finished, `portal-de-datos` whose status disagrees with its newest record. The site's
/// reference date is 2025-01-01 (`ValidSite.referenceEpoch`), so `parque-lineal` is late.
@Suite struct TimelinessTests {
    func page(_ path: String) throws -> String {
        try #require(ValidSite.page(path), "no \(path)")
    }

    /// A copy of the fixture with `file` replaced by `text`, rendered at 2025-01-01.
    func render(changing file: String, to text: String) throws -> BuildResult {
        let root = try ValidSite.copy("timeliness")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try text.write(toFile: root + "/" + file, atomically: true, encoding: .utf8)
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": "1735689600"]
        return Build.render(options)
    }

    @Test func aHistoryItemMovingToSuspendedWithoutANoteIsAnErrorAtItsLine() throws {
        let result = try render(
            changing: "content/proyectos/red-de-ciclovias.md",
            to: """
                ---
                titulo: Red de ciclovías entre barrios
                estado: suspendido
                historial:
                  - fecha: 2021-06
                    estado: en-marcha
                    nota: Empiezan las obras.
                  - fecha: 2022-06
                    estado: suspendido
                ---

                """)
        #expect(result.exitCode == 1)
        let problem = try #require(result.diagnostics.first { $0.code == "note-missing" })
        #expect(problem.severity == .error)
        #expect(problem.location?.description == "content/proyectos/red-de-ciclovias.md:9:13")
        #expect(problem.hint == "add `nota: …` to this record, saying why")
        // One error, not a second one for the entry: its record is there, only its note is missing.
        #expect(result.diagnostics.filter { $0.code == "note-missing" }.count == 1)
    }

    @Test func anEntryMovingToSuspendedWithNoRecordOfItIsAnErrorAtItsStatus() throws {
        let result = try render(
            changing: "content/proyectos/mercado-de-barrio.md",
            to: "---\ntitulo: Mercado de barrio\nestado: suspendido\n---\n")
        #expect(result.exitCode == 1)
        let problem = try #require(result.diagnostics.first { $0.code == "note-missing" })
        #expect(problem.location?.description == "content/proyectos/mercado-de-barrio.md:3:9")
        #expect(problem.hint == "add to `historial` a dated record with `estado: suspendido` and `nota: …` saying why")
    }

    @Test func theLateEntryIsLateOnItsPageItsListingsAndTheHomePage() throws {
        let late = try page("proyectos/parque-lineal/index.html")
        #expect(late.contains(#"<strong class="late-badge">Atrasado: el fin previsto era diciembre de 2022</strong>"#))
        // Finished after its planned end would not matter: a final status is never late.
        #expect(!(try page("proyectos/alumbrado-eficiente/index.html")).contains("late-badge"))
        // Listed as late in the index, and alone on the page of late entries.
        let index = try page("proyectos/index.html")
        #expect(index.components(separatedBy: #"<strong class="late-badge">Atrasado</strong>"#).count - 1 == 1)
        #expect(index.contains(#"<a href="fin_previsto/">Atrasados"#))
        let listing = try page("proyectos/fin_previsto/index.html")
        #expect(listing.contains(#"<a href="../parque-lineal/">Parque lineal del río</a>"#))
        for other in ["huertos-comunitarios", "alumbrado-eficiente", "red-de-ciclovias", "portal-de-datos"] {
            #expect(!listing.contains("../\(other)/"), "\(other)")
        }
        // Counted on the home page, the figure leading to the list.
        #expect(try page("index.html").contains(#"<a href="proyectos/fin_previsto/">1 entrada atrasada</a>"#))
    }

    @Test func pagesShowTheirDataDateAndTheirEditDateApart() throws {
        let project = try page("proyectos/parque-lineal/index.html")
        #expect(project.contains(#"<p class="data-date">Datos al: <time datetime="2021-09">septiembre de 2021</time>"#))
        #expect(project.contains(#"<p class="updated"><small>"#))
        #expect(
            project.contains(
                #"href="https://example.org/villa-ejemplo/plan/blob/main/content/proyectos/parque-lineal.md""#))
        // No file path in the page's text any more.
        #expect(!project.contains("Archivo fuente"))
        // An axis has no dated record: no data date, never stale.
        let axis = try page("ejes/ambiente/index.html")
        #expect(axis.contains(#"<p class="data-date">Sin registros fechados</p>"#))
        #expect(!axis.contains("stale-badge"))
    }

    @Test func theUpdatesPageListsStaleEntriesFirstByDataDate() throws {
        let updates = try page("actualizaciones/index.html")
        let order = ["Alumbrado", "Parque lineal", "Huertos", "Portal de datos", "Ambiente"].map {
            updates.range(of: $0)?.lowerBound
        }
        // Every project's data is older than a year at the reference date: the oldest first
        // (alumbrado 2023-03 is newer than parque 2021-09, so parque comes first); axes, with no
        // data date, last.
        let parque = try #require(order[1])
        let huertos = try #require(order[2])
        let axis = try #require(order[4])
        #expect(parque < huertos && huertos < axis)
    }

    @Test func theAPIAndTheCSVCarryBothDates() throws {
        let json = try page("api/v1/proyectos/parque-lineal.json")
        #expect(json.contains(#""data_date":"2021-09""#) || json.contains(#""data_date": "2021-09""#))
        #expect(json.contains(#""late":true"#) || json.contains(#""late": true"#))
        let csv = try page("datos/proyectos.csv")
        #expect(csv.hasPrefix("id,") && csv.split(separator: "\r\n").first?.hasSuffix(",data_date,file_edited") == true)
    }
}
