import Diagnostics
import FrontMatter

/// Where the Markdown of a `text` field was written, so that a link in it is reported at the
/// link and not at the field. YAML folds and unindents a value (`resumen: >-` and the lines below
/// it), so positions in the Markdown do not map back to the file by arithmetic; instead a link's
/// destination is looked up in the lines as written, in the order the links come.
public struct TextSource: Sendable, Equatable {
    /// The file the value is in: the entry's, or its translation's.
    public let file: String
    /// Line and column (in Unicode scalars) where the value starts: its first character, a quote or
    /// the `|` / `>` of a block.
    public let line: Int
    public let column: Int
    /// The value's lines: from `line` on, while they are blank or indented deeper than its key.
    let lines: [Substring]

    /// Keeps the lines of `yaml` (whose first line is file line `yamlFirstLine`) that hold the value
    /// starting at `line` and `column`, whose key is at `keyColumn`.
    public init(file: String, line: Int, column: Int, keyColumn: Int = 1, yaml: String, yamlFirstLine: Int) {
        self.file = file
        self.line = line
        self.column = column
        let all = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let first = min(max(0, line - yamlFirstLine), all.count)
        var kept: [Substring] = []
        for (index, text) in all[first...].enumerated() {
            let indent = text.prefix { $0 == " " }.count
            if index > 0, !text.allSatisfy({ $0 == " " || $0 == "\r" }), indent < keyColumn { break }
            kept.append(text)
        }
        lines = kept
    }

    /// A place in the lines, after the links already found.
    public struct Cursor: Sendable {
        var line = 0
        /// Unicode scalars of `line` already searched.
        var scalars = 0

        /// A cursor at the start of the lines.
        public init() {}

        init(line: Int, scalars: Int) {
            self.line = line
            self.scalars = scalars
        }
    }

    /// A cursor at the value's start.
    public var start: Cursor { Cursor(line: 0, scalars: max(0, column - 1)) }

    /// Where `destination` is written as a link (after `(`, `<` or `]:`) at or after `cursor`
    /// (which moves past it); the value's start when it cannot be found so (a YAML escape inside
    /// it, for example). The same text elsewhere in the value, not as a link, is passed over.
    public func location(of destination: String, after cursor: inout Cursor) -> SourceLocation {
        let length = max(1, destination.unicodeScalars.count)
        guard !destination.isEmpty else { return SourceLocation(file: file, line: line, column: column, length: 1) }
        let needle = Array(destination.unicodeScalars)
        var index = cursor.line
        var skip = cursor.scalars
        while index < lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            var from = skip
            while let found = Self.firstIndex(of: needle, in: scalars, from: from) {
                if Self.isLinkDestination(at: found, in: scalars) {
                    cursor = Cursor(line: index, scalars: found + needle.count)
                    return SourceLocation(file: file, line: line + index, column: found + 1, length: length)
                }
                from = found + 1
            }
            index += 1
            skip = 0
        }
        return SourceLocation(file: file, line: line, column: column, length: length)
    }

    /// Whether the text at `offset` follows `(` or `<` (`[a](dest)`, `[a](<dest>)`, `<dest>`) or
    /// `]:` and spaces (`[a]: dest`).
    static func isLinkDestination(at offset: Int, in scalars: [Unicode.Scalar]) -> Bool {
        guard offset > 0 else { return false }
        if scalars[offset - 1] == "(" || scalars[offset - 1] == "<" { return true }
        var before = offset - 1
        while before > 0, scalars[before] == " " { before -= 1 }
        return before > 0 && scalars[before] == ":" && scalars[before - 1] == "]"
    }

    static func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from start: Int) -> Int? {
        guard needle.count <= haystack.count, start <= haystack.count - needle.count else { return nil }
        for offset in start...(haystack.count - needle.count) where haystack[offset] == needle[0] {
            if haystack[offset..<(offset + needle.count)].elementsEqual(needle) { return offset }
        }
        return nil
    }
}

extension TextSource {
    /// The source of `value` when it is Markdown that may hold a link (`[…](…)`, `[…]: …`).
    package static func of(_ value: FieldValue, at node: YAMLNode, key: YAMLNode, file: String, in split: SplitFile)
        -> TextSource?
    {
        guard case .text(let markdown) = value, markdown.contains("]") else { return nil }
        return TextSource(
            file: file, line: node.line, column: node.column, keyColumn: key.column, yaml: split.yaml,
            yamlFirstLine: split.yamlFirstLine)
    }
}
