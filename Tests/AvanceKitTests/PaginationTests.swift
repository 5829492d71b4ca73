import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// Listings split into pages (`paginate_by`): the test site with two entries a page, so that its
/// 6 projects take 3 pages, in Spanish (`proyectos/pagina/2/`) and English (`en/proyectos/page/2/`).
@Suite struct PaginationTests {
    /// The fixture with `paginate_by: 2`, built in memory; `socios` keeps one page (`paginate_by: 0`).
    static let result: BuildResult = {
        guard let root = try? ValidSite.copy("pagination") else { return BuildResult() }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/content/site.yaml"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try? text.replacingOccurrences(of: "\nenums:\n", with: "\npaginate_by: 2\nenums:\n")
            .replacingOccurrences(of: "  socios:\n", with: "  socios:\n    paginate_by: 0\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
        return Build.render(options)
    }()

    func page(_ path: String) throws -> String {
        let text = ValidSite.page(path, in: Self.result)
        return try #require(text, "no \(path)")
    }

    /// The entry pages a listing page links from its table, in order.
    func rows(_ html: String) -> [String] {
        let table = html.components(separatedBy: #"<table class="entries">"#).dropFirst().first ?? ""
        return table.components(separatedBy: "</table>")[0].components(separatedBy: #"<th scope="row"><a href=""#)
            .dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func theProjectsTakeThreePagesEachEntryOnExactlyOne() throws {
        #expect(!Self.result.diagnostics.hasErrors, "\(DiagnosticReport(Self.result.diagnostics).formatted(.text))")
        let paths = Set(Self.result.paths)
        let pages = ["proyectos/index.html"] + (2...3).map { "proyectos/pagina/\($0)/index.html" }
        let missing = pages.filter { !paths.contains($0) }
        #expect(missing.isEmpty, "\(missing)")
        // Page 1 is the listing itself: no `pagina/1/`, no fourth page.
        let extra = ["proyectos/pagina/1/index.html", "proyectos/pagina/4/index.html"].filter(paths.contains)
        #expect(extra.isEmpty, "\(extra)")
        // Every project once, two a page.
        func ids(_ path: String) throws -> [String] {
            rows(try page(path)).map { String($0.split(separator: "/").last ?? "") }
        }
        let perPage = try pages.map(ids)
        #expect(perPage.map(\.count) == [2, 2, 2])
        let all = perPage.flatMap { $0 }
        let projects = try FileManager.default.contentsOfDirectory(atPath: ValidSite.root + "/content/proyectos")
            .filter { !$0.hasSuffix(".en.md") }.map { String($0.dropLast(3)) }
        #expect(all.count == projects.count && Set(all) == Set(projects), "\(all)")
        // A collection that turns it off keeps one page.
        let socios = paths.filter { $0.hasPrefix("socios/pagina/") }
        #expect(socios.isEmpty, "\(socios)")
    }

    @Test func previousAndNextAreLinkedInTheHeadAndTheNavigation() throws {
        let first = try page("proyectos/index.html")
        #expect(first.contains(#"<link rel="canonical" href="https://example.org/plan/proyectos/">"#))
        #expect(!first.contains(#"rel="prev""#))
        #expect(first.contains(#"<link rel="next" href="pagina/2/">"#))
        #expect(first.contains(#"<title>Proyectos, página 1 de 3 · "#))
        let second = try page("proyectos/pagina/2/index.html")
        #expect(second.contains(#"<link rel="canonical" href="https://example.org/plan/proyectos/pagina/2/">"#))
        #expect(second.contains(#"<link rel="prev" href="../../">"#))
        #expect(second.contains(#"<link rel="next" href="../3/">"#))
        #expect(second.contains(#"<nav class="pagination" aria-label="Páginas de la lista">"#))
        #expect(second.contains(#"<span aria-current="page"><span class="visually-hidden">Página 2</span>"#))
        #expect(second.contains("Entradas 3 a 4 de 6"))
        #expect(second.contains(#"<span class="title-filter">· página 2 de 3</span>"#))
        let last = try page("proyectos/pagina/3/index.html")
        #expect(last.contains(#"<link rel="prev" href="../2/">"#))
        #expect(!last.contains(#"rel="next""#))
        // The charts of the whole collection are on its first page only; the filters on every page.
        #expect(second.contains(#"<nav class="filters""#))
    }

    @Test func groupPagesPaginateAndKeepTheirFilterCurrent() throws {
        let paths = Self.result.paths
        let grouped = paths.filter { $0.hasPrefix("proyectos/estado/") && $0.contains("/pagina/2/") }
        let path = try #require(grouped.first, "no group page with a second page")
        let html = try page(path)
        let value = path.split(separator: "/")[2]
        // The filter of its own value is current on its later pages too, and leads to its first page.
        #expect(html.contains(#"<a href="../../" aria-current="page">"#), "\(value)")
    }

    @Test func theEnglishPagesUseTheirOwnWordAndAlternatesMatch() throws {
        let paths = Set(Self.result.paths)
        let english = paths.contains("en/proyectos/page/2/index.html")
        #expect(english)
        let spanishWords = paths.filter { $0.hasPrefix("en/") && $0.contains("/pagina/") }
        #expect(spanishWords.isEmpty, "\(spanishWords)")
        let spanish = try page("proyectos/pagina/2/index.html")
        #expect(spanish.contains(#"hreflang="en" href="https://example.org/plan/en/proyectos/page/2/""#))
        let englishPage = try page("en/proyectos/page/2/index.html")
        #expect(englishPage.contains(#"hreflang="es" href="https://example.org/plan/proyectos/pagina/2/""#))
        #expect(englishPage.contains(#"aria-label="Pages of the list""#))
    }

    @Test func theSitemapListsEveryPage() throws {
        let sitemap = try page("sitemap.xml")
        for number in 2...3 {
            #expect(sitemap.contains("<loc>https://example.org/plan/proyectos/pagina/\(number)/</loc>"))
            #expect(sitemap.contains("<loc>https://example.org/plan/en/proyectos/page/\(number)/</loc>"))
        }
    }

    /// `avance check` follows every link of the paginated site: no page is missing or unreachable.
    @Test func passesCheck() throws {
        try #require(Repository.avance != nil, "build the avance product first")
        let root = try ValidSite.copy("pagination-check")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/content/site.yaml"
        try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\nenums:\n", with: "\npaginate_by: 2\nenums:\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (status, text) = try Repository.runAvance(["check", "--root", root])
        #expect(!text.contains("error["), "\(text)")
        #expect(status == 0 || text.contains("warning["), "\(text)")
    }
}
