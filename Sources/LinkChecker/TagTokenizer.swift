#if canImport(Glibc)
    import Glibc
#endif

/// Reads the start tags of a page straight from its bytes, as the HTML standard's tokenizer
/// does, and hands each that has one of the attributes that matter to a `PageCollector`: its
/// lowercased name, NUL-terminated as libxml2's SAX parser gives it, and those attributes'
/// values, entity-decoded, as slices of the page (or of a buffer, for a value that held a
/// character reference). A tag without them is read and dropped.
///
/// `RawTextFilter` drives it: the filter finds each start tag once, as it blanks raw text,
/// comments and bogus comments, and has the tokenizer read the tag's attributes, which also
/// tells the filter where the tag ends. Building no tree and looking only at the nine attributes
/// the checker reads, the one pass does what libxml2's parser did at about five times the cost.
/// A page it cannot read exactly as libxml2 would is left to libxml2: bytes that are not UTF-8
/// (libxml2 reads those as ISO-8859-1) and a checked attribute holding a character reference
/// other than `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and a numeric one (libxml2's table of
/// HTML 4 names).
struct TagTokenizer {
    private let bytes: UnsafePointer<UInt8>
    private let count: Int
    /// Where the tags go; the scanner that owns it outlives every pass.
    private unowned(unsafe) let collector: PageCollector
    /// The values of the tag being read that held character references, decoded, then its
    /// lowercased, NUL-terminated name; reused from tag to tag and page to page.
    private let scratch: ByteBuffer
    /// Where each checked attribute's value is, by its number (`checkedAttribute`).
    private let spots: UnsafeMutablePointer<ValueSpot>
    /// The checked attributes the tag being read has had, a bit for each number: only the first
    /// of a name counts.
    private var seen: UInt16 = 0
    /// The line of `position`, counted as the tokenizer goes.
    private var line = 1
    private var lineCounted = 0

    /// Where an attribute's value is: in the page, or decoded in `scratch`; or no value.
    struct ValueSpot {
        var start = 0
        var count = -1
        var inScratch = false
    }

    /// The number of attributes `PageCollector.Values` reads.
    static let checkedCount = 9

    private init(
        _ bytes: UnsafePointer<UInt8>, count: Int, collector: PageCollector, scratch: ByteBuffer,
        spots: UnsafeMutablePointer<ValueSpot>
    ) {
        self.bytes = bytes
        self.count = count
        self.collector = collector
        self.scratch = scratch
        self.spots = spots
    }

    /// Gives `body` a tokenizer of the `count` bytes at `bytes` that hands their tags to
    /// `collector`, with `scratch` as memory to reuse; the tokenizer is valid only within `body`.
    static func with<Result>(
        _ bytes: UnsafePointer<UInt8>, count: Int, into collector: PageCollector, scratch: ByteBuffer,
        _ body: (TagTokenizer) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: ValueSpot.self, capacity: checkedCount) { spots in
            spots.initialize(repeating: ValueSpot())
            return body(
                TagTokenizer(bytes, count: count, collector: collector, scratch: scratch, spots: spots.baseAddress!))
        }
    }

    // MARK: - Tags

    /// Reads the start tag whose name is at `name` (up to a space, `/` or `>`, as the filter
    /// found it); returns where its `>` is (`count` for a tag the page never ends), or nil when
    /// the page must go to libxml2.
    mutating func startTag(name: Range<Int>) -> Int? {
        scratch.removeAll()
        seen = 0
        var position = name.upperBound
        // Attributes, each name lowercased; only the first of a name counts.
        while true {
            while position < count, Self.isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") {
                position += 1
            }
            guard position < count else { return count }  // a tag the page never ends: no element
            if bytes[position] == UInt8(ascii: ">") { break }
            let nameStart = position
            position += 1  // a first `=` belongs to the name
            while position < count, !Self.endsAttributeName(bytes[position]) { position += 1 }
            let nameEnd = position
            while position < count, Self.isSpace(bytes[position]) { position += 1 }
            var value: Range<Int>? = nil
            if position < count, bytes[position] == UInt8(ascii: "=") {
                position += 1
                while position < count, Self.isSpace(bytes[position]) { position += 1 }
                guard position < count else { return count }
                let quote = bytes[position]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    let valueStart = position + 1
                    guard let close = memchr(bytes + valueStart, Int32(quote), count - valueStart) else { return count }
                    position = UnsafeRawPointer(close) - UnsafeRawPointer(bytes)
                    value = valueStart..<position
                    position += 1
                } else {
                    let valueStart = position
                    while position < count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                        position += 1
                    }
                    value = valueStart..<position
                }
            }
            guard let checked = Self.checkedAttribute(bytes + nameStart, count: nameEnd - nameStart) else { continue }
            guard keep(checked, value: value) else { return nil }
        }
        // `position` is the `>` that ends the tag. A tag without any of the checked attributes
        // (most of them: `td`, `span`, `li`…) gives the collector nothing, and is not handed over.
        if seen != 0 {
            countLines(upTo: position)
            deliver(name, position: (position, line))
        }
        return position
    }

    /// Keeps where the checked attribute number `checked` has its value, unless one of its name
    /// came first; false when its value holds a reference the tokenizer leaves to libxml2. A value
    /// without references is left where it is in the page; others are decoded into `scratch`.
    private mutating func keep(_ checked: Int, value: Range<Int>?) -> Bool {
        let bit = UInt16(1) << checked
        guard seen & bit == 0 else { return true }
        seen |= bit
        guard let value else {
            spots[checked] = ValueSpot()
            return true
        }
        guard memchr(bytes + value.lowerBound, Int32(UInt8(ascii: "&")), value.count) != nil else {
            spots[checked] = ValueSpot(start: value.lowerBound, count: value.count, inScratch: false)
            return true
        }
        let start = scratch.count
        guard decode(value) else { return false }
        spots[checked] = ValueSpot(start: start, count: scratch.count - start, inScratch: true)
        return true
    }

    /// Hands the tag to the collector: its name (lowercased and NUL-terminated in `scratch`,
    /// after the decoded values), and the values of the checked attributes.
    private mutating func deliver(_ name: Range<Int>, position: (offset: Int, line: Int)) {
        let nameStart = scratch.count
        for index in name { scratch.append(Self.lower(bytes[index])) }
        scratch.append(0)
        // `scratch` holds everything it will for this tag: its memory stays where it is.
        let decoded = UnsafePointer(scratch.bytes.baseAddress!)
        var values = PageCollector.Values()
        var remaining = seen
        while remaining != 0 {
            let checked = remaining.trailingZeroBitCount
            remaining &= remaining - 1
            let spot = spots[checked]
            guard spot.count >= 0 else { continue }
            values.set(
                checked, UnsafeBufferPointer(start: (spot.inScratch ? decoded : bytes) + spot.start, count: spot.count))
        }
        collector.start(decoded + nameStart, values, position: position)
    }

    private mutating func countLines(upTo position: Int) {
        var index = lineCounted
        while index < position {
            guard let found = memchr(bytes + index, 0x0A, position - index) else { break }
            line += 1
            index = UnsafeRawPointer(found) - UnsafeRawPointer(bytes) + 1
        }
        lineCounted = position
    }

    // MARK: - Character references

    /// Appends the value with its character references decoded to `scratch`; false for a
    /// reference left to libxml2.
    private mutating func decode(_ value: Range<Int>) -> Bool {
        var index = value.lowerBound
        while index < value.upperBound {
            guard let found = memchr(bytes + index, Int32(UInt8(ascii: "&")), value.upperBound - index) else {
                scratch.append(UnsafeBufferPointer(start: bytes + index, count: value.upperBound - index))
                break
            }
            let ampersand = UnsafeRawPointer(found) - UnsafeRawPointer(bytes)
            scratch.append(UnsafeBufferPointer(start: bytes + index, count: ampersand - index))
            guard let (scalar, next) = reference(at: ampersand, end: value.upperBound) else { return false }
            UTF8.encode(scalar) { scratch.append($0) }
            index = next
        }
        return true
    }

    /// The character of the reference at `start` (an `&`) and where it ends, or nil.
    private func reference(at start: Int, end: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        if index < end, bytes[index] == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < end, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var code: UInt32 = 0
            let digitsStart = index
            while index < end, index - digitsStart < 7 {
                let byte = bytes[index]
                let digit: UInt32
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(byte - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(byte - UInt8(ascii: "A") + 10)
                default: digit = 99
                }
                guard digit < 99 else { break }
                code = code * (hex ? 16 : 10) + digit
                index += 1
            }
            guard index > digitsStart, index < end, bytes[index] == UInt8(ascii: ";"), code >= 0x20 || code == 9,
                code < 0x7F || code > 0x9F, let scalar = Unicode.Scalar(code)
            else { return nil }
            return (scalar, index + 1)
        }
        for (name, scalar) in Self.names {
            let length = name.utf8CodeUnitCount
            guard index + length < end, bytes[index + length] == UInt8(ascii: ";"),
                memcmp(bytes + index, name.utf8Start, length) == 0
            else { continue }
            return (scalar, index + length + 1)
        }
        return nil
    }

    static let names: [(StaticString, Unicode.Scalar)] = [
        ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"),
    ]

    // MARK: - Bytes

    /// The number of the attribute named `name` among those `PageCollector.Values` reads (its
    /// `set`), or nil for any other.
    static func checkedAttribute(_ name: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count >= 2, count <= 10 else { return nil }
        func equals(_ literal: StaticString) -> Bool {
            guard literal.utf8CodeUnitCount == count else { return false }
            for index in 1..<count where lower(name[index]) != literal.utf8Start[index] { return false }
            return true
        }
        switch lower(name[0]) {
        case UInt8(ascii: "i"): return equals("id") ? 0 : nil
        case UInt8(ascii: "n"): return equals("name") ? 1 : nil
        case UInt8(ascii: "h"): return equals("href") ? 2 : equals("http-equiv") ? 3 : nil
        case UInt8(ascii: "s"): return equals("src") ? 4 : equals("srcset") ? 5 : nil
        case UInt8(ascii: "p"): return equals("poster") ? 6 : nil
        case UInt8(ascii: "r"): return equals("rel") ? 7 : nil
        case UInt8(ascii: "c"): return equals("content") ? 8 : nil
        default: return nil
        }
    }

    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    @inline(__always) static func endsAttributeName(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
    }
}

/// Whether bytes are UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
enum UTF8Check {
    static func isValid(_ bytes: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index < count {
            // Eight ASCII bytes at a time.
            while index + 8 <= count,
                UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                high = 0x9F
            case 0xF0:
                length = 4
                low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                high = 0x8F
            default: return false
            }
            guard index + length <= count else { return false }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return false }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
