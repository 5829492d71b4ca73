/// The text form of a posting list, a sorted list of document numbers, as the shards of the
/// search index hold it and `theme/static/js/search.js` reads it: whichever of two forms is
/// shorter.
///
/// - **Gaps**: the differences between consecutive numbers (the first is the number plus one), each
///   written in base 32, most significant digit first, with the characters of `alphabet`: the last
///   digit of a number from the first 32, the others from the last 32. A gap under 32 is one
///   character; a word found in every tenth entry costs one character an entry.
/// - **Bits**: `~` and then one character of `alphabet` for every six documents from 0, bit *b* of
///   character *k* set when document 6*k* + *b* is in the list; trailing zeros left out. A word
///   found in most entries costs one character for six.
///
/// Both alphabets are URL-safe Base64's, so the text needs no escaping in JSON.
public enum Postings {
    /// `0-9`, `A-Z`, `a-z`, `-` and `_`.
    public static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let bitsMarker = UInt8(ascii: "~")
    /// The value of each byte in `alphabet`, -1 for the others.
    static let values: [Int8] = {
        var values = [Int8](repeating: -1, count: 256)
        for (value, character) in alphabet.enumerated() { values[Int(character)] = Int8(value) }
        return values
    }()

    /// `documents`, sorted ascending without repeats, in the shorter of the two forms.
    public static func encode(_ documents: [Int]) -> [UInt8] {
        guard let last = documents.last else { return [] }
        let alphabet = Self.alphabet
        var gaps: [UInt8] = []
        gaps.reserveCapacity(documents.count)
        var previous = -1
        for document in documents {
            let gap = document - previous
            previous = document
            // The digits, most significant first, each written in place.
            var shift = 0
            while gap >> (shift + 5) > 0 { shift += 5 }
            while shift > 0 {
                gaps.append(alphabet[32 + ((gap >> shift) & 31)])
                shift -= 5
            }
            gaps.append(alphabet[gap & 31])
        }
        let bitsLength = 1 + last / 6 + 1
        guard bitsLength < gaps.count else { return gaps }
        var bits = [Int](repeating: 0, count: last / 6 + 1)
        for document in documents { bits[document / 6] |= 1 << (document % 6) }
        return [bitsMarker] + bits.map { alphabet[$0] }
    }

    /// Whether the encoded list holds any of `documents` (sorted ascending), read only as far as
    /// it must: one character of the bits form, the gaps up to the last number asked for. `nil`
    /// when what is read is not a list.
    public static func holds(any documents: [Int], in text: some Collection<UInt8>) -> Bool? {
        guard let last = documents.last else { return false }
        let values = Self.values
        if text.first == bitsMarker {
            let characters = text.dropFirst()
            for document in documents {
                let position = document / 6
                guard position < characters.count else { return false }
                let value = Int(values[Int(characters[characters.index(characters.startIndex, offsetBy: position)])])
                guard value >= 0 else { return nil }
                if value & (1 << (document % 6)) != 0 { return true }
            }
            return false
        }
        var previous = -1
        var gap = 0
        var next = 0  // the first of `documents` not yet passed
        for character in text {
            let value = Int(values[Int(character)])
            guard value >= 0 else { return nil }
            gap = (gap << 5) | (value & 31)
            guard value < 32 else { continue }
            previous += gap
            gap = 0
            while next < documents.count, documents[next] < previous { next += 1 }
            if next < documents.count, documents[next] == previous { return true }
            if previous > last { return false }
        }
        return gap == 0 ? false : nil
    }

    /// The documents of an encoded list; `nil` when `text` is not one.
    public static func decode(_ text: some Collection<UInt8>) -> [Int]? {
        let values = Self.values
        var documents: [Int] = []
        if text.first == bitsMarker {
            for (position, character) in text.dropFirst().enumerated() {
                let value = Int(values[Int(character)])
                guard value >= 0 else { return nil }
                for bit in 0..<6 where value & (1 << bit) != 0 { documents.append(position * 6 + bit) }
            }
            return documents
        }
        var previous = -1
        var gap = 0
        for character in text {
            let value = Int(values[Int(character)])
            guard value >= 0 else { return nil }
            gap = (gap << 5) | (value & 31)
            if value < 32 {
                previous += gap
                documents.append(previous)
                gap = 0
            }
        }
        return gap == 0 ? documents : nil
    }
}
