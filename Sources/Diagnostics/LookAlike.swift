import Foundation

/// Names that look the same but are written with other code points: `ó` as one code point
/// (NFC) and as `o` plus a combining accent (NFD). Swift's `==` takes them for equal; browsers
/// (ids) and servers (file names) do not, so a hint must say why a name that looks right is not.
public enum LookAlike {
    /// The candidate that Swift's `==` takes for `name` but whose code points differ, if any.
    public static func twin(of name: String, among candidates: some Sequence<String>) -> String? {
        candidates.first { $0 == name && !$0.hasSameBytes(as: name) }
    }

    /// "`#próximos` looks the same but is written with composed accents (NFC)": `shown` is how
    /// the candidate is quoted.
    public static func describe(_ candidate: String, shown: String) -> Message {
        if candidate.hasSameBytes(as: candidate.precomposedStringWithCanonicalMapping) {
            Message("look-alike.nfc", ["shown": shown])
        } else if candidate.hasSameBytes(as: candidate.decomposedStringWithCanonicalMapping) {
            Message("look-alike.nfd", ["shown": shown])
        } else {
            Message("look-alike.code-points", ["shown": shown])
        }
    }

    /// `text` with every byte outside printable ASCII (and `%`, `#`, `?`, quotes and spaces)
    /// percent-encoded, so that a URL written with it names exactly these code points.
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F, !"%#?\"'<>`{} ".utf8.contains(byte) {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
