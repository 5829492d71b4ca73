#if canImport(Glibc)
    import Glibc
#endif

/// Blanks, in a page's bytes, what a browser reads as text although it looks like markup, so
/// that libxml2 (which reads HTML 4) makes elements of exactly what a browser makes elements of.
///
/// Follows the HTML standard's tokenizer: the contents of the raw-text elements (`script`,
/// `style`, `xmp`, `iframe`, `noembed`, `noframes`) and of the escapable raw-text elements
/// (`title`, `textarea`) up to their own end tag, everything after `<plaintext>`, comments
/// (`<!-->` is a whole comment), and bogus comments (`<?…>`, `<!…>`, and `<![CDATA[…` outside
/// SVG and MathML, each up to the first `>`); inside SVG and MathML, `<![CDATA[…]]>` is text and
/// `title` holds markup. `noscript` is left alone: without scripting, browsers and crawlers read
/// its contents as markup. Blanked bytes become spaces (line breaks stay), so every offset and
/// line of the page stays where it was.
///
/// With a `TagTokenizer` (`apply(to:reading:scratch:)`), the filter has it read each start tag it
/// meets: the page's tags are then found, and their attributes skipped, once.
struct RawTextFilter {
    private let bytes: UnsafeMutablePointer<UInt8>
    private let count: Int
    /// Reads the start tags; nil without one, or once the page is found to be libxml2's.
    private var tokenizer: TagTokenizer?
    /// The open `svg` and `math` elements, and their HTML integration points (`foreignObject`,
    /// `desc` and `title` in SVG; `mi`, `mo`, `mn`, `ms`, `mtext` in MathML).
    private var foreign: [Foreign] = []

    private enum Foreign: Equatable {
        case svg, math
        /// The number of its name in `integrationPoints`.
        case integration(Int)
    }

    private init(_ bytes: UnsafeMutablePointer<UInt8>, count: Int, tokenizer: TagTokenizer? = nil) {
        self.bytes = bytes
        self.count = count
        self.tokenizer = tokenizer
    }

    /// Blanks the page in place. A NUL, which would end libxml2's reading of the page, is first
    /// replaced by a control character the page does not hold, returned so that the values read
    /// back can be given their NUL again; `nil` when the page has no NUL.
    static func apply(to page: UnsafeMutableRawBufferPointer) -> UInt8? {
        guard let base = page.baseAddress, !page.isEmpty else { return nil }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let substitute = replaceNUL(bytes, count: page.count)
        var filter = RawTextFilter(bytes, count: page.count)
        filter.run()
        return substitute
    }

    /// Blanks the page in place, as `apply(to:)`, and in the same pass hands its start tags to
    /// `collector` (reset first) through a `TagTokenizer`, with `scratch` as memory to reuse.
    /// `read` is false when the page is libxml2's to read (see `TagTokenizer`): the collector then
    /// holds part of the page, and the page is filtered all the same.
    static func apply(
        to page: UnsafeMutableRawBufferPointer, reading collector: PageCollector, scratch: ByteBuffer
    ) -> (nulSubstitute: UInt8?, read: Bool) {
        guard let base = page.baseAddress, !page.isEmpty else {
            collector.reset(nulSubstitute: nil)
            return (nil, true)
        }
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        let substitute = replaceNUL(bytes, count: page.count)
        collector.reset(nulSubstitute: substitute)
        let read = TagTokenizer.with(bytes, count: page.count, into: collector, scratch: scratch) { tokenizer in
            var filter = RawTextFilter(bytes, count: page.count, tokenizer: tokenizer)
            filter.run()
            // Checked on the filtered page, as libxml2 reads it: bytes of a script do not count.
            return filter.tokenizer != nil && UTF8Check.isValid(bytes, count: page.count)
        }
        return (substitute, read)
    }

    private static func replaceNUL(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> UInt8? {
        guard memchr(bytes, 0, count) != nil else { return nil }
        var present = [Bool](repeating: false, count: 32)
        for index in 0..<count where bytes[index] < 32 { present[Int(bytes[index])] = true }
        // Not tab, line feed, form feed or carriage return: HTML gives those a meaning.
        let substitute = (Array(1...8) + Array(14...31)).first { !present[$0] }.map(UInt8.init) ?? 0x20
        for index in 0..<count where bytes[index] == 0 { bytes[index] = substitute }
        return substitute
    }

    private var inForeignContent: Bool {
        switch foreign.last {
        case .svg, .math: true
        default: false
        }
    }

    private mutating func run() {
        var index = 0
        while index < count, let found = memchr(bytes + index, Int32(Self.lessThan), count - index) {
            index = markup(at: UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(bytes))
        }
    }

    /// Reads the markup that starts with the `<` at `start`; returns where reading goes on.
    private mutating func markup(at start: Int) -> Int {
        let next = at(start + 1)
        if next == UInt8(ascii: "!") {
            if matches("--", at: start + 2) { return comment(from: start) }
            if matches("[CDATA[", at: start + 2) {
                if inForeignContent {
                    let end = find("]]>", from: start + 9).map { $0 + 3 } ?? count
                    blank(start..<end)
                    return end
                }
                return bogusComment(from: start)
            }
            if matchesIgnoringCase("doctype", at: start + 2) { return (find(">", from: start) ?? count) + 1 }
            return bogusComment(from: start)
        }
        if next == UInt8(ascii: "?") { return bogusComment(from: start) }
        if next == UInt8(ascii: "/") {
            if Self.isLetter(at(start + 2)) { return endTag(from: start) }
            if at(start + 2) == UInt8(ascii: ">") { return start + 3 }
            return bogusComment(from: start)
        }
        if Self.isLetter(next) { return startTag(from: start) }
        return start + 1
    }

    /// `<!--…-->`, `<!--…--!>`, or the whole comments `<!-->` and `<!--->`.
    private func comment(from start: Int) -> Int {
        var end = count
        if at(start + 4) == UInt8(ascii: ">") {
            end = start + 5
        } else if at(start + 4) == UInt8(ascii: "-"), at(start + 5) == UInt8(ascii: ">") {
            end = start + 6
        } else {
            var index = start + 4
            while let dashes = find("--", from: index) {
                if at(dashes + 2) == UInt8(ascii: ">") {
                    end = dashes + 3
                    break
                }
                if at(dashes + 2) == UInt8(ascii: "!"), at(dashes + 3) == UInt8(ascii: ">") {
                    end = dashes + 4
                    break
                }
                index = dashes + 1
            }
        }
        blank(start..<end)
        return end
    }

    private func bogusComment(from start: Int) -> Int {
        let end = (find(">", from: start + 1) ?? count - 1) + 1
        blank(start..<end)
        return end
    }

    private mutating func startTag(from start: Int) -> Int {
        let nameEnd = nameEnd(from: start + 1)
        let (tagEnd, selfClosing) = tagEnd(name: start + 1..<nameEnd)
        if !foreign.isEmpty, inForeignContent {
            let name = start + 1..<nameEnd
            guard Self.breaksOutOfForeignContent.contains(where: { self.name(name, is: $0) }) else {
                if selfClosing { return tagEnd }
                if self.name(name, is: "svg") || self.name(name, is: "math") {
                    foreign.append(self.name(name, is: "svg") ? .svg : .math)
                } else if let point = integrationPoint(
                    name, in: foreign.last == .svg ? Self.svgPoints : Self.mathPoints)
                {
                    foreign.append(.integration(point))
                }
                return tagEnd
            }
            while inForeignContent { foreign.removeLast() }
        }
        switch action(start + 1..<nameEnd) {
        case .svg where !selfClosing: foreign.append(.svg)
        case .math where !selfClosing: foreign.append(.math)
        case .rawText(let name):
            let end = rawTextEnd(name, from: tagEnd)
            blank(tagEnd..<end)
            return end
        case .script:
            let end = scriptEnd(from: tagEnd)
            blank(tagEnd..<end)
            return end
        case .plaintext:
            blank(tagEnd..<count)
            return count
        default: break
        }
        return tagEnd
    }

    private mutating func endTag(from start: Int) -> Int {
        let nameEnd = nameEnd(from: start + 2)
        let (tagEnd, _) = attributesEnd(from: nameEnd)
        // End tags matter only to leave SVG, MathML or an integration point.
        guard !foreign.isEmpty else { return tagEnd }
        let name = start + 2..<nameEnd
        let svg = self.name(name, is: "svg")
        if svg || self.name(name, is: "math"), let open = foreign.lastIndex(of: svg ? .svg : .math) {
            foreign.removeSubrange(open...)
        } else if case .integration(let point) = foreign.last, self.name(name, is: Self.integrationPoints[point]) {
            foreign.removeLast()
        }
        return tagEnd
    }

    /// What a start tag's name makes the filter do in HTML content.
    private enum Action {
        case rawText(StaticString)
        case script, plaintext, svg, math, none
    }

    /// The action for the tag name at `range`, found without making a string of it: this runs
    /// for every tag of every page.
    private func action(_ range: Range<Int>) -> Action {
        func named(_ name: StaticString) -> Bool { matchesIgnoringCase(name, at: range.lowerBound) }
        switch range.count {
        case 3 where named("xmp"): return .rawText("xmp")
        case 3 where named("svg"): return .svg
        case 4 where named("math"): return .math
        case 5 where named("title"): return .rawText("title")
        case 5 where named("style"): return .rawText("style")
        case 6 where named("iframe"): return .rawText("iframe")
        case 6 where named("script"): return .script
        case 7 where named("noembed"): return .rawText("noembed")
        case 8 where named("textarea"): return .rawText("textarea")
        case 8 where named("noframes"): return .rawText("noframes")
        case 9 where named("plaintext"): return .plaintext
        default: return .none
        }
    }

    /// Where the name of a tag that starts at `start` ends.
    private func nameEnd(from start: Int) -> Int {
        var end = start
        while end < count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: "/"),
            bytes[end] != UInt8(ascii: ">")
        {
            end += 1
        }
        return end
    }

    /// True when the tag name at `range`, lowercased (ASCII), is `lowercase`: compared on the
    /// page's bytes, as every element inside an SVG icon or chart asks.
    private func name(_ range: Range<Int>, is lowercase: StaticString) -> Bool {
        range.count == lowercase.utf8CodeUnitCount && matchesIgnoringCase(lowercase, at: range.lowerBound)
    }

    /// The number in `integrationPoints` of the tag name at `range`, among `points`.
    private func integrationPoint(_ range: Range<Int>, in points: Range<Int>) -> Int? {
        points.first { name(range, is: Self.integrationPoints[$0]) }
    }

    /// Where the start tag whose name is at `name` ends, as `attributesEnd` tells; the tokenizer,
    /// when there is one, reads the attributes as it finds the end.
    private mutating func tagEnd(name: Range<Int>) -> (end: Int, selfClosing: Bool) {
        if tokenizer != nil {
            if let close = tokenizer!.startTag(name: name) {
                guard close < count else { return (count, false) }
                return (close + 1, close > name.upperBound && bytes[close - 1] == UInt8(ascii: "/"))
            }
            tokenizer = nil  // the page is libxml2's to read: the filter goes on alone
        }
        return attributesEnd(from: name.upperBound)
    }

    /// Skips a tag's attributes as the HTML tokenizer does (a `>` inside quotes ends nothing);
    /// returns the index after the tag's `>`, and whether it ended with `/>`.
    private func attributesEnd(from start: Int) -> (end: Int, selfClosing: Bool) {
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return (index + 1, index > start && bytes[index - 1] == UInt8(ascii: "/")) }
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            // A name (its first character may be `=`), then perhaps `=` and a value.
            index += 1
            while index < count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=")
            {
                index += 1
            }
            var equals = index
            while equals < count, Self.isSpace(bytes[equals]) { equals += 1 }
            guard equals < count, bytes[equals] == UInt8(ascii: "=") else { continue }
            index = equals + 1
            while index < count, Self.isSpace(bytes[index]) { index += 1 }
            guard index < count else { break }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = memchr(bytes + index + 1, Int32(quote), count - index - 1) else {
                    return (count, false)
                }
                index = UnsafeMutableRawPointer(close) - UnsafeMutableRawPointer(bytes) + 1
            } else {
                while index < count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
            }
        }
        return (count, false)
    }

    /// Where the end tag `</name` (followed by a space, `/` or `>`, in any case) starts.
    private func rawTextEnd(_ name: StaticString, from start: Int) -> Int {
        var index = start
        while let found = find("</", from: index) {
            if isEndTag(name, at: found) { return found }
            index = found + 1
        }
        return count
    }

    private func isEndTag(_ name: StaticString, at start: Int) -> Bool {
        guard at(start) == Self.lessThan, at(start + 1) == UInt8(ascii: "/"), matchesIgnoringCase(name, at: start + 2)
        else { return false }
        let after = at(start + 2 + name.utf8CodeUnitCount)
        return Self.isSpace(after) || after == UInt8(ascii: "/") || after == UInt8(ascii: ">")
    }

    /// Where a script ends: its `</script`, except inside `<!--` … `<script>` … `-->`, where the
    /// standard's "double escaped" state keeps a `</script>` written in a string from ending it.
    private func scriptEnd(from start: Int) -> Int {
        var escaped = false
        var doubleEscaped = false
        var index = start
        while index < count {
            let byte = bytes[index]
            if byte != UInt8(ascii: "-") && byte != Self.lessThan {
                index += 1
            } else if matches("-->", at: index) {
                escaped = false
                doubleEscaped = false
                index += 3
            } else if !escaped, matches("<!--", at: index) {
                escaped = true
                index += 4
            } else if isEndTag("script", at: index) {
                if !doubleEscaped { return index }
                doubleEscaped = false
                index += 8
            } else if escaped, !doubleEscaped, at(index) == Self.lessThan, matchesIgnoringCase("script", at: index + 1),
                Self.isSpace(at(index + 7)) || at(index + 7) == UInt8(ascii: "/") || at(index + 7) == UInt8(ascii: ">")
            {
                doubleEscaped = true
                index += 7
            } else {
                index += 1
            }
        }
        return count
    }

    private func blank(_ range: Range<Int>) {
        for index in range.clamped(to: 0..<count) where bytes[index] != 0x0A && bytes[index] != 0x0D {
            bytes[index] = 0x20
        }
    }

    private func at(_ index: Int) -> UInt8 {
        index < count ? bytes[index] : 0
    }

    private func matches(_ text: StaticString, at index: Int) -> Bool {
        let length = text.utf8CodeUnitCount
        return index + length <= count && memcmp(bytes + index, text.utf8Start, length) == 0
    }

    private func matchesIgnoringCase(_ lowercase: StaticString, at index: Int) -> Bool {
        let length = lowercase.utf8CodeUnitCount
        guard index + length <= count else { return false }
        let letters = lowercase.utf8Start
        for offset in 0..<length {
            let byte = bytes[index + offset]
            guard (byte >= 65 && byte <= 90 ? byte + 32 : byte) == letters[offset] else { return false }
        }
        return true
    }

    private func find(_ text: StaticString, from index: Int) -> Int? {
        let first = Int32(text.utf8Start.pointee)
        var position = index
        while position < count, let found = memchr(bytes + position, first, count - position) {
            let offset = UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(bytes)
            if matches(text, at: offset) { return offset }
            position = offset + 1
        }
        return nil
    }

    private static let lessThan = UInt8(ascii: "<")

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Start tags that end SVG or MathML, as the standard lists them.
    static let breaksOutOfForeignContent: [StaticString] = [
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1",
        "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p",
        "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
    ]
    /// The HTML integration points: SVG's (`svgPoints`), then MathML's (`mathPoints`).
    static let integrationPoints: [StaticString] = ["foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext"]
    static let svgPoints = 0..<3
    static let mathPoints = 3..<8
}
