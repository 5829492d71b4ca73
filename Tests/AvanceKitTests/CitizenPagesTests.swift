import Foundation
import TestSupport
import Testing

/// Public pages speak to citizens (no file paths, sort keys or model words; sources that are
/// web addresses are links), and every figure leads to what it counts.
@Suite struct CitizenPagesTests {
    static let pages = ValidSite.rendered.files.filter { $0.path.hasSuffix(".html") }
        .map { (path: $0.path, html: String(decoding: $0.bytes, as: UTF8.self)) }

    func page(_ path: String) throws -> String {
        try #require(ValidSite.page(path), "no \(path)")
    }

    @Test func noPageShowsAFilePathOrAnInternalField() throws {
        for page in Self.pages {
            #expect(!page.html.contains("<code>content/"), "\(page.path)")
            #expect(!page.html.contains("Archivo fuente"), "\(page.path)")
            // `orden` is `internal: true`: no row of it on an entry, no column in a listing.
            #expect(!page.html.contains("field-orden"), "\(page.path)")
            #expect(!page.html.contains(#"<th scope="col">Orden</th>"#), "\(page.path)")
            #expect(!page.html.contains("colección y campo que enlaza"), "\(page.path)")
        }
    }

    @Test func aSourceThatIsAWebAddressIsALink() throws {
        let axis = try page("ejes/ambiente/index.html")
        #expect(axis.contains(#"href="https://example.org/plan-de-prueba""#))
        #expect(axis.contains(#"<li><span class="value">Plan de prueba (2020), cap. 1</span></li>"#))
    }

    @Test func statusFiguresLeadToTheEntriesTheyCount() throws {
        let index = try page("proyectos/index.html")
        #expect(index.contains(#"<th scope="row"><a href="estado/suspendido/">Suspendido</a></th>"#))
        #expect(index.contains(#"<a href="estado/suspendido/" tabindex="-1">Suspendido</a>"#))
        let home = try page("index.html")
        #expect(home.contains(#"<th scope="row"><a href="proyectos/estado/en-marcha/">En marcha</a></th>"#))
        // Acciones group by estado too; metas have no status chart.
        #expect(home.contains(#"<a href="acciones/estado/cumplida/">Cumplida</a>"#))
    }

    @Test func everyCountOnTheHomePageLeadsToItsEntries() throws {
        let home = try page("index.html")
        #expect(home.contains(#"<p class="coverage-text"><a href="proyectos/">6 de 10 entradas documentadas</a></p>"#))
        #expect(home.contains(#"<p class="coverage-text"><a href="socios/">5 entradas documentadas</a></p>"#))
    }

    @Test func thePublishedFigureSaysHowManyAreDocumentedNextToIt() throws {
        let home = try page("index.html")
        // The newest snapshot (June 2023) counts 4 «En marcha»; 3 projects here have that status.
        #expect(
            home.contains(
                #"<p class="headline-documented"><a href="proyectos/estado/en-marcha/">Según esa fuente, 4 figuraban como «En marcha»; en este sitio hay 3 proyectos documentados con ese estado.</a></p>"#
            ))
    }
}
