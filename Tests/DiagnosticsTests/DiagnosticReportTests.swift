import Foundation
import Testing

@testable import Diagnostics

@Suite struct DiagnosticReportTests {
    let diagnostic = Diagnostic.error(
        "ref-unknown", "no entry `h17` in collection `hitos`",
        at: SourceLocation(file: "content/acciones/a-12.md", line: 4, column: 7, length: 3), field: "hito",
        hint: "did you mean `h07`?")
    let sources = ["content/acciones/a-12.md": "---\ntitulo: Huertos\norden: 12\nhito: h17\n---\n"]

    @Test func textQuotesTheLineAndUnderlinesTheValue() {
        let text = DiagnosticReport([diagnostic], sources: sources).formatted(.text)
        #expect(
            text == """
                error[ref-unknown]: no entry `h17` in collection `hitos`
                 --> content/acciones/a-12.md:4:7 (hito)
                  |
                4 | hito: h17
                  |       ^^^ did you mean `h07`?

                1 error, 0 warnings

                """)
    }

    /// A spreadsheet cell or a file name quoted in a message cannot drive the terminal.
    @Test func controlCharactersInQuotedTextAreShownAsCodePoints() {
        let hostile = Diagnostic.error(
            "row-duplicate", "row 3 repeats the title of row 2, `A\u{1B}[31mROJO\u{1B}[0m`",
            at: SourceLocation(file: "m\u{7}.csv", line: 3, column: 1), field: "titulo\u{9B}",
            hint: "delete\r\nrow 3")
        let forbidden: Set<UInt32> = [0x1B, 0x07, 0x9B]
        for format in [DiagnosticReport.Format.text, .github] {
            let out = DiagnosticReport([hostile]).formatted(format)
            #expect(!out.unicodeScalars.contains { forbidden.contains($0.value) })
            #expect(!out.contains("\r"))
            #expect(out.contains("U+001B[31mROJO"))
        }
        #expect(DiagnosticReport([hostile]).formatted(.text).contains("--> mU+0007.csv:3:1 (tituloU+009B)"))
    }

    @Test func textWithoutSourceStillGivesFileLineAndHint() {
        let text = DiagnosticReport([diagnostic]).formatted(.text)
        #expect(text.contains("--> content/acciones/a-12.md:4:7"))
        #expect(text.contains("= hint: did you mean `h07`?"))
    }

    /// Line 0 is the whole file (a missing or ignored file, a count in site.yaml), column 0 the
    /// whole line: every format names what is known and never prints `:0:0`.
    @Test func aWholeFileOrLineIsNamedWithoutMadeUpZeros() throws {
        let wholeFile = Diagnostic.warning(
            "count-exceeds-expected", "`proyectos` has 64 entries but declares `expected: 63`",
            at: SourceLocation(file: "content/site.yaml", line: 0, column: 0), hint: "update `expected`")
        let wholeLine = Diagnostic.error(
            "template-syntax", "template error",
            at: SourceLocation(file: "theme/templates/home.mustache", line: 3, column: 0))
        let report = DiagnosticReport([wholeFile, wholeLine], sources: ["content/site.yaml": "title: T\n"])
        let text = report.formatted(.text)
        #expect(
            text == """
                warning[count-exceeds-expected]: `proyectos` has 64 entries but declares `expected: 63`
                 --> content/site.yaml
                  = hint: update `expected`

                error[template-syntax]: template error
                 --> theme/templates/home.mustache:3

                1 error, 1 warning

                """)
        let github = report.formatted(.github)
        #expect(github.contains("::warning file=content/site.yaml,title=count-exceeds-expected::"))
        #expect(github.contains("::error file=theme/templates/home.mustache,line=3,title=template-syntax::"))
        let json = report.formatted(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(items[0]["file"] as? String == "content/site.yaml")
        #expect(items[0]["line"] == nil && items[0]["column"] == nil)
        #expect(items[1]["line"] as? Int == 3)
        #expect(items[1]["column"] == nil)
        #expect(!text.contains(":0") && !github.contains("=0") && !json.contains(": 0"))
    }

    @Test(arguments: [
        ([:], true, true), (["NO_COLOR": ""], true, true), (["NO_COLOR": "1"], true, false),
        (["NO_COLOR": "0"], true, false), ([:], false, false), (["NO_COLOR": ""], false, false),
    ])
    func colourOnATerminalUnlessNoColorHasAValue(environment: [String: String], terminal: Bool, wanted: Bool) {
        #expect(DiagnosticReport.wantsColor(environment: environment, terminal: terminal) == wanted)
    }

    @Test func colourIsOnlyAddedWhenAskedFor() {
        let report = DiagnosticReport([diagnostic], sources: sources)
        #expect(!report.formatted(.text).contains("\u{1B}["))
        #expect(report.formatted(.text, color: true).contains("\u{1B}[31m"))
    }

    @Test func jsonCarriesEveryPart() throws {
        let json = DiagnosticReport([diagnostic, .warning("file-ignored", "not published")]).formatted(.json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 1)
        #expect(object["warnings"] as? Int == 1)
        let items = try #require(object["diagnostics"] as? [[String: Any]])
        // Diagnostics without a file sort first.
        #expect(items.map { $0["code"] as? String } == ["file-ignored", "ref-unknown"])
        let first = items[1]
        #expect(first["file"] as? String == "content/acciones/a-12.md")
        #expect(first["line"] as? Int == 4)
        #expect(first["column"] as? Int == 7)
        #expect(first["field"] as? String == "hito")
        #expect(first["hint"] as? String == "did you mean `h07`?")
        #expect(first["severity"] as? String == "error")
    }

    @Test func githubAnnotationsEscapeTheirProperties() {
        let tricky = Diagnostic.error(
            "yaml-syntax", "bad: 100%\nsecond line", at: SourceLocation(file: "content/a,b.md", line: 2, column: 3))
        let text = DiagnosticReport([tricky]).formatted(.github)
        #expect(text == "::error file=content/a%2Cb.md,line=2,col=3,title=yaml-syntax::bad: 100%25%0Asecond line\n")
    }

    @Test func diagnosticsSortByFileLineAndColumn() {
        let a = Diagnostic.error("x", "a", at: SourceLocation(file: "b.md", line: 1, column: 1))
        let b = Diagnostic.error("x", "b", at: SourceLocation(file: "a.md", line: 9, column: 1))
        let c = Diagnostic.error("x", "c", at: SourceLocation(file: "a.md", line: 2, column: 5))
        #expect(DiagnosticReport([a, b, c]).diagnostics.map(\.message) == ["c", "b", "a"])
    }
}

@Suite struct SuggestionTests {
    @Test(
        arguments: [
            ("h17", ["h07", "h01", "h16"], "h07"),
            ("estdo", ["estado", "plazo", "tipo"], "estado"),
            ("conqito", ["conquito", "visa"], "conquito"),
            ("scoios", ["socios", "ejes"], "socios"),
            ("zzzzzz", ["estado", "plazo"], nil),
        ] as [(String, [String], String?)])
    func closestCandidateIsSuggestedOnlyWhenClose(name: String, candidates: [String], expected: String?) {
        #expect(Suggestion.closest(to: name, among: candidates) == expected)
    }

    /// A value of a closed list is guessed only when it is the same spelt another way, or one typo
    /// in five letters away: "Paralizado" is three letters from `finalizado`, and another fact.
    @Test(
        arguments: [
            ("Paralizado", nil),
            ("En Marcha", "en-marcha"),
            ("en_marcha", "en-marcha"),
            ("Suspendída", "suspendido"),
            ("finalisado", "finalizado"),
            ("activo", nil),
        ] as [(String, String?)])
    func aValueIsGuessedOnlyWhenItIsTheSameSpeltAnotherWay(text: String, expected: String?) {
        let values = ["no-iniciado", "en-marcha", "suspendido", "finalizado", "inactivo"]
        #expect(Suggestion.closestValue(to: text, among: values) == expected)
    }

    /// Ids and field names spelt another way are found before typos are measured.
    @Test func aNameSpeltAnotherWayIsFoundFirst() {
        #expect(
            Suggestion.closest(to: "Secretaría_Ambiente", among: ["secretaria-ambiente", "secretaria"])
                == "secretaria-ambiente")
    }
}
