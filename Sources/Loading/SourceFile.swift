/// A text file of the site, read and decoded: the input of every later stage.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the site root, with `/` separators, such as `content/hitos/h01.md`.
    public let path: String
    /// The text as UTF-8, with a leading byte-order mark removed and `\r\n` and `\r` turned into `\n`,
    /// so that every later stage sees one kind of line end and the same line numbers.
    public let text: String

    /// Creates a source file from text that is already normalised.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
