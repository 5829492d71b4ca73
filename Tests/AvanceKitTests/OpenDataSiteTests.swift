import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// The test site's open data says the same as its pages.
@Suite struct OpenDataSiteTests {
    static let result = ValidSite.rendered

    func text(_ path: String) throws -> String {
        let file = try #require(Self.result.files.first { $0.path == path }, "no \(path)")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text(path).utf8)) as? [String: Any])
    }

    @Test func aProjectIsTheSameInThePageTheJSONTheCSVAndTheFeeds() throws {
        let page = try text("proyectos/huertos-comunitarios/index.html")
        let title = "Huertos comunitarios en terrenos baldíos"
        #expect(page.contains("<h1>\(title)</h1>"))
        #expect(page.contains("En marcha"))

        let document = try json("api/v1/proyectos/huertos-comunitarios.json")
        #expect(document["title"] as? String == title)
        #expect(document["url"] as? String == "https://example.org/plan/proyectos/huertos-comunitarios/")
        let fields = try #require(document["fields"] as? [String: Any])
        #expect((fields["estado"] as? [String: String]) == ["value": "en-marcha", "label": "En marcha"])
        let partners = try #require(fields["socios"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(partners == ["fundacion-semilla", "universidad-del-valle"])
        #expect(fields["avance"] as? Int == 40)
        #expect(fields["presupuesto"] as? Double == 1.25)
        #expect(fields["participativo"] as? Bool == true)
        #expect(fields["etiquetas"] as? [String] == ["huertos", "barrios"])
        #expect(
            (fields["historial"] as? [[String: Any]])?.compactMap { $0["fecha"] as? String } == [
                "2021-03", "2022-05-10", "2023-02",
            ])
        for partner in partners { #expect(page.contains("../../socios/\(partner)/")) }

        // The body is the page's, byte for byte (its links relative to the page, as there).
        let body = try #require(document["body_html"] as? String)
        #expect(body.contains("<h2 id=\"avances\">"))
        #expect(page.contains(body))

        let list = try json("api/v1/proyectos.json")
        let entries = try #require(list["entries"] as? [[String: Any]])
        let listed = try #require(entries.first { $0["id"] as? String == "huertos-comunitarios" })
        #expect(listed["title"] as? String == title)
        #expect(listed["body_html"] as? String == body)

        let csv = try text("datos/proyectos.csv")
        let row = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("huertos-comunitarios,") })
        #expect(
            row.hasPrefix(
                "huertos-comunitarios,\(title),en-marcha,ambiente,a01;a02,municipio-de-ejemplo,"
                    + "fundacion-semilla;universidad-del-valle,agua-segura;aire-limpio,1.25,40,2021-03,,"))
        #expect(
            try text("datos/proyectos-historial.csv").contains(
                "huertos-comunitarios,1,2021-03,no-iniciado,El municipio aprueba el proyecto.\r\n"
                    + "huertos-comunitarios,2,2022-05-10,en-marcha,Se siembra el primer huerto.\r\n"
                    + "huertos-comunitarios,3,2023-02,,Se suma un segundo terreno.\r\n"))
        #expect(
            try text("datos/proyectos-socios.csv").contains(
                "huertos-comunitarios,fundacion-semilla\r\nhuertos-comunitarios,universidad-del-valle\r\n"))

        let feed = try json("feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        // One item per dated record of the six projects' histories, and one per closed period
        // (2021 to 2024), dated the day it closed, and one per measured value of the goal
        // `agua-segura`'s indicator (2021, 2023), newest first.
        #expect(items.count == 10 + 4 + 2)
        #expect(items.first?["title"] as? String == "2024")
        #expect(items.first?["date_published"] as? String == "2025-01-01T00:00:00Z")
        #expect(items.dropFirst().first?["title"] as? String == "2023")
        #expect(items.dropFirst(2).first?["title"] as? String == "Portal de datos abiertos: Suspendido")
        let mine = items.filter { ($0["url"] as? String)?.hasSuffix("/proyectos/huertos-comunitarios/") == true }
        #expect(
            mine.map { $0["title"] as? String } == [
                "\(title): Historial", "\(title): En marcha", "\(title): No iniciado",
            ])
        #expect(
            mine.map { $0["date_published"] as? String } == [
                "2023-02-01T00:00:00Z", "2022-05-10T00:00:00Z", "2021-03-01T00:00:00Z",
            ])
        let atom = try text("feed.xml")
        #expect(atom.contains("<title>\(title): En marcha</title>"))
        #expect(
            atom.contains("<id>https://example.org/plan/proyectos/huertos-comunitarios/#historial-2022-05-10</id>"))
    }

    @Test func theCatalogListsEveryCollectionWithItsCounts() throws {
        let catalog = try json("api/v1/index.json")
        #expect(catalog["version"] as? String == "v1")
        #expect(catalog["content_date"] as? String == "2023-05")  // the newest history record
        let collections = try #require(catalog["collections"] as? [[String: Any]])
        let counts = Dictionary(
            uniqueKeysWithValues: collections.map {
                ($0["name"] as! String, ($0["documented"] as! Int, $0["expected"] as? Int))
            })
        #expect(
            collections.map { $0["name"] as? String } == [
                "ejes", "metas", "acciones", "proyectos", "socios", "paginas",
            ])
        #expect(counts["proyectos"]?.0 == 6)
        #expect(counts["proyectos"]?.1 == 10)
        #expect(counts["ejes"]?.0 == 3)
        #expect(counts["ejes"]?.1 == 4)
        #expect(counts["socios"]?.1 == nil)

        // The dashboards' figures: the two reports of 10 projects, and the documented ones.
        let proyectos = try #require(collections.first { $0["name"] as? String == "proyectos" })
        let snapshots = try #require(proyectos["snapshots"] as? [[String: Any]])
        #expect(snapshots.map { $0["date"] as? String } == ["2021-12", "2023-06"])
        let snapshot = try #require(snapshots.last)
        #expect(snapshot["total"] as? Int == 10)
        #expect(snapshot["source"] as? String == "Informe de prueba, junio de 2023, §4")
        let published = try #require(snapshot["counts"] as? [[String: Any]])
        #expect(published.map { $0["value"] as? String } == ["no-iniciado", "en-marcha", "suspendido", "finalizado"])
        #expect(published.map { $0["count"] as? Int } == [2, 4, 2, 2])
        #expect(published.map { $0["label"] as? String } == ["No iniciado", "En marcha", "Suspendido", "Finalizado"])
        let status = try #require(proyectos["status"] as? [String: Any])
        #expect(status["total"] as? Int == 6)
        let documented = try #require(status["counts"] as? [[String: Any]])
        #expect(documented.map { $0["count"] as? Int } == [1, 3, 1, 1])
        let home = try text("index.html")
        #expect(home.contains("Suspendido: 2"))
    }

    @Test func everyPageAnnouncesTheFeedsAndTheSitemapListsEveryPage() throws {
        let pages = Self.result.files.filter { $0.path.hasSuffix(".html") }
        for page in pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            #expect(html.contains(#"type="application/feed+json""#), "\(page.path)")
            #expect(html.contains(#"type="application/atom+xml""#), "\(page.path)")
        }
        let sitemap = try text("sitemap.xml")
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == pages.count - 1)  // all but 404.html
        #expect(sitemap.contains("<loc>https://example.org/plan/datos/</loc>"))
        #expect(try text("robots.txt").contains("Sitemap: https://example.org/plan/sitemap.xml"))
    }

    @Test func theDataPageListsEveryDownloadAndThe404PageWorksAnywhere() throws {
        let data = try text("datos/index.html")
        for link in [
            "proyectos.csv", "proyectos-historial.csv", "proyectos-socios.csv", "../feed.json", "../feed.xml",
            "../api/v2/index.json", "datapackage.json", "../api/v2/schema/proyectos.json", "../api/v2/proyectos.json",
        ] {
            #expect(data.contains(#"href="\#(link)""#), "\(link)")
        }
        let notFound = try text("404.html")
        #expect(notFound.contains(#"href="/plan/css/site.css""#))
        #expect(notFound.contains(#"href="/plan/proyectos/""#))
    }
}
