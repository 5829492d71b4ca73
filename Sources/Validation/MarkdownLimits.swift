import Diagnostics
import SiteData

/// Bounds on the Markdown of bodies and `text` fields, checked before cmark-gfm sees it.
///
/// The cmark-gfm that Debian ships (0.29.0.gfm.6) takes time quadratic in the cells of one table
/// row (10,000 columns: 3 s; 40,000: 13 s) and in the brackets of one paragraph (`![[]()`
/// 20,000 times: 4 s; 80,000 times: over a minute); upstream fixed both in 0.29.0.gfm.7. Both
/// limits are far above what an entry needs and keep a file of `ContentLoader.maximumFileSize`
/// under a second or so. A file past one is `markdown-too-complex`, and its Markdown is never
/// rendered.
public enum MarkdownLimits {
    /// The most cells (unescaped `|`) one line may have.
    public static let maximumTableColumns = 200
    /// The most unescaped `[` (links and images) one paragraph may have.
    public static let maximumBrackets = 1000

    /// Where `markdown` goes past a limit: the 1-based line within `markdown`, the column, and
    /// the message and hint of the diagnostic.
    public struct Problem: Sendable, Equatable {
        public let line: Int
        public let column: Int
        /// The sentence of the catalogs that says which limit (`markdown-too-complex.columns`).
        public let reason: Message
        /// How to come under it.
        public let advice: Message
        /// `reason` in English.
        public var message: String { MessageCatalog.english.render(reason) }
        /// `advice` in English.
        public var hint: String { MessageCatalog.english.render(advice) }

        /// The diagnostic, for Markdown that starts at line `firstLine` of `file`.
        public func diagnostic(file: String, firstLine: Int, field: String? = nil) -> Diagnostic {
            .error(
                "markdown-too-complex", reason,
                at: SourceLocation(file: file, line: firstLine + line - 1, column: column), field: field, hint: advice)
        }
    }

    /// The first place where `markdown` goes past a limit, or `nil`. Lines end as cmark-gfm ends
    /// them (`\n`, `\r\n`, `\r`). Brackets count per paragraph, which ends at a blank line or
    /// a line that surely starts another block (a list item, a heading); when unsure the count
    /// goes on, so it errs on the side of refusing. A `\` escapes the next character.
    public static func problem(in markdown: String) -> Problem? {
        let bytes = Array(markdown.utf8)
        var start = 0
        var line = 1
        var brackets = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            let text = bytes[start..<end]
            if startsBlock(text) { brackets = 0 }
            var pipes = 0
            var escaped = false
            var column = 0
            for byte in text {
                if byte & 0xC0 != 0x80 { column += 1 }  // a new Unicode scalar starts
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "|") {
                    pipes += 1
                    if pipes > maximumTableColumns {
                        return Problem(
                            line: line, column: column,
                            reason: Message("markdown-too-complex", ["limit": String(maximumTableColumns)]),
                            advice: Message("markdown-too-complex.hint"))
                    }
                } else if byte == UInt8(ascii: "[") {
                    brackets += 1
                    if brackets > maximumBrackets {
                        return Problem(
                            line: line, column: column,
                            reason: Message("markdown-too-complex.brackets", ["limit": String(maximumBrackets)]),
                            advice: Message("markdown-too-complex.brackets.hint")
                        )
                    }
                }
            }
            if end < bytes.count, bytes[end] == 0x0D, end + 1 < bytes.count, bytes[end + 1] == 0x0A { end += 1 }
            start = end + 1
            line += 1
        }
        return nil
    }

    /// True for a blank line, and for a line that starts a list item or a heading even inside a
    /// paragraph (CommonMark 0.29, "interrupt a paragraph"). Not a `>` line: the lines of a quote
    /// are one paragraph.
    static func startsBlock(_ line: ArraySlice<UInt8>) -> Bool {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
        // Four columns of indentation (a tab is up to four) make a line part of the paragraph.
        let spaces = line.prefix { $0 == 0x20 }.count
        guard spaces <= 3, let first = line.dropFirst(spaces).first else { return false }
        let rest = line.dropFirst(spaces + 1)
        switch first {
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            // A list item needs a space and some text after its marker to interrupt a paragraph.
            return rest.first == 0x20 && rest.contains { $0 != 0x20 && $0 != 0x09 }
        case UInt8(ascii: "#"):
            let hashes = rest.prefix { $0 == UInt8(ascii: "#") }.count + 1
            let after = rest.dropFirst(hashes - 1).first
            return hashes <= 6 && (after == nil || after == 0x20 || after == 0x09)
        default:
            return false
        }
    }
}
