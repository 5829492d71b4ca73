import Diagnostics
import Foundation
import SiteLayout
import Testing

@testable import Writing

@Suite struct SiteStagingTests {
    let root: String
    let manager = FileManager.default

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-staging-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func read(_ path: String) -> String? {
        manager.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func batchesAddedOneAfterAnotherMakeOneSite() throws {
        defer { try? manager.removeItem(atPath: root) }
        let staging = SiteWriter(output: root + "/public").stage()
        for batch in 0..<5 {
            staging.add((0..<50).map { OutputFile(path: "c/e\(batch)-\($0)/index.html", text: "\(batch) \($0)") })
        }
        try staging.commit()
        #expect(read(root + "/public/c/e3-7/index.html") == "3 7")
        let pages = try manager.contentsOfDirectory(atPath: root + "/public/c")
        #expect(pages.count == 250)
        #expect(manager.fileExists(atPath: root + "/public/" + SiteWriter.marker))
        #expect(try manager.contentsOfDirectory(atPath: root) == ["public"])
    }

    @Test func nothingIsMadeOnDiskBeforeTheFirstFiles() throws {
        defer { try? manager.removeItem(atPath: root) }
        let staging = SiteWriter(output: root + "/site/public").stage()
        staging.discard()
        #expect(!manager.fileExists(atPath: root + "/site"))
    }

    @Test func aPathTwiceInTwoBatchesFailsTheCommitAndKeepsThePreviousSite() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "previous")])
        let staging = writer.stage()
        staging.add([OutputFile(path: "a/index.html", text: "1")])
        staging.add([OutputFile(path: "a/index.html", text: "2")])
        let error = #expect(throws: Diagnostic.self) { try staging.commit() }
        #expect(error?.code == "output-conflict")
        #expect(error?.message == "two outputs would be written to `a/index.html`")
        #expect(read(root + "/public/index.html") == "previous")
        #expect(try manager.contentsOfDirectory(atPath: root) == ["public"])
    }

    @Test func aDiscardedSiteLeavesThePreviousOneAndNoStagingFolder() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "previous")])
        let staging = writer.stage()
        staging.add([OutputFile(path: "index.html", text: "new")])
        staging.discard()
        #expect(read(root + "/public/index.html") == "previous")
        // The discarded staging folder is kept aside, for the next build to recycle.
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == [".public.previous", "public"])
    }

    // MARK: - Patching a copy (`SiteWriter.patch`)

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// An output and a copy of it by hard links, as the build cache keeps them.
    func siteAndCopy(_ files: [OutputFile]) throws -> (SiteWriter, copy: String) {
        let writer = SiteWriter(output: root + "/public")
        try writer.write(files)
        let copy = root + "/cache/output"
        try CopyTree.link(files.map(\.path) + [SiteWriter.marker], from: writer.output, to: copy)
        return (writer, copy)
    }

    @Test func aPatchMakesTheSiteFromTheCopyAndTheOldSiteBecomesTheCopy() throws {
        defer { try? manager.removeItem(atPath: root) }
        let (writer, copy) = try siteAndCopy([
            OutputFile(path: "index.html", text: "home"),
            OutputFile(path: "a/index.html", text: "a"),
            OutputFile(path: "gone/deep/index.html", text: "gone"),
            OutputFile(path: "kept/index.html", text: "kept"),
        ])
        let kept = inode(root + "/public/kept/index.html")
        let oldSite = inode(root + "/public")
        let copyFolder = inode(copy)
        let staging = writer.patch(copy, outputIsBase: true)
        staging.add([OutputFile(path: "a/index.html", text: "a, again"), OutputFile(path: "new/b.json", text: "{}")])
        staging.reuse(["index.html", "kept/index.html"], from: "/nonexistent")  // the copy has them
        staging.remove(["gone/deep/index.html"])
        // Nothing changes in the output or the copy before the commit.
        #expect(read(root + "/public/a/index.html") == "a")
        #expect(read(copy + "/a/index.html") == "a")
        try staging.commit()
        #expect(staging.baseKept)
        for site in [root + "/public", copy] {
            #expect(read(site + "/a/index.html") == "a, again")
            #expect(read(site + "/new/b.json") == "{}")
            #expect(read(site + "/index.html") == "home")
            #expect(inode(site + "/kept/index.html") == kept)
            // The removed file's folders, left empty, go too.
            #expect(!manager.fileExists(atPath: site + "/gone"))
            #expect(manager.fileExists(atPath: site + "/" + SiteWriter.marker))
        }
        // The copy was swapped in whole; the old site, brought up to date, is the copy now,
        // its new files linked to the output's.
        #expect(inode(root + "/public") == copyFolder)
        #expect(inode(copy) == oldSite)
        #expect(inode(copy + "/a/index.html") == inode(root + "/public/a/index.html"))
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == ["cache", "public"])
    }

    @Test func aPatchOverAnOutputThatIsNotTheCopysDropsTheOldSite() throws {
        defer { try? manager.removeItem(atPath: root) }
        let (writer, copy) = try siteAndCopy([OutputFile(path: "index.html", text: "home")])
        let staging = writer.patch(copy, outputIsBase: false)
        staging.add([OutputFile(path: "index.html", text: "new")])
        try staging.commit()
        #expect(!staging.baseKept)
        #expect(read(root + "/public/index.html") == "new")
        // The old site is not the copy's: it is kept aside for a build to recycle, not as the copy.
        #expect(!manager.fileExists(atPath: copy))
        #expect(read(root + "/.public.previous/index.html") == "home")
    }

    @Test func aPatchWithNoOutputYetMakesTheCopyTheOutput() throws {
        // CI: the cache's copy restored, no output.
        defer { try? manager.removeItem(atPath: root) }
        let (writer, copy) = try siteAndCopy([OutputFile(path: "index.html", text: "home")])
        try manager.removeItem(atPath: writer.output)
        let staging = writer.patch(copy, outputIsBase: false)
        staging.add([OutputFile(path: "index.html", text: "new")])
        try staging.commit()
        #expect(!staging.baseKept)
        #expect(read(root + "/public/index.html") == "new")
        #expect(!manager.fileExists(atPath: copy))
    }

    @Test func aPatchThatCannotPlaceAFileFailsAndLeavesTheOutputAsItWas() throws {
        defer { try? manager.removeItem(atPath: root) }
        let (writer, copy) = try siteAndCopy([
            OutputFile(path: "index.html", text: "home"), OutputFile(path: "a", text: "a file"),
        ])
        let staging = writer.patch(copy, outputIsBase: true)
        // `a` is a file in the copy: nothing can be placed under it.
        staging.add([OutputFile(path: "a/index.html", text: "page")])
        let error = #expect(throws: Diagnostic.self) { try staging.commit() }
        #expect(error?.code == "output-failed")
        #expect(read(root + "/public/a") == "a file")
        #expect(read(root + "/public/index.html") == "home")
        // The copy, half changed, is gone; nothing is left beside the output.
        #expect(!manager.fileExists(atPath: copy))
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == ["cache", "public"])
    }

    @Test func aPatchClearsWhatKilledBuildsLeft() throws {
        defer { try? manager.removeItem(atPath: root) }
        let (writer, copy) = try siteAndCopy([OutputFile(path: "index.html", text: "home")])
        // The staging folders of a build killed midway (no process has that number).
        for name in [".public.staging-999999999/a", ".public.staging-site-999999999/b"] {
            try manager.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        }
        let staging = writer.patch(copy, outputIsBase: true)
        staging.add([OutputFile(path: "index.html", text: "new")])
        try staging.commit()
        #expect(read(root + "/public/index.html") == "new")
        #expect(try !manager.contentsOfDirectory(atPath: root).contains { $0.contains("staging") })
    }

    @Test func aDiscardedPatchChangesNeitherTheOutputNorTheCopy() throws {
        defer { try? manager.removeItem(atPath: root) }
        let (writer, copy) = try siteAndCopy([OutputFile(path: "index.html", text: "home")])
        let staging = writer.patch(copy, outputIsBase: true)
        staging.add([OutputFile(path: "index.html", text: "new")])
        staging.remove(["index.html"])
        staging.discard()
        #expect(read(root + "/public/index.html") == "home")
        #expect(read(copy + "/index.html") == "home")
        #expect(try manager.contentsOfDirectory(atPath: root).sorted() == ["cache", "public"])
    }
}
