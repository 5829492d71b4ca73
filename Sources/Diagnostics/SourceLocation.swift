/// A place in a file of the site: the path relative to the site root, a 1-based line and column.
/// Line 0 means the whole file (a file that is missing, misplaced or ignored); column 0, the
/// whole line.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Path relative to the site root, with `/` separators, such as `content/hitos/h01.md`.
    public var file: String
    public var line: Int
    public var column: Int
    /// How many characters the problem spans on its line (for the `^^^` underline).
    public var length: Int

    /// Creates a location.
    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = length
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.file == rhs.file && lhs.line == rhs.line && lhs.column == rhs.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(line)
        hasher.combine(column)
    }

    /// `file:line:column` as compilers write it; `file:line` for a whole line, and the file
    /// alone for the whole file, never a made-up `:0:0`.
    public var description: String {
        guard line > 0 else { return file }
        guard column > 0 else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}
