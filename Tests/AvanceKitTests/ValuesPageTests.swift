import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// Values pages (`proyectos/estado/`) and filters that stop listing a field's values above
/// `filter_limit`: the test site with `filter_limit: 2` on its projects (estado has 4 values,
/// ejecutor and socios 3: over the limit; eje 2: at it, still inline) and two entries or values a
/// page (`paginate_by: 2`), in Spanish and English.
@Suite struct ValuesPageTests {
    /// Rewrites the fixture's `site.yaml` in `root`: `paginate_by: 2`, `filter_limit: 2` on projects.
    static func limit(_ root: String) throws {
        let path = root + "/content/site.yaml"
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\nenums:\n", with: "\npaginate_by: 2\nenums:\n")
            .replacingOccurrences(
                of: "    group_by: [estado, eje, ejecutor, socios]\n",
                with: "    group_by: [estado, eje, ejecutor, socios]\n    filter_limit: 2\n"
            )
            .write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let result: BuildResult = {
        guard let root = try? ValidSite.copy("values-pages"), (try? limit(root)) != nil else { return BuildResult() }
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
        return Build.render(options)
    }()

    func page(_ path: String) throws -> String {
        try #require(ValidSite.page(path, in: Self.result), "no \(path)")
    }

    /// The filter of `label` on a page: the text of its `<div class="filter">`.
    func filter(_ label: String, in html: String) -> String? {
        html.components(separatedBy: #"<div class="filter">"#).dropFirst()
            .map { $0.components(separatedBy: "</div>")[0] }
            .first { $0.contains(#"<span class="filter-label">\#(label):</span>"#) }
    }

    /// The values a page's values table lists: (link, name, count).
    func values(_ html: String) -> [(url: String, title: String, count: Int)] {
        let table = html.components(separatedBy: #"<table class="entries values">"#).dropFirst().first ?? ""
        return table.components(separatedBy: "</table>")[0].components(separatedBy: #"<th scope="row"><a href=""#)
            .dropFirst().map { row in
                let url = String(row.prefix { $0 != "\"" })
                let title = row.components(separatedBy: "\">")[1].components(separatedBy: "</a>")[0]
                let count = row.components(separatedBy: #"<td data-label="Entradas">"#)[1].prefix { $0 != "<" }
                return (url, title, Int(count) ?? -1)
            }
    }

    /// How many entries a listing shows over all its pages.
    func entries(listing: String) throws -> Int {
        let pages = Self.result.paths.filter {
            $0 == listing + "index.html"
                || ($0.hasPrefix(listing + "pagina/")
                    && $0.split(separator: "/").count == listing.split(separator: "/").count + 3)
        }
        return try pages.map { path in
            let table = try page(path).components(separatedBy: #"<table class="entries">"#).dropFirst().first ?? ""
            return table.components(separatedBy: "</table>")[0].components(separatedBy: #"<th scope="row">"#).count - 1
        }.reduce(0, +)
    }

    @Test func everyGroupByFieldHasAValuesPageInEachLanguage() throws {
        #expect(!Self.result.diagnostics.hasErrors, "\(DiagnosticReport(Self.result.diagnostics).formatted(.text))")
        let paths = Set(Self.result.paths)
        let expected = [
            "proyectos/estado/", "proyectos/eje/", "proyectos/ejecutor/", "proyectos/socios/", "acciones/estado/",
            "acciones/eje/", "metas/dimension/", "socios/tipo/",
        ].flatMap { [$0 + "index.html", "en/" + $0 + "index.html"] }
        let missing = expected.filter { !paths.contains($0) }
        #expect(missing.isEmpty, "\(missing)")
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/plan/proyectos/estado/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/plan/en/proyectos/estado/page/2/</loc>"))
    }

    @Test func aFieldOverTheLimitShowsTheCurrentValueAndLinksItsValuesPage() throws {
        let index = try page("proyectos/index.html")
        let estado = try #require(filter("Estado", in: index))
        // No value inline on the index: only the link to the values page, named for what it lists.
        #expect(!estado.contains("filter-count"), "\(estado)")
        #expect(
            estado.contains(#"<li><a class="filter-more" href="estado/">Los 4 valores de Estado</a></li>"#), "\(estado)"
        )
        // A field at the limit keeps its values inline.
        let eje = try #require(filter("Eje", in: index))
        #expect(eje.components(separatedBy: "filter-count").count - 1 == 2, "\(eje)")
        #expect(!eje.contains("filter-more"), "\(eje)")
        // On a group page of the field: its own value, current, and the link; no other value.
        let group = try page("proyectos/estado/en-marcha/index.html")
        let own = try #require(filter("Estado", in: group))
        #expect(
            own.contains(#"<a href="./" aria-current="page">En marcha <span class="filter-count">(3)</span></a>"#),
            "\(own)")
        #expect(own.components(separatedBy: "filter-count").count - 1 == 1, "\(own)")
        #expect(own.contains(#"<a class="filter-more" href="../">Los 4 valores de Estado</a>"#), "\(own)")
        // Its breadcrumb leads to the collection and to the values page.
        #expect(
            group.contains(
                #"<ol><li><a href="../../../">Inicio</a></li><li><a href="../../">Proyectos</a></li><li><a href="../">Estado</a></li></ol>"#
            ))
        // On a later page of a group page the link still leads to the values page.
        let later = try page("proyectos/estado/en-marcha/pagina/2/index.html")
        #expect(later.contains(#"<a class="filter-more" href="../../../">Los 4 valores de Estado</a>"#))
        // Another field over the limit, on that page: no value, the link.
        let ejecutor = try #require(filter("Ejecutor", in: group))
        #expect(!ejecutor.contains("filter-count") && ejecutor.contains(#"href="../../ejecutor/""#), "\(ejecutor)")
        // Other collections keep the site's default limit (30): every value inline.
        let socios = try #require(filter("Tipo", in: try page("socios/index.html")))
        #expect(!socios.contains("filter-more") && socios.components(separatedBy: "filter-count").count - 1 == 4)
    }

    @Test func theValuesPageListsEveryValueWithTheCountsOfTheGroupPages() throws {
        for field in ["estado", "eje", "ejecutor", "socios"] {
            let folder = "proyectos/\(field)/"
            let first = try page(folder + "index.html")
            var listed = values(first)
            if Self.result.paths.contains(folder + "pagina/2/index.html") {
                listed += values(try page(folder + "pagina/2/index.html")).map {
                    ("../../" + $0.url, $0.title, $0.count)
                }
            }
            let groups = Set(
                Self.result.paths.filter { $0.hasPrefix(folder) && $0.split(separator: "/").count == 4 }
                    .map { String($0.split(separator: "/")[2]) }
            ).subtracting(["pagina"])
            let ids: [String] = listed.map { String($0.url.dropLast().split(separator: "/").last ?? "") }
            #expect(Set(ids) == groups, "\(field): \(listed)")
            for (id, value) in zip(ids, listed) {
                let shown = try entries(listing: folder + id + "/")
                #expect(shown == value.count, "\(field) \(id)")
            }
        }
        // The values page names the field, links back to every entry and says what it lists.
        let estado = try page("proyectos/estado/index.html")
        #expect(estado.contains(#"<title>Proyectos — Estado, página 1 de 2 · "#))
        #expect(estado.contains(#"<th scope="col">Estado</th><th scope="col">Entradas</th>"#))
        #expect(estado.contains("Los 4 valores de «Estado», cada uno con el número de entradas"))
        #expect(estado.contains(#"<a class="filter-more" href="./" aria-current="page">Los 4 valores de Estado</a>"#))
        #expect(estado.contains(#"<ol><li><a href="../../">Inicio</a></li><li><a href="../">Proyectos</a></li></ol>"#))
        // The index has no breadcrumb.
        #expect(!(try page("proyectos/index.html")).contains(#"class="breadcrumb""#))
    }

    @Test func theValuesPageIsSplitIntoPages() throws {
        let first = try page("proyectos/estado/index.html")
        #expect(first.contains(#"<link rel="next" href="pagina/2/">"#))
        #expect(first.contains("Valores 1 a 2 de 4"))
        #expect(values(first).map(\.url) == ["no-iniciado/", "en-marcha/"])
        let second = try page("proyectos/estado/pagina/2/index.html")
        #expect(second.contains(#"<link rel="prev" href="../../">"#))
        #expect(!second.contains(#"rel="next""#))
        #expect(values(second).map(\.url) == ["../../suspendido/", "../../finalizado/"])
        #expect(!Self.result.paths.contains("proyectos/estado/pagina/3/index.html"))
        let english = try page("en/proyectos/estado/page/2/index.html")
        #expect(english.contains("Values 3 to 4 of 4"))
        #expect(try page("en/proyectos/index.html").contains(">All 4 values of "))
    }

    /// `avance check` follows every link: values pages, their pages, the filters' links to them.
    @Test func passesCheck() throws {
        try #require(Repository.avance != nil, "build the avance product first")
        let root = try ValidSite.copy("values-pages-check")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.limit(root)
        let (status, text) = try Repository.runAvance(["check", "--root", root])
        #expect(!text.contains("error["), "\(text)")
        #expect(status == 0 || text.contains("warning["), "\(text)")
    }
}
