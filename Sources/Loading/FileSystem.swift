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
    /// What tells one version of a file from another without reading it (size, modification
    /// time, inode), for `SourceCache`; `nil` when unknown, and then the file is always read.
    public var stamp: @Sendable (_ path: String) -> FileStamp?
    /// Whether `path` cannot be resolved because its symlinks lead back to themselves (`ELOOP`),
    /// to tell a loop from a link to nothing when `resolve` gives `nil`.
    public var loops: @Sendable (_ path: String) -> Bool

    /// Creates a file system from its operations.
    public init(
        list: @escaping @Sendable (String) throws -> [(name: String, kind: Kind)],
        read: @escaping @Sendable (String) throws -> [UInt8],
        resolve: @escaping @Sendable (String) -> String?,
        size: @escaping @Sendable (String) -> Int? = { _ in nil },
        stamp: @escaping @Sendable (String) -> FileStamp? = { _ in nil },
        loops: @escaping @Sendable (String) -> Bool = { _ in false }
    ) {
        self.list = list
        self.read = read
        self.resolve = resolve
        self.size = size
        self.stamp = stamp
        self.loops = loops
    }
}

extension FileSystem {
    /// The bytes of the regular file at `path`, `nil` when it cannot be read or is not a regular
    /// file. One `open`, one `fstat` and usually one `read`, straight into the array: no `Data`,
    /// no zeroed buffer, no copy. (Through Foundation's `Data`, and for the manifest an `Array`
    /// made from it, reading the build cache's 80 MB was 140 ms of a CI rebuild's CPU in `perf`.)
    public static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        // One byte more than the size, to see the end of a file that grew since `fstat`.
        let room = max(4096, Int(info.st_size) + 1)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
            count = 0
            while count < room {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, room - count)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    failed = read < 0
                    return
                }
                count += read
            }
        }
        guard !failed else { return nil }
        // A file that grew past the room: the rest, a chunk at a time.
        guard bytes.count == room else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { return bytes }
            bytes += chunk[..<read]
        }
    }
}

/// A file's size, modification time (nanoseconds) and inode: a save changes at least one.
public struct FileStamp: Sendable, Hashable {
    public var size: Int
    public var modified: Int
    public var inode: UInt64

    public init(size: Int, modified: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.inode = inode
    }
}

extension FileSystem {
    /// The real disk.
    public static let disk = FileSystem(
        list: { directory in
            // The kind comes with each name (`d_type`); `lstat` only where the file system
            // does not say.
            guard let stream = opendir(directory) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory])
            }
            defer { closedir(stream) }
            var found: [(name: String, kind: Kind)] = []
            while let item = readdir(stream) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                guard name != ".", name != ".." else { continue }
                switch Int32(item.pointee.d_type) {
                case Int32(DT_REG): found.append((name, .file))
                case Int32(DT_DIR): found.append((name, .directory))
                case Int32(DT_LNK): found.append((name, .symlink))
                case Int32(DT_UNKNOWN):
                    var info = stat()
                    guard lstat(directory + "/" + name, &info) == 0 else {
                        found.append((name, .other))
                        continue
                    }
                    switch info.st_mode & S_IFMT {
                    case S_IFREG: found.append((name, .file))
                    case S_IFDIR: found.append((name, .directory))
                    case S_IFLNK: found.append((name, .symlink))
                    default: found.append((name, .other))
                    }
                default: found.append((name, .other))
                }
            }
            return found
        },
        read: { path in
            guard let bytes = FileSystem.contents(of: path) else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            return bytes
        },
        resolve: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        },
        size: { path in
            var info = stat()
            return stat(path, &info) == 0 ? Int(info.st_size) : nil
        },
        stamp: { path in
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return FileStamp(
                size: Int(info.st_size),
                modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                inode: UInt64(info.st_ino))
        },
        loops: { path in
            guard let resolved = realpath(path, nil) else { return errno == ELOOP }
            free(resolved)
            return false
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
            size: { path in files[symlinks[path] ?? path]?.count },
            loops: { path in
                var seen: Set<String> = []
                var current = path
                while let next = symlinks[current] {
                    guard seen.insert(current).inserted else { return true }
                    current = next
                }
                return false
            }
        )
    }
}
