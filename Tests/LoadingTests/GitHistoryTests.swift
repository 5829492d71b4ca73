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

    /// `git log --format=%x1e%cs --name-only`'s output, cut as bytes: the newest date of each
    /// file (newest commits come first), a commit that touched nothing, non-ASCII names, no
    /// last newline; what comes before the first commit is no file.
    @Test func theLogIsCutIntoTheNewestDateOfEachFile() {
        let log =
            "stray\n\u{1E}2024-05-20\n\ncontent/a.md\ncontent/acción.md\n\u{1E}2024-03-01\n"
            + "\u{1E}2024-01-10\n\ncontent/a.md\ncontent/b.md"
        #expect(
            GitHistory.dates(log) == [
                "content/a.md": "2024-05-20", "content/acción.md": "2024-05-20", "content/b.md": "2024-01-10",
            ])
        #expect(GitHistory.dates("").isEmpty)
    }

    /// `git ls-files --stage -z`'s records, cut as bytes: regular files at stage 0 and not among
    /// `git diff-files`'s are trusted; links, submodules, conflicts and malformed records are not;
    /// `.gitattributes` files are the context, not blobs.
    @Test func theIndexsRecordsGiveTheBlobsOfCleanRegularFiles() {
        let staged = [
            "100644 aaa 0\tcontent/a.md", "100755 bbb 0\tcontent/acción.md", "120000 ccc 0\tcontent/link.md",
            "160000 ddd 0\tcontent/module", "100644 eee 1\tcontent/conflict.md", "100644 fff 0\tcontent/changed.md",
            "100644 ggg\tcontent/short.md", "100644 hhh 0 9\tcontent/long.md", "100644 iii 0\tcontent/.gitattributes",
            "", "100644 jjj 0\tcontent/last.md",
        ].joined(separator: "\0")
        let blobs = GitBlobs.parse(
            staged: staged, changed: "content/changed.md\0", settings: "", attributes: nil)
        #expect(
            blobs.ids == ["content/a.md": "aaa", "content/acción.md": "bbb", "content/last.md": "jjj"])
        let otherAttributes = GitBlobs.parse(
            staged: staged.replacingOccurrences(of: "iii", with: "iij"), changed: "content/changed.md\0", settings: "",
            attributes: nil)
        #expect(otherAttributes.ids == blobs.ids && otherAttributes.context != blobs.context)
        // Nothing changed: the file `diff-files` named is trusted too.
        #expect(
            GitBlobs.parse(staged: staged, changed: "", settings: "", attributes: nil).ids["content/changed.md"]
                == "fff")
    }

    @Test func aFolderOutsideGitGivesNoDatesAndOneWarning() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-nogit-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("a", to: root + "/content/a.md")
        let (history, warning) = GitHistory.read(root: root, environment: [:])
        #expect(history.lastChanged.isEmpty)
        #expect(warning?.code == "git-unavailable")
        #expect(warning?.severity == .warning)
        // Asked for blobs too: none, the same warning, and every git process waited for.
        let (withBlobs, blobsWarning) = GitHistory.read(root: root, environment: [:], blobs: true)
        #expect(withBlobs.blobs == nil && withBlobs.lastChanged.isEmpty)
        #expect(blobsWarning?.code == "git-unavailable")
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
    /// Sets the file's modification time an hour back.
    func backdate(_ path: String) throws {
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
    }

    /// Runs git in `folder` and returns what it printed.
    func output(_ arguments: [String], in folder: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A fresh clone gives every file a new time: the blobs git's index holds are what lets the
    /// build cache skip reading them. Only a regular file whose bytes are the index's has one;
    /// what turns blobs into bytes (attributes, settings) is the context.
    @Test func blobsAreTheIndexsOwnForCleanFilesOnly() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-blobs-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("a", to: root + "/content/a.md")
        try write("b", to: root + "/content/b.md")
        try write("ñ", to: root + "/content/acción.md")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/enlace.md", withDestinationPath: "a.md")
        for name in ["a", "b", "acción"] { try backdate(root + "/content/\(name).md") }
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-qm", "one"], in: root)
        try write("b2", to: root + "/content/b.md")  // changed, not committed
        try write("c", to: root + "/content/c.md")  // not tracked
        try write("d", to: root + "/content/d.md")
        // Written long before the index: not "racily clean" (changed in the moment git wrote the
        // index), which git tells by reading the file, and avance by leaving its blob out.
        try backdate(root + "/content/d.md")
        try git(["add", "content/d.md"], in: root)  // added: the index holds its bytes
        let (history, warning) = GitHistory.read(root: root, environment: [:], blobs: true)
        #expect(warning == nil)
        // A path with a letter outside ASCII is written as it is, not quoted.
        #expect(history.lastChanged["content/acción.md"] == "2024-03-01")
        let blobs = try #require(history.blobs)
        #expect(Set(blobs.ids.keys) == ["content/a.md", "content/acción.md", "content/d.md"])
        #expect(blobs.ids["content/a.md"] == (try output(["hash-object", "content/a.md"], in: root)))
        #expect(GitHistory.read(root: root, environment: [:]).0.blobs == nil)

        // Attributes or settings that change how a blob is checked out give another context.
        try write("*.md text eol=crlf\n", to: root + "/.gitattributes")
        try git(["add", ".gitattributes"], in: root)
        let attributed = try #require(GitHistory.read(root: root, environment: [:], blobs: true).0.blobs)
        #expect(attributed.context != blobs.context)
        try git(["config", "core.autocrlf", "true"], in: root)
        let configured = try #require(GitHistory.read(root: root, environment: [:], blobs: true).0.blobs)
        #expect(configured.context != attributed.context)
        #expect(GitHistory.read(root: root, environment: [:], blobs: true).0.blobs?.context == configured.context)
    }
}
