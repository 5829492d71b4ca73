#if canImport(Glibc)
    import Glibc
#endif

/// Bytes in memory reused from one use to the next, never filled with zeros first: the path a
/// URL resolves to, built segment by segment; a tag's name and decoded values; a page read from
/// its file. One per worker, so that resolving, tokenizing and reading allocate nothing.
final class ByteBuffer {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 512) {
        start = .allocate(capacity: capacity)
        self.capacity = capacity
    }

    deinit {
        start.deallocate()
    }

    /// The path so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    var isEmpty: Bool { count == 0 }

    func removeAll() {
        count = 0
    }

    /// The bytes so far, to change in place.
    var mutableBytes: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: start, count: count) }

    /// Lets `body` write up to `extra` bytes after the last, and keeps as many as it says it wrote.
    func appendUninitialized<E: Error>(
        upTo extra: Int, _ body: (UnsafeMutablePointer<UInt8>) throws(E) -> Int
    ) throws(E) -> Int {
        reserve(extra)
        let written = try body(start + count)
        count += max(0, written)
        return written
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        (start + count).initialize(from: base, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    /// Drops the last segment, and the `/` before it.
    func removeLastSegment() {
        var end = count - 1
        while end > 0, start[end] != UInt8(ascii: "/") { end -= 1 }
        count = max(end, 0)
    }

    /// True when the path ends with `suffix` (ASCII).
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        guard count >= length else { return false }
        return memcmp(start + count - length, suffix.utf8Start, length) == 0
    }

    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        capacity = max(capacity * 2, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.initialize(from: start, count: count)
        start.deallocate()
        start = grown
    }
}
