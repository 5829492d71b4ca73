import Diagnostics
import Foundation
import SiteLayout
import Testing

@testable import Writing

/// The build cache shares files with the output by hard links: nothing avance writes may reach
/// the other side of a link.
@Suite struct CopyTreeTests {
    let root: String

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-copy-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root + "/cache/a", withIntermediateDirectories: true)
        try Data("en caché".utf8).write(to: URL(fileURLWithPath: root + "/cache/a/index.html"))
    }

    func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func aFileWrittenOverALinkLeavesTheOtherSideAsItWas() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try CopyTree.link(["a/index.html"], from: root + "/cache", to: root + "/site")
        #expect(text("site/a/index.html") == "en caché")
        #expect(FileTree.writeFile(Array("nuevo".utf8), to: root + "/site/a/index.html") == nil)
        #expect(text("site/a/index.html") == "nuevo")
        #expect(text("cache/a/index.html") == "en caché")
        // The same through a staging folder that recycles a site holding the link.
        try CopyTree.link(["a/index.html"], from: root + "/cache", to: root + "/site")
        var made: Set<String> = []
        try FileTree.write(
            [OutputFile(path: "a/index.html", bytes: Array("otro".utf8))], into: root + "/site", made: &made,
            keepingSame: true)
        #expect(text("cache/a/index.html") == "en caché")
    }

    /// Writing over a site, a file that already holds the bytes is left as it is (same inode); one
    /// of the same size with other bytes, or of another size, is written anew.
    @Test func aFileHoldingTheSameBytesIsKept() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let site = root + "/site"
        let old = [
            OutputFile(path: "same.html", bytes: Array(repeating: 0x61, count: 70_000) + [0x62]),
            OutputFile(path: "size.html", bytes: Array("abcdef".utf8)), OutputFile(path: "other.html", bytes: [1, 2]),
            OutputFile(path: "empty.html", bytes: []),
        ]
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try FileTree.write(old, into: site)
        func inode(_ path: String) throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
        }
        // A second link to each file holds its inode: a file written anew cannot be given it.
        for file in old {
            try FileManager.default.linkItem(atPath: site + "/" + file.path, toPath: root + "/" + file.path)
        }
        let new = [
            old[0], OutputFile(path: "size.html", bytes: Array("abcdeg".utf8)),
            OutputFile(path: "other.html", bytes: [1, 2, 3]), old[3],
        ]
        var made: Set<String> = []
        try FileTree.write(new, into: site, made: &made, keepingSame: true)
        let kept = try new.map { try inode(site + "/" + $0.path) == inode(root + "/" + $0.path) }
        #expect(kept == [true, false, false, true])
        for file in new { #expect(FileManager.default.contents(atPath: site + "/" + file.path) == Data(file.bytes)) }
    }

    /// Only a staging for the build cache keeps the digest of each file it writes.
    @Test(arguments: [false, true])
    func aStagingKeepsDigestsWhenAsked(_ digesting: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let staging = SiteWriter(output: root + "/public").stage(digesting: digesting)
        let files = [OutputFile(path: "a.html", bytes: Array("a".utf8)), OutputFile(path: "b/c.json", bytes: [])]
        staging.add(files)
        #expect(
            staging.digests
                == (digesting ? ["a.html": ContentDigest.of(files[0].bytes), "b/c.json": ContentDigest.of([])] : [:]))
        try staging.commit()
        #expect(text("public/a.html") == "a")
    }

    @Test func aLinkReplacesWhatWasThereAndAMissingSourceFails() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/site/a", withIntermediateDirectories: true)
        try Data("viejo".utf8).write(to: URL(fileURLWithPath: root + "/site/a/index.html"))
        try CopyTree.link(["a/index.html"], from: root + "/cache", to: root + "/site")
        #expect(text("site/a/index.html") == "en caché")
        #expect(throws: FileTree.Failure.self) {
            try CopyTree.link(["b/index.html"], from: root + "/cache", to: root + "/site")
        }
    }

    @Test func aStagedSiteTakesFilesFromTheCacheAndAMissingOneFailsTheCommit() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let writer = SiteWriter(output: root + "/public")
        let staging = writer.stage()
        staging.add([OutputFile(path: "b.html", bytes: Array("b".utf8))])
        staging.reuse(["a/index.html"], from: root + "/cache")
        try staging.commit()
        #expect(text("public/a/index.html") == "en caché")
        #expect(text("public/b.html") == "b")
        // A file the cache lacks: the output stays as it was.
        let next = writer.stage()
        next.reuse(["a/index.html", "no-existe.html"], from: root + "/cache")
        #expect(throws: Diagnostic.self) { try next.commit() }
        #expect(text("public/b.html") == "b")
        // A path that leaves the output is refused as `add` refuses it.
        let bad = writer.stage()
        bad.reuse(["../fuera.html"], from: root + "/cache")
        #expect(throws: Diagnostic.self) { try bad.commit() }
    }
}
