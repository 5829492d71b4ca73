/// A JSON value, written with sorted keys and stable number formatting so that two builds give
/// byte-identical documents.
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral
{
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { members[key] } else { nil }
    }

    /// The items of an array.
    public var array: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// `value` as a string, or `null`.
    public static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The document as UTF-8 text: two-space indentation, keys sorted, a final newline.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// `serialized()` as UTF-8 bytes, written straight into one buffer.
    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, depth: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    func write(to out: inout [UInt8], depth: Int) {
        switch self {
        case .string(let text): Self.writeString(text, to: &out)
        case .int(let value): Self.writeInteger(value, to: &out)
        case .number(let value):
            if value == value.rounded() && abs(value) < 1e15 {
                Self.writeInteger(Int(value), to: &out)
            } else {
                out += String(value).utf8
            }
        case .bool(let value): Self.append(value ? "true" : "false", to: &out)
        case .null: Self.append("null", to: &out)
        case .array(let items):
            guard !items.isEmpty else { return Self.append("[]", to: &out) }
            Self.append("[\n", to: &out)
            for index in items.indices {
                Self.indent(&out, depth + 1)
                items[index].write(to: &out, depth: depth + 1)
                Self.append(index == items.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.indent(&out, depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else { return Self.append("{}", to: &out) }
            Self.append("{\n", to: &out)
            // Keys are unique: sorting the members sorts them as `keys.sorted()` does.
            let sorted = members.sorted { $0.key < $1.key }
            for index in sorted.indices {
                Self.indent(&out, depth + 1)
                Self.writeString(sorted[index].key, to: &out)
                Self.append(": ", to: &out)
                sorted[index].value.write(to: &out, depth: depth + 1)
                Self.append(index == sorted.count - 1 ? "\n" : ",\n", to: &out)
            }
            Self.indent(&out, depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends the bytes of a literal: a copy of its bytes, where `+= "…".utf8` goes through a
    /// string's view byte by byte (a quarter of the time of writing the open data's documents).
    @inline(__always)
    static func append(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// The decimal digits of `value`, with a `-` when negative, as `String(value)` writes them.
    static func writeInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// The bytes of `serializedBytes()` for this object with one more member, `key`, an array
    /// of `count` items made one at a time by `item` and written at once, so that a list of
    /// thousands of documents is never held as one tree.
    public func serializedBytes(streaming key: String, count: Int, item: (Int) -> JSONValue) -> [UInt8] {
        guard case .object(let members) = self, members[key] == nil else {
            preconditionFailure("streaming needs an object without `\(key)`")
        }
        var out: [UInt8] = []
        out += "{\n".utf8
        let keys = (Array(members.keys) + [key]).sorted()
        for (index, name) in keys.enumerated() {
            Self.indent(&out, 1)
            Self.writeString(name, to: &out)
            out += ": ".utf8
            if name != key {
                members[name]!.write(to: &out, depth: 1)
            } else if count == 0 {
                out += "[]".utf8
            } else {
                out += "[\n".utf8
                for position in 0..<count {
                    Self.indent(&out, 2)
                    item(position).write(to: &out, depth: 2)
                    out += (position == count - 1 ? "\n" : ",\n").utf8
                }
                Self.indent(&out, 1)
                out.append(UInt8(ascii: "]"))
            }
            out += (index == keys.count - 1 ? "\n" : ",\n").utf8
        }
        out += "}\n".utf8
        return out
    }

    /// The bytes of `serializedBytes(streaming:count:item:)` made a batch at a time from items
    /// already serialized: `head` is this object up to the streamed member's `[`, each item is
    /// added with `StreamedArray.append`, and `finish` closes the array and the object. An item
    /// serialized on its own (`serializedBytes()`) is the same text as inside the array but for
    /// its indentation: JSON text written here holds no newline but those between lines (a
    /// string's are escaped), so each line is indented by the array's depth.
    public func streamedArray(_ key: String) -> StreamedArray {
        guard case .object(let members) = self, members[key] == nil else {
            preconditionFailure("streaming needs an object without `\(key)`")
        }
        let keys = (Array(members.keys) + [key]).sorted()
        var head: [UInt8] = []
        var tail: [UInt8] = []
        head += "{\n".utf8
        var after = false
        for (index, name) in keys.enumerated() {
            let last = index == keys.count - 1
            if name == key {
                Self.indent(&head, 1)
                Self.writeString(name, to: &head)
                head += ": ".utf8
                tail += (last ? "\n" : ",\n").utf8
                after = true
                continue
            }
            var out: [UInt8] = []
            Self.indent(&out, 1)
            Self.writeString(name, to: &out)
            out += ": ".utf8
            members[name]!.write(to: &out, depth: 1)
            out += (last ? "\n" : ",\n").utf8
            if after { tail += out } else { head += out }
        }
        tail += "}\n".utf8
        return StreamedArray(out: head, tail: tail)
    }

    /// An object's array member written item by item (`JSONValue.streamedArray`).
    public struct StreamedArray: Sendable {
        var out: [UInt8]
        let tail: [UInt8]
        var count = 0

        /// Adds an item, given as the bytes of its `serializedBytes()` (final newline included).
        public mutating func append(serialized item: [UInt8]) {
            out += (count == 0 ? "[\n" : ",\n").utf8
            count += 1
            JSONValue.indent(&out, 2)
            let end = item.last == UInt8(ascii: "\n") ? item.count - 1 : item.count
            var start = 0
            for index in 0..<end where item[index] == UInt8(ascii: "\n") {
                out += item[start...index]
                JSONValue.indent(&out, 2)
                start = index + 1
            }
            out += item[start..<end]
        }

        /// The whole document.
        public consuming func finish() -> [UInt8] {
            if count == 0 {
                out += "[]".utf8
            } else {
                out += "\n".utf8
                JSONValue.indent(&out, 1)
                out.append(UInt8(ascii: "]"))
            }
            out += tail
            return out
        }
    }

    /// Whether one of the eight bytes of `word` is below 0x20, a quote, a backslash or 0xE2
    /// (the first byte of U+2028 and U+2029): never false when one is.
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
            || hasZero(word ^ (ones &* 0xE2))
    }

    /// Two spaces a level.
    static func indent(_ out: inout [UInt8], _ depth: Int) {
        var count = depth * 2
        while count > 0 {
            let run = min(count, spaces.utf8CodeUnitCount)
            spaces.withUTF8Buffer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<run])) }
            count -= run
        }
    }

    private static let spaces: StaticString = "                                "

    /// RFC 8259 string escaping; everything else, accents included, stays UTF-8.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escaping, most of any text, are appended whole.
            var start = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while none of them can need an escape.
                while index + 8 <= bytes.count,
                    !mayNeedEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                }
                guard index < bytes.count else { break }
                let byte = bytes[index]
                let escape: StaticString
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case 0..<0x20: escape = ""
                case 0xE2:
                    // U+2028 and U+2029 (E2 80 A8, E2 80 A9): valid JSON, not JavaScript strings.
                    let last = index + 2 < bytes.count && bytes[index + 1] == 0x80 ? bytes[index + 2] : 0
                    guard last == 0xA8 || last == 0xA9 else {
                        index += 1
                        continue
                    }
                    escape = last == 0xA8 ? "\\u2028" : "\\u2029"
                default:
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                if escape.utf8CodeUnitCount > 0 {
                    escape.withUTF8Buffer { out.append(contentsOf: $0) }
                } else {
                    let hex = String(byte, radix: 16)
                    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                }
                index += byte == 0xE2 ? 3 : 1
                start = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
