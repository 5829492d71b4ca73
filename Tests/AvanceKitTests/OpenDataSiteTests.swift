import Foundation
import Testing

@testable import AvanceKit

/// The Quito site's open data says the same as its pages.
@Suite struct OpenDataSiteTests {
    static let result = Build.render(BuildOptions(root: Repository.root))

    func text(_ path: String) throws -> String {
        let file = try #require(Self.result.files.first { $0.path == path }, "no \(path)")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    func json(_ path: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text(path).utf8)) as? [String: Any])
    }

    @Test func rcnVisaIsTheSameInThePageTheJSONTheCSVAndTheFeeds() throws {
        let page = try text("proyectos/rcn-visa/index.html")
        let title = "Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)"
        #expect(page.contains("<h1>\(title)</h1>"))
        #expect(page.contains("En marcha"))

        let document = try json("api/v1/proyectos/rcn-visa.json")
        #expect(document["title"] as? String == title)
        #expect(document["url"] as? String == "https://example.org/resiliencia/proyectos/rcn-visa/")
        let fields = try #require(document["fields"] as? [String: Any])
        #expect((fields["estado"] as? [String: String]) == ["value": "en-marcha", "label": "En marcha"])
        let partners = try #require(fields["socios"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(partners == ["visa", "resilient-cities-network", "conquito", "paymovil", "datil"])
        for partner in partners { #expect(page.contains("../../socios/\(partner)/")) }

        // The body is the page's, byte for byte (its links relative to the page, as there).
        let body = try #require(document["body_html"] as? String)
        #expect(body.contains("<h2 id=\"resultados-esperados\">"))
        #expect(page.contains(body))

        let list = try json("api/v1/proyectos.json")
        let entries = try #require(list["entries"] as? [[String: Any]])
        let listed = try #require(entries.first { $0["id"] as? String == "rcn-visa" })
        #expect(listed["title"] as? String == title)
        #expect(listed["body_html"] as? String == body)

        let csv = try text("datos/proyectos.csv")
        let row = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix("rcn-visa,") })
        #expect(row.hasPrefix("rcn-visa,\(title),en-marcha,"))
        #expect(row.contains(",conquito,visa;resilient-cities-network;conquito;paymovil;datil,"))
        #expect(try text("datos/proyectos-historial.csv").contains("rcn-visa,1,2022-04,en-marcha,"))
        #expect(
            try text("datos/proyectos-socios.csv").contains(
                "rcn-visa,visa\r\nrcn-visa,resilient-cities-network\r\nrcn-visa,conquito\r\nrcn-visa,paymovil\r\nrcn-visa,datil\r\n"
            ))

        let feed = try json("feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        let item = try #require(items.first { ($0["url"] as? String)?.hasSuffix("/proyectos/rcn-visa/") == true })
        #expect(item["title"] as? String == "\(title): En marcha")
        #expect(item["date_published"] as? String == "2022-04-01T00:00:00Z")
        let atom = try text("feed.xml")
        #expect(atom.contains("<title>\(title): En marcha</title>"))
        #expect(atom.contains("<id>https://example.org/resiliencia/proyectos/rcn-visa/#historial-2022-04</id>"))
    }

    @Test func theCatalogListsEveryCollectionWithItsCounts() throws {
        let catalog = try json("api/v1/index.json")
        #expect(catalog["version"] as? String == "v1")
        #expect(catalog["content_date"] as? String == "2022-04")
        let collections = try #require(catalog["collections"] as? [[String: Any]])
        let counts = Dictionary(
            uniqueKeysWithValues: collections.map {
                ($0["name"] as! String, ($0["documented"] as! Int, $0["expected"] as? Int))
            })
        #expect(counts["proyectos"]?.0 == 2)
        #expect(counts["proyectos"]?.1 == 63)
        #expect(counts["hitos"]?.0 == 0)
        #expect(counts["hitos"]?.1 == 16)

        // The dashboards' figures: the April 2022 matrix of 63 projects, and the documented ones.
        let proyectos = try #require(collections.first { $0["name"] as? String == "proyectos" })
        let snapshot = try #require((proyectos["snapshots"] as? [[String: Any]])?.first)
        #expect(snapshot["date"] as? String == "2022-04")
        #expect(snapshot["total"] as? Int == 63)
        #expect((snapshot["source"] as? String)?.hasPrefix("Informe DMR, abril de 2022") == true)
        let published = try #require(snapshot["counts"] as? [[String: Any]])
        #expect(published.map { $0["value"] as? String } == ["no-iniciado", "en-marcha", "suspendido", "finalizado"])
        #expect(published.map { $0["count"] as? Int } == [13, 7, 35, 8])
        #expect(published.map { $0["label"] as? String } == ["No iniciado", "En marcha", "Suspendido", "Finalizado"])
        let status = try #require(proyectos["status"] as? [String: Any])
        #expect(status["total"] as? Int == 2)
        let documented = try #require(status["counts"] as? [[String: Any]])
        #expect(documented.map { $0["count"] as? Int } == [1, 1, 0, 0])
        let home = try text("index.html")
        #expect(home.contains("Suspendido: 35"))
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
        #expect(sitemap.contains("<loc>https://example.org/resiliencia/datos/</loc>"))
        #expect(try text("robots.txt").contains("Sitemap: https://example.org/resiliencia/sitemap.xml"))
    }

    @Test func theDataPageListsEveryDownloadAndThe404PageWorksAnywhere() throws {
        let data = try text("datos/index.html")
        for link in [
            "proyectos.csv", "proyectos-historial.csv", "proyectos-socios.csv", "../feed.json", "../feed.xml",
            "../api/v1/index.json", "datapackage.json", "../api/v1/schema/proyectos.json",
        ] {
            #expect(data.contains(#"href="\#(link)""#), "\(link)")
        }
        let notFound = try text("404.html")
        #expect(notFound.contains(#"href="/resiliencia/css/site.css""#))
        #expect(notFound.contains(#"href="/resiliencia/proyectos/""#))
    }
}
