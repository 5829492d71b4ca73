import Testing

@testable import Diagnostics

/// Bidi controls must close what they open (issue 19): the first one out of place, by offset.
@Suite struct BidiControlsTests {
    @Test(
        arguments: [
            ("Factura \u{202E}cod.exe", 8, "U+202E", true),
            ("Factura \u{202E}cod.exe\u{202C}", nil, "", false),
            ("a \u{2066}b", 2, "U+2066", true),
            ("a \u{2066}b\u{2069}", nil, "", false),
            ("a\u{202C}", 1, "U+202C", false),
            ("a\u{2069}", 1, "U+2069", false),
            // A PDF cannot close across an isolate; a PDI closes the embedding left open in it.
            ("\u{2067}a\u{202C}\u{2069}", 2, "U+202C", false),
            ("\u{2067}\u{202B}a\u{2069}", 1, "U+202B", true),
            ("\u{202A}\u{2068}a\u{2069}\u{202C}", nil, "", false),
            ("\u{202D}\u{202E}x\u{202C}", 0, "U+202D", true),
            ("sin controles", nil, "", false),
            // Marks (U+200E, U+200F) reorder nothing after them: allowed alone.
            ("a\u{200F}b\u{200E}", nil, "", false),
        ] as [(String, Int?, String, Bool)])
    func theFirstControlOutOfPlaceIsFound(text: String, offset: Int?, codePoint: String, unclosed: Bool) {
        let problem = BidiControls.problem(in: text)
        #expect(problem?.offset == offset)
        if let problem {
            #expect(problem.scalar.codePoint == codePoint)
            #expect(problem.unclosed == unclosed)
        }
    }

    @Test func byLineEveryLineClosesWhatItOpens() {
        let text = "uno \u{202E}dos\n\u{202C}tres"
        #expect(BidiControls.problem(in: text) == nil)
        #expect(BidiControls.problem(in: text, byLine: true)?.offset == 4)
        #expect(BidiControls.problem(in: "\u{202E}a\u{202C}\n\u{2067}b\u{2069}\r", byLine: true) == nil)
    }

    @Test func aDiagnosticQuotingABidiControlShowsItsCodePoint() {
        #expect("Factura \u{202E}cod.exe".terminalSafe == "Factura U+202Ecod.exe")
        #expect("\u{2066}x\u{2069}".terminalSafe == "U+2066xU+2069")
    }
}
