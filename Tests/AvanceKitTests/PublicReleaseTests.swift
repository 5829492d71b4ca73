import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// What a public release shows on every page: the favicon, the Open Graph and Twitter card meta
/// a link preview is made from, and the licence of the data (the test site declares CC0-1.0).
@Suite struct PublicReleaseTests {
    static let pages = ValidSite.rendered.files.filter { $0.path.hasSuffix(".html") }.map {
        (path: $0.path, html: String(decoding: $0.bytes, as: UTF8.self))
    }

    /// The value of `<meta property="…">` or `<link rel="…">` on a page.
    static func attribute(_ html: String, _ pattern: String) -> String? {
        guard let range = html.range(of: pattern, options: .regularExpression) else { return nil }
        return String(html[range])
    }

    @Test func everyPageHasTheFaviconAndTheMetaOfALinkPreview() throws {
        #expect(Self.pages.count > 100)
        for (path, html) in Self.pages {
            let canonical = try #require(
                Self.attribute(html, #"<link rel="canonical" href="[^"]*">"#), "\(path)"
            ).dropFirst(#"<link rel="canonical" href=""#.count).dropLast(2)
            #expect(html.contains(#"<meta property="og:url" content="\#(canonical)">"#), "\(path)")
            #expect(html.contains(#"<meta property="og:image" content="https://example.org/plan/img/og-image.png">"#))
            #expect(html.contains(#"<meta name="twitter:card" content="summary">"#), "\(path)")
            #expect(Self.attribute(html, #"<meta property="og:title" content="[^"]+">"#) != nil, "\(path)")
            #expect(Self.attribute(html, #"<meta property="og:description" content="[^"]+">"#) != nil, "\(path)")
            #expect(html.contains(#"img/favicon.svg" type="image/svg+xml">"#), "\(path)")
            #expect(html.contains(#"img/favicon.png" type="image/png" sizes="32x32">"#), "\(path)")
        }
        let paths = Set(ValidSite.rendered.files.map(\.path))
        #expect(paths.isSuperset(of: ["img/favicon.svg", "img/favicon.png", "img/og-image.png"]))
        let project = try #require(ValidSite.page("proyectos/huertos-comunitarios/index.html"))
        #expect(project.contains(#"<meta property="og:title" content="Huertos comunitarios en terrenos baldíos">"#))
    }

    @Test func theOpenGraphImageIsAPNGOfTheSizeThePagesSay() throws {
        let image = try #require(ValidSite.rendered.files.first { $0.path == "img/og-image.png" })
        #expect(Array(image.bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func number(_ offset: Int) -> Int { image.bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(number(16) == 1200)
        #expect(number(20) == 630)
    }

    @Test func everyPageNamesTheLicenceInItsFooter() {
        let footer =
            #"<p class="site-license">Reutilización de los datos: "#
            + #"<a href="https://creativecommons.org/publicdomain/zero/1.0/" rel="license">"#
            + "Creative Commons Zero v1.0 Universal</a>.</p>"
        for (path, html) in Self.pages where !path.hasPrefix("en/") {
            #expect(html.contains(footer), "\(path)")
        }
        #expect(Self.pages.first { $0.path == "en/index.html" }?.html.contains("Reuse of the data: <a") == true)
    }

    @Test func theDataPageSaysUnderWhatTermsTheDataMayBeReused() throws {
        let data = try #require(ValidSite.page("datos/index.html"))
        #expect(
            data.contains(
                #"<p class="data-license">Los datos de este sitio (sus tablas, su API y sus canales) se pueden "#
                    + #"reutilizar según la licencia <a href="https://creativecommons.org/publicdomain/zero/1.0/" "#
                    + #"rel="license">Creative Commons Zero v1.0 Universal (CC0-1.0)</a>.</p>"#))
    }

    /// Without a licence, the data page says so plainly, and no footer claims one.
    @Test func withoutALicenceTheDataPageSaysTheTermsAreNotDeclaredYet() throws {
        let root = try ValidSite.copy("no-licence")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let model = root + "/content/site.yaml"
        let text = try String(contentsOfFile: model, encoding: .utf8)
        let start = try #require(text.range(of: "license:\n"))
        let end = try #require(text.range(of: "zero/1.0/\n", range: start.upperBound..<text.endIndex))
        try (String(text[..<start.lowerBound]) + String(text[end.upperBound...]))
            .write(toFile: model, atomically: true, encoding: .utf8)
        let result = Build.render(BuildOptions(root: root))
        #expect(
            result.diagnostics.map(\.code).sorted() == ["base-url-placeholder", "license-missing", "status-disagrees"])
        let data = try #require(ValidSite.page("datos/index.html", in: result))
        #expect(
            data.contains(
                #"<p class="data-license">Los términos en que se pueden reutilizar estos datos todavía no se han "#
                    + "declarado.</p>"))
        let english = try #require(ValidSite.page("en/data/index.html", in: result))
        #expect(english.contains("The terms under which these data may be reused have not been declared yet."))
        #expect(!result.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("site-license") })
    }
}
