import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// Whole outputs compared byte for byte with files in the repository. After an intended change,
/// run `make golden` (which sets AVANCE_UPDATE_GOLDEN=1) and review the diff.
@Suite struct GoldenTests {
    static let updating = ProcessInfo.processInfo.environment["AVANCE_UPDATE_GOLDEN"] == "1"

    func compare(_ actual: String, with path: String) throws {
        if Self.updating {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == expected, "differs from \(path); run `make golden` if the change is intended")
    }

    /// Pages and documents of the test site (`Tests/Fixtures/valid-site`): a project with every
    /// kind of field, its English translation, the home page's dashboards, and a feed.
    @Test(arguments: [
        "proyectos/huertos-comunitarios/index.html", "en/proyectos/huertos-comunitarios/index.html", "index.html",
        "feed.json", "periodos/2023/index.html", "api/v2/periodos/2023.json",
    ])
    func aPageOfTheTestSiteMatchesItsGoldenFile(path: String) throws {
        let page = try #require(ValidSite.page(path), "no \(path)")
        let name = path.replacingOccurrences(of: "/index.html", with: ".html").replacingOccurrences(of: "/", with: "-")
        try compare(page, with: Repository.root + "/Tests/AvanceKitTests/Golden/" + name)
    }

    @Test func aSiteFullOfTyposGivesTheExpectedReport() throws {
        let site = Repository.fixtures + "/invalid-sites/typos"
        let result = Build.render(BuildOptions(root: site).with(themeRoot: Repository.root))
        #expect(result.exitCode == 1)
        let report = DiagnosticReport(result.diagnostics, sources: result.sources).formatted(.text)
        try compare(report, with: site + "/expected.txt")
    }
}
