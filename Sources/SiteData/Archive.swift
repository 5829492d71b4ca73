import Diagnostics
import Foundation

/// A compact binary form of validated values, for the build cache's stores of validated entries
/// and rendered bodies (`.avance/cache/`): what a later run reads back instead of parsing and
/// validating each file again. Integers are LEB128 varints (zig-zag for signed ones), strings a
/// byte count and their UTF-8, doubles their eight bytes. Not a format for other programs: a
/// change of avance is a change of key, and the stores are made again.
@frozen public struct ArchiveWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    @inlinable public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    @inlinable public mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inlinable public mutating func int(_ value: Int) {
        unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    @inlinable public mutating func bool(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    @inlinable public mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }

    @inlinable public mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes += utf8
        }
    }

    /// Text as `string` writes it: stored bytes are copied as they are, not made a `String`.
    public mutating func text(_ value: StoredText) {
        value.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes += utf8
        }
    }

    @inlinable public mutating func raw(_ value: [UInt8]) {
        unsigned(UInt64(value.count))
        bytes += value
    }

    /// Bytes that an archive of the same layout wrote, as they are (no count before them).
    public mutating func verbatim(_ value: UnsafeRawBufferPointer) {
        bytes += value
    }

    /// A flag, then the value when there is one.
    @inlinable public mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    @inlinable public mutating func array<T>(_ values: [T], _ write: (inout ArchiveWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { write(&self, value) }
    }

    /// A dictionary's pairs, keys sorted: the same values give the same bytes.
    @inlinable public mutating func dictionary<T>(_ values: [String: T], _ write: (inout ArchiveWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for key in values.keys.sorted() {
            string(key)
            write(&self, values[key]!)
        }
    }

    @inlinable public mutating func location(_ location: SourceLocation) {
        string(location.file)
        int(location.line)
        int(location.column)
        int(location.length)
    }

    /// Diagnostics, as JSON (rare: most files have none).
    @inlinable public mutating func diagnostics(_ diagnostics: [Diagnostic]) {
        raw(diagnostics.isEmpty ? [] : Array((try? JSONEncoder().encode(diagnostics)) ?? Data("[]".utf8)))
    }
}

/// Reads what `ArchiveWriter` wrote, from bytes the caller keeps alive while it reads
/// (`withUnsafeBytes`); any byte out of place throws `ArchiveReader.Damaged`.
public struct ArchiveReader {
    /// The bytes ended early, or held a value that cannot be.
    public struct Damaged: Error {
        public init() {}
    }

    @usableFromInline let bytes: UnsafeRawBufferPointer
    public var offset: Int
    @usableFromInline let end: Int
    /// What `bytes` are, when the caller gave it: then `text()` keeps its texts as bytes of it,
    /// not as strings.
    @usableFromInline let owner: ArchiveBytes?

    /// Reads `bytes` from `offset` up to `end` (their end by default). `owner`, when given, is
    /// what keeps `bytes` alive: its `bytes` are the same (offsets in one are offsets in the other).
    @inlinable public init(
        _ bytes: UnsafeRawBufferPointer, from offset: Int = 0, to end: Int? = nil, owner: ArchiveBytes? = nil
    ) {
        self.bytes = bytes
        self.offset = offset
        self.end = min(end ?? bytes.count, bytes.count)
        self.owner = owner
    }

    @inlinable public var isAtEnd: Bool { offset >= end }

    @inlinable public mutating func unsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Damaged() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    @inlinable public mutating func int() throws(Damaged) -> Int {
        let value = Int64(bitPattern: try unsigned())
        return Int((value >> 1) ^ -(value & 1))
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    @inlinable public mutating func count() throws(Damaged) -> Int {
        let value = try unsigned()
        guard value <= UInt64(end - offset) else { throw Damaged() }
        return Int(value)
    }

    @inlinable public mutating func bool() throws(Damaged) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Damaged() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    @inlinable public mutating func double() throws(Damaged) -> Double {
        guard end - offset >= 8 else { throw Damaged() }
        let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
        return Double(bitPattern: bits)
    }

    /// A string. Its bytes are taken as UTF-8 and repaired, not validated: every archive is
    /// checked whole before it is read (a digest at its end, or its hash in the manifest), so
    /// they are the bytes a `String` wrote. (`String(validating:as:)` is generic, and not
    /// specialized here: it looked up type metadata on every call, a third of reading the
    /// stores of 18,000 entries and bodies.)
    @inlinable public mutating func string() throws(Damaged) -> String {
        let count = try count()
        defer { offset += count }
        let utf8 = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count]).assumingMemoryBound(to: UInt8.self)
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Text written by `string` or `text`: the owner's bytes, made a `String` only when asked
    /// for, when the reader has an owner; else a `String`.
    public mutating func text() throws(Damaged) -> StoredText {
        guard let owner else { return StoredText(try string()) }
        let count = try count()
        defer { offset += count }
        return StoredText(bytes: owner, range: offset..<offset + count)
    }

    /// Passes over a string, its bounds checked.
    @inlinable public mutating func skipString() throws(Damaged) {
        offset += try count()
    }

    @inlinable public mutating func raw() throws(Damaged) -> [UInt8] {
        let count = try count()
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    @inlinable public mutating func optional<T>(_ read: (inout ArchiveReader) throws(Damaged) -> T) throws(Damaged)
        -> T?
    {
        try bool() ? try read(&self) : nil
    }

    @inlinable public mutating func array<T>(_ read: (inout ArchiveReader) throws(Damaged) -> T) throws(Damaged) -> [T]
    {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }

    @inlinable public mutating func dictionary<T>(_ read: (inout ArchiveReader) throws(Damaged) -> T) throws(Damaged)
        -> [String:
        T]
    {
        let count = try count()
        var values: [String: T] = [:]
        values.reserveCapacity(count)
        for _ in 0..<count {
            let key = try string()
            values[key] = try read(&self)
        }
        return values
    }

    @inlinable public mutating func location() throws(Damaged) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int(), length: try int())
    }

    @inlinable public mutating func diagnostics() throws(Damaged) -> [Diagnostic] {
        let bytes = try raw()
        guard !bytes.isEmpty else { return [] }
        do {
            return try JSONDecoder().decode([Diagnostic].self, from: Data(bytes))
        } catch {
            throw Damaged()
        }
    }
}
