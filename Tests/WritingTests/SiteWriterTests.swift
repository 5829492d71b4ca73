import Diagnostics
import Foundation
import SiteLayout
import Testing

@testable import Writing

@Suite struct SiteWriterTests {
    let root: String
    let manager = FileManager.default

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-writer-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
    }

    func read(_ path: String) -> String? {
        manager.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func writesEveryFileAndMarksTheFolder() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        #expect(writer.checkTarget(root: root) == nil)
        try writer.write([OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/b/index.html", text: "b")])
        #expect(read(root + "/public/index.html") == "home")
        #expect(read(root + "/public/a/b/index.html") == "b")
        #expect(manager.fileExists(atPath: root + "/public/" + SiteWriter.marker))
    }

    @Test func aNewBuildReplacesTheOldSiteAsAWholeAndKeepsItAsThePreviousOne() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "old/index.html", text: "old"), OutputFile(path: "index.html", text: "1")])
        try writer.write([OutputFile(path: "index.html", text: "2")])
        #expect(read(root + "/public/index.html") == "2")
        #expect(!manager.fileExists(atPath: root + "/public/old/index.html"))
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == [".public.previous", "content", "public"])
        #expect(read(root + "/.public.previous/old/index.html") == "old")
    }

    /// Every path under `folder`, relative, with a trailing `/` for folders.
    func tree(_ folder: String) throws -> [String] {
        try manager.subpathsOfDirectory(atPath: folder).map { path in
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            return isFolder.boolValue ? path + "/" : path
        }.sorted()
    }

    func inode(_ path: String) throws -> Int? {
        try manager.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    /// The third build recycles the first one's tree: unchanged files are not written again,
    /// and the result is exactly the new site, whatever the old one held where.
    @Test func aRebuildRecyclesThePreviousSiteAndWritesOnlyWhatChanged() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([
            OutputFile(path: "index.html", text: "1"), OutputFile(path: "same/index.html", text: "same"),
            OutputFile(path: "gone/deep/index.html", text: "gone"), OutputFile(path: "becomes-folder", text: "file"),
            OutputFile(path: "becomes-file/index.html", text: "folder"), OutputFile(path: "longer.txt", text: "ab"),
        ])
        let sameInode = try inode(root + "/public/same/index.html")
        try writer.write([OutputFile(path: "index.html", text: "2")])
        let third = [
            OutputFile(path: "index.html", text: "3"), OutputFile(path: "same/index.html", text: "same"),
            OutputFile(path: "becomes-folder/index.html", text: "now a folder"),
            OutputFile(path: "becomes-file", text: "now a file"), OutputFile(path: "longer.txt", text: "abc"),
            OutputFile(path: "new/index.html", text: "new"),
        ]
        try writer.write(third)
        #expect(try inode(root + "/public/same/index.html") == sameInode)
        for file in third {
            #expect(read(root + "/public/" + file.path) == String(decoding: file.bytes, as: UTF8.self))
        }
        #expect(
            try tree(root + "/public") == [
                SiteWriter.marker, "becomes-file", "becomes-folder/", "becomes-folder/index.html", "index.html",
                "longer.txt", "new/", "new/index.html", "same/", "same/index.html",
            ])
        #expect(try tree(root + "/.public.previous") == [SiteWriter.marker, "index.html"])
    }

    /// A staging prepared before any file comes (a build does, to list the previous site while
    /// it reads the content) makes the same site; discarded, it leaves the previous site to the
    /// next build.
    @Test func aPreparedStagingRecyclesThePreviousSiteAsAddWould() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "1"), OutputFile(path: "gone/index.html", text: "g")])
        try writer.write([OutputFile(path: "index.html", text: "2"), OutputFile(path: "gone/index.html", text: "g")])
        let dropped = writer.stage()
        dropped.prepare()
        dropped.discard()
        #expect(try tree(root + "/.public.previous") == [SiteWriter.marker, "gone/", "gone/index.html", "index.html"])
        #expect(read(root + "/.public.previous/index.html") == "1")
        let staging = writer.stage()
        staging.prepare()
        staging.add([OutputFile(path: "index.html", text: "3"), OutputFile(path: "new.html", text: "n")])
        try staging.commit()
        #expect(try tree(root + "/public") == [SiteWriter.marker, "index.html", "new.html"])
        #expect(read(root + "/public/index.html") == "3")
        #expect(read(root + "/.public.previous/index.html") == "2")
    }

    /// A staging folder that cannot be made fails the commit, naming why, whether the staging
    /// was prepared (there is no previous site to recycle here: preparing does nothing) or not.
    @Test func aPreparedStagingThatCannotBeMadeFailsTheCommit() throws {
        defer { try? manager.removeItem(atPath: root) }
        try Data("a file".utf8).write(to: URL(fileURLWithPath: root + "/file"))
        let staging = SiteWriter(output: root + "/file/public").stage()
        staging.prepare()
        staging.add([OutputFile(path: "index.html", text: "x")])
        let error = #expect(throws: Diagnostic.self) { try staging.commit() }
        #expect(error?.code == "output-failed")
        #expect(read(root + "/file") == "a file")
    }

    @Test func theStagingFolderOfAKilledBuildIsRecycled() throws {
        defer { try? manager.removeItem(atPath: root) }
        // A staging folder of a process that no longer exists (pid 2^22 + 1 is above Linux's limit),
        // half written.
        let stale = root + "/.public.staging-4194305"
        try manager.createDirectory(atPath: stale + "/a", withIntermediateDirectories: true)
        try Data("half".utf8).write(to: URL(fileURLWithPath: stale + "/a/index.html"))
        try SiteWriter(output: root + "/public").write([OutputFile(path: "index.html", text: "x")])
        // It was recycled at once, and what the new site lacks was removed from it.
        #expect(!manager.fileExists(atPath: stale))
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == ["content", "public"])
        #expect(try tree(root + "/public") == [SiteWriter.marker, "index.html"])
        #expect(read(root + "/public/index.html") == "x")
    }

    @Test func filesThatWouldLeaveTheOutputAreRefusedAndNothingIsWritten() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "previous")])
        for path in ["../escape.html", "/etc/x", "a/../../b", "a//b", ""] {
            #expect(throws: Diagnostic.self) { try writer.write([OutputFile(path: path, text: "x")]) }
        }
        #expect(throws: Diagnostic.self) {
            try writer.write([OutputFile(path: "a.html", text: "1"), OutputFile(path: "a.html", text: "2")])
        }
        #expect(read(root + "/public/index.html") == "previous")
        #expect(!manager.fileExists(atPath: root + "/escape.html"))
    }

    @Test func aFileThatCannotBeWrittenIsNamedAndThePreviousSiteStays() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "previous")])
        // `a` is both a file and the folder of `a/b.html`: the file cannot be written.
        let error = #expect(throws: Diagnostic.self) {
            try writer.write([OutputFile(path: "a", text: "file"), OutputFile(path: "a/b.html", text: "page")])
        }
        #expect(error?.code == "output-failed")
        let message = error?.message ?? ""
        #expect(message.hasSuffix("/a`: Is a directory"), "\(message)")
        #expect(message.contains(".public.staging-"))
        #expect(read(root + "/public/index.html") == "previous")
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == ["content", "public"])
    }

    @Test func unsafeOutputFoldersAreRefused() throws {
        defer { try? manager.removeItem(atPath: root) }
        try manager.createDirectory(atPath: root + "/mine", withIntermediateDirectories: true)
        try "keep".write(toFile: root + "/mine/notes.txt", atomically: true, encoding: .utf8)
        for output in ["/", root, root + "/content", root + "/content/x", root + "/theme", root + "/mine", "/tmp/.."] {
            let refusal = SiteWriter(output: output).checkTarget(root: root)
            #expect(refusal?.code == "output-unsafe", "\(output)")
        }
        #expect(SiteWriter(output: root + "/elsewhere").checkTarget(root: root) == nil)
        #expect(read(root + "/mine/notes.txt") == "keep")
    }
}
