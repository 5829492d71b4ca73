import Foundation

/// The text operations of the search index: folding for accent- and case-insensitive matching,
/// plain text from rendered HTML, and cutting text at a word boundary.
///
/// `fold` is mirrored by `fold` in `theme/static/js/search.js`, which folds the
/// query: the index holds folded text, so the script never folds the (large) index itself.
public enum SearchText {
    /// Lowercase, compatibility-decomposed (NFKD: "ﬁ" is "fi"), without combining marks ("gestión"
    /// is "gestion", "ñ" is "n"), final sigma as sigma, and every run of characters other than
    /// letters and digits as one space, trimmed: `"Gestión (RCN-Visa)"` is `"gestion rcn visa"`.
    ///
    /// Foundation's `folding(options:)` is not used because JavaScript has no equivalent: the
    /// script does the same with `toLowerCase()`, `normalize("NFKD")` and the class `\p{M}`.
    /// ASCII, most of any text, takes a fast path; other characters are folded one by one, which
    /// gives the same result as folding the whole text since every mark is dropped.
    public static func fold(_ text: String) -> String {
        var folding = Folding(capacity: text.utf8.count)
        var text = text
        text.withUTF8 { folding.fold($0) }
        return String(decoding: folding.out, as: UTF8.self)
    }

    /// Folded UTF-8 text being collected by `fold`, from the bytes of the text in place.
    struct Folding {
        var out: [UInt8] = []
        var pendingSpace = false
        /// The bytes of each non-ASCII scalar met, folded (`bytes(of:)`).
        var cache: [Unicode.Scalar: [UInt8]] = [:]

        init(capacity: Int) {
            out.reserveCapacity(capacity)
        }

        /// The UTF-8 bytes of the letters and digits of a folded scalar, a 0 (never a byte of
        /// UTF-8 text) in place of each other part, which separates words.
        static func bytes(of folded: [Unicode.Scalar]) -> [UInt8] {
            folded.flatMap { part in
                SearchText.isLetterOrDigit(part.properties.generalCategory) ? Array(UTF8.encode(part)!) : [0]
            }
        }

        /// `bytes(of:)` of every scalar from U+0080 to U+024F (Latin-1 and Latin Extended A and
        /// B: the accented letters of Spanish, Portuguese, French…) and of General Punctuation
        /// (dashes, quotation marks, `…`, met in most texts), worked out once: Foundation's
        /// decomposition of one scalar costs more than folding a paragraph.
        static let latin = Table(0x80..<0x250)
        static let punctuation = Table(0x2000..<0x2070)

        /// The folded bytes of each scalar of a range, by the scalar's value.
        struct Table {
            let range: Range<UInt32>
            let folds: [[UInt8]]

            init(_ range: Range<UInt32>) {
                self.range = range
                folds = range.map { Folding.bytes(of: SearchText.foldedScalars(of: Unicode.Scalar($0)!)) }
            }

            /// The folded bytes of the scalar `value`, when the table holds it.
            subscript(value: UInt32) -> [UInt8]? {
                range.contains(value) ? folds[Int(value - range.lowerBound)] : nil
            }
        }

        mutating func emit(_ byte: UInt8) {
            if pendingSpace, !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
        }

        mutating func fold(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x41...0x5A: emit(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39: emit(byte)
                case 0...0x7F: pendingSpace = true
                default:
                    // The scalar whose first byte this is (the text is valid UTF-8).
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (byte >= 0xF0 ? 0x07 : byte >= 0xE0 ? 0x0F : 0x1F)
                    for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                    let scalar = Unicode.Scalar(value)!
                    let folded: [UInt8]
                    if let known = Self.latin[value] ?? Self.punctuation[value] ?? cache[scalar] {
                        folded = known
                    } else {
                        folded = Self.bytes(of: SearchText.foldedScalars(of: scalar))
                        cache[scalar] = folded
                    }
                    for byte in folded {
                        if byte == 0 { pendingSpace = true } else { emit(byte) }
                    }
                    index += length
                    continue
                }
                index += 1
            }
        }
    }

    /// One character lowercased, decomposed (NFKD) and lowercased again (a compatibility form
    /// may be a capital: "ℌ" is "H"), without marks, final sigma as sigma.
    static func foldedScalars(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        let decomposed = scalar.properties.lowercaseMapping.decomposedStringWithCompatibilityMapping
        return decomposed.unicodeScalars.flatMap { part in
            isMark(part.properties.generalCategory)
                ? []
                : part.properties.lowercaseMapping.unicodeScalars.filter {
                    !isMark($0.properties.generalCategory)
                }
        }.map { $0 == "ς" ? "σ" : $0 }
    }

    static func isMark(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// JavaScript's `\p{L}` and `\p{N}`.
    static func isLetterOrDigit(_ category: Unicode.GeneralCategory) -> Bool {
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default: false
        }
    }

    /// Inline elements: their tags join the text around them; every other tag separates words.
    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "cite", "code", "del", "em", "i", "kbd", "mark", "q", "s", "samp", "small", "span",
        "strong", "sub", "sup", "time", "u", "var",
    ]

    /// The text of HTML as cmark-gfm writes it: tags removed, entities decoded, whitespace
    /// collapsed to single spaces; only its first `limit` Unicode scalars when given, so that a
    /// long body costs no more than the part of it the index keeps.
    ///
    /// Works on UTF-8 bytes: tags, entities and whitespace are ASCII, and every other byte is
    /// copied as it is.
    public static func plainText(fromHTML html: String, limit: Int = .max) -> String {
        var text = PlainText(limit: limit)
        var html = html
        // Read in place: a long body is not copied to keep its first paragraphs.
        html.withUTF8 { bytes in
            var index = 0
            while index < bytes.count, !text.isFull {
                let byte = bytes[index]
                if byte == UInt8(ascii: "<"), let close = bytes[index...].firstIndex(of: UInt8(ascii: ">")) {
                    if !isInline(bytes[(index + 1)..<close]) { text.separate() }
                    index = close + 1
                } else if byte == UInt8(ascii: "&"), let semicolon = bytes[index...].prefix(12).firstIndex(of: 0x3B),
                    let decoded = entity(bytes[(index + 1)..<semicolon])
                {
                    for byte in decoded.utf8 { text.append(byte) }
                    index = semicolon + 1
                } else {
                    text.append(byte)
                    index += 1
                }
            }
        }
        return text.string
    }

    /// UTF-8 text being collected: runs of whitespace become one space, none at the ends.
    struct PlainText {
        let limit: Int
        var bytes: [UInt8] = []
        var scalars = 0
        var pendingSpace = false
        /// Set by the first scalar past `limit`: nothing more is wanted.
        var isFull = false

        var string: String { String(decoding: bytes, as: UTF8.self) }

        mutating func separate() { pendingSpace = true }

        mutating func append(_ byte: UInt8) {
            switch byte {
            case 0x20, 0x0A, 0x09, 0x0D, 0x0C:
                pendingSpace = true
            case 0x80...0xBF:  // a continuation byte, part of a scalar already kept
                if !isFull { bytes.append(byte) }
            default:
                guard scalars < limit else {
                    isFull = true
                    return
                }
                if pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte)
                scalars += 1
            }
        }
    }

    /// The names of `inlineTags`, each packed into one number by `isInline`: none is longer than
    /// 8 bytes.
    static let inlineTagKeys: [UInt64] = inlineTags.map { name in
        name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Whether the tag whose text between `<` and `>` is `tag` is an inline element's (`/em` is
    /// `em`'s): its name, letters and digits, lowercased and packed into a number, without
    /// making a string.
    static func isInline(_ tag: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var key: UInt64 = 0
        var length = 0
        for byte in tag.drop(while: { $0 == UInt8(ascii: "/") }) {
            let isUpper = (0x41...0x5A).contains(byte)
            guard isUpper || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) else { break }
            guard length < 8 else { return false }
            key = key << 8 | UInt64(isUpper ? byte | 0x20 : byte)
            length += 1
        }
        return length > 0 && inlineTagKeys.contains(key)
    }

    /// The text of an HTML entity's name (`amp`, `#233`, `#xE9`), for the ones cmark-gfm writes.
    static func entity(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        let name = String(decoding: bytes, as: UTF8.self)
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let isHex = digits.first == "x" || digits.first == "X"
            let value = isHex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    /// At most `limit` Unicode scalars of `text` (characters, in folded text), cut at the last
    /// space before the limit when there is one, with `ellipsis` appended when anything was cut.
    public static func truncated(_ text: String, to limit: Int, ellipsis: String = "") -> String {
        let bytes = Array(text.utf8)
        var scalars = 0
        var end = 0
        while end < bytes.count {
            if bytes[end] & 0xC0 != 0x80 {  // the first byte of a scalar
                if scalars == limit { break }
                scalars += 1
            }
            end += 1
        }
        guard end < bytes.count else { return text }
        var cut = bytes[..<end].lastIndex(of: 0x20) ?? end
        while cut > 0, bytes[cut - 1] == 0x20 { cut -= 1 }
        return String(decoding: bytes[..<cut], as: UTF8.self) + ellipsis
    }
}
