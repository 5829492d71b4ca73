import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// URLs as written → what they point at, for a page two folders deep in a site served under
/// `/resiliencia/`.
@Suite struct LinkResolverTests {
    static let resolver = LinkResolver(address: SiteAddress(baseURL: "https://Example.org/resiliencia/"))
    static let page = LinkResolver.Page(file: "proyectos/rcn-visa/index.html")

    static let cases: [(String, LinkTarget)] = [
        ("", .local(path: "proyectos/rcn-visa/index.html", folder: false, fragment: nil)),
        ("#avances", .local(path: "proyectos/rcn-visa/index.html", folder: false, fragment: "avances")),
        (
            "#pr%C3%B3ximos-pasos",
            .local(path: "proyectos/rcn-visa/index.html", folder: false, fragment: "próximos-pasos")
        ),
        ("?page=2#x", .local(path: "proyectos/rcn-visa/index.html", folder: false, fragment: "x")),
        ("../../", .local(path: "", folder: true, fragment: nil)),
        ("../../socios/conquito/", .local(path: "socios/conquito", folder: true, fragment: nil)),
        ("../otro", .local(path: "proyectos/otro", folder: false, fragment: nil)),
        ("./fotos/../foto.png?v=2", .local(path: "proyectos/rcn-visa/foto.png", folder: false, fragment: nil)),
        (
            "datos/informe%202022.pdf",
            .local(path: "proyectos/rcn-visa/datos/informe 2022.pdf", folder: false, fragment: nil)
        ),
        ("a//b", .local(path: "proyectos/rcn-visa/a/b", folder: false, fragment: nil)),
        ("%2e%2e/x", .local(path: "proyectos/x", folder: false, fragment: nil)),
        ("  ../x  ", .local(path: "proyectos/x", folder: false, fragment: nil)),
        ("../\nx", .local(path: "proyectos/x", folder: false, fragment: nil)),
        ("/resiliencia/css/site.css", .local(path: "css/site.css", folder: false, fragment: nil)),
        ("/resiliencia", .local(path: "", folder: true, fragment: nil)),
        ("/resiliencia/", .local(path: "", folder: true, fragment: nil)),
        ("/resiliencia?x#y", .local(path: "", folder: true, fragment: "y")),
        ("https://example.org/resiliencia/ejes/#a", .local(path: "ejes", folder: true, fragment: "a")),
        ("HTTP://EXAMPLE.ORG/resiliencia", .local(path: "", folder: true, fragment: nil)),
        ("//example.org/resiliencia/x", .local(path: "x", folder: false, fragment: nil)),
        ("https://example.org/", .external("https://example.org/")),
        ("https://example.org/resiliencia-vieja/", .external("https://example.org/resiliencia-vieja/")),
        ("https://example.com/a?b#c", .external("https://example.com/a?b")),
        ("//cdn.example.com/x.js", .external("https://cdn.example.com/x.js")),
        ("mailto:a@b.org", .mailto("a@b.org")),
        ("MAILTO:a@b.org", .mailto("a@b.org")),
        ("tel:+593", .tel("+593")),
        ("javascript:void(0)", .ignored),
        ("data:image/png;base64,AAAA", .ignored),
        ("ftp://example.org/x", .ignored),
        ("../../../x", .outside(.aboveRoot)),
        ("/..", .outside(.besideBasePath(""))),
        ("/css/site.css", .outside(.besideBasePath("css/site.css"))),
        ("/proyectos/", .outside(.besideBasePath("proyectos/"))),
        ("https:example.com", .invalid(Message("link-invalid.slashes", ["scheme": "https"]))),
        ("https:///x", .invalid(Message("link-invalid.no-host"))),
        ("%zz", .invalid(Message("link-invalid.escape", ["text": "%zz"]))),
        ("%C3", .invalid(Message("link-invalid.utf8", ["text": "%C3"]))),
    ]

    @Test(arguments: cases)
    func resolves(_ url: String, to expected: LinkTarget) {
        #expect(Self.resolver.resolve(url, in: Self.page) == expected)
    }

    /// A page's folders are the segments of its path but the last, empty ones left out, as
    /// `split` and `dropLast` give them; an ASCII path is cut at its bytes.
    @Test(arguments: [
        "index.html", "proyectos/rcn-visa/index.html", "/a/b.html", "a//b/c.html", "a/b/", "", "x",
        "acción/ñandú/index.html", "e\u{301}/a.html", "//", "a/./b.html",
    ])
    func aPagesFoldersAreItsPathButTheName(_ file: String) {
        let expected = file.split(separator: "/").dropLast().map(String.init)
        #expect(LinkResolver.Page(file: file).folders == expected)
    }

    /// A page's folder as bytes, for URLs resolved on bytes, is its folders joined by `/`.
    @Test(arguments: ["index.html", "a/b/index.html", "a//b/index.html", "/a/index.html", "acción/x.html"])
    func aPagesFolderBytesAreItsFoldersJoined(_ file: String) {
        let worker = PageWorker(
            resolver: LinkResolver(address: SiteAddress(baseURL: "https://example.org/")),
            folder: SiteFolder(root: "/nowhere", files: [file], pages: [file], unreadable: []),
            collectsExternal: false)
        let context = worker.pageContext(file, base: nil)
        #expect(String(decoding: context.folderBytes, as: UTF8.self) == context.page.folders.joined(separator: "/"))
        #expect(context.fileBytes == Array(file.utf8))
        #expect(context.number == 0)
    }

    @Test func atTheRootOfAHostEveryRootedURLIsInside() {
        let resolver = LinkResolver(address: SiteAddress(baseURL: nil))
        #expect(
            resolver.resolve("/css/site.css", in: Self.page)
                == .local(path: "css/site.css", folder: false, fragment: nil))
        #expect(resolver.resolve("https://example.org/", in: Self.page) == .external("https://example.org/"))
    }

    @Test func aBaseOnAnotherSiteMakesRelativeURLsPointThere() {
        let base = URL(string: "https://example.com/docs/")!
        #expect(PageWorker.resolve("x.html#a", against: base) == .external("https://example.com/docs/x.html"))
        #expect(PageWorker.resolve("../y/", against: base) == .external("https://example.com/y/"))
        #expect(PageWorker.resolve("#a", against: base) == nil)
        #expect(PageWorker.resolve("mailto:a@b.org", against: base) == nil)
        #expect(PageWorker.resolve("https://example.org/", against: base) == nil)
    }

    @Test func siteAddressesSplitTheBaseURL() {
        let address = SiteAddress(baseURL: "https://Example.org:8080/sub?x")
        #expect(address.host == "example.org:8080")
        #expect(address.path == "/sub/")
        #expect(SiteAddress(baseURL: "/docs").path == "/docs/")
        #expect(SiteAddress(baseURL: "").path == "/")
    }

    @Test func urlsThatMeanTheSameOnEveryPageAreRemembered() {
        #expect(PageWorker.sharedDepth(of: "/css/site.css", folders: 2) == -1)
        #expect(PageWorker.sharedDepth(of: "https://example.org", folders: 2) == -1)
        #expect(PageWorker.sharedDepth(of: "../../ejes/", folders: 2) == 2)
        #expect(PageWorker.sharedDepth(of: "../ejes/", folders: 2) == nil)
        #expect(PageWorker.sharedDepth(of: "ejes/", folders: 0) == 0)
        #expect(PageWorker.sharedDepth(of: "#x", folders: 0) == nil)
        #expect(PageWorker.sharedDepth(of: "", folders: 0) == nil)
    }

    @Test func aRememberedURLResolvesForPagesOfEveryDepth() async throws {
        let folder = try Repository.temporaryFolder("depths")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "a/index.html": Fixtures.page(#"<a href="../x/">x</a>"#),
                "a/b/index.html": Fixtures.page(#"<a href="../x/">x</a> <a href="../../x/">x</a>"#),
                "a/x/index.html": Fixtures.page(""),
                "x/index.html": Fixtures.page(""),
            ], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.diagnostics.isEmpty)
        #expect(report.links == 3)
    }
}

/// "Did you mean…?" for broken links.
@Suite struct HintFinderTests {
    @Test func theWrongSegmentOfTheWrittenURLIsReplaced() {
        #expect(HintFinder.replacing("rcn", with: "rc", in: "../rcn/rcn-visa/?x#rcn") == "../rc/rcn-visa/?x#rcn")
        #expect(HintFinder.replacing("sitio.css", with: "site.css", in: "css/sitio.css") == "css/site.css")
        #expect(HintFinder.replacing("pr%C3%B3ximo", with: "x", in: "a/b") == nil)
    }

    @Test func amongNamesAsNearTheFirstInOrderIsSuggested() {
        let names = "bcdefghijk".map { "a\($0)a" }
        let folder = SiteFolder(
            root: "/", files: Set(names.map { "socios/\($0)/index.html" }), pages: [], unreadable: [])
        var hints = HintFinder(folder: folder)
        #expect(
            hints.missing(path: "socios/aaa", folder: true, url: "../socios/aaa/").map(MessageCatalog.english.render)
                == "did you mean `../socios/aba/`?")
    }

    @Test func theNearestNameIsSuggestedWhereThePathGoesWrong() {
        let folder = SiteFolder(
            root: "/", files: ["socios/conquito/index.html", "css/site.css", "img/logo.png"], pages: [], unreadable: [])
        var hints = HintFinder(folder: folder)
        #expect(
            hints.missing(path: "socios/conqito", folder: true, url: "../socios/conqito/").map(
                MessageCatalog.english.render)
                == "did you mean `../socios/conquito/`?")
        #expect(
            hints.missing(path: "css/site.cs", folder: false, url: "/r/css/site.cs").map(MessageCatalog.english.render)
                == "did you mean `/r/css/site.css`?")
        #expect(
            hints.missing(path: "socios", folder: true, url: "socios/").map(MessageCatalog.english.render)
                == "the folder `socios/` has no `index.html`")
        #expect(
            hints.missing(path: "", folder: true, url: "./").map(MessageCatalog.english.render)
                == "the folder has no `index.html`")
        #expect(hints.missing(path: "zzz/conquito", folder: true, url: "zzz/conquito/") == nil)
        // The right folder name, but what follows it does not exist either: no suggestion.
        #expect(hints.missing(path: "socio/nadie", folder: true, url: "socio/nadie/") == nil)
    }
}
