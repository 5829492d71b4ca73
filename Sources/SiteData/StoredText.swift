#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text that is a `String`, or the UTF-8 bytes of one in an archive read from the build
/// cache's stores (`ArchiveReader.text()`), made a `String` only when asked for (`string`).
///
/// A rebuild after one edit reads 18,000 stored entries and bodies and shows one: making each
/// Markdown body and each body's HTML a `String` (36 MB of new memory, each byte validated as
/// UTF-8) was the largest part of reading the stores. Stored bytes are written back to a store
/// as they are (`ArchiveWriter.text`), and digested as they are.
public struct StoredText: Sendable {
    private enum Storage: Sendable {
        case string(String)
        /// The bytes of a whole archive, kept alive, and where the text lies in them.
        case bytes(ArchiveBytes, Range<Int>)
    }

    private let storage: Storage

    public init(_ string: String) {
        storage = .string(string)
    }

    /// The text at `range` of `bytes`, which a `String` wrote (an archive checked whole).
    init(bytes: ArchiveBytes, range: Range<Int>) {
        storage = .bytes(bytes, range)
    }

    /// The text, made a `String` on each call when it is stored bytes.
    public var string: String {
        switch storage {
        case .string(let string): string
        case .bytes(let bytes, let range):
            String(decoding: bytes.utf8[range], as: UTF8.self)
        }
    }

    public var isEmpty: Bool {
        switch storage {
        case .string(let string): string.isEmpty
        case .bytes(_, let range): range.isEmpty
        }
    }

    /// Calls `body` with the text's UTF-8 bytes, without making a `String`.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch storage {
        case .string(let string):
            var string = string
            return try string.withUTF8(body)
        case .bytes(let bytes, let range):
            return try withExtendedLifetime(bytes) { try body(UnsafeBufferPointer(rebasing: bytes.utf8[range])) }
        }
    }

    /// Whether both are the same bytes (Swift's `==` on strings takes `é` and `e` + U+0301 for
    /// the same text).
    public func hasSameBytes(as other: StoredText) -> Bool {
        withUTF8 { mine in other.withUTF8 { theirs in mine.elementsEqual(theirs) } }
    }
}

extension StoredText: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self.init(value)
    }
}

/// The bytes of an archive that `StoredText`s point into, kept while one of them is: a file
/// mapped into memory (`mapped`), whose pages are the file's in the page cache (no new memory,
/// nothing copied), or a copy of an array.
public final class ArchiveBytes: @unchecked Sendable {
    /// The bytes; immutable, and valid as long as this object lives.
    public let bytes: UnsafeRawBufferPointer
    private let release: @Sendable (UnsafeRawBufferPointer) -> Void

    /// The bytes, as UTF-8 code units (not checked).
    public var utf8: UnsafeBufferPointer<UInt8> { bytes.assumingMemoryBound(to: UInt8.self) }

    /// A copy of `array`.
    public init(_ array: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, array.count), alignment: 8)
        array.withUnsafeBytes { copy.copyMemory(from: $0) }
        bytes = UnsafeRawBufferPointer(rebasing: copy[..<array.count])
        release = { $0.deallocate() }
    }

    /// The file at `path` mapped read-only: `nil` when it cannot be opened or mapped, or is
    /// empty. The build cache's files are replaced by renaming a new file over them, never
    /// written in place: a mapped file keeps its bytes. (A file cut short under a running
    /// build by another program would end it with `SIGBUS`.)
    public static func mapped(_ path: String) -> ArchiveBytes? {
        var info = stat()
        return mapped(path, info: &info)
    }

    /// `mapped(path)`, with the file's `fstat` (of the file mapped, whatever is renamed over
    /// its path meanwhile) in `info`.
    public static func mapped(_ path: String, info: inout stat) -> ArchiveBytes? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let count = Int(info.st_size)
        guard let start = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), start != MAP_FAILED else {
            return nil
        }
        return ArchiveBytes(bytes: UnsafeRawBufferPointer(start: start, count: count)) {
            munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count)
        }
    }

    private init(bytes: UnsafeRawBufferPointer, release: @escaping @Sendable (UnsafeRawBufferPointer) -> Void) {
        self.bytes = bytes
        self.release = release
    }

    deinit { release(bytes) }
}
