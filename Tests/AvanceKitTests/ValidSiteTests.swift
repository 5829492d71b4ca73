import Diagnostics
import Foundation
import Search
import SiteData
import TestSupport
import Testing

@testable import AvanceKit

/// The test site (`Tests/Fixtures/valid-site`), built with the real theme: every figure below
/// can be read in its files.
@Suite struct ValidSitePageTests {
    static let result = ValidSite.rendered

    func page(_ path: String) throws -> String {
        try #require(ValidSite.page(path), "no \(path)")
    }

    /// Its two warnings: `portal-de-datos` says `en-marcha` while its newest record (2023-05) says
    /// `suspendido`, and a made-up town has a placeholder address (`example.org`).
    @Test func buildsWithOnlyTheWarningsOfItsDisagreeingStatusAndPlaceholderAddress() {
        let report = DiagnosticReport(Self.result.diagnostics).formatted(.text)
        #expect(
            Self.result.diagnostics.map(\.code).sorted() == ["base-url-placeholder", "status-disagrees"], "\(report)")
        #expect(
            Self.result.diagnostics.first { $0.code == "status-disagrees" }?.location?.description
                == "content/proyectos/portal-de-datos.md:3:9")
        #expect(Self.result.exitCode == 0)
    }

    @Test func hasOnePagePerEntryCollectionAndGroupPlusHome() throws {
        let site = try #require(Self.result.site)
        #expect(site.model.collections.map(\.name) == ["ejes", "metas", "acciones", "proyectos", "socios", "paginas"])
        #expect(site.model.collections.map { site.entries(of: $0.name).count } == [3, 3, 3, 6, 5, 2])
        let pages = Self.result.files.map(\.path).filter { $0.hasSuffix("index.html") && !$0.hasPrefix("en/") }
        // The home page, 6 collection indexes, 22 entries, the open-data, search and last-changes
        // pages, and one page per group: acciones by estado (3) and eje (2 axes named), metas by
        // dimension (2), proyectos by estado (4), eje (2), ejecutor (3) and socios (3), socios by tipo (4),
        // and the late proyectos (past `planned_end`); the index of reporting periods and one page
        // per year from 2021 to 2025 (open on the reference date, 1 January 2025); and the values
        // page of each grouping (8: acciones/estado/, acciones/eje/, metas/dimension/, the four of
        // proyectos, socios/tipo/).
        #expect(pages.count == 1 + 6 + 22 + 3 + (3 + 2) + 2 + (4 + 2 + 3 + 3) + 4 + 1 + (1 + 5) + 8)
        #expect(pages.count == 70)
        for path in [
            "proyectos/estado/suspendido/index.html", "proyectos/ejecutor/cooperativa-luz/index.html",
            "socios/tipo/privado/index.html", "acciones/eje/movilidad/index.html",
            "metas/dimension/gobierno/index.html",
        ] {
            #expect(pages.contains(path), "\(path)")
        }
        #expect(!pages.contains("acciones/eje/gobierno/index.html"))  // no action names that axis
        // The English site has the same pages under en/; then the 404 page, CSS, data and feeds.
        #expect(Self.result.files.filter { $0.path.hasPrefix("en/") && $0.path.hasSuffix("index.html") }.count == 70)
        #expect(Self.result.files.filter { $0.path.hasSuffix(".html") }.count == 141)
        // And each language's search index: its manifest, one file per entry, and its shards, one
        // per first letter or digit of its words (25 in Spanish, 26 in English).
        let search = Self.result.files.filter {
            $0.path.hasPrefix("search-index/") || $0.path.hasPrefix("en/search-index/")
        }
        #expect(search.count == 2 * (1 + 22) + 25 + 26)
        // 258: also the theme's favicon (SVG and PNG) and Open Graph image, the periods' open
        // data (their list, 5 documents, 2 schemas and a CSV), the 42 documents of `/api/v2/`
        // beside those of `/api/v1/` (`api_v1: true`): catalog and its schema, a list and two
        // schemas per collection, a document per entry; and the two CSVs of the goal
        // `agua-segura`'s indicator (all of `metas`, and its own).
        #expect(Self.result.files.count == 258 + search.count)
        #expect(Self.result.files.contains { $0.path == "404.html" })
        #expect(Self.result.files.contains { $0.path == "css/site.css" })
    }

    @Test func entriesAreInTheirDeclaredOrder() throws {
        let site = try #require(Self.result.site)
        #expect(site.entries(of: "ejes").map(\.id) == ["ambiente", "movilidad", "gobierno"])  // by orden
        #expect(
            site.entries(of: "proyectos").map(\.id) == [  // by inicio, then the one without
                "alumbrado-eficiente", "huertos-comunitarios", "red-de-ciclovias", "parque-lineal", "portal-de-datos",
                "mercado-de-barrio",
            ])
        // By dimension, then title.
        #expect(site.entries(of: "metas").map(\.id) == ["agua-segura", "aire-limpio", "datos-abiertos"])
    }

    @Test func theProjectPageShowsEveryKindOfField() throws {
        let html = try page("proyectos/huertos-comunitarios/index.html")
        #expect(html.contains("<h1>Huertos comunitarios en terrenos baldíos</h1>"))
        for link in [
            "../../socios/municipio-de-ejemplo/", "../../socios/fundacion-semilla/",
            "../../socios/universidad-del-valle/",
            "../../metas/agua-segura/", "../../metas/aire-limpio/", "../../acciones/a01/", "../../acciones/a02/",
            "../../ejes/ambiente/",
        ] {
            #expect(html.contains(#"href="\#(link)""#), "\(link)")
        }
        for text in [
            "En marcha", "1.25", "40\u{A0}%", "marzo de 2021", "https://example.org/huertos", "<em>los vecinos</em>",
            "huertos", "Informe de prueba, junio de 2023, §4",
            #"<time datetime="2022-05-10">10 de mayo de 2022</time>"#,
            #"<time datetime="2023-02">febrero de 2023</time>"#,
        ] {
            #expect(html.contains(text), "\(text)")
        }
    }

    @Test func aPartnerListsTheProjectsThatNameItAndAPartOfItsParent() throws {
        let html = try page("socios/municipio-de-ejemplo/index.html")
        #expect(html.contains("Proyectos — Ejecutor"))
        #expect(html.contains("Proyectos — Socios"))
        for project in ["huertos-comunitarios", "red-de-ciclovias", "portal-de-datos", "parque-lineal"] {
            #expect(html.contains(#"href="../../proyectos/\#(project)/""#), "\(project)")
        }
        #expect(html.contains(#"href="../empresa-de-aguas/""#))  // depende_de, seen from the parent
        let water = try page("socios/empresa-de-aguas/index.html")
        #expect(water.contains(#"href="../municipio-de-ejemplo/""#))
    }

    @Test func indexesAndHomeSayHowMuchIsDocumented() throws {
        #expect(try page("proyectos/index.html").contains("6 de 10 entradas documentadas"))
        #expect(try page("ejes/index.html").contains("3 de 4 entradas documentadas"))
        let home = try page("index.html")
        for text in [
            "3 de 4 entradas documentadas", "3 de 3 entradas documentadas", "3 de 5 entradas documentadas",
            "6 de 10 entradas documentadas",
        ] {
            #expect(home.contains(text), "\(text)")
        }
    }

    @Test func aParentWithNothingBelowItShowsAZeroRollUpInWords() throws {
        let html = try page("ejes/gobierno/index.html")
        #expect(html.contains("Todavía no hay acciones ni proyectos de este eje."))  // its body
        #expect(
            html.contains(
                "Ninguna de las 6 entradas documentadas en Proyectos depende todavía de esta entrada (eje)."))
        #expect(
            html.contains(
                "Ninguna de las 3 entradas documentadas en Acciones depende todavía de esta entrada (eje)."))
    }

    @Test func anEmptyGroupPageSaysNoneOfTheDocumentedEntriesHasTheValue() throws {
        let html = try page("socios/tipo/privado/index.html")
        #expect(
            html.contains("Ninguna de las 5 entradas documentadas en este sitio tiene «Tipo: Privado»."))
        let suspended = try page("proyectos/estado/suspendido/index.html")
        #expect(suspended.contains(#"<p class="lead filter-description">La ejecución del proyecto se detuvo.</p>"#))
        #expect(suspended.contains(#"href="../../red-de-ciclovias/""#))
        #expect(!suspended.contains(#"href="../../portal-de-datos/""#))  // its history says so, its status does not
    }

    @Test func everyInternalLinkOfEveryPageResolvesToAFile() throws {
        let paths = Set(Self.result.files.map(\.path))
        // 404.html links from the site's base path, since servers show it at any URL.
        for file in Self.result.files where file.path.hasSuffix(".html") && file.path != "404.html" {
            let html = String(decoding: file.bytes, as: UTF8.self)
            let folder = file.path.split(separator: "/").dropLast().map(String.init)
            for link in Self.links(in: html) where !link.contains(":") && !link.hasPrefix("#") {
                var parts = folder
                for part in link.split(separator: "#")[0].split(separator: "/") {
                    if part == ".." { parts.removeLast() } else if part != "." { parts.append(String(part)) }
                }
                var target = parts.joined(separator: "/")
                if link.split(separator: "#")[0].hasSuffix("/") || target.isEmpty {
                    target += target.isEmpty ? "index.html" : "/index.html"
                }
                #expect(paths.contains(target), "\(file.path) links to \(link)")
            }
        }
    }

    /// The `href` and `src` values of a page (the link checker does this properly).
    static func links(in html: String) -> [String] {
        var links: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                if let end = rest.firstIndex(of: "\"") { links.append(String(rest[..<end])) }
            }
        }
        return links
    }
}

/// The dashboard answers "how is the plan going?": what is documented, what the two reports of
/// the fixture published, and how each chart is backed by text and a table.
@Suite struct ValidSiteDashboardTests {
    static let home = ValidSite.page("index.html") ?? ""

    @Test func bothSnapshotsAreShownDatedAndSourced() {
        for text in [
            "Cartera de proyectos de diciembre de 2021", "(diciembre de 2021)",
            "Informe de prueba, diciembre de 2021, §2",
            "Cartera de proyectos de junio de 2023", "(junio de 2023)", "Informe de prueba, junio de 2023, §4",
        ] {
            #expect(Self.home.contains(text), "\(text)")
        }
        for row in [
            // Each value links to the page of the projects documented with it.
            "<a href=\"proyectos/estado/no-iniciado/\">No iniciado</a></th><td>6</td>",
            "<a href=\"proyectos/estado/suspendido/\">Suspendido</a></th><td>2</td>",
            "<a href=\"proyectos/estado/finalizado/\">Finalizado</a></th><td>2</td>",
            "<a href=\"proyectos/estado/en-marcha/\">En marcha</a></th><td>4</td>",
        ] {
            #expect(Self.home.contains(row), "\(row)")
        }
        #expect(Self.home.contains("Total: 10."))
    }

    @Test func theHomePageLeadsWithTheNewestSnapshotInOneSentence() throws {
        let lead = try #require(Self.home.range(of: #"<p class="headline">"#))
        let panorama = try #require(Self.home.range(of: #"id="Panorama""#))
        #expect(lead.lowerBound < panorama.lowerBound)
        #expect(
            Self.home.contains(
                "<p class=\"headline\">En junio de 2023, 4 de 10 proyectos (40\u{A0}%) figuraban como «En marcha»; "
                    + "2 «No iniciado», 2 «Suspendido» y 2 «Finalizado».</p>"))
        // The charts of the entries documented here say they are not the whole.
        #expect(Self.home.contains("Solo las entradas documentadas en este sitio: 6 de 10."))
        #expect(Self.home.contains("Solo las entradas documentadas en este sitio: 3 de 5."))
    }

    @Test func everyChartHasASummaryAndADataTable() {
        let charts = Self.home.components(separatedBy: "<div class=\"chart-bars\"").count - 1
        // With the last closed period's chart, which leads the page.
        #expect(charts == 8)
        #expect(Self.home.components(separatedBy: "class=\"chart-summary\"").count - 1 == charts)
        #expect(Self.home.components(separatedBy: "<details class=\"chart-data\">").count - 1 == charts)
        #expect(Self.home.contains("Ejes: 3 / 4"))
        #expect(Self.home.contains("Proyectos: 6 / 10"))
    }

    @Test func theLastClosedPeriodLeadsTheHomePageAndSaysWhatIsCarried() throws {
        let home = Self.home
        let period = try #require(home.range(of: "El último periodo cerrado: 2024"))
        let snapshot = try #require(home.range(of: "La última cifra publicada"))
        #expect(period.lowerBound < snapshot.lowerBound)
        // No project has a record in 2024: each status at its end comes from an earlier record.
        #expect(
            home.contains(
                "De las 5 entradas con estado al cierre, 5 no tienen ningún registro dentro del periodo: "
                    + "su estado viene de un registro anterior."))
        #expect(home.contains(#"<a href="periodos/2024/">Ver el informe completo del periodo</a>"#))
        // In 2023, the project finished and the one suspended are its changes, beside 2022.
        let page = try #require(ValidSite.page("periodos/2023/index.html"))
        #expect(page.contains("<strong>Terminó</strong>: de «En marcha» a «Finalizado»"))
        #expect(page.contains("<strong>Se suspendió</strong>: de «En marcha» a «Suspendido»"))
        #expect(page.contains("<tr><th scope=\"row\">En marcha</th><td>4</td><td>2</td><td>−2</td></tr>"))
    }
}

/// The English site under `/en/`: translated words, `hreflang` both ways, and an honest note
/// where the text is still Spanish.
@Suite struct ValidSiteEnglishTests {
    func page(_ path: String) throws -> String {
        try #require(ValidSite.page(path), "no \(path)")
    }

    @Test func pagesLinkToEachOtherWithHreflang() throws {
        for path in [
            "proyectos/huertos-comunitarios/index.html", "index.html", "proyectos/estado/en-marcha/index.html",
        ] {
            for html in [try page(path), try page("en/" + path)] {
                let url = "https://example.org/plan/" + path.replacingOccurrences(of: "index.html", with: "")
                let english = "https://example.org/plan/en/" + path.replacingOccurrences(of: "index.html", with: "")
                #expect(html.contains(#"<link rel="alternate" hreflang="es" href="\#(url)">"#), "\(path)")
                #expect(html.contains(#"<link rel="alternate" hreflang="en" href="\#(english)">"#), "\(path)")
            }
        }
        #expect(try page("en/index.html").contains(#"<html lang="en">"#))
    }

    @Test func spanishTextLeftOnEnglishPagesIsMarkedAsSpanish() throws {
        let home = try page("en/index.html")
        // The first snapshot is translated, the second is not.
        #expect(home.contains(#"<span class="chart-title">Project portfolio, December 2021</span>"#))
        #expect(home.contains(#"<span class="chart-title" lang="es">Cartera de proyectos de junio de 2023</span>"#))
        #expect(home.contains(#"<a href="paginas/metodologia/" lang="es">Metodología</a>"#))
        #expect(try page("en/proyectos/parque-lineal/index.html").contains(#"<h1 lang="es">Parque lineal del río"#))
        let gardens = try page("en/proyectos/huertos-comunitarios/index.html")
        #expect(gardens.contains(#"<p lang="es">"#))  // the history notes, not translated
    }

    @Test func eachLanguageHasItsOwnSearchIndex() throws {
        #expect(try page("en/search-index/index.json").contains(#""version": 2"#))
        let english = (0..<22).compactMap { ValidSite.page("en/search-index/entries/\($0).json") }
        let spanish = (0..<22).compactMap { ValidSite.page("search-index/entries/\($0).json") }
        #expect(english.count == 22 && spanish.count == 22)
        #expect(english.contains { $0.contains(#""title": "Community gardens on vacant lots""#) })
        // Every entry but the translated one is still in Spanish.
        #expect(english.filter { $0.contains(#""lang": "es""#) }.count == 21)
        #expect(!spanish.contains { $0.contains(#""lang""#) })
        #expect(try page("en/search/index.html").contains(#"data-search-index="../search-index/index.json""#))
    }

    /// Field values are searchable (issue 14): a status label finds the entries with that status,
    /// in each language's words.
    @Test func statusLabelsFindTheirEntries() throws {
        for (prefix, label) in [("", "suspendido"), ("en/", "suspended")] {
            let number = try #require(
                (0..<22).first {
                    ValidSite.page(prefix + "search-index/entries/\($0).json")?
                        .contains(#""url": "proyectos/red-de-ciclovias/""#) == true
                })
            // The shard of "s" (73 in hexadecimal): the label's term, its entries by place.
            let shard = try page(prefix + "search-index/terms/73.json")
            let line = try #require(shard.split(separator: "\n").first { $0.hasPrefix("\"\(label)\":") })
            let lists = line.split(separator: "[")[1].split(separator: "]")[0].split(
                separator: ",", omittingEmptySubsequences: false)
            let fields = try #require(Postings.decode(Array(lists[1].dropFirst().dropLast().utf8)))
            #expect(fields.contains(number), "\(prefix)\(label): \(line)")
        }
    }

    @Test func translatedEntriesUseTheirTranslationAndOthersSaySoInEnglish() throws {
        let project = try page("en/proyectos/huertos-comunitarios/index.html")
        #expect(project.contains("<h1>Community gardens on vacant lots</h1>"))
        #expect(project.contains("In progress"))
        #expect(project.contains("<em>the residents</em>"))
        #expect(project.contains(#"href="../../socios/municipio-de-ejemplo/""#))
        #expect(!project.contains("fallback-note"))
        let axis = try page("en/ejes/gobierno/index.html")
        #expect(axis.contains(#"<p class="fallback-note">This text has not been translated yet"#))
        #expect(axis.contains(#"<div class="body" lang="es">"#))
        #expect(try page("en/proyectos/index.html").contains("<h1>Projects"))
        // Spanish text links to Spanish pages, whose anchors exist (the English page has others).
        let goal = try page("en/metas/agua-segura/index.html")
        #expect(goal.contains(#"href="../../../proyectos/huertos-comunitarios/""#))
    }
}
