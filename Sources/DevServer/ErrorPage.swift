import Diagnostics
import SiteLayout

/// What the browser shows when the latest save broke the build: every error with its file, line,
/// column, the line quoted and the hint; all of it escaped, since it quotes the files being
/// edited. As a whole page when no build has succeeded yet, and as a panel over the last good
/// page otherwise, so the site stays readable underneath. Its words are the site's language's
/// (`ServeWords`); the diagnostics themselves are avance's, in English, as in the terminal.
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

    /// The panel over the last good page. It sits at the top of the page, in its flow and kept
    /// in view (`sticky`), so that folded (a tap on its title) it is one bar above the page rather
    /// than a sheet over it; open, it takes at most 70% of the window's height, so some of the page
    /// shows on a phone too. `data-errors` names these errors: the live-reload script keeps the
    /// panel folded across reloads while the errors stay the same (`LiveReload.script`).
    func panel(closable: Bool = true) -> String {
        var html = """
            <section id="avance-errors" role="alert" data-errors="\(key)" style="position:\(closable ? "sticky" : "static");\
            top:0;z-index:2147483647;max-height:70vh;overflow:auto;background:#fff7f7;color:#1a1a1a;\
            border-bottom:4px solid #a3262a;font:16px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.25);\
            overflow-wrap:anywhere">
            <details open style="padding:.5rem 1rem"><summary style="cursor:pointer;font-weight:700;color:#a3262a;\
            padding:.25rem 0">\(XMLText.escape(summary))</summary>
            <p>\(XMLText.escape(words["fix"]))\(closable ? " " + XMLText.escape(words["below"]) : "")</p>
            <ol style="padding-left:1.25rem"\(words.language == "en" ? "" : " lang=\"en\"")>

            """
        for diagnostic in errors { html += item(diagnostic) }
        html += "</ol></details></section>\n"
        return html
    }

    func item(_ diagnostic: Diagnostic) -> String {
        var html =
            "<li style=\"margin:0 0 1rem\"><p style=\"margin:.25rem 0\">"
            + "<strong>error[\(XMLText.escape(diagnostic.code))]</strong>: "
        html += Self.marked(diagnostic.message) + "</p>\n"
        if let location = diagnostic.location {
            var place = "\(location)"
            if let field = diagnostic.field { place += " (\(field))" }
            html += "<p style=\"margin:.25rem 0\"><code>\(XMLText.escape(place))</code></p>\n"
            if let line = sourceLine(location) {
                // The line wraps rather than scrolls out of a phone's width; so the value is marked
                // in the line itself, not by carets on the next line, which wrapping would misplace.
                html +=
                    "<pre style=\"margin:.25rem 0;padding:.5rem;background:#fff;border:1px solid #ddd;"
                    + "white-space:pre-wrap;overflow-wrap:anywhere\">"
                html += XMLText.escape("\(location.line) | ") + Self.quoted(line, location: location) + "</pre>\n"
            }
        }
        if let hint = diagnostic.hint {
            html += "<p style=\"margin:.25rem 0\">\(XMLText.escape(words["hint"])) \(Self.marked(hint))</p>\n"
        }
        return html + "</li>\n"
    }

    /// `line`, escaped, with the characters `location` points at in a `<mark>`.
    static func quoted(_ line: String, location: SourceLocation) -> String {
        let characters = Array(line)
        let start = location.column - 1
        guard location.column > 0, start < characters.count else { return XMLText.escape(line) }
        let end = min(characters.count, start + max(1, location.length))
        return XMLText.escape(String(characters[..<start]))
            + "<mark style=\"background:#ffd9d9;color:inherit;text-decoration:underline wavy #a3262a\">"
            + XMLText.escape(String(characters[start..<end])) + "</mark>" + XMLText.escape(String(characters[end...]))
    }

    /// `text` escaped, with each `` `code` `` span as `<code>`: the marks the terminal shows as
    /// backticks. Text with an odd number of backticks is left as it is, escaped.
    static func marked(_ text: String) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count > 1, parts.count % 2 == 1 else { return XMLText.escape(text) }
        return parts.enumerated().map { index, part in
            index % 2 == 0 ? XMLText.escape(String(part)) : "<code>" + XMLText.escape(String(part)) + "</code>"
        }.joined()
    }

    /// A name for this set of errors, the same for the same errors: FNV-1a of their codes,
    /// places and messages, so that a folded panel stays folded until the errors change.
    var key: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for diagnostic in errors {
            for byte in "\(diagnostic.code)|\(diagnostic.location.map { "\($0)" } ?? "")|\(diagnostic.message)\n".utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }

    func sourceLine(_ location: SourceLocation) -> String? {
        guard location.line > 0, let text = sources[location.file] else { return nil }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard location.line <= lines.count else { return nil }
        return String(lines[location.line - 1]).replacingOccurrences(of: "\t", with: " ")
    }
}
