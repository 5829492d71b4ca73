import Foundation
import Testing

@testable import Loading

/// Git's index read in place of `git ls-files --stage` and `git diff-files` (`GitIndex`): the
/// blobs of the clean files are git's own, in every index version git writes; a file changed,
/// gone, marked or racily clean has none; what this reader does not know is left to git.
@Suite struct GitIndexTests {
    let repository = GitHistoryTests()

    /// A repository whose site is the folder `site/` of it (the index names files from the top),
    /// every file written an hour before the index. `changed.md` has new bytes of the same size,
    /// its time set back to the index's record; `gone.md` is removed; `assumed.md`, `skipped.md`
    /// and `intended.md` are marked; a link and a submodule are not files.
    func makeRepository(_ arguments: [String] = []) throws -> String {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("avance-index-\(UUID())").path
        let content = top + "/site/content"
        let names = ["a.md", "acción.md", "sub/b.md", "exec.md", "changed.md", "gone.md", "assumed.md", "skipped.md"]
        for name in names { try repository.write("texto de \(name)\n", to: content + "/" + name) }
        try repository.write("*.md text\n", to: top + "/.gitattributes")
        try repository.write("*.csv -text\n", to: content + "/.gitattributes")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: content + "/exec.md")
        try FileManager.default.createSymbolicLink(atPath: content + "/enlace.md", withDestinationPath: "a.md")
        for name in names { try repository.backdate(content + "/" + name) }
        try repository.git(["init", "-q"] + arguments, in: top)
        try repository.git(["add", "."], in: top)
        try repository.git(["commit", "-qm", "one"], in: top)
        let commit = try repository.output(["rev-parse", "HEAD"], in: top)
        try repository.git(["update-index", "--add", "--cacheinfo", "160000,\(commit),site/content/modulo"], in: top)
        try repository.git(["update-index", "--assume-unchanged", "site/content/assumed.md"], in: top)
        try repository.git(["update-index", "--skip-worktree", "site/content/skipped.md"], in: top)
        try repository.write("nuevo\n", to: content + "/intended.md")
        try repository.git(["add", "-N", "site/content/intended.md"], in: top)
        // The same size, the recorded time: only the change time tells.
        let recorded = try FileManager.default.attributesOfItem(atPath: content + "/changed.md")[.modificationDate]
        try repository.write("texto de changed.mX\n", to: content + "/changed.md")
        try FileManager.default.setAttributes(
            [.modificationDate: recorded as Any], ofItemAtPath: content + "/changed.md")
        try FileManager.default.removeItem(atPath: content + "/gone.md")
        return top
    }

    func blobs(_ top: String) throws -> GitBlobs? {
        let root = top + "/site"
        let prefix = try repository.output(["rev-parse", "--show-prefix"], in: root)
        return GitBlobs.read(
            index: top + "/.git/index", prefix: prefix, root: root, folder: "content", settings: "", attributes: nil)
    }

    @Test(arguments: ["2", "3", "4"])
    func theCleanFilesHaveTheirBlobsInEveryIndexVersion(_ version: String) throws {
        let top = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: top) }
        try repository.git(["update-index", "--index-version", version], in: top)
        let read = try #require(try blobs(top))
        let expected = ["content/a.md", "content/acción.md", "content/sub/b.md", "content/exec.md"]
        #expect(Set(read.ids.keys) == Set(expected))
        for path in expected {
            #expect(read.ids[path] == (try repository.output(["hash-object", path], in: top + "/site")), "\(path)")
        }
        // Git's own answer holds the same blobs, and those it vouches for without a look.
        let staged = try repository.output(
            ["ls-files", "--stage", "-z", "--", "content", ":(top,glob)**/.gitattributes"], in: top + "/site")
        let changed = try repository.output(
            ["diff-files", "--name-only", "-z", "--relative", "--", "content"], in: top + "/site")
        let git = GitBlobs.parse(staged: staged + "\0", changed: changed, settings: "", attributes: nil)
        #expect(read.ids.allSatisfy { git.ids[$0.key] == $0.value })
        #expect(Set(git.ids.keys).subtracting(read.ids.keys) == ["content/assumed.md", "content/skipped.md"])
        // Through `GitHistory`, as a build reads it: the same blobs.
        let history = GitHistory.read(root: top + "/site", environment: [:], blobs: true).0
        #expect(history.blobs?.ids == read.ids)
    }

    /// An index written before its files' times (a file changed in the moment git wrote it, as
    /// git fears): no file is vouched for.
    @Test func racilyCleanFilesHaveNoBlob() throws {
        let top = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: top) }
        try repository.backdate(top + "/site/content/a.md")
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: top + "/.git/index")
        #expect(try blobs(top)?.ids.isEmpty == true)
    }

    /// A split index keeps its entries in another file: git is asked, and says the same.
    @Test func aSplitIndexIsLeftToGit() throws {
        let top = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: top) }
        let whole = try #require(try blobs(top))
        try repository.git(["update-index", "--split-index"], in: top)
        #expect(try blobs(top) == nil)
        let history = GitHistory.read(root: top + "/site", environment: [:], blobs: true).0
        // Git vouches for the files marked assume-unchanged and skip-worktree too.
        let ids = try #require(history.blobs?.ids)
        #expect(Set(ids.keys) == Set(whole.ids.keys).union(["content/assumed.md", "content/skipped.md"]))
        #expect(whole.ids.allSatisfy { ids[$0.key] == $0.value })
    }

    @Test func aSHA256RepositoryHasLongerBlobs() throws {
        let top = try makeRepository(["--object-format=sha256"])
        defer { try? FileManager.default.removeItem(atPath: top) }
        let settings = "extensions.objectformat\nsha256\0"
        let prefix = try repository.output(["rev-parse", "--show-prefix"], in: top + "/site")
        let read = try #require(
            GitBlobs.read(
                index: top + "/.git/index", prefix: prefix, root: top + "/site", folder: "content",
                settings: settings, attributes: nil))
        let blob = try repository.output(["hash-object", "content/a.md"], in: top + "/site")
        #expect(blob.count == 64)
        #expect(read.ids["content/a.md"] == blob)
        let history = GitHistory.read(root: top + "/site", environment: [:], blobs: true).0
        #expect(history.blobs?.ids == read.ids)
    }

    /// Cut anywhere, an index is refused or read as far as it is whole: never misread.
    @Test func aDamagedIndexIsRefusedNeverMisread() throws {
        let top = try makeRepository()
        defer { try? FileManager.default.removeItem(atPath: top) }
        for version in ["2", "4"] {
            try repository.git(["update-index", "--index-version", version], in: top)
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: top + "/.git/index")))
            let whole = try #require(GitIndex.parse(bytes))
            #expect(whole.attributes.keys.sorted() == [".gitattributes", "site/content/.gitattributes"])
            // Only the files under a folder are kept, with every `.gitattributes` still.
            let sub = try #require(GitIndex.parse(bytes, under: "site/content/sub/"))
            #expect(Array(sub.files.keys) == ["site/content/sub/b.md"])
            #expect(sub.files["site/content/sub/b.md"] == whole.files["site/content/sub/b.md"])
            #expect(sub.attributes == whole.attributes)
            for cut in 0..<bytes.count {
                guard let read = GitIndex.parse(Array(bytes[..<cut])) else { continue }
                #expect(read.files.allSatisfy { whole.files[$0.key] == $0.value }, "cut at \(cut)")
            }
            var flipped = bytes
            flipped[0] = UInt8(ascii: "X")
            #expect(GitIndex.parse(flipped) == nil)
        }
    }
}
