import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// An output's stamp as numbers (`BuildCache.FileStamp`): what a file's `lstat` gives, written in
/// the manifest in the text it had as a string, and read back only when it is exactly that text.
@Suite struct FileStampTests {
    typealias FileStamp = BuildCache.FileStamp

    /// The text a stamp had when it was a string made by interpolation.
    static func interpolated(_ info: stat) -> String {
        "\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    static func parsed(_ text: String) -> FileStamp? {
        Array(text.utf8).withUnsafeBufferPointer { FileStamp(text: $0) }
    }

    @Test func aFilesStampIsItsLstatWrittenAsBefore() throws {
        let folder = try Repository.temporaryFolder("file-stamp")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, size) in [("empty", 0), ("one", 1), ("page.html", 70_001)] {
            let path = folder + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x61, count: size)))
            var info = stat()
            #expect(lstat(path, &info) == 0)
            let stamp = try #require(BuildCache.stamp(path))
            #expect(stamp == FileStamp(info))
            #expect(stamp.size == Int64(size))
            #expect(stamp.description == Self.interpolated(info))
            #expect(Self.parsed(stamp.description) == stamp)
        }
        // Not a file: no stamp.
        #expect(BuildCache.stamp(folder) == nil)
        #expect(BuildCache.stamp(folder + "/missing") == nil)
    }

    @Test func everyStampReadsBackAsWritten() {
        let stamps = [
            FileStamp(inode: 0, size: 0, seconds: 0, nanoseconds: 0),
            FileStamp(inode: 7, size: 8, seconds: 9, nanoseconds: 999_999_999),
            FileStamp(inode: .max, size: .max, seconds: .max, nanoseconds: 1),
            // A time before 1970 (a file restored with an old date).
            FileStamp(inode: 12_345, size: 10, seconds: -86_400, nanoseconds: 500),
            FileStamp(inode: 1, size: 1, seconds: -.max, nanoseconds: 0),
        ]
        for stamp in stamps {
            #expect(Self.parsed(stamp.description) == stamp, "\(stamp)")
        }
        #expect(
            FileStamp(inode: 12_345, size: 10, seconds: -86_400, nanoseconds: 500).description == "12345:10:-86400.500")
    }

    @Test(arguments: [
        "", "1", "1:2:3", "1:2:3.", ":2:3.4", "1::3.4", "1:2:.4", "1:2:3.4:5", "1:2:3.4x", "a:2:3.4", " 1:2:3.4",
        "1:2:3.4\n", "1:-2:3.4", "-1:2:3.4", "1:2:3.-4", "1:2:--3.4", "1:2:3.1000000000",
        "18446744073709551616:1:1.1", "1:9223372036854775808:1.1", "1:1:9223372036854775808.1", "1:2:3,4",
    ])
    func aStampThatIsNotExactlyItsTextIsRefused(_ text: String) {
        #expect(Self.parsed(text) == nil)
    }

    @Test func aRestoredFileIsTheSameAfterItsInode() {
        let saved = FileStamp(inode: 1, size: 2, seconds: 3, nanoseconds: 4)
        #expect(saved.isSameAfterInode(as: FileStamp(inode: 99, size: 2, seconds: 3, nanoseconds: 4)))
        #expect(!saved.isSameAfterInode(as: FileStamp(inode: 1, size: 3, seconds: 3, nanoseconds: 4)))
        #expect(!saved.isSameAfterInode(as: FileStamp(inode: 1, size: 2, seconds: 4, nanoseconds: 4)))
        #expect(!saved.isSameAfterInode(as: FileStamp(inode: 1, size: 2, seconds: 3, nanoseconds: 5)))
    }

    @Test func aStampIsBeforeALaterTimeOnly() {
        let stamp = FileStamp(inode: 1, size: 2, seconds: 100, nanoseconds: 500)
        #expect(stamp.isBefore(timespec(tv_sec: 100, tv_nsec: 501)))
        #expect(stamp.isBefore(timespec(tv_sec: 101, tv_nsec: 0)))
        // The same tick: a file written again within it would keep its time.
        #expect(!stamp.isBefore(timespec(tv_sec: 100, tv_nsec: 500)))
        #expect(!stamp.isBefore(timespec(tv_sec: 100, tv_nsec: 499)))
        #expect(!stamp.isBefore(timespec(tv_sec: 99, tv_nsec: 999_999_999)))
    }

    /// A manifest whose checksum holds but whose output's stamp is not a stamp is not trusted.
    @Test func aManifestWithAStampItCannotReadIsIgnored() throws {
        let folder = try Repository.temporaryFolder("file-stamp-manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = BuildCache(folder: folder)
        var manifest = BuildCache.Manifest(key: "k")
        manifest.outputs["index.html"] = BuildCache.Output(
            isData: false, stamp: FileStamp(inode: 5, size: 6, seconds: 7, nanoseconds: 8), digest: "d")
        try cache.writeManifest(manifest)
        let text = try String(contentsOfFile: cache.manifestPath, encoding: .utf8)
        #expect(text.contains("output\tp\t5:6:7.8\td\tindex.html\n"))
        #expect(cache.readManifest().0 == manifest)
        for broken in ["5:6:7", "5:6:7.8.9", "x"] {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines = lines.map { $0.replacingOccurrences(of: "\t5:6:7.8\t", with: "\t\(broken)\t") }
            // The last line, sealed again over the lines before it, as avance seals it.
            let body = lines.dropLast(2).joined(separator: "\n")
            let sealed = body + "\nend " + BuildCache.hash(Array(body.utf8)) + "\n"
            let (read, why) = BuildCache.parseManifest(Array(sealed.utf8))
            #expect(read == nil, "\(broken)")
            #expect(why == "the cache's manifest has a line it does not know: ignored")
        }
    }
}
