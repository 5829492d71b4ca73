import Testing

@testable import SiteLayout

@Suite struct RelativeURLTests {
    /// Relative URLs cut on bytes (ASCII paths) are those cut on characters.
    @Test(arguments: [
        ("", ""), ("", "a/"), ("a/", ""), ("a/b/", "a/c/"), ("a/b/", "a/b/"), ("css/site.css", "a/b/"),
        ("a//b/", "a/"), ("x/index.html", "x/"), ("en/datos/", "en/proyectos/p-1/"), ("a/b/c/", "d/"),
    ])
    func asciiPathsGiveTheSameURLsAsCharacters(_ target: String, _ page: String) {
        let expected = PagePaths.relative(
            target: target.split(separator: "/"), from: page.split(separator: "/"),
            isFolder: target.isEmpty || target.hasSuffix("/"))
        #expect(PagePaths.relative(target, from: page) == expected)
    }

    @Test func otherPathsAreCutOnCharacters() {
        #expect(PagePaths.relative("acción/ñ/", from: "acción/b/") == "../ñ/")
    }
}
