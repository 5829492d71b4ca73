import Diagnostics
import Testing

@testable import LinkChecker

/// `Tests/Fixtures/link-sites/valid/`: every way of writing a working link, served under a
/// sub-path. Not one problem may be reported.
@Suite struct ValidSiteTests {
    static let folder = Fixtures.linkSites + "/valid"

    @Test func aValidSiteUnderASubPathHasNoProblem() async {
        let report = await Fixtures.check(Self.folder)
        #expect(report.diagnostics.isEmpty, "\(DiagnosticReport(report.diagnostics).formatted(.text))")
        #expect(report.exitCode == 0)
        #expect(report.pages == 6)
        #expect(report.links == 54)
        #expect(report.externalURLs == 0)
    }

    @Test func atTheRootOfAHostItsSubPathLinksBreak() async {
        let report = await Fixtures.check(Self.folder, baseURL: nil)
        let found = report.diagnostics.map { "\($0.code) \($0.location!.file):\($0.location!.line)" }
        #expect(
            found == [
                "link-missing con-base/index.html:4",
                "link-missing con-base/index.html:4",
                "link-missing index.html:7",
                "link-missing index.html:14",
            ])
    }

    @Test func theBaseURLMayBeJustAPath() async {
        let report = await Fixtures.check(Self.folder, baseURL: "/resiliencia")
        #expect(report.diagnostics.isEmpty)
    }
}
