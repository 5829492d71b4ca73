import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// The work the checker saves (strings made only of links that need them, a page's own fragments
/// checked on their bytes, URLs remembered from page to page, pages shared by the workers in small
/// chunks) must never save a diagnostic.
@Suite struct SharedWorkTests {
    /// A page's links to its own fragments: those that name an id are fine on their bytes, the
    /// others are reported, whichever way the URL is written.
    @Test func ownFragmentsAreCheckedOnTheirBytes() async throws {
        let folder = try Repository.temporaryFolder("own-fragments")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let body = """
            <h2 id="avances">A</h2><a name="ancla"></a><p id="próximos">p</p>
            <a href="#avances">1</a> <a href="#ancla">2</a> <a href="#próximos">3</a> <a href="#top">4</a> <a href="#">5</a>
            <a href="./#avances">6</a> <a href="index.html#ancla">7</a> <a href="/a/#avances">8</a>
            <a href="#avanzes">9</a> <a href="./#falta">10</a> <a href="index.html#Avances">11</a>
            <a href="#pr%C3%B3ximos">12</a> <a href="#pr%C3%B3ximo">13</a> <a href="#avances#x">14</a>
            """
        try Repository.write(["a/index.html": Fixtures.page(body)], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.links == 14)
        #expect(
            report.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" } == [
                "7:10 no id `avanzes` in this page",
                "7:35 no id `falta` in this page",
                "7:61 no id `Avances` in this page",
                "8:42 no id `próximo` in this page",
                "8:73 no id `avances#x` in this page",
            ])
    }

    /// The same URL on many pages, to a page that lacks the fragment, is reported on every one of
    /// them: remembering what a URL came to must not remember that its fragment was fine.
    @Test func aURLMetAgainIsReportedAgain() async throws {
        let folder = try Repository.temporaryFolder("met-again")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files = ["x/index.html": Fixtures.page(#"<h2 id="hay">h</h2>"#)]
        for index in 0..<40 {
            // Rooted, climbing to the root, and percent-encoded (the general way) URLs.
            files["p/\(index)/index.html"] = Fixtures.page(
                #"<a href="/x/#hay">a</a> <a href="/x/#falta">b</a> <a href="../../x/#falta">c</a> "#
                    + #"<a href="../../%78/#falta">d</a> <a href="../../x/#hay">e</a>"#)
        }
        try Repository.write(files, into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.links == 200)
        #expect(report.diagnostics.count == 120)
        for index in 0..<40 {
            let page = report.diagnostics.filter { $0.location?.file == "p/\(index)/index.html" }
            #expect(
                page.map(\.message) == Array(repeating: "no id `falta` in `x/index.html`", count: 3), "page \(index)")
        }
    }

    /// Pages are shared by the workers in small chunks: every page is checked once, its problems
    /// reported under its own name, in the order of the pages.
    @Test func everyPageIsCheckedOnceInOrder() async throws {
        let folder = try Repository.temporaryFolder("many-pages")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String: String] = [:]
        let count = 300
        for index in 0..<count {
            let name = String(format: "%04d", index)
            files["p/\(name)/index.html"] = Fixtures.page(
                #"<a href="../\#(name)/">self</a> <a href="../falta-\#(name)/">missing</a> <p id="i\#(name)">"#)
        }
        try Repository.write(files, into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.pages == count)
        #expect(report.links == 2 * count)
        let expected = (0..<count).map {
            String(format: "no file `p/falta-%04d/index.html` for `../falta-%04d/`", $0, $0)
        }
        #expect(report.diagnostics.map(\.message) == expected)
        #expect(
            report.diagnostics.map { $0.location?.file ?? "" }
                == (0..<count).map { String(format: "p/%04d/index.html", $0) })
    }

    /// The scanner reuses its buffers from page to page: a short page after a long one keeps
    /// nothing of it.
    @Test func aPageKeepsNothingOfThePageBefore() throws {
        let scanner = HTMLScanner()
        let long = Fixtures.page(
            (0..<200).map { #"<a href="largo-\#($0).html" id="l\#($0)">x</a>"# }.joined(separator: "\n"))
        let short = Fixtures.page(#"<a href="corto.html" id="c">x</a>"#)
        for (html, urls, ids) in [(long, 200, 200), (short, 1, 1), (long, 200, 200), ("", 0, 0)] {
            var bytes = Array(html.utf8)
            let page = bytes.withUnsafeMutableBytes { scanner.scan(UnsafeRawBufferPointer($0)) }
            #expect(page.links.count == urls)
            #expect(page.ids.count == ids)
        }
        var bytes = Array(short.utf8)
        let page = bytes.withUnsafeMutableBytes { scanner.scan(UnsafeRawBufferPointer($0)) }
        #expect(page.links.map(\.url) == ["corto.html"])
        #expect(page.ids.strings == ["c"])
        #expect(page.ids.contains("c") && !page.ids.contains("l0") && !page.ids.contains(""))
    }
}
