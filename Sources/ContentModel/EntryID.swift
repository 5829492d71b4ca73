import Foundation

/// The rule for entry ids (file names without `.md`), collection names and enum values.
public enum EntryID {
    /// Lowercase ASCII letters and digits in words joined by single hyphens: `a-12-huertos`.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// A valid id made from any title: lowercase, accents removed, Latin letters without an
    /// accent to remove spelled in ASCII (`ß` → `ss`, `ø` → `o`), other characters as hyphens.
    /// Letters of other scripts give nothing: ids are ASCII so that a file name and a URL are the
    /// same bytes on every disk, in every tool and in every browser (no normalisation forms, no
    /// percent-encoding); `hasLettersOutsideIDs` tells when a title lost its letters that way.
    public static func make(from title: String) -> String {
        make(from: title, keepingOtherScripts: false)
    }

    /// `make(from:)`, keeping letters and digits of other scripts when `keepingOtherScripts`
    /// (lowercased, accents removed): not an id, but a key to compare names typed by people.
    public static func make(from title: String, keepingOtherScripts: Bool) -> String {
        let folded = title.lowercased().applyingFolding()
        var id = ""
        for scalar in folded.unicodeScalars {
            if (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) {
                id.unicodeScalars.append(scalar)
            } else if let spelled = latinSpellings[scalar] {
                id += spelled
            } else if keepingOtherScripts, scalar.value > 0x7F,
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, id.last != "-" {
                id.append("-")
            }
        }
        while id.last == "-" { id.removeLast() }
        return id
    }

    /// True when `title` has letters and `make(from:)` keeps none of them: a title written in a
    /// script other than Latin (`日本語のタイトル`, `Проект 2`), which gives no id, or only its digits.
    public static func hasLettersOutsideIDs(_ title: String) -> Bool {
        let id = make(from: title)
        return !id.utf8.contains { (0x61...0x7A).contains($0) }
            && title.unicodeScalars.contains(where: \.properties.isAlphabetic)
    }

    /// Lowercase Latin letters that are not a letter plus an accent, so that folding accents
    /// leaves them as they are: their usual ASCII spelling.
    static let latinSpellings: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
        "ŧ": "t", "ŀ": "l", "ĸ": "q", "ŋ": "n",
    ]
}

extension String {
    /// Removes accents: "gestión" → "gestion", "ñ" → "n".
    func applyingFolding() -> String {
        String(
            String.UnicodeScalarView(
                decomposedStringWithCanonicalMapping.unicodeScalars.filter {
                    !(0x0300...0x036F).contains($0.value)
                }))
    }
}
