import Diagnostics
import Foundation
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

    @Test func theRCNVisaPageMatchesItsGoldenFile() throws {
        let result = Build.render(BuildOptions(root: Repository.root))
        let page = try #require(result.files.first { $0.path == "proyectos/rcn-visa/index.html" })
        try compare(
            String(decoding: page.bytes, as: UTF8.self),
            with: Repository.root + "/Tests/AvanceKitTests/Golden/proyectos-rcn-visa.html")
    }

    @Test func aSiteFullOfTyposGivesTheExpectedReport() throws {
        let site = Repository.fixtures + "/invalid-sites/typos"
        let result = Build.render(BuildOptions(root: site).with(themeRoot: Repository.root))
        #expect(result.exitCode == 1)
        let report = DiagnosticReport(result.diagnostics, sources: result.sources).formatted(.text)
        try compare(report, with: site + "/expected.txt")
    }
}
