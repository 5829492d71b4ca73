import Foundation
import TestSupport
import Testing

/// `avance report <period> --pdf FILE`, run as a user would: the PDF printed by headless
/// Chromium, and every way it can refuse (exit 2, nothing written).
@Suite(.serialized) struct PeriodReportTests {
    static let epoch = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]

    /// The fixture copied to a new folder, and a PDF path in another.
    func site(_ name: String) throws -> (root: String, pdf: String) {
        let root = try ValidSite.copy(name)
        return (root, root + "/informe.pdf")
    }

    @Test func withoutChromiumTheReportExitsTwoAndSaysHowToInstallIt() throws {
        let (root, pdf) = try site("report-no-chromium")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Repository.runAvance(
            ["report", "2023", "--pdf", pdf, "--root", root],
            environment: Self.epoch.merging(["AVANCE_CHROMIUM": root + "/no-such-chromium"]) { $1 })
        #expect(run.status == 2)
        #expect(run.err.contains("error[chromium-missing]"), "\(run.err)")
        #expect(run.err.contains("apt-get install chromium"))
        #expect(run.err.contains("no-such-chromium"))
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }

    @Test func anUnknownPeriodIsAUsageErrorThatNamesTheSitesPeriods() throws {
        let (root, pdf) = try site("report-unknown")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Repository.runAvance(
            ["report", "trimestre-9", "--pdf", pdf, "--root", root],
            environment: Self.epoch.merging(["AVANCE_CHROMIUM": "/bin/true"]) { $1 })
        #expect(run.status == 2)
        #expect(run.err.contains("error[argument-period-unknown]: no period `trimestre-9`"), "\(run.err)")
        #expect(run.err.contains("`2021`, `2022`, `2023`, `2024`, `2025`"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }

    @Test func anExistingFileIsKeptUnlessForced() throws {
        let (root, pdf) = try site("report-exists")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: pdf))
        let run = try Repository.runAvance(
            ["report", "2023", "--pdf", pdf, "--root", root],
            environment: Self.epoch.merging(["AVANCE_CHROMIUM": "/bin/true"]) { $1 })
        #expect(run.status == 2)
        #expect(run.err.contains("error[output-exists]"), "\(run.err)")
        #expect(try String(contentsOfFile: pdf, encoding: .utf8) == "mine")
    }

    @Test func aChromiumThatPrintsNothingLeavesNoFile() throws {
        let (root, pdf) = try site("report-fails")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Repository.runAvance(
            ["report", "2023", "--pdf", pdf, "--root", root],
            environment: Self.epoch.merging(["AVANCE_CHROMIUM": "/bin/false"]) { $1 })
        #expect(run.status == 2)
        #expect(run.err.contains("error[chromium-failed]"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    /// Needs Chromium (Debian's `chromium`); skipped on a machine without it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
    func thePeriodPrintsAsAnA4PDF() throws {
        let (root, pdf) = try site("report-print")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try Repository.runAvance(
            ["report", "2023", "--pdf", pdf, "--root", root, "--force"], timeout: 120, environment: Self.epoch)
        #expect(run.status == 0, "\(run.err)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(bytes.starts(with: Data("%PDF".utf8)))
        // A4 is 595 × 842 points.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("/MediaBox [0 0 594.9") || text.contains("/MediaBox [0 0 595"), "not A4")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }
}
