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
}
