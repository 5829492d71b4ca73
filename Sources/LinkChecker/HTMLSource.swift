/// A page's bytes, read again to say where its broken links are: the line and column of the
/// attribute's value (of the URL itself in a `srcset` or a refresh), as the text format quotes.
struct HTMLSource {
    let bytes: [UInt8]

    /// 1-based line, column (in characters) and length of `link` in the page.
    func location(of link: RawLink) -> (line: Int, column: Int, length: Int) {
        guard let range = valueRange(of: link) else { return (max(1, link.line), 1, 1) }
        var lineStart = range.lowerBound
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        let line = 1 + bytes[..<lineStart].lazy.filter { $0 == 0x0A }.count
        let column = 1 + Self.characters(bytes[lineStart..<range.lowerBound])
        return (line, column, max(1, Self.characters(bytes[range])))
    }

    /// How many characters the line `number` (1-based) holds.
    func lineLength(_ number: Int) -> Int {
        var line = 1
        var start = 0
        while line < number, let newline = bytes[start...].firstIndex(of: 0x0A) {
            start = newline + 1
            line += 1
        }
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        return Self.characters(bytes[start..<end])
    }

    /// UTF-8 characters: every byte that does not continue a sequence.
    static func characters(_ slice: ArraySlice<UInt8>) -> Int {
        slice.lazy.filter { $0 & 0xC0 != 0x80 }.count
    }

    /// Where the link's URL is: found again from the `>` that ends its start tag.
    func valueRange(of link: RawLink) -> Range<Int>? {
        let end = link.tagEnd
        guard end > 0, end < bytes.count, bytes[end] == UInt8(ascii: ">") || bytes[end] == UInt8(ascii: "/") else {
            return nil  // the parser's offsets do not fit the file (it converted another encoding)
        }
        guard let start = tagStart(before: end, element: Array(link.source.element.utf8)) else { return nil }
        var attributes = AttributeTokens(bytes: bytes, position: start + 1 + link.source.element.utf8.count, end: end)
        let wanted = Array(link.source.attribute.utf8)
        while let (name, value) = attributes.next() {
            guard Self.equalsIgnoringCase(bytes[name], wanted) else { continue }
            return narrow(value, to: Array(link.url.utf8))
        }
        return nil
    }

    /// The `<` of the start tag `<element` that ends at `end`.
    func tagStart(before end: Int, element: [UInt8]) -> Int? {
        var index = end - 1
        while index >= 0, end - index < 1 << 16 {
            if bytes[index] == UInt8(ascii: "<"), index + element.count < end,
                Self.equalsIgnoringCase(bytes[(index + 1)..<(index + 1 + element.count)], element)
            {
                return index
            }
            index -= 1
        }
        return nil
    }

    /// The URL's own range inside an attribute value that holds several (`srcset`, refresh).
    func narrow(_ value: Range<Int>, to url: [UInt8]) -> Range<Int> {
        guard !url.isEmpty, url.count < value.count else { return value }
        var index = value.lowerBound
        while index + url.count <= value.upperBound {
            if bytes[index..<(index + url.count)].elementsEqual(url) { return index..<(index + url.count) }
            index += 1
        }
        return value
    }

    static func equalsIgnoringCase(_ slice: ArraySlice<UInt8>, _ lowercase: [UInt8]) -> Bool {
        slice.count == lowercase.count
            && zip(slice, lowercase).allSatisfy { ($0 >= 65 && $0 <= 90 ? $0 + 32 : $0) == $1 }
    }
}

/// The attributes of a start tag, as ranges of bytes: `name`, `name=value`, `name="value"`.
struct AttributeTokens {
    let bytes: [UInt8]
    var position: Int
    let end: Int

    /// The next attribute's name and value (an empty range for a value-less attribute).
    mutating func next() -> (name: Range<Int>, value: Range<Int>)? {
        skip { Self.isSpace($0) || $0 == UInt8(ascii: "/") }
        guard position < end else { return nil }
        let nameStart = position
        skip { !Self.isSpace($0) && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "/") }
        let name = nameStart..<position
        skip(Self.isSpace)
        guard position < end, bytes[position] == UInt8(ascii: "=") else { return (name, position..<position) }
        position += 1
        skip(Self.isSpace)
        guard position < end else { return (name, position..<position) }
        let quote = bytes[position]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            position += 1
            let valueStart = position
            while position < bytes.count, bytes[position] != quote { position += 1 }
            defer { position += 1 }
            return (name, valueStart..<position)
        }
        let valueStart = position
        skip { !Self.isSpace($0) }
        return (name, valueStart..<position)
    }

    mutating func skip(_ predicate: (UInt8) -> Bool) {
        while position < end, predicate(bytes[position]) { position += 1 }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
