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
        do {
            try staging.commit()
            Issue.record("the commit should fail")
        } catch {
            #expect(error.code == "output-conflict")
            #expect(error.message == "two outputs would be written to `a/index.html`")
        }
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

    // MARK: - In place (`SiteWriter.update()`)

    @Test func anUpdateInPlaceReplacesAddsAndRemovesOnlyWhatItIsTold() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([
            OutputFile(path: "index.html", text: "home"),
            OutputFile(path: "a/index.html", text: "a"),
            OutputFile(path: "gone/deep/index.html", text: "gone"),
            OutputFile(path: "kept/index.html", text: "kept"),
        ])
        let kept = try manager.attributesOfItem(atPath: root + "/public/kept/index.html")[.systemFileNumber] as? Int
        let staging = writer.update()
        staging.add([OutputFile(path: "a/index.html", text: "a, again"), OutputFile(path: "new/b.json", text: "{}")])
        staging.reuse(["index.html", "kept/index.html"], from: "/nonexistent")  // already there
        // Nothing changes in the output before the commit.
        #expect(read(root + "/public/a/index.html") == "a")
        staging.remove(["gone/deep/index.html"])
        try staging.commit()
        #expect(read(root + "/public/a/index.html") == "a, again")
        #expect(read(root + "/public/new/b.json") == "{}")
        #expect(read(root + "/public/index.html") == "home")
        #expect(
            try manager.attributesOfItem(atPath: root + "/public/kept/index.html")[.systemFileNumber] as? Int == kept)
        // The removed file's folders, left empty, go too; no staging folder is left.
        #expect(!manager.fileExists(atPath: root + "/public/gone"))
        #expect(try manager.contentsOfDirectory(atPath: root) == ["public"])
    }

    @Test func anUpdateInPlaceThatCannotPlaceAFileFailsAndLeavesNoStagingFolder() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "home"), OutputFile(path: "a", text: "a file")])
        let staging = writer.update()
        // `a` is a file in the output: nothing can be placed under it.
        staging.add([OutputFile(path: "a/index.html", text: "page")])
        do {
            try staging.commit()
            Issue.record("the commit should fail")
        } catch {
            #expect(error.code == "output-failed")
        }
        #expect(read(root + "/public/a") == "a file")
        #expect(read(root + "/public/index.html") == "home")
        #expect(try !manager.contentsOfDirectory(atPath: root).contains { $0.contains("staging") })
    }

    @Test func anUpdateInPlaceClearsWhatKilledBuildsLeft() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "home")])
        // The staging folder of a build killed midway (no process has that number).
        try manager.createDirectory(atPath: root + "/.public.staging-999999999/a", withIntermediateDirectories: true)
        let staging = writer.update()
        staging.add([OutputFile(path: "index.html", text: "new")])
        try staging.commit()
        #expect(read(root + "/public/index.html") == "new")
        #expect(try !manager.contentsOfDirectory(atPath: root).contains { $0.contains("staging") })
    }

    @Test func aDiscardedUpdateInPlaceChangesNothing() throws {
        defer { try? manager.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        try writer.write([OutputFile(path: "index.html", text: "home")])
        let staging = writer.update()
        staging.add([OutputFile(path: "index.html", text: "new")])
        staging.remove(["index.html"])
        staging.discard()
        #expect(read(root + "/public/index.html") == "home")
        #expect(try !manager.contentsOfDirectory(atPath: root).contains { $0.contains("staging") })
    }
}
