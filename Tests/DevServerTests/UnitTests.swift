import Diagnostics
import Foundation
import Rendering
import TestSupport
import Testing

@testable import DevServer

/// The parts of the server that need no network: path confinement, the error page, injection.
@Suite struct RequestPathTests {
    static let files: Set<String> = ["index.html", "proyectos/rcn-visa/index.html", "css/site.css", "404.html"]

    @Test(arguments: [
        ("/", RequestPath.Resolution.file("index.html")),
        ("/proyectos/rcn-visa/", .file("proyectos/rcn-visa/index.html")),
        ("/proyectos/rcn-visa", .redirect("/proyectos/rcn-visa/")),
        // Never a Location of `//host/…`: empty segments are dropped, as for files.
        ("//proyectos/rcn-visa", .redirect("/proyectos/rcn-visa/")),
        ("///proyectos//rcn-visa", .redirect("/proyectos/rcn-visa/")),
        ("http://evil.example//proyectos/rcn-visa?x=1", .redirect("/proyectos/rcn-visa/")),
        ("/proyectos/%72cn-visa", .redirect("/proyectos/%72cn-visa/")),
        ("/\\evil.example/proyectos/rcn-visa", .forbidden),
        ("/css/site.css?v=2", .file("css/site.css")),
        ("/css//site.css", .file("css/site.css")),
        ("/proyectos/%72cn-visa/", .file("proyectos/rcn-visa/index.html")),
        ("http://127.0.0.1:1313/css/site.css", .file("css/site.css")),
        ("/nada", .notFound),
        ("//etc/passwd", .notFound),
        ("/../etc/passwd", .forbidden),
        ("/proyectos/../../etc/passwd", .forbidden),
        ("/%2e%2e/etc/passwd", .forbidden),
        ("/%2E%2E/%2E%2E/etc/passwd", .forbidden),
        ("/proyectos/..%2f..%2fetc/passwd", .forbidden),
        ("/proyectos/%2e%2e%5c%2e%2e%5cetc", .forbidden),
        ("/./index.html", .forbidden),
        ("/index.html%00.css", .forbidden),
        ("/%zz", .forbidden),
        ("etc/passwd", .forbidden),
        ("http://127.0.0.1/../etc/passwd", .forbidden),
    ])
    func pathsResolveInsideTheSiteOnly(target: String, expected: RequestPath.Resolution) {
        #expect(RequestPath.resolve(target, exists: Self.files.contains) == expected)
    }
}

@Suite struct ErrorPageTests {
    let page = ErrorPage(
        diagnostics: [
            .error(
                "enum-unknown", "`<script>alert(1)</script>` is not a value of `estado`",
                at: SourceLocation(file: "content/proyectos/<b>.md", line: 3, column: 9, length: 25), field: "estado",
                hint: "allowed: `en-marcha` & others"),
            .warning("ref-duplicate", "a warning is not shown"),
        ],
        sources: ["content/proyectos/<b>.md": "---\ntitulo: X\nestado: <script>alert(1)</script>\n---\n"])

    @Test func everythingQuotedFromTheFilesIsEscaped() {
        let html = page.page(reloadScript: "")
        #expect(!html.contains("<script>alert(1)"))
        #expect(!html.contains("<b>"))
        #expect(
            html.contains("<code>&lt;script&gt;alert(1)&lt;/script&gt;</code> is not a value of <code>estado</code>"))
        #expect(html.contains("content/proyectos/&lt;b&gt;.md:3:9 (estado)"))
        #expect(
            html.contains("3 | estado: <mark style=\"")
                && html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</mark>"))
        #expect(html.contains("Hint: allowed: <code>en-marcha</code> &amp; others"))
        #expect(html.contains("The last save broke the build: 1 error"))
        #expect(!html.contains("a warning is not shown"))
    }

    /// On a phone: quoted lines wrap instead of running out of the screen, the value is marked in
    /// the line itself (carets on the next line would land wrong once it wraps), and `code` marks
    /// are `<code>`, escaped; unpaired backticks stay as they are.
    @Test func quotedLinesWrapAndCodeMarksAreCode() {
        let long = String(repeating: "palabra ", count: 30)
        let page = ErrorPage(
            diagnostics: [
                .error(
                    "yaml-syntax", "a value that contains `: ` must be quoted, e.g. `<b>` or one `tick",
                    at: SourceLocation(file: "content/socios/x.md", line: 2, column: 13, length: 1),
                    hint: "quote it: `nota: \"A: B\"`")
            ],
            sources: ["content/socios/x.md": "---\nnota: Motivo: el socio se retiró. \(long)\n---\n"])
        let html = page.panel()
        #expect(html.contains("white-space:pre-wrap"))
        #expect(!html.contains("overflow:auto\">"))
        #expect(!html.contains("^"))
        #expect(html.contains("2 | nota: Motivo<mark "))
        #expect(html.contains(">:</mark> el socio se retiró. palabra"))
        // Three backticks: not pairs, so no <code>, and nothing unescaped.
        #expect(html.contains("a value that contains `: ` must be quoted, e.g. `&lt;b&gt;` or one `tick"))
        #expect(html.contains("quote it: <code>nota: &quot;A: B&quot;</code>"))
        #expect(ErrorPage.marked("`<i>` and `x`") == "<code>&lt;i&gt;</code> and <code>x</code>")
    }

    /// Over the last good page the panel is a sticky bar that folds (a `<details>`), not a sheet
    /// fixed over the page; it names its errors so that the live-reload script keeps it folded
    /// across reloads while they stay the same, and opens it again when they change.
    @Test func thePanelFoldsToABarThatStaysFoldedWhileTheErrorsAreTheSame() {
        let panel = page.panel()
        #expect(panel.contains("position:sticky;top:0"))
        #expect(!panel.contains("position:fixed"))
        #expect(panel.contains("<details open"))
        #expect(panel.contains("data-errors=\"\(page.key)\""))
        #expect(page.key == ErrorPage(diagnostics: page.diagnostics, sources: [:]).key)
        let other = ErrorPage(diagnostics: [.error("ref-unknown", "no entry")], sources: [:])
        #expect(page.key != other.key)
        #expect(LiveReload.script.contains("sessionStorage.getItem(\"avance-folded\") === errors"))
        // The page of its own (no good site to show) is not sticky: nothing is under it.
        #expect(page.page(reloadScript: "").contains("position:static"))
    }

    /// On a Spanish site, the panel speaks Spanish (from `theme/i18n/es.yaml`), still escaped;
    /// the diagnostics stay avance's English, marked as such.
    @Test func thePanelSpeaksTheSitesLanguage() throws {
        let spanish = try #require(Strings.load(root: Repository.root, language: "es"))
        var page = page
        page.words = ServeWords(language: "es", theme: spanish)
        let html = page.page(reloadScript: "")
        #expect(html.contains("<html lang=\"es\">"))
        #expect(html.contains("El último cambio guardado impide armar el sitio: 1 error"))
        #expect(html.contains("Corrija el archivo y guárdelo: esta página se recarga sola."))
        #expect(
            html.contains("<p style=\"margin:.25rem 0\">Sugerencia: allowed: <code>en-marcha</code> &amp; others</p>"))
        #expect(html.contains("<ol style=\"padding-left:1.25rem\" lang=\"en\">"))
        #expect(!html.contains("The last save"))
        #expect(!html.contains("Hint:"))
        #expect(!html.contains("<script>alert(1)"))
        let panel = page.panel()
        #expect(panel.contains("Debajo, el sitio como estaba antes del error"))
        // Two errors: the plural form.
        let two = ErrorPage(
            diagnostics: page.diagnostics + [.error("ref-unknown", "no entry")], sources: [:], words: page.words)
        #expect(two.summary == "El último cambio guardado impide armar el sitio: 2 errores")
    }

    /// Words of a theme are escaped too, and a theme without `serve.*` keys gets English.
    @Test func theThemesWordsAreEscapedAndMissingOnesAreEnglish() {
        var page = page
        page.words = ServeWords(language: "xx", theme: Strings(["serve.hint": "<i>Ojo</i>:"]))
        let html = page.page(reloadScript: "")
        #expect(html.contains("&lt;i&gt;Ojo&lt;/i&gt;: allowed"))
        #expect(html.contains("The last save broke the build: 1 error"))
        // Partly the theme's words, partly English: the page does not claim the site's language.
        #expect(html.contains("<html lang=\"en\">"))
        let complete = Strings(ServeWords.english.mapValues { "«\($0)»" })
        page.words = ServeWords(language: "xx", theme: complete)
        #expect(page.page(reloadScript: "").contains("<html lang=\"xx\">"))
        page.words = ServeWords(language: "xx", theme: Strings(["home": "Inicio"]))
        #expect(page.page(reloadScript: "").contains("<html lang=\"en\">"))
    }

    @Test func theScriptGoesBeforeTheEndOfBodyAndThePanelAfterItsStart() {
        let html = LiveReload.inject(
            into: "<html><BODY class=\"x\"><p>Hola</p></BODY></html>", tag: "<script></script>",
            panel: "<aside></aside>")
        #expect(html == "<html><BODY class=\"x\">\n<aside></aside><p>Hola</p><script></script>\n</BODY></html>")
        #expect(LiveReload.inject(into: "<p>x</p>", tag: "<s/>", panel: nil) == "<p>x</p>\n<s/>\n")
    }

    /// A page is rendered when it is asked for: a template that fails on it shows its error.
    @Test func aPageWhoseTemplateFailsIsServedAsItsError() {
        let failing = FileTable(
            files: ["index.html": Array("<body></body>".utf8)],
            failures: [
                "a/index.html": .error(
                    "template-render", "template error: partials nest more than 64 deep, at `entry`",
                    at: SourceLocation(file: "theme/templates/entry.mustache", line: 0, column: 0))
            ])
        let responder = SiteResponder(snapshot: SiteSnapshot(site: failing, generation: "g"))
        let response = responder.respond(method: "GET", target: "/a/")
        #expect(response.status == 500)
        let page = String(decoding: response.body, as: UTF8.self)
        #expect(page.contains("partials nest more than 64 deep"))
        // The whole template is at fault: its name alone, no made-up line 0, column 0.
        #expect(page.contains("<code>theme/templates/entry.mustache</code>"))
        #expect(!page.contains("mustache:0"))
        #expect(responder.respond(method: "GET", target: "/").status == 200)
    }

    @Test func requestsOtherThanGetAndHeadAreRefused() {
        let responder = SiteResponder(
            snapshot: SiteSnapshot(site: FileTable(files: ["index.html": Array("<body></body>".utf8)]), generation: "g")
        )
        #expect(responder.respond(method: "POST", target: "/").status == 405)
        let head = responder.respond(method: "HEAD", target: "/")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(responder.respond(method: "GET", target: "/").body.count))
    }
}

/// Files held in a table, served as a built site's.
struct FileTable: ServedFiles {
    let files: [String: [UInt8]]
    var failures: [String: Diagnostic] = [:]

    func contains(_ path: String) -> Bool { files[path] != nil || failures[path] != nil }

    func file(at path: String) -> Result<[UInt8], Diagnostic>? {
        if let failure = failures[path] { return .failure(failure) }
        return files[path].map { .success($0) }
    }
}
