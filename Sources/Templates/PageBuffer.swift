/// The bytes of a page being rendered: one buffer the renderer writes into through a pointer,
/// HTML escaping included, without `Array`'s checks and copy-on-write test at every append.
/// Its owner frees it (`deallocate()`) once it has taken the bytes (`bytes`).
struct PageBuffer {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    func deallocate() { start.deallocate() }

    /// The bytes written, as an array of their own.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

    /// The byte at `index`, which must be below `count`.
    subscript(index: Int) -> UInt8 { start[index] }

    /// Room for `more` bytes after the last.
    @inline(__always)
    mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private mutating func grow(to needed: Int) {
        var capacity = self.capacity * 2
        while capacity < needed { capacity *= 2 }
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.update(from: start, count: count)
        start.deallocate()
        start = larger
        self.capacity = capacity
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// `text`'s UTF-8, read where it lies when the string is native.
    mutating func append(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { append($0) }
        guard done == nil else { return }
        var copy = text
        copy.withUTF8 { append($0) }
    }

    /// `text` with `<`, `>`, `&`, `"` and `'` escaped for HTML text and attribute values.
    mutating func appendEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
        guard done == nil else { return }
        var copy = text
        copy.withUTF8 { appendEscaped($0) }
    }

    /// `bytes` escaped for HTML, written in place: room is made once for the longest result
    /// (six bytes for each, `&quot;`), and each byte is copied or replaced through a pointer.
    mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count * 6)
        var out = start + count
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "<"): out = Self.write("&lt;", at: out)
            case UInt8(ascii: ">"): out = Self.write("&gt;", at: out)
            case UInt8(ascii: "&"): out = Self.write("&amp;", at: out)
            case UInt8(ascii: "\""): out = Self.write("&quot;", at: out)
            case UInt8(ascii: "'"): out = Self.write("&#39;", at: out)
            default:
                out.initialize(to: byte)
                out += 1
            }
        }
        count = out - start
    }

    @inline(__always)
    private static func write(_ text: StaticString, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8>
    {
        out.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
        return out + text.utf8CodeUnitCount
    }

    /// `bytes` put in at `index`, the bytes after it moved along.
    mutating func insert(_ bytes: [UInt8], at index: Int) {
        guard !bytes.isEmpty else { return }
        reserve(bytes.count)
        (start + index + bytes.count).update(from: start + index, count: count - index)
        bytes.withUnsafeBufferPointer { (start + index).update(from: $0.baseAddress!, count: $0.count) }
        count += bytes.count
    }
}
