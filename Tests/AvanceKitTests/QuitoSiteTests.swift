import Diagnostics
import Foundation
import SiteData
import Testing

@testable import AvanceKit

/// The real Quito site in `content/`, built with the real theme.
@Suite struct QuitoSiteTests {
    static let result = Build.render(BuildOptions(root: Repository.root))

    func page(_ path: String) throws -> String {
        let file = try #require(Self.result.files.first { $0.path == path }, "no \(path)")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    /// Its only warnings are what the office has yet to declare: the licence of the data and the
    /// site's real address (no source gives them, so none is invented).
    @Test func buildsWithOnlyTheWarningsOfWhatIsNotDeclaredYet() {
        #expect(
            Self.result.diagnostics.map(\.code) == ["license-missing", "base-url-placeholder"],
            "\(DiagnosticReport(Self.result.diagnostics).formatted(.text))")
        #expect(Self.result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(Self.result.diagnostics.last?.location?.description == "content/site.yaml:7:11")
        #expect(Self.result.exitCode == 0)
    }

    @Test func hasOnePagePerEntryAndCollectionPlusHome() throws {
        let site = try #require(Self.result.site)
        let counts = site.model.collections.map { ($0.name, site.entries(of: $0.name).count) }
        #expect(counts.map(\.0) == ["ejes", "hitos", "acciones", "proyectos", "socios", "resultados", "paginas"])
        #expect(site.entries(of: "ejes").count == 5)
        #expect(site.entries(of: "hitos").isEmpty)
        #expect(site.entries(of: "acciones").isEmpty)
        #expect(site.entries(of: "proyectos").count == 2)
        #expect(site.entries(of: "resultados").count == 6)
        #expect(site.entries(of: "paginas").map(\.id) == ["la-estrategia", "metodologia"])
        let entries = counts.reduce(0) { $0 + $1.1 }
        let pages = Self.result.files.filter { $0.path.hasSuffix("index.html") && !$0.path.hasPrefix("en/") }
        // One page per value of each group-by field: enum values, and entries referred to.
        let groups = site.model.collections.reduce(0) { total, collection in
            total
                + collection.groupBy.compactMap(collection.field).reduce(0) { sum, field in
                    switch field.type {
                    case .enumeration(let set): sum + set.values.count
                    default:
                        sum
                            + Set(
                                site.entries(of: collection.name).flatMap { $0.fields[field.name]?.referencedIDs ?? [] }
                            ).count
                    }
                }
        }
        #expect(groups == (4 + 3 + 3) + (4 + 1 + 8) + 6 + 4)
        // The home page, one index per collection, one page per entry, the open-data, search and
        // last-changes pages, and the group-by pages.
        #expect(pages.count == 1 + counts.count + entries + 3 + groups)
        #expect(Self.result.files.contains { $0.path == "proyectos/estado/suspendido/index.html" })
        // The English site has the same pages under en/.
        let english = Self.result.files.filter { $0.path.hasPrefix("en/") && $0.path.hasSuffix("index.html") }
        #expect(english.count == pages.count)
        #expect(Self.result.files.contains { $0.path == "socios/tipo/privado/index.html" })
        #expect(Self.result.files.contains { $0.path == "404.html" })
        #expect(Self.result.files.contains { $0.path == "css/site.css" })
    }

    @Test func axesAreInTheirDeclaredOrder() throws {
        let site = try #require(Self.result.site)
        #expect(
            site.entries(of: "ejes").map(\.title) == [
                "Ciudadanía empoderada e inclusiva", "Ambiente sostenible y robusto", "Ciudad compacta e integrada",
                "Economía sólida y recursiva", "Territorio seguro y reflexivo",
            ])
    }

    @Test func theProjectPageLinksToItsPartnersAndGoals() throws {
        let html = try page("proyectos/rcn-visa/index.html")
        for partner in ["visa", "resilient-cities-network", "conquito", "paymovil", "datil"] {
            #expect(html.contains(#"href="../../socios/\#(partner)/""#), "\(partner)")
        }
        #expect(html.contains(#"href="../../resultados/asegura-la-salud-publica/""#))
        #expect(html.contains("En marcha"))
        #expect(html.contains(#"<time datetime="2022-04">abril de 2022</time>"#))
    }

    @Test func aPartnerListsTheProjectsThatNameIt() throws {
        let html = try page("socios/conquito/index.html")
        #expect(html.contains("Proyectos — Ejecutor"))
        #expect(html.contains("Proyectos — Socios"))
        #expect(html.contains(#"href="../../proyectos/rcn-visa/""#))
    }

    /// How many projects the content documents today: the figures below follow it as staff add
    /// projects.
    static var documentedProjects: Int { result.site?.entries(of: "proyectos").count ?? -1 }

    @Test func indexesAndHomeSayHowMuchIsDocumented() throws {
        let projects = Self.documentedProjects
        #expect(try page("proyectos/index.html").contains("\(projects) de 63 entradas documentadas"))
        #expect(try page("hitos/index.html").contains("0 de 16 entradas documentadas"))
        #expect(try page("ejes/index.html").contains("5 de 5 entradas documentadas"))
        let home = try page("index.html")
        for text in [
            "\(projects) de 63 entradas documentadas", "0 de 16 entradas documentadas", "0 de 64 entradas documentadas",
            "6 de 12 entradas documentadas",
        ] {
            #expect(home.contains(text), "\(text)")
        }
    }

    @Test func aParentWithNothingBelowItShowsAZeroRollUpInWords() throws {
        let html = try page("ejes/ciudad-compacta-e-integrada/index.html")
        #expect(html.contains("Todavía no hay entradas documentadas de esta colección."))
        #expect(
            html.contains(
                "Ninguna de las \(Self.documentedProjects) entradas documentadas de esta colección depende todavía de esta entrada (eje)."
            ))
    }

    @Test func anEmptyGroupPageSaysNoneOfTheDocumentedEntriesHasTheValue() throws {
        let html = try page("proyectos/estado/suspendido/index.html")
        #expect(
            html.contains(
                "Ninguna de las \(Self.documentedProjects) entradas documentadas en este sitio tiene «Estado: Suspendido»."
            ))
        #expect(html.contains(#"<p class="lead filter-description">La ejecución del proyecto se detuvo.</p>"#))
        #expect(!html.contains("Todavía no hay entradas documentadas"))
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

    /// The `href` and `src` values of a page (the link checker of a later issue does this properly).
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

/// The dashboard answers "how is the strategy going?": what is documented, what the office
/// published in April 2022, and how each chart is backed by text and a table.
@Suite struct QuitoDashboardTests {
    static let home: String = {
        let result = Build.render(BuildOptions(root: Repository.root))
        return result.files.first { $0.path == "index.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }()

    @Test func theAprilSnapshotIsShownDatedAndSourced() {
        #expect(Self.home.contains("Matriz de proyectos de la Dirección Metropolitana de Resiliencia"))
        #expect(Self.home.contains("(abril de 2022)"))
        #expect(Self.home.contains("Informe DMR, abril de 2022, §3.2"))
        for row in [
            "<th scope=\"row\">Suspendido</th><td>35</td>", "<th scope=\"row\">No iniciado</th><td>13</td>",
            "<th scope=\"row\">Finalizado</th><td>8</td>", "<th scope=\"row\">En marcha</th><td>7</td>",
        ] {
            #expect(Self.home.contains(row), "\(row)")
        }
        #expect(Self.home.contains("Total: 63."))
    }

    @Test func theHomePageLeadsWithTheSnapshotInOneSentence() throws {
        let lead = try #require(Self.home.range(of: #"<p class="headline">"#))
        let panorama = try #require(Self.home.range(of: #"id="Panorama""#))
        #expect(lead.lowerBound < panorama.lowerBound)
        #expect(
            Self.home.contains(
                "<p class=\"headline\">En abril de 2022, 35 de 63 proyectos (56\u{A0}%) figuraban como «Suspendido»; "
                    + "13 «No iniciado», 8 «Finalizado» y 7 «En marcha».</p>"))
        // The chart of the projects documented here says it is not the whole.
        let projects = QuitoSiteTests.documentedProjects
        #expect(Self.home.contains("Solo las entradas documentadas en este sitio: \(projects) de 63."))
    }

    @Test func everyChartHasASummaryAndADataTable() {
        let charts = Self.home.components(separatedBy: "<div class=\"chart-bars\"").count - 1
        #expect(charts >= 3)
        #expect(Self.home.components(separatedBy: "class=\"chart-summary\"").count - 1 == charts)
        #expect(Self.home.components(separatedBy: "<details class=\"chart-data\">").count - 1 == charts)
        #expect(Self.home.contains("Hitos estratégicos: 0 / 16"))
    }
}

/// The English site under `/en/`: translated words, `hreflang` both ways, and an honest note
/// where the text is still Spanish.
@Suite struct EnglishSiteTests {
    static let result = Build.render(BuildOptions(root: Repository.root))

    func page(_ path: String) throws -> String {
        let file = try #require(Self.result.files.first { $0.path == path }, "no \(path)")
        return String(decoding: file.bytes, as: UTF8.self)
    }

    @Test func pagesLinkToEachOtherWithHreflang() throws {
        for path in ["proyectos/rcn-visa/index.html", "index.html", "proyectos/estado/en-marcha/index.html"] {
            for html in [try page(path), try page("en/" + path)] {
                let url = "https://example.org/resiliencia/" + path.replacingOccurrences(of: "index.html", with: "")
                let english =
                    "https://example.org/resiliencia/en/" + path.replacingOccurrences(of: "index.html", with: "")
                #expect(html.contains(#"<link rel="alternate" hreflang="es" href="\#(url)">"#), "\(path)")
                #expect(html.contains(#"<link rel="alternate" hreflang="en" href="\#(english)">"#), "\(path)")
            }
        }
        #expect(try page("en/index.html").contains(#"<html lang="en">"#))
    }

    @Test func spanishTextLeftOnEnglishPagesIsMarkedAsSpanish() throws {
        let home = try page("en/index.html")
        #expect(
            home.contains(
                "<span class=\"chart-title\">Matrix of projects of the Metropolitan Resilience Directorate</span>"))
        // Every link of the English home page is English: the axes and the two pages are translated.
        #expect(home.contains(#"<a href="paginas/metodologia/">Methodology</a>"#))
        // The one element in Spanish is the link to the Spanish site.
        #expect(home.components(separatedBy: #" lang="es">"#).count - 1 == 1)
        #expect(home.contains(#"<a href="../" hreflang="es" lang="es">Español</a>"#))
        let partner = try page("en/socios/conquito/index.html")
        #expect(partner.contains(#"<h1 lang="es">ConQuito"#))
        let visa = try page("en/proyectos/rcn-visa/index.html")
        #expect(visa.contains(#"<p lang="es">"#))  // the history notes, not translated
        #expect(visa.contains(#"<span class="value" lang="es"><a href="../../socios/conquito/">ConQuito</a></span>"#))
    }

    @Test func eachLanguageHasItsOwnSearchIndex() throws {
        let english = try page("en/search-index.json")
        #expect(english.contains(#""title": "Resilient Cities Shaping a Digital World (RCN-Visa)""#))
        #expect(english.contains(#""lang": "es""#))
        #expect(!(try page("search-index.json")).contains(#""lang""#))
        #expect(try page("en/buscar/index.html").contains(#"data-search-index="../search-index.json""#))
    }

    @Test func translatedEntriesUseTheirTranslationAndOthersSaySoInEnglish() throws {
        let project = try page("en/proyectos/rcn-visa/index.html")
        #expect(project.contains("<h1>Resilient Cities Shaping a Digital World (RCN-Visa)</h1>"))
        #expect(project.contains("In progress"))
        #expect(project.contains(#"href="../../socios/conquito/""#))
        #expect(!project.contains("fallback-note"))
        let axis = try page("en/ejes/ciudad-compacta-e-integrada/index.html")
        #expect(axis.contains("<h1>Compact and integrated city</h1>"))
        #expect(!axis.contains("fallback-note"))
        let partner = try page("en/socios/secretaria-de-ambiente/index.html")
        #expect(partner.contains(#"<p class="fallback-note">This text has not been translated yet"#))
        #expect(partner.contains(#"<div class="body" lang="es">"#))
        #expect(try page("en/proyectos/index.html").contains("<h1>Projects"))
        // A translated text links to the English pages.
        let goal = try page("en/resultados/asegura-la-salud-publica/index.html")
        #expect(goal.contains(#"href="../../proyectos/rcn-visa/""#))
        #expect(
            try page("en/resultados/asegura-la-salud-publica/index.html").contains(
                "<h1>Ensures public health services</h1>"))
    }
}
