import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// The URLs of the built-in pages are words of each language, from `site.yaml` and the theme's
/// i18n (`paths:`), never from Swift: the test site (Spanish, with `site.en.yaml`) has `datos/`
/// and `en/data/`, and a collection cannot take one of those folders.
@Suite struct PathWordsTests {
    static let result = ValidSite.rendered
    /// The Spanish words of the built-in pages (the theme's `es.yaml`).
    static let spanish = ["datos", "buscar", "actualizaciones", "periodos", "pagina"]

    func page(_ path: String, in result: BuildResult = result) throws -> String {
        try #require(ValidSite.page(path, in: result), "no \(path)")
    }

    @Test func theEnglishPagesHaveNoSpanishPath() throws {
        let english = Self.result.files.map(\.path).filter { $0.hasPrefix("en/") }
        #expect(english.count > 50)
        for path in english {
            let segments = path.split(separator: "/").map(String.init)
            #expect(Self.spanish.allSatisfy { !segments.contains($0) }, "\(path)")
        }
        for path in ["en/data/index.html", "en/search/index.html", "en/updates/index.html"] {
            #expect(english.contains(path), "\(path)")
        }
        // The Spanish pages keep their words.
        let paths = Set(Self.result.paths)
        for path in ["datos/index.html", "buscar/index.html", "actualizaciones/index.html"] {
            #expect(paths.contains(path), "\(path)")
        }
    }

    @Test func everyLinkToABuiltInPageUsesItsLanguagesWord() throws {
        let spanishData = try page("datos/index.html")
        let englishData = try page("en/data/index.html")
        // Each page names the other as its alternate, in its own words.
        #expect(spanishData.contains(#"<link rel="alternate" hreflang="en" href="https://example.org/plan/en/data/">"#))
        #expect(englishData.contains(#"<link rel="alternate" hreflang="es" href="https://example.org/plan/datos/">"#))
        #expect(englishData.contains(#"<link rel="canonical" href="https://example.org/plan/en/data/">"#))
        // The English menu, footer and search form lead to English pages.
        let home = try page("en/index.html")
        #expect(home.contains(#"href="data/""#))
        #expect(home.contains(#"href="updates/""#))
        #expect(home.contains(#"action="search/""#))
        #expect(!home.contains(#"href="datos/""#) && !home.contains("buscar/") && !home.contains("actualizaciones/"))
        // The search page finds its language's index.
        #expect(try page("en/search/index.html").contains(#"data-search-index="../search-index/index.json""#))
        // The data files are one data set, under the site's own language's word, for every language.
        #expect(englishData.contains(#"href="../../datos/proyectos.csv""#))
        #expect(Self.result.paths.contains("datos/proyectos.csv"))
        #expect(!Self.result.paths.contains { $0.hasPrefix("en/datos/") || $0.hasPrefix("data/") })
        let sitemap = try page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/plan/en/data/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/plan/en/search/</loc>"))
        #expect(!sitemap.contains("/en/datos/") && !sitemap.contains("/en/buscar/"))
        let catalog = try page("api/v2/index.json")
        #expect(catalog.contains(#""datapackage": "https://example.org/plan/datos/datapackage.json""#))
    }

    @Test func siteYAMLSetsTheWordsOfEachLanguage() throws {
        let root = try ValidSite.copy("paths-setting")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root + "/content/site.yaml") {
            $0.replacingOccurrences(of: "\nenums:\n", with: "\npaths: {data: abiertos}\nenums:\n")
        }
        try edit(root + "/content/site.en.yaml") { "paths: {search: find, updates: changes}\n" + $0 }
        let result = Build.render(BuildOptions(root: root))
        #expect(!result.diagnostics.hasErrors, "\(DiagnosticReport(result.diagnostics).formatted(.text))")
        let paths = Set(result.paths)
        for path in [
            "abiertos/index.html", "abiertos/proyectos.csv", "abiertos/datapackage.json", "buscar/index.html",
            "en/data/index.html", "en/find/index.html", "en/changes/index.html",
        ] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("datos/index.html") && !paths.contains("en/search/index.html"))
        #expect(try page("en/data/index.html", in: result).contains(#"href="../../abiertos/proyectos.csv""#))
    }

    /// The theme is read once per build, and its strings give the pages' words; when the theme
    /// cannot be used (a template that does not parse), the words still come from its i18n files,
    /// so a collection at `datos/` is still refused.
    @Test func aBrokenThemeStillGivesTheWordsOfItsPages() throws {
        let root = try ValidSite.copy("paths-broken-theme")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root + "/content/site.yaml") {
            $0.replacingOccurrences(of: "\n  metas:\n", with: "\n  metas:\n    path: datos\n")
        }
        try edit(root + "/theme/templates/home.mustache") { $0 + "{{#unclosed}}" }
        let result = Build.render(BuildOptions(root: root))
        #expect(
            result.diagnostics.filter { $0.code == "path-reserved" }.map(\.message) == [
                "the collection `metas` would be at `datos/`, which is the open-data page"
            ])
    }

    @Test(arguments: [
        // A collection's path that is a built-in page of the site's language, of a translation's,
        // or a translation's folder.
        ("    path: datos\n", 53, 11, "the collection `metas` would be at `datos/`, which is the open-data page"),
        (
            "    path: updates\n", 53, 11,
            "the collection `metas` would be at `en/updates/`, which is the page of last changes"
        ),
        ("    path: en\n", 53, 11, "the collection `metas` would be at `en/`, the folder of the `en` pages"),
    ])
    func aCollectionPathThatIsABuiltInPageStopsTheBuildAtItsLine(
        setting: String, line: Int, column: Int, message: String
    ) throws {
        let root = try ValidSite.copy("paths-reserved")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root + "/content/site.yaml") {
            $0.replacingOccurrences(of: "\n  metas:\n", with: "\n  metas:\n" + setting)
        }
        let result = Build.build(BuildOptions(root: root))
        let reserved = result.diagnostics.filter { $0.code == "path-reserved" }
        #expect(reserved.count == 1)
        #expect(reserved.first?.message == message)
        #expect(reserved.first?.location?.file == "content/site.yaml")
        #expect(reserved.first?.location?.line == line)
        #expect(reserved.first?.location?.column == column)
        #expect(reserved.first?.hint?.contains("give `metas` a `path:` of its own in `site.yaml`") == true)
        #expect(result.exitCode == 1)
        #expect(!result.wrote)
        #expect(!FileManager.default.fileExists(atPath: root + "/public"))
    }

    @Test func aCollectionNamedLikeAThemeWordNamesTheSettingToChange() throws {
        let root = try ValidSite.copy("paths-reserved-name")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A collection called `buscar`, without a `path:`: reported at its name.
        try edit(root + "/content/site.yaml") {
            $0.replacingOccurrences(of: "\ncollections:\n", with: "\ncollections:\n  buscar:\n    fields: {}\n")
        }
        let result = Build.render(BuildOptions(root: root))
        let reserved = try #require(result.diagnostics.first { $0.code == "path-reserved" })
        #expect(reserved.message == "the collection `buscar` would be at `buscar/`, which is the search page")
        #expect(reserved.location?.line == 41)
        #expect(reserved.location?.column == 3)
        #expect(
            reserved.hint
                == "give `buscar` a `path:` of its own in `site.yaml`, or set `paths: search` in `content/site.yaml` "
                + "(its word now comes from `theme/i18n/es.yaml`)")
    }

    @Test func twoPagesWithOneWordAreReportedAtTheSetting() throws {
        let root = try ValidSite.copy("paths-twice")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root + "/content/site.en.yaml") { "paths: {updates: data}\n" + $0 }
        let result = Build.render(BuildOptions(root: root))
        let reserved = try #require(result.diagnostics.first { $0.code == "path-reserved" })
        #expect(reserved.message == "the page of last changes and the open-data page would share `en/data/`")
        #expect(reserved.location == SourceLocation(file: "content/site.en.yaml", line: 1, column: 18, length: 4))
    }

    @Test(arguments: [
        (
            "paths: {data: en}", "path-reserved", 15,
            "the open-data page would be at `en/`, the folder of the `en` pages"
        ),
        ("paths: {dta: datos}", "model-unknown-key", 9, "unknown `paths` setting `dta`"),
        ("paths: {data: Datos}", "model-invalid", 15, "invalid `paths: data` word `Datos`"),
    ])
    func aWrongPathsSettingIsReportedWhereItIs(setting: String, code: String, column: Int, message: String) throws {
        let root = try ValidSite.copy("paths-wrong")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root + "/content/site.yaml") {
            $0.replacingOccurrences(of: "\nenums:\n", with: "\n\(setting)\nenums:\n")
        }
        let result = Build.render(BuildOptions(root: root))
        let problem = try #require(result.diagnostics.first { $0.code == code })
        #expect(problem.message == message)
        #expect(problem.location?.file == "content/site.yaml")
        #expect(problem.location?.line == 19)
        #expect(problem.location?.column == column)
        #expect(result.exitCode == 1)
        if code == "model-unknown-key" { #expect(problem.hint == "did you mean `data`?") }
    }

    @Test func aThemeWordThatIsNoFolderIsReported() throws {
        let root = try ValidSite.copy("paths-theme")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try edit(root + "/theme/i18n/en.yaml") {
            $0.replacingOccurrences(of: "  search: search\n", with: "  search: Búsqueda\n")
        }
        let result = Build.render(BuildOptions(root: root))
        let problem = try #require(result.diagnostics.first { $0.code == "i18n-path-invalid" })
        #expect(problem.message == "the theme's `paths: search` word `Búsqueda` is not a URL folder")
        #expect(problem.location?.file == "theme/i18n/en.yaml")
        #expect(result.exitCode == 1)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        #expect(try Repository.edit(path, change), "the edit of \(path) changes nothing")
    }
}
