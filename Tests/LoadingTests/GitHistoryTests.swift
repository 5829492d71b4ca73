import Foundation
import Testing

@testable import Loading

/// "Last updated" from git: one `git log` call, dates per file, and one warning when unknown.
@Suite struct GitHistoryTests {
    /// Runs git in `folder` with fixed dates, so results do not depend on the clock.
    @discardableResult
    func git(_ arguments: [String], in folder: String, date: String = "2024-03-01T12:00:00Z") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        process.environment = [
            "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@e", "HOME": folder, "PATH": "/usr/bin:/bin",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func datesComeFromTheLastCommitThatTouchedEachFile() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-git-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("a", to: root + "/content/a.md")
        try write("b", to: root + "/content/b.md")
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-qm", "one"], in: root, date: "2024-01-10T10:00:00Z")
        try write("a2", to: root + "/content/a.md")
        try git(["commit", "-qam", "two"], in: root, date: "2024-05-20T10:00:00Z")
        let (history, warning) = GitHistory.read(root: root, environment: [:])
        #expect(warning == nil)
        #expect(history.lastChanged == ["content/a.md": "2024-05-20", "content/b.md": "2024-01-10"])
        #expect(history.referenceDate == "2024-05-20")
        // SOURCE_DATE_EPOCH wins as the reference date (2024-06-30T00:00:00Z).
        #expect(
            GitHistory.read(root: root, environment: ["SOURCE_DATE_EPOCH": "1719705600"]).0.referenceDate
                == "2024-06-30")

        let clone = root + "-shallow"
        defer { try? FileManager.default.removeItem(atPath: clone) }
        try git(["clone", "-q", "--depth", "1", "file://" + root, clone], in: root)
        let (shallow, shallowWarning) = GitHistory.read(root: clone, environment: [:])
        #expect(shallow.lastChanged.isEmpty)
        #expect(shallowWarning?.code == "git-shallow")
    }

    @Test func aFolderOutsideGitGivesNoDatesAndOneWarning() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-nogit-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("a", to: root + "/content/a.md")
        let (history, warning) = GitHistory.read(root: root, environment: [:])
        #expect(history.lastChanged.isEmpty)
        #expect(warning?.code == "git-unavailable")
        #expect(warning?.severity == .warning)
    }

    /// `avance init` makes a repository with no commit yet: nothing has a date, and that is no
    /// problem to warn about.
    @Test func aRepositoryWithNoCommitYetGivesNoDatesAndNoWarning() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-new-git-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("a", to: root + "/content/a.md")
        try git(["init", "-q"], in: root)
        let (history, warning) = GitHistory.read(root: root, environment: [:])
        #expect(history.lastChanged.isEmpty)
        #expect(warning == nil)
    }
}
