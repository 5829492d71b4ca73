import ContentModel
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// A file of a small site that must fail the build with one exact diagnostic (issue 19, second
/// hardening round: bidi controls, script links, blank titles, URLs, line ends, names).
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    /// Files by path under the site, added to (or replacing) `InputHardeningTests.site`.
    let files: [String: String]
    let code: String
    let file: String
    let line: Int
    let column: Int
    let message: String
    var hint: String? = nil
    /// The codes of other errors the input also gives, by design.
    var others: [String] = []

    var testDescription: String { name }
}

@Suite struct InputHardeningTests {
    /// A site with a title, a Markdown `text` field, a URL field and a date, in Spanish and English.
    static let model = """
        title: Prueba
        base_url: https://example.org/
        language: es
        title_field: titulo
        collections:
          notas:
            fields:
              titulo: {type: string, required: true}
              resumen: text
              web: url
              fecha: date
              etiquetas: {type: list, of: string}
        """

    static let site: [String: String] = [
        "content/site.yaml": model,
        "content/notas/una.md": "---\ntitulo: Una\n---\n# Próximos pasos\n\nTexto.\n",
    ]

    static func build(_ files: [String: String], baseURL: String? = nil) -> BuildResult {
        var options = Workspace.memoryOptions(site.merging(files) { $1 })
        options.baseURL = baseURL
        return Build.render(options)
    }

    static func note(_ front: String, body: String = "Texto.\n") -> [String: String] {
        ["content/notas/dos.md": "---\n" + front + "---\n" + body]
    }

    static let cases: [BadInput] = [
        // 5: bidi controls
        BadInput(
            name: "a title with an override written as an escape", files: note("titulo: \"Factura \\u202Ecod.exe\"\n"),
            code: "bidi-unpaired", file: "content/notas/dos.md", line: 2, column: 9,
            message: "U+202E (RIGHT-TO-LEFT OVERRIDE), written as an escape in this value, is never closed",
            hint: "close it with U+202C"),
        BadInput(
            name: "a title with an override written as itself", files: note("titulo: Factura \u{202E}cod.exe\n"),
            code: "bidi-unpaired", file: "content/notas/dos.md", line: 2, column: 17,
            message: "U+202E (RIGHT-TO-LEFT OVERRIDE) in this value is never closed"),
        BadInput(
            name: "an isolate never closed in a text field",
            files: note("titulo: Dos\nresumen: |\n  Una línea.\n  Otra \u{2066}abierta.\n"),
            code: "bidi-unpaired", file: "content/notas/dos.md", line: 5, column: 8,
            message: "U+2066 (LEFT-TO-RIGHT ISOLATE) in this value is never closed", hint: "U+2069"),
        BadInput(
            name: "a list item closing what it never opened",
            files: note("titulo: Dos\netiquetas: [a, \"b\u{202C}\"]\n"),
            code: "bidi-unpaired", file: "content/notas/dos.md", line: 3, column: 18,
            message: "U+202C (POP DIRECTIONAL FORMATTING) in this value closes nothing that is open"),
        BadInput(
            name: "an override left open at the end of a line of Markdown",
            files: note(
                "titulo: Dos\n", body: "Uno.\n\nFactura \u{202E}cod.exe\u{202C} y \u{202E}txt.\nOtra\u{202C}.\n"),
            code: "bidi-unpaired", file: "content/notas/dos.md", line: 6, column: 21,
            message: "U+202E (RIGHT-TO-LEFT OVERRIDE) on this line of Markdown is never closed"),
        BadInput(
            name: "a bidi control in site.yaml's title",
            files: ["content/site.yaml": model.replacingOccurrences(of: "title: Prueba", with: "title: \"P\\u2067x\"")],
            code: "bidi-unpaired", file: "content/site.yaml", line: 1, column: 8,
            message: "U+2067 (RIGHT-TO-LEFT ISOLATE), written as an escape in this value, is never closed"),
        // 7: script and file links in Markdown
        BadInput(
            name: "a javascript: link in a body", files: note("titulo: Dos\n", body: "Ver [a](javascript:alert(1)).\n"),
            code: "url-invalid", file: "content/notas/dos.md", line: 4, column: 9,
            message: "the link `javascript:alert(1)` is not an allowed URL: the scheme must be http, https or mailto"),
        BadInput(
            name: "a file: image in a body", files: note("titulo: Dos\n", body: "\n![s](file:///etc/passwd)\n"),
            code: "url-invalid", file: "content/notas/dos.md", line: 5, column: 6,
            message: "the image `file:///etc/passwd` is not an allowed URL: the scheme must be http, https or mailto"),
        BadInput(
            name: "a javascript: autolink with a tab in its scheme",
            files: note("titulo: Dos\n", body: "[a](java&#9;script:alert(1))\n"),
            code: "url-invalid", file: "content/notas/dos.md", line: 4, column: 1,
            message:
                "the link `java\tscript:alert(1)` is not an allowed URL: it contains spaces or control characters"),
        BadInput(
            name: "a javascript: link in a text field",
            files: note("titulo: Dos\nresumen: \"Ver [a](javascript:alert(1))\"\n"),
            code: "url-invalid", file: "content/notas/dos.md", line: 3, column: 19,
            message: "the link `javascript:alert(1)` is not an allowed URL: the scheme must be http, https or mailto"),
        // 8: titles that show nothing
        BadInput(
            name: "an empty title", files: note("titulo: \"\"\n"), code: "field-blank", file: "content/notas/dos.md",
            line: 2, column: 9, message: "`titulo` is empty", hint: "write the title"),
        BadInput(
            name: "a title of spaces", files: note("titulo: \"   \"\n"), code: "field-blank",
            file: "content/notas/dos.md", line: 2, column: 9, message: "`titulo` holds only spaces"),
        BadInput(
            name: "a title of a zero-width space", files: note("titulo: \"\\u200B \"\n"), code: "field-blank",
            file: "content/notas/dos.md", line: 2, column: 9,
            message: "`titulo` holds only invisible characters, such as U+200B (ZERO WIDTH SPACE)"),
        BadInput(
            name: "a translated title of a word joiner",
            files: [
                "content/site.en.yaml": "title: Test\n",
                "content/notas/una.en.md": "---\ntitulo: \"\\u2060\"\n---\n",
            ],
            code: "field-blank", file: "content/notas/una.en.md", line: 2, column: 9,
            message: "`titulo` holds only invisible characters, such as U+2060 (WORD JOINER)"),
        // 9: URLs a browser reads otherwise
        BadInput(
            name: "a port beyond 65535", files: note("titulo: Dos\nweb: https://[::1]:99999/\n"), code: "url-invalid",
            file: "content/notas/dos.md", line: 3, column: 6,
            message: "`https://[::1]:99999/` is not an allowed URL: its port `99999` is not a number from 0 to 65535"),
        BadInput(
            name: "a backslash before @", files: note("titulo: Dos\nweb: http://evil.com\\@good.com\n"),
            code: "url-invalid", file: "content/notas/dos.md", line: 3, column: 6,
            message:
                "`http://evil.com\\@good.com` is not an allowed URL: it contains a backslash, which browsers read as `/`"
        ),
        BadInput(
            name: "a user name before the host",
            files: note("titulo: Dos\nweb: https://user:pass@good.com@evil.com/\n"),
            code: "url-invalid", file: "content/notas/dos.md", line: 3, column: 6,
            message:
                "`https://user:pass@good.com@evil.com/` is not an allowed URL: it has a user name before `@`, which hides the host it leads to"
        ),
        // 11, 13: fragments
        BadInput(
            name: "a fragment with decomposed accents",
            files: note("titulo: Dos\n", body: "[a](una.md#pro%CC%81ximos-pasos)\n"),
            code: "link-anchor", file: "content/notas/dos.md", line: 4, column: 5,
            message: "no heading `#pro\u{301}ximos-pasos` in `content/notas/una.md`",
            hint: "`#próximos-pasos` looks the same but is written with composed accents"),
        BadInput(
            name: "a broken fragment into a translation names the translation",
            files: [
                "content/site.en.yaml": "title: Test\n",
                "content/notas/una.en.md": "---\ntitulo: One\n---\n# Next steps\n",
                "content/notas/dos.md": "---\ntitulo: Dos\n---\nTexto.\n",
                "content/notas/dos.en.md": "---\ntitulo: Two\n---\n[a](una.md#proximos-pasos)\n",
            ],
            code: "link-anchor", file: "content/notas/dos.en.md", line: 4, column: 5,
            message: "no heading `#proximos-pasos` in `content/notas/una.en.md`", hint: "`#next-steps`"),
        // 12: a lone CR ends a line
        BadInput(
            name: "classic Mac line ends", files: ["content/notas/dos.md": "---\rtitulo: Dos\rfoo: 1\r---\rTexto.\r"],
            code: "field-unknown", file: "content/notas/dos.md", line: 3, column: 1,
            message: "unknown field `foo` in collection `notas`"),
        // 15: a file name that is no id hides none of the file's problems
        BadInput(
            name: "an unknown field in a file whose name is no id",
            files: ["content/notas/Mi Nota.md": "---\ntitulo: X\nfecha: 2024-02-30\n---\n"],
            code: "date-invalid", file: "content/notas/Mi Nota.md", line: 3, column: 8,
            message: "`2024-02-30` is not a valid date", others: ["id-invalid"]),
        // 16: language codes
        BadInput(
            name: "an uppercase translation", files: ["content/site.EN.yaml": "title: Test\n"],
            code: "language-invalid", file: "content/site.EN.yaml", line: 1, column: 1,
            message: "`EN` is not a language code a translation can have", hint: "rename it to `site.en.yaml`"),
        BadInput(
            name: "an uppercase entry translation",
            files: ["content/site.en.yaml": "title: Test\n", "content/notas/una.EN.md": "---\ntitulo: One\n---\n"],
            code: "language-invalid", file: "content/notas/una.EN.md", line: 1, column: 1,
            message: "`EN` is not a language code a translation can have", hint: "rename it to `una.en.md`"),
        // 14: a collection in a folder of the site's own
        BadInput(
            name: "a collection written to the data folder",
            files: [
                "content/site.yaml": model.replacingOccurrences(of: "  notas:\n", with: "  notas:\n    path: datos\n")
            ],
            code: "path-reserved", file: "content/site.yaml", line: 7, column: 11,
            message: "the collection `notas` would be at `datos/`, which is the open-data page",
            hint: "give `notas` a `path:` of its own"),
        BadInput(
            name: "a collection written to the API's folder",
            files: [
                "content/site.yaml": model.replacingOccurrences(of: "  notas:\n", with: "  notas:\n    path: api\n")
            ],
            code: "output-conflict", file: "content/site.yaml", line: 7, column: 11,
            message: "the collection `notas` would be written to `api/`, which holds the JSON API",
            hint: "give `notas` another `path:`", others: ["collection-unknown"]),
        BadInput(
            name: "a collection written to a language's folder",
            files: [
                "content/site.yaml": model.replacingOccurrences(of: "  notas:\n", with: "  notas:\n    path: en\n"),
                "content/site.en.yaml": "title: Test\n",
            ],
            code: "path-reserved", file: "content/site.yaml", line: 7, column: 11,
            message: "the collection `notas` would be at `en/`, the folder of the `en` pages"),
        // Smaller: a missing date's hint is its format
        BadInput(
            name: "a missing required date",
            files: [
                "content/site.yaml": model.replacingOccurrences(
                    of: "fecha: date", with: "fecha: {type: date, required: true}")
            ],
            code: "field-missing", file: "content/notas/una.md", line: 3, column: 1,
            message: "missing required field `fecha` (fecha)", hint: "add `fecha: YYYY-MM-DD` before this line"),
    ]

    @Test(arguments: cases)
    func badInputGivesItsDiagnostic(_ bad: BadInput) throws {
        let result = Self.build(bad.files)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(
            errors.map(\.code).sorted() == ([bad.code] + bad.others).sorted(),
            "\(errors.map { "\($0.code) \($0.location?.description ?? "") \($0.message)" })")
        let error = try #require(errors.first { $0.code == bad.code })
        #expect(error.location?.file == bad.file)
        #expect(error.location?.line == bad.line)
        #expect(error.location?.column == bad.column)
        #expect(error.message == bad.message)
        if let hint = bad.hint { #expect(error.hint?.contains(hint) == true, "hint: \(error.hint ?? "none")") }
        #expect(result.exitCode == 1)
    }

    // 6: --base-url follows site.yaml's rule, and nothing is rendered with a refused one.
    @Test(arguments: [
        (
            "javascript:document.title=1//",
            "--base-url `javascript:document.title=1//` must start with `https://`, `http://` or `/`"
        ),
        ("https://example.org/\"><svg onload=alert(1)>", "is not a well-formed URL"),
        ("https://example.org/\nDisallow: /", "is not a well-formed URL"),
        ("https://example.org:99999/", "its port `99999` is not a number from 0 to 65535"),
        ("https://example.org/?a=1", "cannot hold a `?query`"),
    ])
    func aBaseURLOnTheCommandLineFollowsTheRuleOfSiteYAML(baseURL: String, message: String) throws {
        let result = Self.build([:], baseURL: baseURL)
        #expect(result.diagnostics.map(\.code) == ["argument-base-url-invalid"])
        #expect(result.diagnostics.first?.message.contains(message) == true, "\(result.diagnostics)")
        #expect(result.exitCode == 2)
        #expect(result.files.isEmpty)
    }

    @Test func aValidBaseURLOnTheCommandLineReachesRobotsAndFeeds() throws {
        let result = Self.build([:], baseURL: "https://staging.example.org/sitio")
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let robots = try #require(result.files.first { $0.path == "robots.txt" })
        #expect(
            String(decoding: robots.bytes, as: UTF8.self)
                == "User-agent: *\nAllow: /\nSitemap: https://staging.example.org/sitio/sitemap.xml\n")
    }

    // 7, 10: what links become
    @Test func aLinkToAnEntryWithAQueryKeepsItOnThePageURL() throws {
        let result = Self.build(Self.note("titulo: Dos\n", body: "[a](una.md?vista=mapa#próximos-pasos)\n"))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let page = try #require(result.files.first { $0.path == "notas/dos/index.html" })
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("href=\"../una/?vista=mapa#pr%C3%B3ximos-pasos\""))
    }

    @Test func aBrokenLinkWithAQueryIsReportedInTheBuild() throws {
        let result = Self.build(Self.note("titulo: Dos\n", body: "[a](tres.md?vista=mapa)\n"))
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == ["link-broken"])
    }

    @Test func closedBidiControlsAndWebLinksBuild() throws {
        let result = Self.build(
            Self.note(
                "titulo: \"Factura \\u202Ecod.exe\\u202C\"\nresumen: \"\u{2067}עברית\u{2069} [w](https://example.org/)\"\n",
                body: "\u{202B}שלום\u{202C} [m](mailto:a@example.org) [p](/datos/)\n"))
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
    }

    // 12: a file with classic Mac line ends builds as its lines say
    @Test func aFileWithLoneCarriageReturnsBuilds() throws {
        let result = Self.build(["content/notas/dos.md": "---\rtitulo: Dos\r---\r# Uno\r\rTexto.\r"])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let page = try #require(result.files.first { $0.path == "notas/dos/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains("<h1 id=\"uno\">\nUno\n</h1>\n<p>Texto.</p>"))
        #expect(html.contains("<p>Texto.</p>"))
    }

    // 14: static files over generated outputs, one diagnostic each, naming both
    @Test func staticFilesOverGeneratedOutputsAreEachNamed() throws {
        let result = Self.build([
            "theme/static/api/v2/index.json": "{}", "theme/static/notas/una/index.html": "<p>x</p>",
            "theme/static/robots.txt": "User-agent: *\n", "theme/static/css/extra.css": "p{}",
            "theme/static/search-index/terms/zz.json": "{}", "theme/static/404.html": "<p>x</p>",
        ])
        let conflicts = result.diagnostics.filter { $0.severity == .error }
        #expect(conflicts.map(\.code) == Array(repeating: "output-conflict", count: 5))
        #expect(
            conflicts.map(\.message) == [
                "`theme/static/404.html` has the path of the page the site generates at `404.html`",
                "`theme/static/api/v2/index.json` has the path of the document the site generates at `api/v2/index.json`",
                "`theme/static/notas/una/index.html` has the path of the page the site generates at `notas/una/index.html`",
                "`theme/static/robots.txt` has the path of the document the site generates at `robots.txt`",
                "`theme/static/search-index/terms/zz.json` is in `search-index/`, the folder of the search index the "
                    + "site generates",
            ])
        #expect(
            conflicts.map { $0.location?.file } == [
                "theme/static/404.html", "theme/static/api/v2/index.json", "theme/static/notas/una/index.html",
                "theme/static/robots.txt",
                "theme/static/search-index/terms/zz.json",
            ])
    }

    // Smaller: a template that does not parse is not also missing
    @Test func aBrokenEntryTemplateIsOneSyntaxError() throws {
        let result = Self.build(["theme/templates/entry.mustache": "{{#page}}\n<h1>{{title}}</h1>\n"])
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.code) == ["template-syntax"])
        #expect(result.diagnostics.first { $0.severity == .error }?.location?.file == "theme/templates/entry.mustache")
    }

    // Smaller: a symlink loop is named a loop
    @Test func aSymlinkLoopIsNamedALoop() throws {
        let root = try Workspace.site("symlink-loop")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root + "/content/notas/a.md", withDestinationPath: root + "/content/notas/b.md")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/content/notas/b.md", withDestinationPath: root + "/content/notas/a.md")
        let result = Build.render(BuildOptions(root: root))
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["symlink-loop", "symlink-loop"])
        #expect(errors.first?.message == "the symlink `content/notas/a.md` loops: following it leads back to itself")
    }

    // 7: every script or file link of the hostile site, refused at its place; the pages rendered
    // in memory despite the errors still carry none (cmark-gfm blanks them too).
    @Test func scriptAndFileLinksAreRefusedWhereTheyAreWritten() throws {
        let site = Repository.root + "/Tests/Fixtures/invalid-sites/script-links"
        var options = BuildOptions(root: site)
        options.themeRoot = Repository.root
        let result = Build.render(options)
        #expect(result.exitCode == 1)
        #expect(Set(result.diagnostics.filter { $0.severity == .error }.map(\.code)) == ["url-invalid"])
        // Its warnings: those of a site not ready to publish (no licence, a placeholder address).
        #expect(
            result.diagnostics.filter { $0.severity == .warning }.map(\.code) == [
                "license-missing", "base-url-placeholder",
            ])
        let report = DiagnosticReport(result.diagnostics, sources: result.sources).formatted(.text)
        #expect(report == (try String(contentsOfFile: site + "/expected.txt", encoding: .utf8)))
        let page = try #require(result.files.first { $0.path == "notas/enlaces/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self).lowercased()
        for scheme in ["javascript:", "vbscript:", "file:", "data:"] { #expect(!html.contains("=\"\(scheme)")) }
    }

    // 11: serve's caches tell composed from decomposed accents, as browsers do
    @Test func cachesTellComposedFromDecomposedAccents() throws {
        let composed = "---\ntitulo: Próximo\n---\n# Próximos pasos\n"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(composed == decomposed && !composed.utf8.elementsEqual(decomposed.utf8))
        var options = Workspace.memoryOptions(Self.site.merging(["content/notas/dos.md": composed]) { $1 })
        options.caches = BuildCaches()
        _ = Build.render(options)
        var second = Workspace.memoryOptions(Self.site.merging(["content/notas/dos.md": decomposed]) { $1 })
        second.caches = options.caches
        let result = Build.render(second)
        let page = try #require(result.files.first { $0.path == "notas/dos/index.html" })
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.utf8.contains(Array("id=\"pro\u{301}ximos-pasos\"".utf8)))
        #expect(html.utf8.contains(Array("<h1>Pro\u{301}ximo</h1>".utf8)))
    }
}

/// The rules behind the diagnostics above, value by value.
@Suite struct InputRuleTests {
    @Test(arguments: [
        ("en", true), ("es", true), ("eng", true), ("pt-br", true), ("zh-hant", true), ("es-419", true),
        ("EN", false), ("en-GB", false), ("e", false), ("english", false), ("en-", false), ("en_gb", false),
        ("es-x", false), ("ñu", false), ("", false),
    ])
    func languageCodesAreLowercaseTags(code: String, valid: Bool) {
        #expect(ModelTranslation.isLanguageCode(code) == valid)
    }

    /// What the site writes besides pages and static files is what `OutputConflicts` checks
    /// static files against: the hostile site has translations, `refs` fields and records.
    @Test func theDataPathsAreTheDocumentsABuildWrites() throws {
        var options = BuildOptions(root: Workspace.hostileSite)
        options.themeRoot = Repository.root
        let (result, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        let rendered = Build.render(options)
        #expect(!result.diagnostics.hasErrors)
        let staticFiles = Set(rendered.files.map(\.path)).subtracting(site.pagePaths).filter {
            !$0.hasPrefix("css/") && !$0.hasPrefix("js/") && !$0.hasPrefix("img/") && !$0.hasPrefix("fonts/")
        }
        // The shards of the search index, named by the words of the entries, are not listed:
        // the whole folder of each language's index is the site's.
        let shards = staticFiles.filter { path in
            OutputConflicts.searchFolders(site.site).contains { path.hasPrefix($0 + "terms/") }
        }
        #expect(shards.count > 20)
        #expect(staticFiles.subtracting(shards) == Set(OutputConflicts.dataPaths(site.site)))
        // A static file is checked against them only when its name ends as one of theirs does.
        for path in staticFiles {
            #expect(OutputConflicts.mayNameData([path]), "\(path)")
        }
        #expect(!OutputConflicts.mayNameData(["css/site.css", "js/search.js", "img/logo.svg", "fonts/a.woff2"]))
    }
}

extension String.UTF8View {
    /// Whether these bytes hold `bytes` in a row.
    func contains(_ bytes: [UInt8]) -> Bool {
        let all = Array(self)
        guard bytes.count <= all.count else { return false }
        return (0...(all.count - bytes.count)).contains { all[$0..<($0 + bytes.count)].elementsEqual(bytes) }
    }
}
