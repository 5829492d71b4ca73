import Testing

@testable import Diagnostics

/// `ContentDigest`: the same bytes give the same digest, however they come in parts (the build
/// cache's manifest is hashed part by part, as its cores wrote it, and read back whole).
@Suite struct ContentDigestTests {
    /// Bytes of every length from 0 to 40 (every tail of a word), cut at every pair of places:
    /// the digest of the parts is the digest of the whole.
    @Test func theDigestOfPartsIsTheDigestOfTheWhole() {
        for length in 0...40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let whole = ContentDigest.of(bytes)
            for first in 0...length {
                for second in first...length {
                    var stream = ContentDigest.Stream(count: length)
                    for part in [bytes[..<first], bytes[first..<second], bytes[second...]] {
                        part.withUnsafeBytes { stream.add($0) }
                    }
                    #expect(stream.text == whole, "\(length) bytes cut at \(first) and \(second)")
                }
            }
        }
    }

    /// The digest tells bytes apart: a byte changed, moved, added or taken away (a zero byte at
    /// the end too: the length is part of it).
    @Test func anyChangeGivesAnotherDigest() {
        let bytes = Array("avance-cache 6\nkey\tabc\n".utf8)
        let digest = ContentDigest.of(bytes)
        var changed = bytes
        changed[3] ^= 1
        var moved = bytes
        moved.swapAt(0, 1)
        for other in [changed, moved, bytes + [0], Array(bytes.dropLast()), Array(bytes.dropFirst())] {
            #expect(ContentDigest.of(other) != digest)
        }
        #expect(ContentDigest.of(bytes) == digest)
    }
}

/// The digest's text, made as one string, is the two halves in hex as `String(_:radix:)` writes
/// them: the stores and manifests written before read the same.
@Suite struct ContentDigestTextTests {
    @Test func theTextIsBothHalvesInHexWithoutLeadingZeros() {
        var generator = SystemRandomNumberGenerator()
        var values: [UInt64] = [0, 1, 9, 10, 15, 16, 255, 256, .max, .max >> 4, 1 << 63, 0x0123_4567_89AB_CDEF]
        for shift in 0..<64 { values += [1 << UInt64(shift), (1 << UInt64(shift)) - 1] }
        for _ in 0..<500 { values.append(generator.next() >> UInt64(generator.next() % 64)) }
        for (a, b) in zip(values, values.reversed()) {
            #expect(ContentDigest.text(a, b) == String(a, radix: 16) + "." + String(b, radix: 16))
        }
    }
}
