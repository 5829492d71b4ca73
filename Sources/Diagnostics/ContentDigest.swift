/// A 128-bit hash of bytes, eight at a time, in hex: tells changed bytes from the same bytes
/// (the build cache's stores, what a body was rendered from). Not for security.
public enum ContentDigest {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var stream = Stream(count: bytes.count)
        stream.add(bytes)
        return stream.text
    }

    /// The digest of bytes that come in parts (a file written part by part, never joined into
    /// one buffer): `count` bytes in all, given in order to `add`; `text` is what `of` gives for
    /// the same bytes in one buffer.
    public struct Stream {
        private var a: UInt64
        private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        /// The bytes of an unfinished word, little-endian, and how many there are.
        private var tail: UInt64 = 0
        private var tailCount = 0

        public init(count: Int) {
            a = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        }

        private mutating func mix(_ word: UInt64) {
            a = (a ^ word) &* 0xFF51_AFD7_ED55_8CCD
            a ^= a >> 32
            b = (b &+ word) &* 0xC4CE_B9FE_1A85_EC53
            b ^= b >> 29
        }

        public mutating func add(_ bytes: UnsafeRawBufferPointer) {
            var index = 0
            // An unfinished word from the last part first.
            while tailCount > 0, index < bytes.count {
                tail |= UInt64(bytes[index]) << (8 * UInt64(tailCount))
                tailCount += 1
                index += 1
                if tailCount == 8 {
                    mix(tail)
                    (tail, tailCount) = (0, 0)
                }
            }
            while index + 8 <= bytes.count {
                mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            while index < bytes.count {
                tail |= UInt64(bytes[index]) << (8 * UInt64(tailCount))
                tailCount += 1
                index += 1
            }
        }

        public var text: String {
            var stream = self
            stream.mix(tail ^ (UInt64(8 * tailCount) << 56))
            stream.a ^= stream.b >> 17
            stream.b ^= stream.a >> 23
            return ContentDigest.text(stream.a, stream.b)
        }
    }

    /// `a` and `b` in lowercase hex without leading zeros, joined by a dot: what
    /// `String(a, radix: 16) + "." + String(b, radix: 16)` gives, made as one string. (That took
    /// three strings and two joins, as long as the digest of a 2 KB body itself: a rebuild makes
    /// one for each of 18,000 bodies and 54,000 files.)
    static func text(_ a: UInt64, _ b: UInt64) -> String {
        String(unsafeUninitializedCapacity: 33) { buffer in
            var end = 0
            func put(_ value: UInt64) {
                var shift = max(0, (63 - value.leadingZeroBitCount) / 4 * 4)
                while shift >= 0 {
                    let nibble = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
                    buffer[end] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") - 10 + nibble
                    end += 1
                    shift -= 4
                }
            }
            put(a)
            buffer[end] = UInt8(ascii: ".")
            end += 1
            put(b)
            return end
        }
    }

    public static func of(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { of($0) }
    }

    public static func of(_ text: String) -> String {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }
}

/// A digest of a set of records, each a name and a value (a path and its hash), in no order:
/// each record's two 64-bit hashes summed and xored, so that no set of 18,000 names need be
/// sorted to be told from another (the build cache's store shards, its key's git dates, the
/// content files a body's links resolve against). Not for security: it tells changed records
/// from the same records.
public struct UnorderedDigest: Sendable, Equatable {
    public private(set) var count = 0
    private var sum: UInt64 = 0
    private var mixed: UInt64 = 0

    public init() {}

    /// A seed for records that also share a name and value (a language's folder and generation).
    public static func seed(_ name: String, _ value: String) -> UInt64 {
        var digest = UnorderedDigest()
        digest.add(name, value)
        return digest.sum ^ digest.mixed
    }

    /// Adds the record of `name` and `value`, under `seed`.
    public mutating func add(_ name: String, _ value: String = "", seed: UInt64 = 0) {
        var (a, b): (UInt64, UInt64) = (0xCBF2_9CE4_8422_2325 ^ seed, 0x9E37_79B9_7F4A_7C15 &+ seed)
        func take(_ byte: UInt8) {
            a = (a ^ UInt64(byte)) &* 0x0100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0xFF51_AFD7_ED55_8CCD
            b ^= b >> 31
        }
        for byte in name.utf8 { take(byte) }
        take(0xFF)  // never in UTF-8: where the name ends
        for byte in value.utf8 { take(byte) }
        a ^= a >> 29
        count += 1
        sum &+= a
        mixed ^= b
    }

    /// The digest as text: the count of records and both sums, in hex.
    public var text: String {
        String(count) + ":" + String(sum, radix: 16) + ":" + String(mixed, radix: 16)
    }
}
