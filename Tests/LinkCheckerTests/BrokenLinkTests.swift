import Diagnostics
import Testing

@testable import LinkChecker

/// `Tests/Fixtures/link-sites/broken/` plants each kind of broken link once: each must be found
/// exactly once, at its line and column, with its message and hint.
@Suite struct BrokenLinkTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let code: String
        let file: String
        let line: Int
        let column: Int
        let field: String
        let message: String
        let hint: String?

        init(
            _ code: String, _ file: String, _ line: Int, _ column: Int, _ field: String, _ message: String,
            _ hint: String? = nil
        ) {
            (self.code, self.file, self.line, self.column) = (code, file, line, column)
            (self.field, self.message, self.hint) = (field, message, hint)
        }

        var testDescription: String { "\(code) at \(file):\(line):\(column)" }
    }

    static let folder = Fixtures.linkSites + "/broken"
    static let page = "proyectos/rcn-visa/index.html"

    static let expected: [Expected] = [
        Expected(
            "link-missing", "index.html", 6, 30, "link href", "no file `css/sitio.css`", "did you mean `css/site.css`?"),
        Expected("link-missing", "index.html", 7, 45, "meta content", "no file `nuevo/index.html` for `nuevo/`"),
        Expected(
            "link-missing", "index.html", 11, 13, "a href",
            "no file `proyectos/rcn-vsa/index.html` for `proyectos/rcn-vsa/`", "did you mean `proyectos/rcn-visa/`?"),
        Expected(
            "link-fragment", "index.html", 12, 13, "a href", "no id `avanzes` in `proyectos/rcn-visa/index.html`",
            "did you mean `#avances`?"),
        Expected(
            "link-fragment", "index.html", 13, 13, "a href", "no id `inicoi` in this page", "did you mean `#inicio`?"),
        Expected(
            "link-outside", "index.html", 14, 13, "a href", "`../../../etc/passwd` leads outside the checked folder",
            "its `..` climb above the site's root folder"),
        Expected(
            "link-outside", "index.html", 15, 13, "a href",
            "`/css/site.css` is outside `/resiliencia/`, where the site is served",
            "did you mean `/resiliencia/css/site.css`?"),
        Expected(
            "link-invalid", "index.html", 16, 13, "a href",
            "`proyectos/%E0%A4` is not a valid URL: `%E0%A4` does not decode to UTF-8 text",
            "percent-encode special characters as UTF-8, such as `%20` for a space and `%C3%B3` for `ó`"),
        Expected(
            "link-mailto", "index.html", 17, 13, "a href",
            "`mailto:resiliencia.quito.gob.ec` is not a valid e-mail link: `resiliencia.quito.gob.ec` has no `@`",
            "write `mailto:name@example.org`, several addresses separated by commas"),
        Expected(
            "link-tel", "index.html", 18, 13, "a href",
            "`tel:+593-2-CALL` is not a valid telephone link: `+593-2-CALL` has `C`, which is not a digit or a separator",
            "write the number with its country code, such as `tel:+593-2-395-2300`"),
        Expected(
            "link-missing", "index.html", 19, 60, "img srcset", "no file `img/foto@3x.png`",
            "did you mean `img/foto.png`?"),
        Expected(
            "link-missing", "index.html", 20, 13, "a href", "no file `proyectos/index.html` for `proyectos/`",
            "the folder `proyectos/` has no `index.html`"),
        // The tag spans three lines: the problem is on the line of its `href`.
        Expected("link-missing", "index.html", 23, 13, "a href", "no file `falta.html`"),
        Expected(
            "link-fragment", page, 7, 21, "a href", "no id `próximos-paso` in this page",
            "did you mean `#próximos-pasos`?"),
        // `&amp;` in the file: the URL is decoded, the column is the value's start.
        Expected("link-fragment", page, 7, 67, "a href", "no id `fin` in `index.html`"),
    ]

    @Test(arguments: expected)
    func eachBrokenLinkIsFoundOnceWhereItIs(_ expected: Expected) async throws {
        let report = await Fixtures.check(Self.folder)
        let found = report.diagnostics.filter {
            $0.code == expected.code && $0.location?.file == expected.file && $0.location?.line == expected.line
                && $0.location?.column == expected.column
        }
        #expect(found.count == 1, "\(report.diagnostics.map { "\($0.code) \($0.location!)" })")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.field == expected.field)
        #expect(diagnostic.message == expected.message)
        #expect(diagnostic.hint == expected.hint)
    }

    @Test func nothingElseIsReported() async {
        let report = await Fixtures.check(Self.folder)
        #expect(report.diagnostics.count == Self.expected.count)
        #expect(report.pages == 2)
        #expect(report.exitCode == 1)
    }

    @Test func theTextReportQuotesTheLineAndUnderlinesTheURL() async {
        let report = await Fixtures.check(Self.folder)
        let text = DiagnosticReport(report.diagnostics, sources: report.sources).formatted(.text)
        #expect(
            text.contains(
                """
                error[link-missing]: no file `css/sitio.css`
                 --> index.html:6:30 (link href)
                  |
                6 | <link rel="stylesheet" href="css/sitio.css">
                  |                              ^^^^^^^^^^^^^ did you mean `css/site.css`?
                """))
        #expect(text.hasSuffix("15 errors, 0 warnings\n"))
    }

    @Test func locationsStartWithTheDisplayPath() async {
        let report = await Fixtures.check(Self.folder) { $0.displayPath = "public" }
        #expect(report.diagnostics.allSatisfy { $0.location?.file.hasPrefix("public/") == true })
        #expect(report.sources.keys.sorted() == ["public/index.html", "public/proyectos/rcn-visa/index.html"])
    }

    @Test func hintsNameTheContentFileOfThePage() async throws {
        let report = await Fixtures.check(Self.folder) {
            $0.origins = [Self.page: "content/proyectos/rcn-visa.md"]
        }
        let fragment = try #require(report.diagnostics.first { $0.location?.file == Self.page })
        #expect(
            fragment.hint == "did you mean `#próximos-pasos`? (the page is made from `content/proyectos/rcn-visa.md`)")
        let other = try #require(report.diagnostics.first { $0.location?.file == "index.html" })
        #expect(other.hint?.contains("made from") == false)
    }

    @Test func hintsNameTheLineOfTheContentFileWhereTheLinkIsWritten() {
        let text = "---\ntitulo: x\n---\nVer [aquí](a.html) y <b.html>.\n\n[ref]: c.html\n"
        #expect(LinkDiagnostics.place(of: "a.html", in: text)! == (4, 12))
        #expect(LinkDiagnostics.place(of: "b.html", in: text)! == (4, 23))
        #expect(LinkDiagnostics.place(of: "c.html", in: text)! == (6, 8))
        #expect(LinkDiagnostics.place(of: "d.html", in: text) == nil)  // a link of the template
        #expect(LinkDiagnostics.place(of: "", in: text) == nil)
    }
}
