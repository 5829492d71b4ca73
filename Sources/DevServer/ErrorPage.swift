import Diagnostics
import SiteLayout

/// What the browser shows when the latest save broke the build: every error with its file, line,
/// column, the line quoted and the hint; all of it escaped, since it quotes the files being
/// edited. As a whole page when no build has succeeded yet, and as a panel over the last good
/// page otherwise, so the site stays readable underneath. Its words are the site's language's
/// (`ServeWords`); the diagnostics are in the language of the message catalog, as in the terminal.
struct ErrorPage: Sendable {
    let diagnostics: [Diagnostic]
    let sources: [String: String]
    var words = ServeWords.fallback

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    var summary: String { words.summary(errors: errors.count) }

    /// A page of its own, for when there is no good site to show.
    func page(reloadScript: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(XMLText.escape(words.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(XMLText.escape(summary)) · avance serve</title>
        </head>
        <body style="margin:0;background:#fff">
        \(panel(closable: false))
        \(reloadScript)
        </body>
        </html>

        """
    }

    /// The panel laid over the last good page.
    func panel(closable: Bool = true) -> String {
        var html = """
            <section id="avance-errors" role="alert" style="position:\(closable ? "fixed" : "static");\
            inset:0 0 auto 0;z-index:2147483647;max-height:85vh;overflow:auto;background:#fff7f7;color:#1a1a1a;\
            border-bottom:4px solid #a3262a;font:16px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25)">
            <details open style="padding:1rem 1.25rem"><summary style="cursor:pointer;font-weight:700;color:#a3262a">\
            \(XMLText.escape(summary))</summary>
            <p>\(XMLText.escape(words["fix"]))\(closable ? " " + XMLText.escape(words["below"]) : "")</p>
            <ol style="padding-left:1.25rem"\(words.catalog.language == words.language ? "" : " lang=\"\(words.catalog.language)\"")>

            """
        for diagnostic in errors { html += item(diagnostic) }
        html += "</ol></details></section>\n"
        return html
    }

    func item(_ diagnostic: Diagnostic) -> String {
        var html =
            "<li style=\"margin:0 0 1rem\"><p style=\"margin:.25rem 0\">"
            + "<strong>error[\(XMLText.escape(diagnostic.code))]</strong>: "
        html += XMLText.escape(diagnostic.message(in: words.catalog)) + "</p>\n"
        if let location = diagnostic.location {
            var place = "\(location)"
            if let field = diagnostic.field { place += " (\(field))" }
            html += "<p style=\"margin:.25rem 0\"><code>\(XMLText.escape(place))</code></p>\n"
            if let line = sourceLine(location) {
                let pad = String(repeating: " ", count: max(0, location.column - 1))
                let marks = String(repeating: "^", count: max(1, location.length))
                let quoted =
                    "\(location.line) | \(line)\n"
                    + "\(String(repeating: " ", count: String(location.line).count)) | \(pad)\(marks)"
                html +=
                    "<pre style=\"margin:.25rem 0;padding:.5rem;background:#fff;border:1px solid #ddd;overflow:auto\">"
                html += XMLText.escape(quoted) + "</pre>\n"
            }
        }
        if let hint = diagnostic.hint(in: words.catalog) {
            html += "<p style=\"margin:.25rem 0\">\(XMLText.escape(words["hint"])) \(XMLText.escape(hint))</p>\n"
        }
        return html + "</li>\n"
    }

    func sourceLine(_ location: SourceLocation) -> String? {
        guard location.line > 0, let text = sources[location.file] else { return nil }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard location.line <= lines.count else { return nil }
        return String(lines[location.line - 1]).replacingOccurrences(of: "\t", with: " ")
    }
}
