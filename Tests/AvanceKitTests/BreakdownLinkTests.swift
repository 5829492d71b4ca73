import Foundation
import TestSupport
import Testing

/// Every count in a breakdown table ("Acciones por estado, por eje") leads to the entries it
/// counts: a count links to the list of that status in the roll-up on the parent's page, which
/// lists exactly that many entries; a total links to the roll-up; a zero links nowhere.
@Suite struct BreakdownLinkTests {
    /// One cell of a breakdown table: its text and link, if any.
    struct Cell {
        var count: Int
        var href: String?
    }

    static let site = "https://example.test/"

    /// The rows of every breakdown table of a page: the parent's name and the cells after it.
    static func breakdownRows(in html: String) -> [(parent: String, cells: [Cell])] {
        html.components(separatedBy: #"<figure class="chart breakdown" id="breakdown-"#).dropFirst().flatMap { chunk in
            let table = chunk.components(separatedBy: "</figure>")[0]
            let body = table.components(separatedBy: "<tbody>").dropFirst().first ?? ""
            return body.matches(of: #/<tr><th scope="row">(?:<a [^>]*>)?([^<]*)(?:</a>)?</th>(.*?)</tr>/#).map { row in
                let cells = String(row.2).matches(of: #/<td>(?:<a href="([^"]*)">)?(\d+)(?:</a>)?</td>/#).map {
                    Cell(count: Int($0.2) ?? -1, href: $0.1.map(String.init))
                }
                return (String(row.1), cells)
            }
        }
    }

    /// The page a link leads to (its `index.html`) and the fragment, from the linking page's path.
    static func target(of href: String, from page: String) throws -> (path: String, fragment: String) {
        let url = try #require(URL(string: href, relativeTo: URL(string: site + page)))
        let absolute = url.absoluteString.components(separatedBy: "#")[0]
        let path = String(absolute.dropFirst(site.count)) + (absolute.hasSuffix("/") ? "index.html" : "")
        return (path, try #require(url.fragment))
    }

    /// How many entries the roll-up list with `id` shows, from its heading "En curso (2)" and from
    /// its items; or, in a roll-up's sentence, how many of the entries it names have that status
    /// (the first of them carries the anchor); `nil` when the page has no such list.
    static func listed(in html: String, id: String) -> (stated: Int, items: Int)? {
        let pattern = try! Regex(#"<p class="counted-group" id=""# + id + #"">[^<]*\((\d+)\)</p>\s*<ul>(.*?)</ul>"#)
        guard let match = html.firstMatch(of: pattern), let stated = match.output[1].substring,
            let items = match.output[2].substring
        else { return named(in: html, id: id).map { ($0, $0) } }
        return (Int(stated) ?? -1, items.components(separatedBy: "<li>").count - 1)
    }

    /// The sentence of the roll-up whose anchor is `figure` (`rollup-acciones`), if the page has one.
    static func sentence(in html: String, figure: String) -> String? {
        html.components(separatedBy: #"<div class="rollup-sentence" id=""# + figure + "\"><p>").dropFirst().first?
            .components(separatedBy: "</p>")[0]
    }

    /// In a roll-up's sentence, the entries named with the status whose anchor is `id`
    /// (`rollup-acciones-en-curso`), counted by their badges; `nil` unless the first of them
    /// carries the anchor.
    static func named(in html: String, id: String) -> Int? {
        for chunk in html.components(separatedBy: #"<div class="rollup-sentence" id=""#).dropFirst() {
            let figure = String(chunk.prefix { $0 != "\"" })
            guard id.hasPrefix(figure + "-"), let sentence = sentence(in: html, figure: figure) else { continue }
            let badge = #"<span class="badge badge-"# + id.dropFirst(figure.count + 1) + "\""
            let parts = sentence.components(separatedBy: #" id=""# + id + "\"")
            guard parts.count == 2, !parts[0].contains(badge) else { return nil }
            return sentence.components(separatedBy: badge).count - 1
        }
        return nil
    }

    @Test func everyCountLeadsToTheEntriesItCounts() throws {
        let pages = ValidSite.rendered.files.filter { $0.path.hasSuffix(".html") }
        var linked = 0
        for page in pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            for row in Self.breakdownRows(in: html) {
                #expect(!row.cells.isEmpty, "\(page.path) \(row.parent)")
                for (index, cell) in row.cells.enumerated() {
                    guard let href = cell.href else {
                        #expect(cell.count == 0, "\(page.path) \(row.parent): \(cell.count) without a link")
                        continue
                    }
                    #expect(cell.count > 0, "\(page.path) \(row.parent): a zero links to \(href)")
                    let (path, fragment) = try Self.target(of: href, from: page.path)
                    let target = try #require(ValidSite.page(path), "\(page.path): \(href) leads to no page")
                    if index == row.cells.count - 1, let sentence = Self.sentence(in: target, figure: fragment) {
                        // The total: a roll-up's sentence, which names that many entries.
                        #expect(
                            sentence.components(separatedBy: "<a href=").count - 1 == cell.count, "\(path)#\(fragment)")
                    } else if index == row.cells.count - 1 {
                        // The total: the roll-up figure, whose data table says the same total.
                        let figure = try #require(
                            target.components(separatedBy: #"<figure class="status chart" id="\#(fragment)">"#)
                                .dropFirst().first, "\(path) has no roll-up #\(fragment)")
                        #expect(
                            figure.contains("<th scope=\"row\">Total</th><td>\(cell.count)</td>"), "\(path)#\(fragment)"
                        )
                    } else {
                        let list = try #require(
                            Self.listed(in: target, id: fragment), "\(path) has no list #\(fragment)")
                        #expect(list.stated == cell.count, "\(page.path) \(row.parent) → \(path)#\(fragment)")
                        #expect(list.items == cell.count, "\(page.path) \(row.parent) → \(path)#\(fragment)")
                    }
                    linked += 1
                }
            }
        }
        // The fixture's actions and projects by axis, in Spanish and English.
        #expect(linked >= 12)
    }

    @Test func theCoverageChartsDocumentedCountsLeadToTheirListings() throws {
        let home = try #require(ValidSite.page("index.html"))
        let coverage = try #require(
            home.components(separatedBy: #"<figure class="chart breakdown" id="coverage">"#).dropFirst().first?
                .components(separatedBy: "</figure>").first)
        // Ejes: 3 documented of 4; each documented count links to its collection's listing.
        #expect(
            coverage.contains(
                #"<th scope="row"><a href="ejes/">Ejes</a></th><td><a href="ejes/">3</a></td><td>1</td><td>4</td>"#))
        #expect(coverage.matches(of: #/<td><a href="[a-z]+/">\d+</a></td>/#).count == 4)
    }

    @Test func aDocumentedCountLeadsToItsGroupPageAndAPublishedOneDoesNot() throws {
        let home = try #require(ValidSite.page("index.html"))
        // Documented projects by status: 3 en marcha, linked to the page that lists those 3.
        #expect(
            home.contains(
                #"<a href="proyectos/estado/en-marcha/">En marcha</a></th><td><a href="proyectos/estado/en-marcha/">3</a></td>"#
            ))
        let group = try #require(ValidSite.page("proyectos/estado/en-marcha/index.html"))
        let listing = try #require(group.components(separatedBy: #"<table class="entries">"#).dropFirst().first)
        #expect(
            listing.components(separatedBy: "</table>")[0].components(separatedBy: "<tr><th scope=\"row\">").count - 1
                == 3)
        // The June 2023 report's 4 en marcha: the value links to the documented ones, the count
        // (the source's) does not.
        #expect(home.contains(#"<a href="proyectos/estado/en-marcha/">En marcha</a></th><td>4</td>"#))
        // The same in the drawn bars: the documented 3 links, the published 4 does not.
        #expect(
            home.contains(#"<span class="chart-row-total"><a href="proyectos/estado/en-marcha/" tabindex="-1">3</a>"#))
        #expect(home.contains(#"<span class="chart-row-total">4</span>"#))
        #expect(!home.contains(#"tabindex="-1">4</a>"#))
    }

    @Test func aPeriodsSourcesAreLinks() throws {
        let page = try #require(ValidSite.page("periodos/2023/index.html"))
        let sources = try #require(page.components(separatedBy: #"<section class="period-sources""#).dropFirst().first)
        let links = sources.components(separatedBy: "</section>")[0].matches(of: #/<a href="(https://[^"]+)">\1</a>/#)
        // The site's dated history and the period's JSON, written out and linked.
        #expect(links.map { String($0.1) }.contains { $0.hasSuffix("/api/v2/periodos/2023.json") })
        #expect(links.count == 2)
    }

    @Test func theRollupsBarsLeadToTheirListsOnTheSamePage() throws {
        let html = try #require(ValidSite.page("socios/municipio-de-ejemplo/index.html"))
        // Municipio de ejemplo: three projects en marcha, one suspendido, none finalizado.
        #expect(html.contains(##"<a href="#rollup-proyectos-en-marcha" tabindex="-1">En marcha</a>"##))
        #expect(!html.contains("#rollup-proyectos-finalizado"))
        let list = try #require(Self.listed(in: html, id: "rollup-proyectos-en-marcha"))
        #expect(list.stated == 3 && list.items == 3)
        let row =
            ##"<a href="#rollup-proyectos-en-marcha">En marcha</a></th><td><a href="#rollup-proyectos-en-marcha">3</a></td>"##
        #expect(html.contains(row))
    }

    @Test func aRollupsSentenceHoldsTheAnchorsOfItsStatuses() throws {
        let html = try #require(ValidSite.page("ejes/ambiente/index.html"))
        // Ambiente sano: a01 En curso, a02 Planificada, named in a sentence.
        #expect(Self.named(in: html, id: "rollup-acciones-en-curso") == 1)
        #expect(Self.named(in: html, id: "rollup-acciones-planificada") == 1)
        #expect(Self.named(in: html, id: "rollup-acciones-cumplida") == nil)
        // Its two projects are en marcha: one anchor, two badges.
        #expect(Self.named(in: html, id: "rollup-proyectos-en-marcha") == 2)
    }
}
