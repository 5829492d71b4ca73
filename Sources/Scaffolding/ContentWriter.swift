import Foundation

/// The file operations `new`, `import` and `schema` need to write, as `@Sendable` closures with a
/// disk default, like `FileSystem` for reading.
public struct ContentWriter: Sendable {
    /// True when a file or folder exists at the absolute path.
    public var exists: @Sendable (_ path: String) -> Bool
    /// Writes the bytes to the absolute path, creating missing folders; replaces a file
    /// atomically (a temporary file renamed over it), so a reader never sees half a file.
    public var write: @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void
    /// Writes the bytes to the absolute path only if nothing is there, in one step (no other
    /// program can put a file there between the check and the write); throws `fileWriteFileExists`
    /// when something is.
    public var create: @Sendable (_ path: String, _ bytes: [UInt8]) throws -> Void

    /// Creates a writer from its operations; without `create`, one made of `exists` and `write`.
    public init(
        exists: @escaping @Sendable (String) -> Bool,
        write: @escaping @Sendable (String, [UInt8]) throws -> Void,
        create: (@Sendable (String, [UInt8]) throws -> Void)? = nil
    ) {
        self.exists = exists
        self.write = write
        self.create =
            create ?? { path, bytes in
                if exists(path) { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path]) }
                try write(path, bytes)
            }
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
        },
        create: { path, bytes in
            // The whole file is written beside its place, then linked there: link(2) fails when
            // the name exists, where rename(2) would replace it.
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".avance-\(UUID().uuidString).tmp")
            try Data(bytes).write(to: temporary)
            defer { unlink(temporary.path) }
            guard link(temporary.path, path) == 0 else {
                let code = errno
                if code == EEXIST { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path]) }
                throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            }
        })
}
