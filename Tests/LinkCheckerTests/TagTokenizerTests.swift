import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// `TagTokenizer` reads what libxml2 read: the same ids, URLs, base and tag ends, on tricky
/// markup and on every page of the fixtures; pages it cannot read exactly go to libxml2.
@Suite struct TagTokenizerTests {
    func scan(_ bytes: [UInt8], tokenizer: Bool) -> ScannedPage {
        var bytes = bytes
        let scanner = HTMLScanner()
        scanner.useTokenizer = tokenizer
        return bytes.withUnsafeMutableBytes { scanner.scan(UnsafeRawBufferPointer($0)) }
    }

    /// True when the tokenizer reads `bytes` itself (not handing it to libxml2).
    func tokenizes(_ html: String) -> Bool {
        var bytes = Array(html.utf8)
        let collector = PageCollector()
        return bytes.withUnsafeMutableBytes { raw in
            RawTextFilter.apply(to: raw, reading: collector, scratch: ByteBuffer()).read
        }
    }

    func expectSameAsLibXML2(_ bytes: [UInt8], _ comment: Comment) {
        let lean = scan(bytes, tokenizer: true)
        let libxml2 = scan(bytes, tokenizer: false)
        #expect(lean.ids.strings == libxml2.ids.strings, comment)
        #expect(lean.links.map(\.url) == libxml2.links.map(\.url), comment)
        #expect(lean.links.map(\.source) == libxml2.links.map(\.source), comment)
        #expect(lean.base == libxml2.base, comment)
        let source = HTMLSource(bytes: bytes)
        #expect(
            lean.links.map { "\(source.location(of: $0))" } == libxml2.links.map { "\(source.location(of: $0))" },
            comment)
    }

    static let snippets: [String] = [
        #"<h2 id="avances">A</h2><a name="ancla"></a><input name="campo"><meta name="viewport"><p ID="Mayúscula">"#,
        #"<A HREF="x.html?a=1&amp;b=2&#35;f&#x41;&lt;&gt;&quot;&apos;">x</A><IMG SRC='y.png'>"#,
        #"<link rel="preconnect" href="https://a.org"><link rel="DNS-Prefetch" href="//b.org"><a href>x</a>"#,
        #"<base href="/a/"><base href="/b/"><a href="c.html" href="d.html" id="e" id="f">"#,
        #"<p><a href="uno.html">uno<p><a href=dos.html>dos</a><div id=tres><a href = "cuatro.html" >"#,
        "<p>Próximos pasos: <a class=\"x\"\n   title='a > b' href=\"falta.html\">x</a>\n<img srcset=\"a.png 1x, b.png 2x\">",
        #"<a href="auto.html"/><img src="x.png"/><br/><a id=sin-comillas/>"#,
        #"</p title="<a href='fin.html'>"><a href="despues.html"><a b=c d e="f" href='g.html'>"#,
        #"<meta http-equiv="refresh" content="0; url=m/"><video src="v.mp4" poster="p.png"><source srcset="s.webp 2x">"#,
        #"<script>var s = '<a href="falso.html">';</script><!-- <a href="c.html"> --><a href="real.html">"#,
        "<a href=\"a\0b.html\">x</a><p id=\"c\0d\"><a href=\"z.html\" id=\"q\">",
        "<a\thref=\"tab.html\"\nid=\"linea\"\r\nname=\"n\">x</a>",
        "a < b, c <= d, <3 <a href=\"x.html\">",
    ]

    @Test(arguments: snippets)
    func readsWhatLibXML2Reads(_ html: String) {
        #expect(tokenizes(html))
        expectSameAsLibXML2(Array(html.utf8), "\(html)")
    }

    @Test func everyFixturePageReadsTheSame() throws {
        let root = Repository.root + "/Tests"
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".html") }
        #expect(files.count >= 8)
        for file in files {
            let bytes = try #require(FileManager.default.contents(atPath: root + "/" + file))
            expectSameAsLibXML2(Array(bytes), "\(file)")
        }
    }

    /// Tags that end where a reader of attributes and a skipper of them could disagree: quotes
    /// holding `>` and `/>`, a tag or a quote the page never ends, SVG and MathML with
    /// self-closing tags, raw text after a tag with attributes, end tags with attributes.
    static let tagEnds: [String] = [
        #"<svg viewBox="0 0 1 1"><path d="M0 0"/><title id="t">x</title><a href="s.html"/></svg><p title="a/>">"#,
        #"<math><mi id="m"/><mtext><title>t</title></mtext></math><a title='x>' href="m.html">"#,
        #"<svg><g/><foreignObject><p><title><a href="1.html"></title></foreignObject><rect/></svg>"#,
        #"<script type="text/javascript" src="j.js">var a = "<a href='no.html'>";</script><a href=y.html/>"#,
        #"<style media="screen and (min-width: 1px)">a > b {}</style><textarea name=t rows=2><a href="no.html"></textarea>"#,
        #"</svg x="<svg>"><svg/><title>y</title><a href="after.html"><img src=z.png alt='<svg>'>"#,
        #"<p id=a/><br/ ><svg / ><title>z</title></svg><div = x>"#,
    ]

    /// The filter with a tokenizer blanks exactly what the filter alone blanks, on tricky
    /// markup and on every page of the fixtures: the tokenizer finds each tag's end where the
    /// filter would have (and a page it hands to libxml2 is filtered all the same).
    @Test func theTokenizerEndsEveryTagWhereTheFilterWould() throws {
        let root = Repository.root + "/Tests"
        let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".html") }
        let pages =
            (Self.snippets + Self.tagEnds + Self.unended + [
                #"<a href="x.html?a=1&copy;">x</a><svg><title>&copy;</title></svg>"#
            ])
            .map { Array($0.utf8) }
            + (try files.map { try #require(FileManager.default.contents(atPath: root + "/" + $0)).map { $0 } })
        #expect(pages.count >= 30)
        for page in pages {
            var alone = page
            var read = page
            let substitute = alone.withUnsafeMutableBytes { RawTextFilter.apply(to: $0) }
            let fused = read.withUnsafeMutableBytes {
                RawTextFilter.apply(to: $0, reading: PageCollector(), scratch: ByteBuffer())
            }
            #expect(read == alone, "\(String(decoding: page, as: UTF8.self))")
            #expect(fused.nulSubstitute == substitute)
        }
    }

    @Test(arguments: tagEnds)
    func tagEndsReadWhatLibXML2Reads(_ html: String) {
        expectSameAsLibXML2(Array(html.utf8), "\(html)")
    }

    /// Tags the page never ends: after an attribute, inside a quoted value.
    static let unended = [#"<svg><a href="x.html" "#, #"<a href="x.html" title="never closed>"#]

    /// A tag the page never ends is no element, as the HTML standard's tokenizer drops it at the
    /// end of the file; libxml2 makes one of it.
    @Test(arguments: unended)
    func aTagThePageNeverEndsIsNoElement(_ html: String) {
        #expect(tokenizes(html))
        #expect(scan(Array(html.utf8), tokenizer: true).links.isEmpty)
        #expect(scan(Array(html.utf8), tokenizer: false).links.map(\.url) == ["x.html"])
    }

    /// The one place where the tokenizer and libxml2 part: a `/` between a tag's name and its
    /// attributes, which a browser skips (the HTML standard's "self-closing start tag" state goes
    /// back to reading attributes) and libxml2 took as the end of the tag's attributes.
    @Test func aSlashBeforeAnAttributeIsSkippedAsABrowserSkipsIt() {
        let html = #"<a/href="barra.html">x</a><img/src="y.png">"#
        #expect(scan(Array(html.utf8), tokenizer: true).links.map(\.url) == ["barra.html", "y.png"])
        #expect(scan(Array(html.utf8), tokenizer: false).links.map(\.url).isEmpty)
    }

    /// Pages the tokenizer would read otherwise than libxml2 are libxml2's: bytes that are not
    /// UTF-8, and named references outside the five XML ones in a checked attribute.
    @Test func pagesItCannotReadExactlyGoToLibXML2() {
        #expect(!tokenizes(#"<a href="x.html?a=1&copy;">x</a>"#))
        #expect(!tokenizes(#"<a href="x.html?a=1&amp">x</a>"#))
        #expect(!tokenizes(#"<a href="x&#0;.html">x</a>"#))
        #expect(tokenizes(#"<a title="&copy;" href="x.html">x</a>"#))
        var latin1 = Array(#"<p id="pr"#.utf8) + [0xF3] + Array(#"ximo">"#.utf8)
        let collector = PageCollector()
        #expect(
            !latin1.withUnsafeMutableBytes {
                RawTextFilter.apply(to: $0, reading: collector, scratch: ByteBuffer()).read
            })
        expectSameAsLibXML2(Array(#"<a href="x.html?a=1&copy;&eacute">x</a>"#.utf8), "named references")
    }

    @Test(arguments: [
        ([0x61, 0x62], true), ([0xC3, 0xB3], true), ([0xE2, 0x80, 0x94], true), ([0xF0, 0x9F, 0x98, 0x80], true),
        ([0xF3], false), ([0xC0, 0x80], false), ([0xED, 0xA0, 0x80], false), ([0xF4, 0x90, 0x80, 0x80], false),
        ([0xE2, 0x80], false), ([0x80], false),
    ])
    func utf8(_ bytes: [UInt8], _ valid: Bool) {
        let padded = Array("0123456789".utf8) + bytes
        #expect(padded.withUnsafeBufferPointer { UTF8Check.isValid($0.baseAddress!, count: $0.count) } == valid)
    }
}
