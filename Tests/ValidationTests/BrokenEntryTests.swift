import Diagnostics
import Testing

@testable import SiteData
@testable import Validation

/// A broken file and the one diagnostic it must produce.
struct BrokenFile: Sendable, CustomTestStringConvertible {
    let name: String
    let path: String
    let text: String
    let code: String
    let line: Int
    let column: Int
    /// Text the hint must contain, if any.
    var hint: String? = nil

    var testDescription: String { name }
}

@Suite struct BrokenEntryTests {
    static let cases: [BrokenFile] = [
        BrokenFile(
            name: "unknown field, with did-you-mean", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nestdo: en-marcha\n---\n", code: "field-unknown", line: 4, column: 1,
            hint: "did you mean `estado`?"),
        BrokenFile(
            name: "missing required field", path: "content/hitos/h02.md", text: "---\ntitulo: X\n---\n",
            code: "field-missing", line: 3, column: 1, hint: "add `eje:"),
        BrokenFile(
            name: "required field left empty", path: "content/hitos/h02.md", text: "---\ntitulo: X\neje:\n---\n",
            code: "field-missing", line: 4, column: 1),
        BrokenFile(
            name: "text where a whole number is expected", path: "content/ejes/e2.md",
            text: "---\ntitulo: X\norden: uno\n---\n", code: "field-type", line: 3, column: 8),
        BrokenFile(
            name: "a list where text is expected", path: "content/ejes/e2.md",
            text: "---\ntitulo: [a, b]\norden: 2\n---\n", code: "field-type", line: 2, column: 9),
        BrokenFile(
            name: "a mapping where a list of ids is expected", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nsocios: {a: b}\n---\n", code: "field-type", line: 4, column: 9),
        BrokenFile(
            name: "not a number", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\npeso: mucho\n---\n", code: "field-type", line: 4, column: 7),
        BrokenFile(
            name: "not a boolean", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nactivo: quizás\n---\n", code: "field-type", line: 4, column: 9),
        BrokenFile(
            name: "percentage above 100", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\navance: 120\n---\n", code: "field-type", line: 4, column: 9),
        BrokenFile(
            name: "unknown enum value, matched by its words", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nestado: En marcha\n---\n", code: "enum-unknown", line: 4, column: 9,
            hint: "did you mean `en-marcha`?"),
        BrokenFile(
            name: "unknown reference, with did-you-mean", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e2\n---\n", code: "ref-unknown", line: 3, column: 6,
            hint: "did you mean `e1`?"),
        BrokenFile(
            name: "unknown reference in a list, at its own line", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nsocios:\n  - s1\n  - s9\n---\n", code: "ref-unknown", line: 6, column: 5),
        BrokenFile(
            name: "reference inside a history record", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nhistorial:\n  - fecha: 2022-01-01\n    socio: s2\n---\n",
            code: "ref-unknown", line: 6, column: 12),
        BrokenFile(
            name: "reference to an entry of the wrong collection", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: s1\n---\n", code: "ref-wrong-collection", line: 3, column: 6),
        BrokenFile(
            name: "reference that is not an id", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: Eje Uno\n---\n", code: "ref-invalid", line: 3, column: 6,
            hint: "`eje-uno`"),
        BrokenFile(
            name: "invalid id in the file name", path: "content/hitos/Hito_2.md",
            text: "---\ntitulo: X\neje: e1\n---\n",
            code: "id-invalid", line: 1, column: 1, hint: "`hito-2.md`"),
        BrokenFile(
            name: "impossible date", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nfecha: 2022-02-30\n---\n", code: "date-invalid", line: 4, column: 8),
        BrokenFile(
            name: "date in the wrong format", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nfecha: 30/04/2022\n---\n", code: "date-invalid", line: 4, column: 8),
        BrokenFile(
            name: "invalid date inside a record", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nhistorial:\n  - fecha: 2022-13\n---\n", code: "date-invalid", line: 5,
            column: 12),
        BrokenFile(
            name: "record without its required field", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nhistorial:\n  - nota: sin fecha\n---\n", code: "field-missing", line: 5,
            column: 5),
        BrokenFile(
            name: "javascript: URL", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nweb: javascript:alert(1)\n---\n", code: "url-invalid", line: 4, column: 6),
        BrokenFile(
            name: "URL without a host", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\nweb: https://\n---\n", code: "url-invalid", line: 4, column: 6),
        BrokenFile(
            name: "no front matter", path: "content/hitos/h02.md", text: "titulo: X\n\nTexto.\n",
            code: "front-matter-missing", line: 1, column: 1, hint: "`---`"),
        BrokenFile(
            name: "front matter never closed", path: "content/hitos/h02.md", text: "---\ntitulo: X\neje: e1\n",
            code: "front-matter-unclosed", line: 1, column: 1),
        BrokenFile(
            name: "front matter that is a list", path: "content/hitos/h02.md", text: "---\n- a\n- b\n---\n",
            code: "front-matter-invalid", line: 2, column: 1),
        BrokenFile(
            name: "YAML syntax: unclosed quote", path: "content/hitos/h02.md",
            text: "---\ntitulo: \"X\neje: e1\n---\n", code: "yaml-syntax", line: 2, column: 9,
            hint: "close the quote"),
        BrokenFile(
            name: "YAML syntax: colon in a plain value", path: "content/hitos/h02.md",
            text: "---\ntitulo: Meta: uno\neje: e1\n---\n", code: "yaml-syntax", line: 2, column: 13,
            hint: "must be quoted"),
        BrokenFile(
            name: "YAML duplicate key", path: "content/hitos/h02.md",
            text: "---\ntitulo: X\neje: e1\ntitulo: Y\n---\n", code: "yaml-duplicate-key", line: 2, column: 1),
        BrokenFile(
            name: "empty file", path: "content/hitos/h02.md", text: "", code: "file-empty", line: 1, column: 1),
        BrokenFile(
            name: "folder that is no collection", path: "content/hito/h02.md", text: "---\ntitulo: X\n---\n",
            code: "collection-unknown", line: 0, column: 0, hint: "did you mean `hitos`?"),
        BrokenFile(
            name: "Markdown file outside any collection", path: "content/notas.md", text: "---\ntitulo: X\n---\n",
            code: "file-misplaced", line: 0, column: 0),
    ]

    @Test(arguments: cases)
    func brokenFileGivesItsDiagnostic(_ broken: BrokenFile) throws {
        let (_, diagnostics) = TestSite.validate([broken.path: broken.text])
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map { "\($0.code) \($0.message)" })")
        let error = try #require(errors.first)
        #expect(error.code == broken.code)
        #expect(error.location?.file == broken.path)
        #expect(error.location?.line == broken.line)
        #expect(error.location?.column == broken.column)
        if let hint = broken.hint {
            #expect(error.hint?.contains(hint) == true, "hint: \(error.hint ?? "none")")
        }
    }

    @Test func theValidSiteHasNoDiagnostics() throws {
        let (validated, diagnostics) = TestSite.validate()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(validated)
        #expect(site.entries(of: "hitos").map(\.id) == ["h01"])
    }

    @Test func everyProblemOfEveryFileIsReportedInOneRun() {
        let (_, diagnostics) = TestSite.validate([
            "content/hitos/h02.md": "---\ntitulo: X\neje: e9\nestado: parado\nfecha: ayer\n---\n",
            "content/hitos/h03.md": "---\ntitulo: Y\n---\n",
            "content/ejes/e2.md": "titulo: sin delimitadores\n",
        ])
        let codes = diagnostics.map(\.code)
        #expect(codes == ["front-matter-missing", "ref-unknown", "enum-unknown", "date-invalid", "field-missing"])
    }

    @Test func nonUTF8FilesAreReportedAtTheirFirstBadByte() throws {
        // "Café" in Latin-1: é is the single byte 0xE9.
        let bytes: [UInt8] = Array("---\ntitulo: Caf".utf8) + [0xE9] + Array("\neje: e1\n---\n".utf8)
        let (_, diagnostics) = TestSite.validate(bytes: ["content/hitos/h02.md": bytes])
        let error = try #require(diagnostics.first)
        #expect(error.code == "file-encoding")
        #expect(error.location?.line == 2)
        #expect(error.location?.column == 12)
    }

    @Test func windowsLineEndingsAndByteOrderMarkAreValid() throws {
        let text =
            "\u{FEFF}---\r\ntitulo: Con BOM\r\neje: e1\r\nestado: suspendido\r\n---\r\n# Título\r\n\r\nTexto.\r\n"
        let (site, diagnostics) = TestSite.validate(["content/hitos/h02.md": text])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let entry = try #require(site?.entry(EntryKey("hitos", "h02")))
        #expect(entry.title == "Con BOM")
        #expect(entry.fields["estado"] == .enumeration("suspendido"))
        #expect(entry.bodyFirstLine == 6)
        #expect(!entry.body.contains("\r"))
    }

    @Test func duplicateReferencesAreAWarningAndCountedOnce() throws {
        let (site, diagnostics) = TestSite.validate([
            "content/hitos/h02.md": "---\ntitulo: X\neje: e1\nsocios: [s1, s1]\n---\n"
        ])
        #expect(diagnostics.map(\.code) == ["ref-duplicate"])
        #expect(diagnostics.first?.severity == .warning)
        #expect(site?.entry(EntryKey("hitos", "h02"))?.fields["socios"] == .references(["s1"]))
    }
}
