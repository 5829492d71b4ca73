/// Writes values and comments into front matter so that YAML reads them back exactly as given.
enum YAMLText {
    /// `text` as a YAML scalar: plain when that is safe, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        isSafePlain(text) ? text : quoted(text)
    }

    /// `text` in double quotes, with `\`, `"` and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `[a, b]`, each item a scalar.
    static func flowList(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    /// Words YAML would read as something other than text.
    static let reserved: Set<String> = [
        "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n",
    ]

    /// A plain scalar is safe when it starts with a letter or digit, holds no `: ` or ` #`, no
    /// characters that start YAML syntax, and is not a word YAML reads as a boolean or null.
    static func isSafePlain(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isAlphabetic || ("0"..."9").contains(first),
            !last.properties.isWhitespace, !reserved.contains(text.lowercased())
        else { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        return !text.unicodeScalars.contains {
            $0.value < 0x20 || "\"'{}[],&*!|>%@`\\".unicodeScalars.contains($0)
        }
    }

    /// `text` as comment lines starting with `prefix` (such as `# `), wrapped at `width` columns.
    static func comment(_ text: String, prefix: String = "# ", width: Int = 100) -> [String] {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        var lines: [String] = []
        var line = prefix
        for word in words {
            if line.count > prefix.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = prefix
            }
            line += (line.count > prefix.count ? " " : "") + word
        }
        if line.count > prefix.count { lines.append(line) }
        return lines
    }
}
