/// Unicode's explicit directional formatting characters, which reorder the text after them:
/// the embeddings and overrides U+202A–U+202E (closed by U+202C) and the isolates U+2066–U+2068
/// (closed by U+2069). One left open in a title turns around everything a page writes after it
/// in the same line of display, such as the site's name in `<title>`; so every value and every
/// line of Markdown must close what it opens, in order (the "Trojan Source" rule).
public enum BidiControls {
    /// A control out of place: an opener never closed, or a closer with nothing of its kind open.
    public struct Problem: Sendable, Equatable {
        /// Where the control is, in Unicode scalars from the start of the text.
        public let offset: Int
        public let scalar: Unicode.Scalar
        /// True for an opener never closed, false for a closer that closes nothing.
        public let unclosed: Bool

        /// The control: `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
        public var control: String { BidiControls.describe(scalar) }

        /// What is wrong with it, the control named and `place` (where it is) after its name:
        /// "… is never closed".
        public func message(place: Message) -> Message {
            Message(unclosed ? "bidi-unpaired" : "bidi-unpaired.stray", ["control": control], parts: ["place": place])
        }

        /// How to fix it.
        public var advice: Message {
            guard unclosed else { return Message("bidi-unpaired.hint.stray") }
            return Message("bidi-unpaired.hint", ["closer": BidiControls.isIsolate(scalar) ? "U+2069" : "U+202C"])
        }
    }

    /// True for U+202A–U+202E and U+2066–U+2069.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    static func isIsolate(_ scalar: Unicode.Scalar) -> Bool {
        (0x2066...0x2068).contains(scalar.value)
    }

    /// `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        scalar.codePoint + (scalar.properties.name.map { " (\($0))" } ?? "")
    }

    /// The first control of `text` out of place, or `nil`. With `byLine`, every line (ended by
    /// `\n`, `\r` or U+2029, as Unicode ends a paragraph) must close what it opens; otherwise the
    /// whole text must. A U+2069 closes its isolate and what was opened inside it, as Unicode's
    /// algorithm does: an embedding opened inside an isolate and not closed before it is unclosed.
    public static func problem(in text: String, byLine: Bool = false) -> Problem? {
        // Most text has none: a byte scan first (every control starts with the byte E2).
        guard text.utf8.contains(0xE2), text.unicodeScalars.contains(where: isControl) else { return nil }
        var open: [(offset: Int, scalar: Unicode.Scalar)] = []
        var found: Problem?
        func keep(_ problem: Problem) {
            if found == nil || problem.offset < found!.offset { found = problem }
        }
        func closeLine() {
            if let first = open.first { keep(Problem(offset: first.offset, scalar: first.scalar, unclosed: true)) }
            open.removeAll()
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if byLine, scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" {
                closeLine()
                continue
            }
            guard isControl(scalar) else { continue }
            switch scalar.value {
            case 0x202C:
                if let last = open.last, !isIsolate(last.scalar) {
                    open.removeLast()
                } else {
                    keep(Problem(offset: offset, scalar: scalar, unclosed: false))
                }
            case 0x2069:
                guard let isolate = open.lastIndex(where: { isIsolate($0.scalar) }) else {
                    keep(Problem(offset: offset, scalar: scalar, unclosed: false))
                    continue
                }
                if isolate + 1 < open.count {
                    let inner = open[isolate + 1]
                    keep(Problem(offset: inner.offset, scalar: inner.scalar, unclosed: true))
                }
                open.removeSubrange(isolate...)
            default:
                open.append((offset, scalar))
            }
        }
        closeLine()
        return found
    }
}
