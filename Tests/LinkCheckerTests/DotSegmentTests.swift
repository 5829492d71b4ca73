import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// `..` resolved as browsers do (RFC 3986's remove_dot_segments): above the host's root it stays
/// at the root; a site served under a sub-path is left only when the result is outside that path.
@Suite struct DotSegmentTests {
    static let page = LinkResolver.Page(file: "proyectos/rcn-visa/index.html")

    static let atHostRoot: [(String, LinkTarget)] = [
        ("../../../x", .local(path: "x", folder: false, fragment: nil)),
        ("../../../../../css/site.css#a", .local(path: "css/site.css", folder: false, fragment: "a")),
        ("/../a/", .local(path: "a", folder: true, fragment: nil)),
        ("/a/../../b", .local(path: "b", folder: false, fragment: nil)),
        ("%2e%2e/%2e%2e/%2e%2e/x", .local(path: "x", folder: false, fragment: nil)),
        ("https://example.org/../x", .local(path: "x", folder: false, fragment: nil)),
    ]

    @Test(arguments: atHostRoot)
    func aboveTheRootOfTheHostStaysAtTheRoot(_ url: String, _ expected: LinkTarget) {
        let resolver = LinkResolver(address: SiteAddress(baseURL: "https://example.org/"))
        #expect(resolver.resolve(url, in: Self.page) == expected)
    }

    static let underSubPath: [(String, LinkTarget)] = [
        ("../../../resiliencia/socios/", .local(path: "socios", folder: true, fragment: nil)),
        ("../../../../../resiliencia/x", .local(path: "x", folder: false, fragment: nil)),
        ("../../../x", .outside(.aboveRoot)),
        ("/resiliencia/../x", .outside(.aboveRoot)),
        ("/resiliencia/a/../../resiliencia/b", .local(path: "b", folder: false, fragment: nil)),
        ("/resiliencia/..", .outside(.aboveRoot)),
        ("https://example.org/resiliencia/../resiliencia/", .local(path: "", folder: true, fragment: nil)),
    ]

    @Test(arguments: underSubPath)
    func aSubPathIsLeftOnlyWhenTheResultIsOutsideIt(_ url: String, _ expected: LinkTarget) {
        let resolver = LinkResolver(address: SiteAddress(baseURL: "https://example.org/resiliencia/"))
        #expect(resolver.resolve(url, in: Self.page) == expected)
    }

    @Test func aBaseAboveTheRootIsTheRoot() async throws {
        let folder = try Repository.temporaryFolder("base-above-root")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "a/b/index.html": Fixtures.page(
                    #"<base href="../../../"><a href="css/site.css">c</a> <a href="a/b/#x" id="x">x</a>"#),
                "css/site.css": "",
            ], into: folder)
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.diagnostics.map(\.message) == [])
        #expect(report.links == 2)
    }

    /// Under a sub-path, a base above the site's root makes relative URLs start from the host's
    /// root: they must name the sub-path again.
    @Test func aBaseAboveASubPathMakesURLsStartFromTheHostsRoot() async throws {
        let folder = try Repository.temporaryFolder("base-above-sub-path")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "a/b/index.html": Fixtures.page(
                    #"<base href="../../../../"><a href="resiliencia/css/site.css">c</a> <a href="css/site.css">d</a>"#),
                "css/site.css": "",
            ], into: folder)
        let report = await Fixtures.check(folder, baseURL: "https://example.org/resiliencia/")
        #expect(report.diagnostics.map(\.code) == ["link-outside"])
        #expect(
            report.diagnostics.first?.message == "`css/site.css` is outside `/resiliencia/`, where the site is served")
        #expect(report.diagnostics.first?.hint == "did you mean `/resiliencia/css/site.css`?")
        #expect(
            report.diagnostics.first?.location
                == SourceLocation(file: "a/b/index.html", line: 4, column: 77, length: 12))
    }
}
