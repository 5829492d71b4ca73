import Testing

@testable import LinkChecker

/// What libxml2's SAX parser gives the checker: ids and URLs, never text that only looks like
/// markup.
@Suite struct HTMLScannerTests {
    func scan(_ html: String) -> ScannedPage {
        var bytes = Array(html.utf8)
        return bytes.withUnsafeMutableBytes { HTMLScanner().scan(UnsafeRawBufferPointer($0)) }
    }

    @Test func idsComeFromIdAndTheNameOfAnchors() {
        let page = scan(
            #"<h2 id="avances">A</h2><a name="ancla"></a><input name="campo"><meta name="viewport"><p ID="Mayúscula">"#)
        #expect(page.ids.strings == ["avances", "ancla", "Mayúscula"])
    }

    @Test func everyCheckedAttributeIsFound() {
        let page = scan(
            """
            <link rel="stylesheet" href="a.css"><script src="b.js"></script>
            <a href="c/">c</a><area href="d.html"><img src="e.png" srcset="e.png 1x, e2.png 2x">
            <picture><source src="f.mp4" srcset="f.webp"></picture><iframe src="g/"></iframe>
            <embed src="h.swf"><video src="i.mp4" poster="j.png"><track src="k.vtt"></video><audio src="l.ogg"></audio>
            <meta http-equiv="REFRESH" content="0; url=m/">
            """)
        #expect(
            page.links.map(\.url) == [
                "a.css", "b.js", "c/", "d.html", "e.png", "e.png", "e2.png", "f.mp4", "f.webp", "g/", "h.swf", "i.mp4",
                "j.png", "k.vtt", "l.ogg", "m/",
            ])
        #expect(
            page.links.map(\.source) == [
                .link, .script, .anchor, .area, .image, .imageSrcset, .imageSrcset, .source, .sourceSrcset, .iframe,
                .embed, .video, .videoPoster, .track, .audio, .metaRefresh,
            ])
    }

    @Test func markupInScriptsCommentsAndTextIsNotALink() {
        let page = scan(
            """
            <script>var s = '<a href="falso.html">';</script>
            <!-- <a href="comentario.html"> -->
            <p>&lt;a href="texto.html"&gt;</p><style>a[href="estilo.html"] { color: red }</style>
            <a href="real.html">real</a>
            """)
        #expect(page.links.map(\.url) == ["real.html"])
    }

    @Test func namesAreCaseInsensitiveAndEntitiesDecoded() {
        let page = scan(#"<A HREF="x.html?a=1&amp;b=2&#35;f">x</A><IMG SRC='y.png'>"#)
        #expect(page.links.map(\.url) == ["x.html?a=1&b=2#f", "y.png"])
    }

    @Test func resourceHintsAndValuelessAttributesAreSkipped() {
        let page = scan(
            #"<link rel="preconnect" href="https://a.org"><link rel="DNS-Prefetch" href="//b.org"><a href>x</a><link rel="icon" href="i.png">"#
        )
        #expect(page.links.map(\.url) == ["i.png"])
    }

    @Test func theFirstBaseCounts() {
        #expect(scan(#"<base href="/a/"><base href="/b/">"#).base == "/a/")
    }

    @Test func brokenMarkupIsReadLikeABrowserWould() {
        let page = scan(#"<p><a href="uno.html">uno<p><a href=dos.html>dos</a><div id=tres>"#)
        #expect(page.links.map(\.url) == ["uno.html", "dos.html"])
        #expect(page.ids.strings == ["tres"])
        #expect(scan("").links.isEmpty)
    }

    @Test func aScannerParsesOnePageAfterAnother() {
        let scanner = HTMLScanner()
        for index in 0..<3 {
            var bytes = Array(#"<a id="p\#(index)" href="\#(index).html">"#.utf8)
            let page = bytes.withUnsafeMutableBytes { scanner.scan(UnsafeRawBufferPointer($0)) }
            #expect(page.ids.strings == ["p\(index)"])
            #expect(page.links.map(\.url) == ["\(index).html"])
        }
    }

    @Test func positionsAreTheAttributeValueInCharacters() throws {
        let html =
            "<p>Próximos pasos: <a class=\"x\"\n   title='a > b' href=\"falta.html\">x</a>\n<img srcset=\"a.png 1x, b.png 2x\">"
        let page = scan(html)
        let source = HTMLSource(bytes: Array(html.utf8))
        #expect(source.location(of: page.links[0]) == (2, 24, 10))
        #expect(source.location(of: page.links[2]) == (3, 24, 5))  // b.png, inside the srcset
        #expect(source.lineLength(1) == 31)
    }

    @Test func otherEncodingsAreParsedAndPlacedOnTheParsersLine() throws {
        // ISO-8859-1: libxml2 converts the page, so its offsets no longer match the file's bytes.
        var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>\n<p id=\"pr".utf8)
        bytes += [0xF3]  // ó in ISO-8859-1
        bytes += Array("ximo\">\n\n<a href=\"falta.html\">x</a></body></html>".utf8)
        let page = bytes.withUnsafeMutableBytes { HTMLScanner().scan(UnsafeRawBufferPointer($0)) }
        #expect(page.ids.strings == ["próximo"])
        let location = HTMLSource(bytes: bytes).location(of: page.links[0])
        #expect(location.line == 4)
    }
}
