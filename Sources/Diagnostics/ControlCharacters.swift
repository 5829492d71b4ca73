extension Unicode.Scalar {
    /// True for characters that have no place in published text: C0 controls other than tab,
    /// line feed and carriage return (XML 1.0 forbids them, so one would break the Atom feed),
    /// DEL, C1 controls (which terminals read as escape sequences) and the noncharacters U+FFFE
    /// and U+FFFF. Refused in a file's bytes (`file-encoding`) and through a YAML escape
    /// (`yaml-syntax`).
    public var isForbiddenControl: Bool {
        switch value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// The code point as it is written in prose: `U+001B`.
    public var codePoint: String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

extension String {
    /// The text with each forbidden control character (and a line end or a bidi control inside
    /// it) written as its code point, `U+001B`, so that text from a file or a spreadsheet cannot
    /// move the cursor, change colours, clear a terminal or turn the line around when a
    /// diagnostic quotes it.
    public var terminalSafe: String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isForbiddenControl || scalar == "\n" || scalar == "\r" || BidiControls.isControl(scalar)
        }
        guard unicodeScalars.contains(where: unsafe) else { return self }
        var safe = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if unsafe(scalar) {
                safe.append(contentsOf: scalar.codePoint.unicodeScalars)
            } else {
                safe.append(scalar)
            }
        }
        return String(safe)
    }
}
