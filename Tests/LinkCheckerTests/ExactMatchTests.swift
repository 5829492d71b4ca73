import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// Ids and file names are compared as browsers and servers compare them, code point by code
/// point: `ó` written as one character (NFC) and as `o` plus a combining accent (NFD) look the
/// same and are equal to Swift's `==`, but a browser finds no `#próximos` id written the other way,
/// and a server no file.
@Suite struct ExactMatchTests {
    static let composed = "pr\u{F3}ximos-pasos"
    static let decomposed = "pro\u{301}ximos-pasos"

    @Test func aFragmentWithDecomposedAccentsNamesNoComposedId() async throws {
        let folder = try Repository.temporaryFolder("nfd-fragment")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Over 32 ids, the target page's ids are looked up in a set: both ways are tested.
        let many = (1...40).map { #"<p id="p\#($0)">"# }.joined()
        try Repository.write(
            [
                "index.html": Fixtures.page(
                    """
                    <h2 id="\(Self.composed)">P</h2><a href="#pro%CC%81ximos-pasos">1</a>
                    <a href="otra.html#pro%CC%81ximos-pasos">2</a><a href="otra.html#\(Self.decomposed)">3</a>
                    <a href="#pr%C3%B3ximos-pasos">4</a><a href="otra.html#\(Self.composed)">5</a>
                    """),
                "otra.html": Fixtures.page(#"<h2 id="\#(Self.composed)">P</h2>"# + many),
            ], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.links == 5)
        #expect(
            report.diagnostics.map(\.message) == [
                "no id `\(Self.decomposed)` in this page", "no id `\(Self.decomposed)` in `otra.html`",
                "no id `\(Self.decomposed)` in `otra.html`",
            ])
        #expect(
            report.diagnostics.first?.hint
                == "`#\(Self.composed)` looks the same but is written with composed accents (NFC); browsers compare ids code point by code point: write `#pr%C3%B3ximos-pasos`"
        )
    }

    @Test func aPathWithDecomposedAccentsNamesNoComposedFile() async throws {
        let folder = try Repository.temporaryFolder("nfd-path")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "index.html": Fixtures.page(
                    """
                    <a href="\(Self.composed)/">1</a><a href="pro%CC%81ximos-pasos/">2</a>
                    <a href="\(Self.decomposed)/">3</a><a href="pr%C3%B3ximos-pasos/%69ndex.html">4</a>
                    <a href="\(Self.decomposed)/%69ndex.html">5</a>
                    """),
                "\(Self.composed)/index.html": Fixtures.page(""),
            ], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.links == 5)
        #expect(
            report.diagnostics.map(\.message) == [
                "no file `\(Self.decomposed)/index.html` for `pro%CC%81ximos-pasos/`",
                "no file `\(Self.decomposed)/index.html` for `\(Self.decomposed)/`",
                "no file `\(Self.decomposed)/index.html` for `\(Self.decomposed)/%69ndex.html`",
            ])
        #expect(
            report.diagnostics.first?.hint
                == "`\(Self.composed)` looks the same but is written with composed accents (NFC); servers compare file names byte by byte: write `pr%C3%B3ximos-pasos`"
        )
    }

    /// Two files whose names differ only in how their accents are written are two files.
    @Test func filesWhoseNamesAreCanonicallyEquivalentAreKeptApart() async throws {
        let folder = try Repository.temporaryFolder("nfc-nfd-files")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "index.html": Fixtures.page(
                    #"<a href="\#(Self.composed).html#a">1</a><a href="\#(Self.decomposed).html#b">2</a>"#
                        + #"<a href="\#(Self.composed).html#b">3</a>"#),
                "\(Self.composed).html": Fixtures.page(#"<p id="a">"#),
            ], into: folder)
        // Not in the same dictionary: its keys are Swift strings, so the second would replace the first.
        try Repository.write(["\(Self.decomposed).html": Fixtures.page(#"<p id="b">"#)], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.pages == 3)
        #expect(report.diagnostics.map(\.message) == ["no id `b` in `\(Self.composed).html`"])
    }

    /// URLs of other sites are asked for, cached and reported once per distinct URL: kept in
    /// their percent-encoded form, as a browser sends them, two URLs that differ only in how an
    /// accent is written stay two URLs.
    @Test func externalURLsAreKeptApartByTheirBytes() {
        let resolver = LinkResolver(address: SiteAddress(baseURL: nil))
        let page = LinkResolver.Page(file: "index.html")
        let composed = resolver.resolve("https://example.com/\(Self.composed)?q=\(Self.composed)#x", in: page)
        let decomposed = resolver.resolve("https://example.com/\(Self.decomposed)", in: page)
        #expect(composed == .external("https://example.com/pr%C3%B3ximos-pasos?q=pr%C3%B3ximos-pasos"))
        #expect(decomposed == .external("https://example.com/pro%CC%81ximos-pasos"))
        #expect(resolver.resolve("https://example.com/a%20b", in: page) == .external("https://example.com/a%20b"))
    }
}
