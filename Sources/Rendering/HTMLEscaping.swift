import Mustache

/// swift-mustache's HTML escaping, the same bytes in far less time: its own walks every string
/// character by character with a dictionary lookup each (about an eighth of a build's
/// instructions). Every template of the theme starts with the `pragma` line, which makes
/// `{{value}}` escape through this type; the line itself renders to nothing.
struct HTMLEscaping: MustacheContentType {
    /// The name the content type is registered under.
    static let name = "AVANCE_HTML"

    /// Registers the content type once, then gives the line that selects it, to put before a
    /// template's first line (a standalone tag: the line leaves no trace in the output).
    static let pragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
        return "{{% CONTENT_TYPE: \(name) }}\n"
    }()

    /// What swift-mustache escapes: `<`, `>`, `&`, `"` and `'`.
    static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    func escapeText(_ text: String) -> String {
        var special = false
        // A special character next to a non-ASCII one may be part of one character with it (a
        // combining mark after `&`, a prepended mark before `<`), which swift-mustache leaves
        // as it is: such text is escaped character by character, exactly as it does.
        var joinable = false
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if Self.isSpecial(byte) {
                special = true
                if previous >= 0x80 { joinable = true }
            } else if byte >= 0x80, Self.isSpecial(previous) {
                joinable = true
            }
            previous = byte
        }
        guard special else { return text }
        guard !joinable else { return Self.escapeCharacters(text) }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            case UInt8(ascii: "'"): out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }

    /// swift-mustache's own algorithm, for text where characters may span a special one.
    static func escapeCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] { out += replacement } else { out.append(character) }
        }
        return out
    }
}
