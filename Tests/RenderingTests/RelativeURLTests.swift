import Testing

@testable import SiteLayout

@Suite struct RelativeURLTests {
    /// Relative URLs cut on bytes (ASCII paths) are those cut on characters.
    @Test(arguments: [
        ("", ""), ("", "a/"), ("a/", ""), ("a/b/", "a/c/"), ("a/b/", "a/b/"), ("css/site.css", "a/b/"),
        ("a//b/", "a/"), ("x/index.html", "x/"), ("en/datos/", "en/proyectos/p-1/"), ("a/b/c/", "d/"),
        ("/a/b/", "a/b/"), ("a/b/", "//a//b//"), ("a", ""), ("a", "a/"), ("a/b", "a/"), ("a/b", "a/b/"),
        ("///", "a/"), ("a/b/c.css", "a/b/c/d/"), ("ab/", "a/"), ("a/", "ab/"), ("x/y/z/", "x/y/"),
    ])
    func asciiPathsGiveTheSameURLsAsCharacters(_ target: String, _ page: String) {
        let expected = PagePaths.relative(
            target: target.split(separator: "/"), from: page.split(separator: "/"),
            isFolder: target.isEmpty || target.hasSuffix("/"))
        #expect(PagePaths.relative(target, from: page) == expected)
    }

    /// Every pair of paths made of a few parts and slashes: the byte walk and the parts agree.
    @Test func everySmallPairGivesTheSameURLAsCharacters() {
        let pieces = ["", "a", "b", "ab", "/", "//", "index.html"]
        var paths: Set<String> = []
        for first in pieces { for second in pieces { for third in pieces { paths.insert(first + second + third) } } }
        for target in paths {
            for page in paths {
                let expected = PagePaths.relative(
                    target: target.split(separator: "/"), from: page.split(separator: "/"),
                    isFolder: target.isEmpty || target.hasSuffix("/"))
                #expect(PagePaths.asciiRelative(target, from: page) == expected, "\(target) from \(page)")
            }
        }
    }

    @Test func otherPathsAreCutOnCharacters() {
        #expect(PagePaths.relative("acción/ñ/", from: "acción/b/") == "../ñ/")
        #expect(PagePaths.asciiRelative("acción/ñ/", from: "acción/b/") == nil)
    }
}
