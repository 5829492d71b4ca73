import Foundation
import SiteLayout
import Testing

@testable import Writing

@Suite struct FileTreeTests {
    let root: String
    let manager = FileManager.default

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-tree-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// Every file under `folder`, by relative path, with its bytes.
    func contents(of folder: String) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for path in try manager.subpathsOfDirectory(atPath: folder) {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            found[path] = manager.contents(atPath: folder + "/" + path).map { [UInt8]($0) }
        }
        return found
    }

    @Test func writesEveryFileWithItsBytesAndMakesEveryFolder() throws {
        defer { try? manager.removeItem(atPath: root) }
        // Many files in many folders, of several sizes (empty, one byte, larger than a page).
        var files = (0..<500).map { index in
            OutputFile(
                path: "c\(index % 7)/e\(index)/index.html",
                bytes: (0..<(index * 37 % 9000)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) })
        }
        files += [
            OutputFile(path: "index.html", bytes: []), OutputFile(path: "a/b/c/d/e.json", text: "{}\n"),
            OutputFile(path: "á/ñ.html", text: "acentos"),
        ]
        try FileTree.write(files, into: root)
        let written = try contents(of: root)
        #expect(written.count == files.count)
        for file in files { #expect(written[file.path] == file.bytes, "\(file.path)") }
        var info = stat()
        #expect(stat(root + "/a/b/c/d", &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        #expect(stat(root + "/index.html", &info) == 0 && info.st_mode & 0o777 == 0o666 & ~currentUmask())
    }

    @Test func aFailureNamesThePath() throws {
        defer { try? manager.removeItem(atPath: root) }
        // `a` must be both a file and the folder of `a/b.html`: the folder is made, the file fails.
        #expect(throws: FileTree.Failure(path: root + "/a", code: EISDIR)) {
            try FileTree.write(
                [OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "page")], into: root)
        }
        let failure = FileTree.Failure(path: root + "/a", code: EISDIR)
        #expect(failure.localizedDescription == "`\(root)/a`: Is a directory")
    }

    /// Into a folder this build made, files are created without an `unlink` first; a file or
    /// hard link found there after all is replaced, not written through, and a folder in the
    /// way fails as it does otherwise.
    @Test func aFreshWriteReplacesWhatIsThereAfterAll() throws {
        defer { try? manager.removeItem(atPath: root) }
        try FileTree.write([OutputFile(path: "kept.html", text: "original")], into: root)
        #expect(link(root + "/kept.html", root + "/linked.html") == 0)
        var made: Set<String> = []
        try FileTree.write(
            [OutputFile(path: "linked.html", text: "new"), OutputFile(path: "n/index.html", text: "n")], into: root,
            made: &made, fresh: true)
        let written = try contents(of: root)
        #expect(written["linked.html"] == Array("new".utf8))
        #expect(written["kept.html"] == Array("original".utf8))
        #expect(written["n/index.html"] == Array("n".utf8))
        #expect(throws: FileTree.Failure(path: root + "/n", code: EISDIR)) {
            try FileTree.write([OutputFile(path: "n", text: "file")], into: root, made: &made, fresh: true)
        }
    }

    @Test func aMissingFolderIsReported() {
        defer { try? manager.removeItem(atPath: root) }
        #expect(throws: FileTree.Failure(path: root + "/missing/x", code: ENOENT)) {
            try FileTree.write([OutputFile(path: "x/index.html", text: "x")], into: root + "/missing")
        }
    }

    @Test func removesATreeWithoutFollowingLinks() throws {
        defer { try? manager.removeItem(atPath: root) }
        let outside = root + "/outside"
        try manager.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/keep.txt"))
        let tree = root + "/tree"
        try manager.createDirectory(atPath: tree, withIntermediateDirectories: true)
        try FileTree.write(
            (0..<200).map { OutputFile(path: "p\($0 % 13)/q\($0)/index.html", text: "\($0)") }, into: tree)
        try manager.createSymbolicLink(atPath: tree + "/link", withDestinationPath: outside)
        FileTree.remove(tree)
        #expect(!manager.fileExists(atPath: tree))
        #expect(manager.fileExists(atPath: outside + "/keep.txt"))
        FileTree.remove(tree)  // already gone: nothing to do, no crash
    }
}

/// The process's file mode mask, read from `/proc` so that it is never changed, not even for a moment.
private func currentUmask() -> mode_t {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") } ?? "Umask: 0022"
    return mode_t(
        line.split(separator: "\t").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022)
}
