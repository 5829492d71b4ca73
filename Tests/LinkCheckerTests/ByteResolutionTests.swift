import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// URLs resolved on bytes (the way most URLs go) come to exactly what the general way says, or
/// are left to it.
@Suite struct ByteResolutionTests {
    static let folder = SiteFolder(
        root: "/", files: Set(files), pages: files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") },
        unreadable: [])
    static let files = [
        "index.html", "css/site.css", "a/index.html", "a/b/index.html", "a/b/page.html", "a/doc.htm",
        "img/x.png", "ñ/index.html", "a/b c/index.html", "a/b/sin-barra/index.html",
    ]
    static let pages = ["a/b/index.html", "index.html", "a/b/page.html", "ñ/index.html"]
    static let bases: [String?] = [nil, "https://Example.org/sitio/", "/", "https://example.org"]
    static let urls = [
        "", "#", "#top", "#x", "#pr%C3%B3x", "#%74op", "#%zz", "?q#x", "../", "../../", "../../../", "./", ".",
        "..", "page.html", "page.html#x", "page", "sin-barra", "sin-barra#x", "../b/", "../b", "/sitio/", "/sitio",
        "/sitio#x", "/sitio?q", "/sitio/css/site.css", "/css/site.css", "/a/b/", "/a/b/page.html#f", "/", "/#f",
        "//example.org/sitio/", "https://example.org/sitio/a/", "https://EXAMPLE.org/sitio/a/#f",
        "http://example.org/sitio", "http://example.org/sitio#f", "https://example.org", "https://example.org/",
        "https://example.org/a/", "https://example.org/otro/", "HTTPS://example.org/sitio/", "https:example.org",
        "https://ejemplo.org/a/", "mailto:a@b.org", "a/../a/b/", "%2e%2e/", "b%20c/", "../b c/", "../../ñ/",
        "../../img/x.png#f", "../../a/doc.htm#f", "../doc.htm#top", "x y", " ../", "missing/", "missing.html#x",
        "../b/page.html?x=1#y", "../b/page.html#%74op", "../b/page.html#", "../../../../", "/sitio/../..",
        "/../a/", "a:b", "a+b.c-d:x", "../b//page.html", "./../b/./page.html", "index.html#ñ",
    ]

    @Test(arguments: bases)
    func bytesAgreeWithTheGeneralWay(base: String?) {
        let address = SiteAddress(baseURL: base)
        var worker = PageWorker(resolver: LinkResolver(address: address), folder: Self.folder, collectsExternal: true)
        var resolvedOnBytes = 0
        for page in Self.pages {
            let context = worker.pageContext(page, base: nil)
            for url in Self.urls {
                let general = worker.outcome(of: url, in: context)
                let quick = url.utf8.withContiguousStorageIfAvailable { worker.quickOutcome(of: $0, in: context) }
                guard let quick = quick ?? nil else { continue }
                resolvedOnBytes += 1
                #expect("\(quick)" == "\(general)", "\(url) in \(page) at \(base ?? "no base")")
            }
        }
        #expect(resolvedOnBytes > Self.pages.count * 20)
    }

    @Test func aPageWithABaseResolvesFromTheBase() {
        var worker = PageWorker(
            resolver: LinkResolver(address: SiteAddress(baseURL: nil)), folder: Self.folder, collectsExternal: false)
        let context = worker.pageContext("index.html", base: "a/b/")
        for url in Self.urls {
            let general = worker.outcome(of: url, in: context)
            let quick = url.utf8.withContiguousStorageIfAvailable { worker.quickOutcome(of: $0, in: context) }
            guard let quick = quick ?? nil else { continue }
            #expect("\(quick)" == "\(general)", "\(url)")
        }
        let quick = "page.html".utf8.withContiguousStorageIfAvailable { worker.quickOutcome(of: $0, in: context) }
        #expect("\(String(describing: quick ?? nil))" == "Optional(LinkChecker.PageWorker.Outcome.fine)")
    }

    /// URLs are resolved while parsing as if the page had no base: a `<base href>` after them
    /// must still count, as it does for a browser.
    @Test func aBaseAfterLinksStillCounts() async throws {
        let folder = try Repository.temporaryFolder("late-base")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "index.html": Fixtures.page(##"<a href="x.html">x</a> <a href="#t" id="t">t</a>\n<base href="sub/">"##),
                "x.html": Fixtures.page("x"),
            ], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.diagnostics.map(\.code) == ["link-missing"])
        #expect(report.diagnostics.first?.message == "no file `sub/x.html` for `x.html`")
        #expect(report.links == 2)
    }

    @Test func theFileIndexFindsExactlyTheFolderFiles() {
        let index = FileIndex(Self.files)
        for file in Self.files {
            #expect(Array(file.utf8).withUnsafeBufferPointer { index.find($0) } == file)
        }
        for other in ["", "a", "a/", "index.htm", "a/b/index.html/", "css/site.cs", "img/x.pngx"] {
            #expect(Array(other.utf8).withUnsafeBufferPointer { index.find($0) } == nil)
        }
    }
}
