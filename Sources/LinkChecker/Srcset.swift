/// The URLs of a `srcset` attribute, split as the HTML standard does.
enum Srcset {
    /// The image URLs of `value`, such as `["a.png", "a@2x.png"]` for `a.png 1x, a@2x.png 2x`.
    ///
    /// Candidates are separated by commas, but a URL may itself hold commas (`data:` URLs): the
    /// URL runs to the next whitespace and only trailing commas end it; descriptors run to the
    /// next comma outside parentheses.
    static func urls(in value: String) -> [String] {
        let bytes = Array(value.utf8)
        var urls: [String] = []
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: ",") { index += 1 }
            guard index < bytes.count else { break }
            let start = index
            while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
            var end = index
            var endedByComma = false
            while end > start, bytes[end - 1] == UInt8(ascii: ",") {
                end -= 1
                endedByComma = true
            }
            if end > start { urls.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
            if !endedByComma { index = skipDescriptors(bytes, from: index) }
        }
        return urls
    }

    /// The index just past the descriptors (`2x`, `640w`) that follow a URL.
    static func skipDescriptors(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: ",") where depth == 0: return index + 1
            default: break
            }
            index += 1
        }
        return index
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
