import Foundation

/// The file operations the loaders need, as `@Sendable` closures, so that tests can run the
/// whole pipeline over files held in memory ( `FileSystem.memory` ) and the tool over the disk.
public struct FileSystem: Sendable {
    /// What a directory entry is, without following symlinks.
    public enum Kind: Sendable, Equatable {
        case file
        case directory
        case symlink
        case other
    }

    /// The names in a directory, with their kind, in any order.
    public var list: @Sendable (_ directory: String) throws -> [(name: String, kind: Kind)]
    /// The bytes of a file.
    public var read: @Sendable (_ path: String) throws -> [UInt8]
    /// The absolute path with every symlink resolved (`realpath`), or `nil` if it does not exist.
    public var resolve: @Sendable (_ path: String) -> String?
    /// The size of a file in bytes, when known without reading it, so that a huge file is
    /// refused before it is read (`ContentLoader.maximumFileSize`).
    public var size: @Sendable (_ path: String) -> Int?

    /// Creates a file system from its operations.
    public init(
        list: @escaping @Sendable (String) throws -> [(name: String, kind: Kind)],
        read: @escaping @Sendable (String) throws -> [UInt8],
        resolve: @escaping @Sendable (String) -> String?,
        size: @escaping @Sendable (String) -> Int? = { _ in nil }
    ) {
        self.list = list
        self.read = read
        self.resolve = resolve
        self.size = size
    }
}

extension FileSystem {
    /// The real disk.
    public static let disk = FileSystem(
        list: { directory in
            let names = try FileManager.default.contentsOfDirectory(atPath: directory)
            return names.map { name in
                var info = stat()
                guard lstat(directory + "/" + name, &info) == 0 else { return (name, .other) }
                switch info.st_mode & S_IFMT {
                case S_IFREG: return (name, .file)
                case S_IFDIR: return (name, .directory)
                case S_IFLNK: return (name, .symlink)
                default: return (name, .other)
                }
            }
        },
        read: { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            return [UInt8](data)
        },
        resolve: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        },
        size: { path in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        }
    )

    /// Files held in memory, by absolute path; `symlinks` maps a link's path to its target's.
    public static func memory(files: [String: [UInt8]], symlinks: [String: String] = [:]) -> FileSystem {
        @Sendable func parent(_ path: String) -> String {
            let cut = path.lastIndex(of: "/") ?? path.startIndex
            return cut == path.startIndex ? "/" : String(path[..<cut])
        }
        var directories: Set<String> = ["/"]
        for path in Array(files.keys) + Array(symlinks.keys) {
            var directory = parent(path)
            while directories.insert(directory).inserted, directory != "/" {
                directory = parent(directory)
            }
        }
        let allDirectories = directories
        return FileSystem(
            list: { directory in
                let prefix = directory.hasSuffix("/") ? directory : directory + "/"
                guard allDirectories.contains(directory) else {
                    throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory])
                }
                var result: [String: Kind] = [:]
                for path in files.keys where path.hasPrefix(prefix) {
                    let rest = path.dropFirst(prefix.count)
                    if let slash = rest.firstIndex(of: "/") {
                        result[String(rest[..<slash])] = .directory
                    } else {
                        result[String(rest)] = .file
                    }
                }
                for path in symlinks.keys where parent(path) == directory {
                    result[String(path.dropFirst(prefix.count))] = .symlink
                }
                for path in allDirectories where path != directory && parent(path) == directory {
                    result[String(path.dropFirst(prefix.count))] = .directory
                }
                return result.map { ($0.key, $0.value) }
            },
            read: { path in
                guard let bytes = files[symlinks[path] ?? path] else {
                    throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
                }
                return bytes
            },
            resolve: { path in
                if let target = symlinks[path] { return target }
                return files[path] != nil || allDirectories.contains(path) ? path : nil
            },
            size: { path in files[symlinks[path] ?? path]?.count }
        )
    }
}
