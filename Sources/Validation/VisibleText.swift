import Diagnostics

/// What a text field and a Markdown body must show: some visible character in a title or a
/// required text, and bidi controls that close what they open on each line of Markdown.
enum VisibleText {
    /// True when `text` shows nothing: only spaces, line ends and characters drawn as nothing
    /// (U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER, U+3164 HANGUL FILLER, U+2800 BRAILLE PATTERN
    /// BLANK, U+FEFF, bidi marks and controls…).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let properties = scalar.properties
            switch properties.generalCategory {
            case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return properties.isWhitespace || properties.isDefaultIgnorableCodePoint || scalar == "\u{2800}"
            }
        }
    }

    /// The first invisible character of `text` that is not a plain space or line end, to name in
    /// a message (`U+200B`), or `nil`.
    static func firstInvisible(_ text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 != " " && $0 != "\n" && $0 != "\t" }
    }

    /// `bidi-unpaired` for a Markdown body (starting at line `firstLine` of `file`) where a line
    /// does not close a bidi control it opens, or closes one it did not open; `nil` when none.
    static func bidiProblem(inBody body: String, file: String, firstLine: Int) -> Diagnostic? {
        guard let problem = BidiControls.problem(in: body, byLine: true) else { return nil }
        var line = firstLine
        var column = 1
        for scalar in body.unicodeScalars.prefix(problem.offset) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return .error(
            "bidi-unpaired", problem.message(place: Message("bidi-unpaired.markdown")),
            at: SourceLocation(file: file, line: line, column: column), hint: problem.advice)
    }
}
