import Foundation

/// The rule for entry ids (file names without `.md`), collection names and enum values.
public enum EntryID {
    /// Lowercase ASCII letters and digits in words joined by single hyphens: `a-12-huertos`.
    public static func isValid(_ id: String) -> Bool {
        guard !id.isEmpty, id.first != "-", id.last != "-", !id.contains("--") else { return false }
        return id.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// A valid id made from any title: lowercase, accents removed, other characters as hyphens.
    public static func make(from title: String) -> String {
        let folded = title.lowercased().applyingFolding()
        var id = ""
        for scalar in folded.unicodeScalars {
            if (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, id.last != "-" {
                id.append("-")
            }
        }
        while id.last == "-" { id.removeLast() }
        return id
    }
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
