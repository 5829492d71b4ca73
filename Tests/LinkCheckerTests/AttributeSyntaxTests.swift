import Testing

@testable import LinkChecker

/// The URLs inside `srcset` and `<meta http-equiv="refresh">`.
@Suite struct AttributeSyntaxTests {
    @Test(arguments: [
        ("a.png", ["a.png"]),
        ("a.png 1x, b.png 2x", ["a.png", "b.png"]),
        ("  a.png   480w ,b.png 960w  ", ["a.png", "b.png"]),
        ("a.png,b.png", ["a.png,b.png"]),
        ("a.png, b.png,", ["a.png", "b.png"]),
        ("data:image/png;base64,AA,AA 1x, b.png 2x", ["data:image/png;base64,AA,AA", "b.png"]),
        ("a.png (max-width: 1em, 2em) 1x, b.png", ["a.png", "b.png"]),
        ("", []),
        (" , ", []),
    ])
    func srcsetCandidates(_ value: String, _ urls: [String]) {
        #expect(Srcset.urls(in: value) == urls)
    }

    @Test(arguments: [
        ("0; url=next/", "next/"),
        ("5;URL='next.html'", "next.html"),
        ("3, url = \"a b.html\"", "a b.html"),
        ("0; next.html", "next.html"),
        ("0 url=x", "x"),
        ("0.5 ; url=x", "x"),
        ("  2;   url=  x  ", "x"),
    ])
    func refreshURLs(_ content: String, _ url: String) {
        #expect(MetaRefresh.url(in: content) == url)
    }

    @Test(arguments: ["30", "", "url=x", "0x; url=y", "0; url=", "0;"])
    func refreshesWithoutAURL(_ content: String) {
        #expect(MetaRefresh.url(in: content) == nil)
    }
}
