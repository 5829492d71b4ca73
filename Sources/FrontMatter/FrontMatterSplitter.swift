import Diagnostics

/// A Markdown file cut in two: the YAML between the `---` lines, and the Markdown body.
public struct SplitFile: Sendable, Hashable {
    public var yaml: String
    /// The file line where the YAML starts (2, after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The file line where the body starts.
    public var bodyFirstLine: Int
}

/// Stage 2a, **parse**: finds the front matter between a `---` first line and the next line
/// that is `---` (or `...`).
public enum FrontMatterSplitter {
    /// Splits the text of `file`.
    public static func split(_ text: String, file: String) -> Result<SplitFile, Diagnostic> {
        if text.allSatisfy(\.isWhitespace) {
            return .failure(
                .error(
                    "file-empty", Message("file-empty"), at: SourceLocation(file: file, line: 1, column: 1),
                    hint: Message("file-empty.hint")))
        }
        var lines = lines(of: text)
        let first = lines.removeFirst()
        guard isDelimiter(first, allowDots: false) else {
            let column = first.prefix { $0 == " " }.count + 1
            return .failure(
                .error(
                    "front-matter-missing", Message("front-matter-missing"),
                    at: SourceLocation(file: file, line: 1, column: column, length: max(1, first.count)),
                    hint: Message("front-matter-missing.hint")))
        }
        var yaml: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines.removeFirst()
            lineNumber += 1
            if isDelimiter(line, allowDots: true) {
                // The lines are slices of `text`: joining them again is taking the text they span.
                return .success(
                    SplitFile(
                        yaml: yaml.first.map { String(text[$0.startIndex..<yaml.last!.endIndex]) } ?? "",
                        yamlFirstLine: 2, body: lines.first.map { String(text[$0.startIndex...]) } ?? "",
                        bodyFirstLine: lineNumber + 1))
            }
            yaml.append(line)
        }
        return .failure(
            .error(
                "front-matter-unclosed", Message("front-matter-unclosed"),
                at: SourceLocation(file: file, line: 1, column: 1, length: 3),
                hint: Message("front-matter-unclosed.hint")))
    }

    /// The lines of `text`, ended by `\n`, `\r\n` or a lone `\r` as libyaml and cmark-gfm end them
    /// (`SourceFile` has only `\n`, but a caller's text may not). Without a carriage return, a
    /// `\n` byte always is a character of its own, so cutting the UTF-8 bytes gives the same
    /// lines as cutting the characters, much faster.
    static func lines(of text: String) -> ArraySlice<Substring> {
        guard !text.utf8.contains(0x0D) else {
            return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }[...]
        }
        return text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }[...]
    }

    static func isDelimiter(_ line: Substring, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---" || (allowDots && trimmed == "...")
    }
}
