import Foundation
import ParallelMap
import SiteLayout

/// Writes and removes whole trees of files on every core with plain POSIX calls: each folder is
/// made once, each file is one `open`, `write`, `close` (no `fsync`, no temporary file: the
/// tree as a whole is swapped in by `SiteWriter`).
enum FileTree {
    /// A file or folder that could not be written or removed, with the system's reason.
    struct Failure: LocalizedError, Equatable {
        let path: String
        let code: Int32

        var errorDescription: String? { "`\(path)`: \(String(cString: strerror(code)))" }
    }

    /// Writes every file of `files` under the existing folder `folder`, making the folders they
    /// need. Throws the first failure in the order of `files`.
    static func write(_ files: [OutputFile], into folder: String) throws(Failure) {
        var made: Set<String> = []
        try write(files, into: folder, made: &made)
    }

    /// `write(_:into:)` for one batch of many: `made` holds the folders earlier batches made.
    /// With `keepingSame`, a file that already holds the same bytes is left as it is. With
    /// `fresh`, `folder` was made empty by this build (the staging folder of a new site):
    /// nothing is expected at any path, so no `unlink` is tried first (one system call a file,
    /// which fails: 54,487 of them at N = 10,000).
    static func write(
        _ files: [OutputFile], into folder: String, made: inout Set<String>, keepingSame: Bool = false,
        fresh: Bool = false
    ) throws(Failure) {
        try makeFolders(for: files.map(\.path), in: folder, made: &made)
        let failures = files.concurrentMap { file in
            keepingSame
                ? update(file.bytes, at: folder + "/" + file.path)
                : writeFile(file.bytes, to: folder + "/" + file.path, replacing: !fresh)
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Writes `bytes` to `path` unless the regular file there holds exactly them already:
    /// reading a file back costs far less than making a new one.
    static func update(_ bytes: [UInt8], at path: String) -> Failure? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 {
            defer { close(descriptor) }
            var info = stat()
            if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size == bytes.count,
                holds(descriptor, bytes)
            {
                return nil
            }
        }
        return writeFile(bytes, to: path)
    }

    /// Whether the open file `descriptor` reads as exactly `bytes` (its size already checked).
    private static func holds(_ descriptor: Int32, _ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty else { return true }
        let contents = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                count += read
            }
        }
        return contents.count == bytes.count
            && contents.withUnsafeBytes { read in
                bytes.withUnsafeBytes { memcmp(read.baseAddress!, $0.baseAddress!, $0.count) }
            }
                == 0
    }

    /// Every file and folder under `folder`, by path relative to it, with whether it is a
    /// folder. Anything else (a symlink, a device) is removed on the way, so that later writes
    /// into the tree can never be led outside it.
    static func inventory(of folder: String) -> [String: Bool] {
        var found: [String: Bool] = [:]
        func walk(_ relative: String) {
            eachEntry(of: relative.isEmpty ? folder : folder + "/" + relative) { name, type in
                let child = relative.isEmpty ? name : relative + "/" + name
                var type = type
                if type == DT_UNKNOWN {
                    var info = stat()
                    guard lstat(folder + "/" + child, &info) == 0 else { return }
                    type =
                        info.st_mode & S_IFMT == S_IFDIR
                        ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : UInt8(DT_LNK)
                }
                switch Int(type) {
                case Int(DT_DIR):
                    found[child] = true
                    walk(child)
                case Int(DT_REG): found[child] = false
                default: unlink(folder + "/" + child)
                }
            }
        }
        walk("")
        return found
    }

    /// Makes every folder that `paths` (relative, `/`-separated) lie in and that is not in `made`,
    /// shallowest first: the folders of one depth are made in parallel once their parents exist.
    static func makeFolders(for paths: [String], in folder: String, made: inout Set<String>) throws(Failure) {
        var needed: [String] = []
        for path in paths {
            var end = path.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                let name = String(path[..<slash])
                guard made.insert(name).inserted else { break }
                needed.append(name)
                end = slash
            }
        }
        let byDepth = Dictionary(grouping: needed) { $0.utf8.count { $0 == UInt8(ascii: "/") } }
        for depth in byDepth.keys.sorted() {
            let failures = byDepth[depth]!.sorted().concurrentMap { name -> Failure? in
                let path = folder + "/" + name
                return mkdir(path, 0o777) == 0 || errno == EEXIST ? nil : Failure(path: path, code: errno)
            }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        }
    }

    /// One file, created anew, with permissions from the umask (0644 with the usual 022). A
    /// file already at `path` is unlinked first, not truncated: it may be a hard link to the
    /// build cache's copy (`CopyTree`), which must keep its bytes. Without `replacing`, the
    /// caller expects nothing there, so no `unlink` is tried first; should something be there
    /// after all (`O_EXCL` tells), it is replaced as with `replacing`.
    static func writeFile(_ bytes: [UInt8], to path: String, replacing: Bool = true) -> Failure? {
        writeFile(parts: CollectionOfOne(bytes), to: path, replacing: replacing)
    }

    /// `writeFile` of the bytes of `parts`, one after another (a file made in parts on several
    /// cores, never joined into one buffer).
    static func writeFile(parts: some Collection<[UInt8]>, to path: String, replacing: Bool = true) -> Failure? {
        if replacing { unlink(path) }
        let descriptor = open(
            path, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replacing ? O_TRUNC : O_EXCL), 0o666)
        if descriptor < 0, !replacing, errno == EEXIST { return writeFile(parts: parts, to: path) }
        guard descriptor >= 0 else { return Failure(path: path, code: errno) }
        var failure: Failure?
        for bytes in parts where failure == nil {
            bytes.withUnsafeBytes { buffer in
                var written = 0
                while written < buffer.count {
                    let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                    if count < 0 {
                        if errno == EINTR { continue }
                        failure = Failure(path: path, code: errno)
                        return
                    }
                    written += count
                }
            }
        }
        if close(descriptor) != 0, failure == nil { failure = Failure(path: path, code: errno) }
        return failure
    }

    /// Removes `path` and everything under it, files in parallel; a missing `path` is no error.
    /// Symlinks are removed, never followed.
    static func remove(_ path: String) {
        var files: [String] = []
        var folders: [[String]] = []
        var link = stat()
        guard lstat(path, &link) == 0 else { return }
        guard link.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        list(path, depth: 0, files: &files, folders: &folders)
        forEach(files, threads: removalThreads) { unlink($0) }
        for level in folders.reversed() {
            forEach(level, threads: removalThreads) { rmdir($0) }
        }
    }

    /// Threads that remove files: more than cores, because each `unlink` mostly waits for the
    /// disk (on file systems mounted with `discard`, for the blocks to be trimmed). Measured on a
    /// 2-core machine: 8 threads remove a tree in about 60 % of the time of one.
    static let removalThreads = 8

    /// Calls `body` with every item of `items`, on `threads` threads of its own, which take the
    /// next item as they finish one.
    static func forEach(_ items: [String], threads: Int, _ body: @escaping @Sendable (String) -> Void) {
        guard items.count > 1, threads > 1 else {
            for item in items { body(item) }
            return
        }
        let next = NextIndex()
        let group = DispatchGroup()
        for _ in 0..<min(threads, items.count) {
            group.enter()
            Thread {
                while let index = next.take(below: items.count) { body(items[index]) }
                group.leave()
            }.start()
        }
        group.wait()
    }

    /// Collects the files and, by depth, the folders under `folder` (itself included).
    private static func list(_ folder: String, depth: Int, files: inout [String], folders: inout [[String]]) {
        if folders.count <= depth { folders.append([]) }
        folders[depth].append(folder)
        eachEntry(of: folder) { name, type in
            let child = folder + "/" + name
            var isFolder = type == DT_DIR
            if type == DT_UNKNOWN {
                var info = stat()
                isFolder = lstat(child, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if isFolder {
                list(child, depth: depth + 1, files: &files, folders: &folders)
            } else {
                files.append(child)
            }
        }
    }

    /// Calls `body` with the name and `d_type` of each entry of `folder` but `.` and `..`, as
    /// `readdir` lists them; nothing when the folder cannot be opened.
    private static func eachEntry(of folder: String, _ body: (_ name: String, _ type: UInt8) -> Void) {
        guard let stream = opendir(folder) else { return }
        defer { closedir(stream) }
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard name != ".", name != ".." else { continue }
            body(name, item.pointee.d_type)
        }
    }
}
