/// A file of the built site: its path inside the output folder and its bytes.
public struct OutputFile: Sendable, Hashable {
    /// Relative path with `/` separators, such as `proyectos/rcn-visa/index.html`.
    public let path: String
    public let bytes: [UInt8]

    /// Creates a file from bytes.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Creates a file from text, stored as UTF-8.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
