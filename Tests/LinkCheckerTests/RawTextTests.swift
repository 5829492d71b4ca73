import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// What a browser reads as text is never a link or an id: the contents of the HTML standard's
/// raw-text and escapable raw-text elements, comments, and CDATA outside SVG and MathML.
@Suite struct RawTextTests {
    func scan(_ html: String) -> ScannedPage {
        var bytes = Array(html.utf8)
        return bytes.withUnsafeMutableBytes { HTMLScanner().scan(UnsafeRawBufferPointer($0)) }
    }

    static let textElements: [String] = ["title", "textarea", "xmp", "iframe", "noembed", "noframes"]

    @Test(arguments: textElements)
    func markupInsideATextElementIsText(_ element: String) {
        let page = scan(
            #"<\#(element)><a href="dentro.html" id="dentro"><img src="x.png"></\#(element)><a href="fuera.html" id="fuera">"#
        )
        #expect(page.links.map(\.url) == ["fuera.html"])
        #expect(page.ids.strings == ["fuera"])
    }

    @Test func theElementsOwnAttributesStillCount() {
        let page = scan(
            #"<iframe src="mapa.html" id="mapa"><a href="no.html"></iframe><textarea id="nota"></textarea>"#)
        #expect(page.links.map(\.url) == ["mapa.html"])
        #expect(page.ids.strings == ["mapa", "nota"])
    }

    @Test func onlyTheElementsOwnEndTagEndsIt() {
        let page = scan(
            """
            <TEXTAREA/><a href="1.html"></textareax><a href="2.html"></title><a href="3.html"></TextArea ><a href="4.html">
            <title>a > b <a href="5.html"></title	x="<"><a href="6.html">
            """)
        #expect(page.links.map(\.url) == ["4.html", "6.html"])
    }

    @Test func aTextElementNamedInsideAnAttributeOrACommentStartsNothing() {
        let page = scan(
            #"<a title="<textarea>" href="1.html"><!-- <title> --><a href="2.html"><b data-x='<xmp>'></b><a href="3.html">"#
        )
        #expect(page.links.map(\.url) == ["1.html", "2.html", "3.html"])
    }

    @Test func anUnclosedTextElementRunsToTheEnd() {
        #expect(scan(#"<a href="1.html"><textarea><a href="2.html">"#).links.map(\.url) == ["1.html"])
        #expect(scan(#"<plaintext><a href="1.html"></plaintext><a href="2.html">"#).links.isEmpty)
    }

    /// With scripting off (a crawler, a reader without JavaScript), `<noscript>` holds markup:
    /// its links are followed, so they are checked.
    @Test func linksInNoscriptAreChecked() {
        #expect(scan(#"<noscript><a href="sin-js.html">x</a></noscript>"#).links.map(\.url) == ["sin-js.html"])
    }

    @Test func cdataOutsideSVGIsACommentThatEndsAtTheFirstGreaterThan() {
        #expect(scan(#"<p><![CDATA[ <a href="1.html"> ]]></p><a href="2.html">"#).links.map(\.url) == ["2.html"])
        // As a browser reads it: the comment ends at `1 >`, so the `a` after it is a link.
        #expect(scan(#"<![CDATA[ 1 > 0 <a href="3.html"> ]]>"#).links.map(\.url) == ["3.html"])
    }

    @Test func cdataInsideSVGIsTextUpToItsEnd() {
        let page = scan(#"<svg><![CDATA[ a > b <a href="1.html"> ]]><a href="2.html"></a></svg><a href="3.html">"#)
        #expect(page.links.map(\.url) == ["2.html", "3.html"])
    }

    @Test func inSVGATitleHoldsMarkup() {
        let page = scan(#"<svg><title><a href="1.html"></a></title></svg><title><a href="2.html"></title>"#)
        #expect(page.links.map(\.url) == ["1.html"])
    }

    /// Names inside SVG and MathML are compared in any case, on the page's bytes: an integration
    /// point holds HTML (where `title` and `style` are raw text) until its own end tag, a tag such
    /// as `p` ends foreign content, and any other (`style`, `g`) is an element there.
    @Test(arguments: [
        (
            #"<SVG><TITLE><a href="1.html"></TITLE><title><a href="2.html"></title></SVG>"#
                + #"<title><a href="3.html"></title><a href="4.html">"#, ["1.html", "2.html", "4.html"]
        ),
        (
            #"<math><mi><title><a href="1.html"></title></mi><p><title><a href="2.html"></title><a href="3.html">"#,
            ["3.html"]
        ),
        (
            #"<svg><rect/><g><desc><a href="1.html"><style><a href="2.html"></style></desc>"#
                + #"<style><a href="3.html"></style></g></svg>"#, ["1.html", "3.html"]
        ),
    ])
    func foreignContentNamesInAnyCase(_ html: String, _ urls: [String]) {
        #expect(scan(html).links.map(\.url) == urls)
    }

    @Test func commentsEndWhereABrowserEndsThem() {
        // `<!-->` is a whole (empty) comment to a browser; libxml2 alone read on to the next `-->`.
        let page = scan(
            #"<!--><a href="1.html"><!---><a href="2.html"><!-- x --!><a href="3.html"><? y ><a href="4.html">"#)
        #expect(page.links.map(\.url) == ["1.html", "2.html", "3.html", "4.html"])
    }

    @Test func scriptsEndOnlyAtTheirEndTagEvenWithCommentsInside() {
        let page = scan(
            #"<script><!-- document.write("<script>x</script>"); <a href="1.html"> --></script><a href="2.html">"#)
        #expect(page.links.map(\.url) == ["2.html"])
    }

    /// The checker's report: nothing inside the text elements, and the real link after them
    /// placed at its own line and column (the file is read again as it is to place it).
    @Test func aCheckReportsOnlyTheLinksABrowserMakes() async throws {
        let folder = try Repository.temporaryFolder("raw-text")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let body = """
            <textarea><a href="falta-1.html"></textarea><xmp><a href="falta-2.html"></xmp>
            <iframe src="index.html"><a href="falta-3.html"></iframe><noembed><a href="falta-4.html"></noembed>
            <![CDATA[ <a href="falta-5.html"> ]]><a href="falta-6.html">x</a>
            """
        try Repository.write(
            [
                "index.html": Fixtures.page(body).replacingOccurrences(
                    of: "<title>t", with: #"<title><a href="falta-0.html">"#)
            ],
            into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.diagnostics.map(\.message) == ["no file `falta-6.html`"])
        #expect(
            report.diagnostics.first?.location == SourceLocation(file: "index.html", line: 6, column: 47, length: 12))
        #expect(report.links == 2)
    }

    // MARK: - NUL

    @Test func aNULInAnAttributeNeitherCutsItNorEndsThePage() {
        let page = scan("<a href=\"a\0b.html\">x</a><p id=\"c\0d\"><a href=\"z.html\" id=\"q\">")
        #expect(page.links.map(\.url) == ["a\u{0}b.html", "z.html"])
        // A browser reads a NUL in an attribute as U+FFFD: so do ids.
        #expect(page.ids.strings == ["c\u{FFFD}d", "q"])
    }

    @Test func aNULInAnHrefIsReportedWhole() async throws {
        let folder = try Repository.temporaryFolder("nul")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "index.html": Fixtures.page(
                    "<a href=\"b.html\0.bak\">x</a> <p id=\"c\0d\"><a href=\"#c%EF%BF%BDd\">y</a>")
            ],
            into: folder)
        try Repository.write(["b.html": Fixtures.page("")], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.diagnostics.map(\.code) == ["link-invalid"])
        #expect(
            report.diagnostics.first?.message
                == "`b.html\u{0}.bak` is not a valid URL: it has a NUL character (U+0000), which browsers read as U+FFFD"
        )
        #expect(
            report.diagnostics.first?.location == SourceLocation(file: "index.html", line: 4, column: 10, length: 11))
        let text = DiagnosticReport(report.diagnostics, sources: report.sources).formatted(.text)
        #expect(text.contains("error[link-invalid]: `b.htmlU+0000.bak` is not a valid URL"))
        // The quoted line shows the NUL as `U+0000`: the underline covers the URL as shown.
        #expect(text.contains("4 | <a href=\"b.htmlU+0000.bak\">x</a>"))
        #expect(text.contains("\n  |          ^^^^^^^^^^^^^^^^ percent-encode"))
        #expect(report.links == 2)
    }
}
