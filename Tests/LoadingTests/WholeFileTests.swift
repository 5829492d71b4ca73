import Foundation
import Testing

@testable import Loading

/// Whole files read into an array (`FileSystem.contents`, and the disk's `read` through it): the
/// same bytes as the disk holds, whatever their size, and nothing for what is not a regular file.
@Suite struct WholeFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-whole-\(UUID())").path

    init() throws {
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
    }

    /// A file of `count` bytes that are not all alike, written at `name`.
    func write(_ count: Int, to name: String) throws -> [UInt8] {
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + name))
        return bytes
    }

    // Empty, smaller than the first read's room, at its edge and past it, and of many pages.
    @Test(arguments: [0, 1, 4095, 4096, 4097, 65_537, 3_000_001])
    func itGivesTheFilesBytes(_ count: Int) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bytes = try write(count, to: "file")
        #expect(FileSystem.contents(of: root + "/file") == bytes)
        #expect(try FileSystem.disk.read(root + "/file") == bytes)
    }

    /// A file that holds more than its size says (a file that grew after `fstat`, or one of the
    /// kernel's, whose size is 0): read past the room to its end. `/proc/kallsyms` is 5 MB of
    /// text that does not change while the kernel runs.
    @Test(.enabled(if: FileManager.default.isReadableFile(atPath: "/proc/kallsyms")))
    func aFileLongerThanItsSizeIsReadToItsEnd() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        var info = stat()
        #expect(stat("/proc/kallsyms", &info) == 0 && info.st_size == 0)
        let bytes = try #require(FileSystem.contents(of: "/proc/kallsyms"))
        #expect(bytes.count > 4096 * 4)
        // (Foundation's `FileManager.contents(atPath:)` trusts the size: it gives 4,071 bytes.)
        #expect(bytes == readToEnd("/proc/kallsyms"))
    }

    /// The bytes of `path` read a megabyte at a time until `read` says the end: nothing taken
    /// from the file's size.
    func readToEnd(_ path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        var (bytes, chunk) = ([UInt8](), [UInt8](repeating: 0, count: 1 << 20))
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return bytes }
            bytes += chunk[..<count]
        }
    }

    @Test(arguments: ["missing", "folder", "link"])
    func nothingIsReadOfWhatIsNotARegularFile(_ name: String) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try write(10, to: "file")
        // A symbolic link is followed to its file (the cache's files are never links); one that
        // leads nowhere is read as missing.
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/gone")
        #expect(FileSystem.contents(of: root + "/" + name) == nil)
        #expect(throws: (any Error).self) { try FileSystem.disk.read(root + "/" + name) }
    }
}
