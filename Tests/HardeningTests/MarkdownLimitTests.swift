import AvanceKit
import Diagnostics
import Foundation
import Loading
import SiteData
import Testing
import Validation

// A limit that stopped working would make these hang (a billion laughs, minutes of cmark-gfm):
// the time limit ends such a run. A guard, not a speed target; speed lives in `make bench`.
/// Markdown that Debian's cmark-gfm would take quadratic time on ends in
/// `markdown-too-complex`; large and long-lined Markdown within the limits builds.
@Suite(.timeLimit(.minutes(2))) struct MarkdownLimitTests {
    static func row(_ cells: Int) -> String {
        "|" + String(repeating: " a |", count: cells)
    }

    static func table(columns: Int) -> String {
        row(columns) + "\n|" + String(repeating: "---|", count: columns) + "\n" + row(columns) + "\n"
    }

    @Test func tableRowsUpToTheLimitPass() {
        #expect(MarkdownLimits.problem(in: Self.table(columns: 199)) == nil)
        #expect(MarkdownLimits.problem(in: Self.table(columns: 200))?.line == 1)
        // Escaped pipes are text, not cells.
        #expect(MarkdownLimits.problem(in: String(repeating: "\\|", count: 5_000)) == nil)
        #expect(MarkdownLimits.problem(in: String(repeating: "\\\\|", count: 201))?.column == 603)
    }

    @Test func bracketsCountPerParagraph() {
        let thousand = String(repeating: "[a](b) ", count: 1_000)
        #expect(MarkdownLimits.problem(in: thousand) == nil)
        #expect(MarkdownLimits.problem(in: thousand + "[") != nil)
        // Blank lines, list items and headings start new paragraphs: brackets count again.
        #expect(MarkdownLimits.problem(in: thousand + "\n\n" + thousand) == nil)
        #expect(MarkdownLimits.problem(in: (0..<5_000).map { "- [link \($0)](x.md)" }.joined(separator: "\n")) == nil)
        #expect(MarkdownLimits.problem(in: thousand + "\n# [heading]\n" + String(repeating: "[", count: 999)) == nil)
        // The lines of a quote are one paragraph, and so is a line indented four columns.
        let quoted = (0..<1_001).map { _ in "> [a](b)" }.joined(separator: "\n")
        #expect(MarkdownLimits.problem(in: quoted)?.line == 1_001)
        #expect(MarkdownLimits.problem(in: thousand + "\n\t- [a]") != nil)
        #expect(MarkdownLimits.problem(in: thousand + "\n    - [a]") != nil)
        #expect(MarkdownLimits.problem(in: String(repeating: "\\[", count: 5_000)) == nil)
    }

    @Test func linesEndAsCmarkEndsThem() throws {
        let problem = try #require(MarkdownLimits.problem(in: "a\r\nb\rc\n" + Self.row(201)))
        #expect(problem.line == 4)
        #expect(problem.column == 801)
    }

    /// 10,000 columns take cmark-gfm 0.29.0.gfm.6 three seconds, 40,000 thirteen.
    @Test func aTenThousandColumnTableFailsTheBuildAtItsLine() throws {
        let result =
            Build.render(
                Workspace.memoryOptions([
                    "content/notas/ancha.md": "---\ntitulo: Ancha\n---\nIntro.\n\n" + Self.table(columns: 10_000)
                ]))
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == "markdown-too-complex")
        #expect(error.message == "this line has more than 200 table cells (`|`)")
        #expect(error.location == SourceLocation(file: "content/notas/ancha.md", line: 6, column: 801))
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    @Test func aWideTableInATextFieldOrATranslationIsRefusedToo() throws {
        let result = Build.render(
            Workspace.memoryOptions([
                "content/site.en.yaml": "title: Test\n",
                "content/notas/campo.md": "---\ntitulo: Campo\nresumen: |\n  \(Self.row(300))\n---\n",
                "content/notas/una.en.md": "---\ntitulo: One\n---\n" + Self.table(columns: 300),
            ]))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["markdown-too-complex", "markdown-too-complex"])
        #expect(errors.map { $0.location?.file } == ["content/notas/campo.md", "content/notas/una.en.md"])
        #expect(errors.first?.location?.line == 3)  // the value, which starts at its `|`
        #expect(errors.first?.field == "resumen")
        #expect(errors.last?.location?.line == 4)
    }

    /// `![[]()` 20,000 times takes cmark-gfm 0.29.0.gfm.6 four seconds, 80,000 over a minute.
    @Test func bracketsThatCmarkWouldTakeMinutesOnFailTheBuild() throws {
        let result =
            Build.render(
                Workspace.memoryOptions([
                    "content/notas/corchetes.md": "---\ntitulo: x\n---\n" + String(repeating: "![[]()", count: 80_000)
                ]))
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == "markdown-too-complex")
        #expect(error.location?.line == 4)
    }

    @Test func aLongListOfLinksAndAWideButAllowedTableBuild() throws {
        let links = (0..<2_000).map { "- [Uno](una.md#uno) y [sitio](https://example.org/\($0))" }
        let result = Build.render(
            Workspace.memoryOptions([
                "content/notas/lista.md": "---\ntitulo: Lista\n---\n" + links.joined(separator: "\n") + "\n\n"
                    + Self.table(columns: 199)
            ]))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.message))")
        let page = try #require(result.files.first { $0.path == "notas/lista/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.components(separatedBy: "<th>").count == 200)
    }

    /// A file as large as allowed, as one line and as paragraphs, builds in bounded time.
    @Test(arguments: ["one line", "paragraphs"])
    func aFileOfTheMaximumSizeBuilds(shape: String) throws {
        let head = "---\ntitulo: Grande\n---\n"
        let room = ContentLoader.maximumFileSize - head.utf8.count
        let body =
            shape == "one line"
            ? String(repeating: "palabra ", count: room / 8)
            : String(repeating: "Una frase con *énfasis* y `código`.\n\n", count: room / 39)
        let result =
            Build.render(Workspace.memoryOptions(["content/notas/grande.md": head + body]))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.message))")
        #expect(result.files.contains { $0.path == "notas/grande/index.html" })
    }
}
