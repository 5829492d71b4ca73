import Foundation

/// The file operations `new`, `import` and `schema` need to write, as `@Sendable` closures with a
/// disk default, like `FileSystem` for reading.
public struct ContentWriter: Sendable {
    /// True when a file or folder exists at the absolute path.
    public var exists: @Sendable (_ path: String) -> Bool
    /// Writes the bytes to the absolute path, creating missing folders; replaces a file
    /// atomically (a temporary file renamed over it), so a reader never sees half a file.
    public var write: @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// Creates a writer from its operations.
    public init(
        exists: @escaping @Sendable (String) -> Bool,
        write: @escaping @Sendable (String, [UInt8]) throws -> Void
    ) {
        self.exists = exists
        self.write = write
    }

    /// The real disk.
    public static let disk = ContentWriter(
        exists: { path in
            var info = stat()
            return lstat(path, &info) == 0
        },
        write: { path, bytes in
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url, options: .atomic)
        })
}
