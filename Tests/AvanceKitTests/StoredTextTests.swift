import Foundation
import SiteData
import TestSupport
import Testing
import Writing

@testable import AvanceKit

/// Texts read from the build cache's stores stay the store's bytes (`StoredText`) until they are
/// shown: they read back as written, are written back as they were, and the mapped file they
/// point into keeps its bytes.
@Suite struct StoredTextTests {
    /// Texts that differ only in their bytes, or are empty, long, or not Latin.
    static let texts = [
        "", "a", "año", "an\u{0303}o", "## Avances\n\n[Visa](../socios/visa.md#datos)\n", "水 💧 مياه",
        String(repeating: "Quito resiliente. ", count: 400),
    ]

    @Test func aTextReadWithItsArchiveReadsAsWrittenAndIsWrittenBackAsItWas() throws {
        var writer = ArchiveWriter()
        for text in Self.texts { writer.string(text) }
        let archive = ArchiveBytes(writer.bytes)
        var reader = ArchiveReader(archive.bytes, owner: archive)
        let stored = try Self.texts.map { _ in try reader.text() }
        #expect(reader.isAtEnd)
        var again = ArchiveWriter()
        for (text, read) in zip(Self.texts, stored) {
            #expect(read.string.hasSameBytes(as: text), "\(text.debugDescription)")
            #expect(read.isEmpty == text.isEmpty)
            #expect(read.hasSameBytes(as: StoredText(text)))
            again.text(read)
        }
        // The same bytes as the strings wrote: a shard written again from stored texts is the same.
        #expect(again.bytes == writer.bytes)
        // Composed and decomposed `ñ` are equal strings, but not the same bytes.
        #expect(stored[2].string == stored[3].string)
        #expect(!stored[2].hasSameBytes(as: stored[3]))
        // Without the archive's owner, each is read as a string, and is the same.
        let plain = try writer.bytes.withUnsafeBytes { raw in
            var reader = ArchiveReader(raw)
            return try Self.texts.map { _ in try reader.text() }
        }
        #expect(zip(plain, stored).allSatisfy { $0.hasSameBytes(as: $1) })
    }

    @Test func aTextCutShortIsRefused() throws {
        var writer = ArchiveWriter()
        writer.string("Ilaló es un volcán")
        for cut in 0..<writer.bytes.count {
            let archive = ArchiveBytes(Array(writer.bytes[..<cut]))
            #expect(throws: ArchiveReader.Damaged.self) {
                var reader = ArchiveReader(archive.bytes, owner: archive)
                _ = try reader.text()
            }
        }
    }

    @Test func aMappedFileIsItsBytesAndKeepsThemWhenANewFileReplacesIt() throws {
        let folder = try Repository.temporaryFolder("stored-text")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/shard"
        let bytes = (0..<70_001).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileReplacement.write(bytes, to: path))
        let mapped = try #require(ArchiveBytes.mapped(path))
        #expect(mapped.bytes.elementsEqual(bytes))
        // The cache writes a new file and renames it over the old one: the mapped bytes stay.
        #expect(FileReplacement.write([1, 2, 3], to: path))
        #expect(mapped.bytes.elementsEqual(bytes))
        #expect(ArchiveBytes.mapped(path).map { Array($0.bytes) } == [1, 2, 3])
    }

    @Test(arguments: ["missing", "empty", "folder", "link to a folder"])
    func whatIsNotAFileWithBytesIsNotMapped(_ kind: String) throws {
        let folder = try Repository.temporaryFolder("stored-text")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/shard"
        switch kind {
        case "empty": #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        case "folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case "link to a folder": try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/")
        default: break
        }
        #expect(ArchiveBytes.mapped(path) == nil)
    }

    /// A shard read from its mapped file, written again from what was read (bodies and HTML
    /// kept as the file's bytes), is the same file.
    @Test func aStoreShardReadFromItsFileIsWrittenBackByteForByte() throws {
        let site = try BuildCacheTests.Site("stored-text", quiet: true)
        defer { site.remove() }
        try site.build()
        let store = site.cache + "/store"
        var shards = (entries: 0, bodies: 0)
        for name in try FileManager.default.contentsOfDirectory(atPath: store) {
            let isBodies = name.hasPrefix("bodies-")
            let mapped = try #require(ArchiveBytes.mapped(store + "/" + name))
            let salt = try saltOf(mapped)
            let shard = try BuildCache.readShard(mapped, bodies: isBodies, salt: salt)
            let bytes =
                isBodies
                ? BuildCache.shardBytes(bodies: shard.bodies, signature: shard.signature, salt: salt)
                : BuildCache.shardBytes(
                    entries: shard.entries, generation: shard.entryGeneration, signature: shard.signature, salt: salt)
            #expect(mapped.bytes.elementsEqual(bytes), "\(name)")
            if isBodies {
                shards.bodies += shard.bodies.values.reduce(0) { $0 + $1.results.count }
            } else {
                shards.entries += shard.entries.count
            }
        }
        #expect(shards.entries > 10 && shards.bodies >= shards.entries)
    }

    /// The salt a shard was written with: its second string.
    func saltOf(_ archive: ArchiveBytes) throws -> String {
        var reader = ArchiveReader(archive.bytes)
        _ = try reader.string()
        return try reader.string()
    }
}
