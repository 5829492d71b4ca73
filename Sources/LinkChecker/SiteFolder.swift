#if canImport(Glibc)
    import Glibc
#endif

/// The checked folder: every file in it by path relative to it, and which of them are pages.
struct SiteFolder: Sendable {
    /// Absolute path of the folder, without a trailing `/`.
    let root: String
    /// Every file, such as `proyectos/rcn-visa/index.html` and `css/site.css`. Not a
    /// `Set<String>`: it would take two names that differ only in how an accent is written for one.
    let files: [String]
    /// The HTML files (`.html`, `.htm`), sorted, so every report comes out in the same order.
    let pages: [String]
    /// Sub-folders that could not be read, with the system's reason.
    let unreadable: [ReadError]
    /// `files` by their bytes, for URLs resolved on bytes.
    let index: FileIndex
    /// The folder, open: its files are opened by their paths relative to it, so the kernel
    /// walks the two or three names of a page's path and not the root's as well. Nil when it
    /// cannot be opened (then each file is opened by its absolute path, and fails as it will).
    let opened: OpenFolder?

    init(root: String, files: some Collection<String>, pages: [String], unreadable: [ReadError]) {
        self.root = root
        self.files = Array(files)
        self.pages = pages
        self.unreadable = unreadable
        index = FileIndex(self.files)
        opened = OpenFolder(root)
    }

    /// Lists the folder at `root` (absolute). A symbolic link counts as the file it points to
    /// when that is inside `root`; folders behind links are not entered, so a link loop cannot
    /// hang the check.
    static func read(_ root: String) throws(FolderError) -> SiteFolder {
        let root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        var status = stat()
        guard stat(root, &status) == 0 else {
            throw errno == ENOENT ? .missing(root) : .unreadable(ReadError(path: root, errno: errno))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw .notFolder(root) }
        let (files, unreadable) = FolderListing(root: root, realRoot: realPath(root) ?? root).all()
        let pages = files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".htm") }.sorted()
        return SiteFolder(root: root, files: files, pages: pages, unreadable: unreadable)
    }

    /// The absolute path of a file of the folder.
    func absolute(_ path: String) -> String {
        root + "/" + path
    }

    /// Replaces the contents of `buffer` with the bytes of the file at `path` (relative to the
    /// folder); the error names the file by its absolute path.
    func read(_ path: String, into buffer: ByteBuffer) throws(ReadError) {
        guard let opened else { return try FileBytes.read(absolute(path), into: buffer) }
        do {
            try FileBytes.read(path, relativeTo: opened.descriptor, into: buffer)
        } catch {
            throw ReadError(path: absolute(path), reason: error.reason)
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// A folder kept open for as long as something holds it.
final class OpenFolder: Sendable {
    let descriptor: Int32

    init?(_ path: String) {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
    }

    deinit {
        close(descriptor)
    }
}

/// Why the checked folder cannot be checked at all.
enum FolderError: Error, Sendable {
    case missing(String)
    case notFolder(String)
    case unreadable(ReadError)
}

extension SiteFolder {
    /// The file a URL path is served from: `folder/index.html` for a folder, the file itself,
    /// or `path/index.html` for a folder named without its `/` (servers redirect to it). Names
    /// are compared byte by byte, as a server on Linux compares them.
    func target(_ path: String, folder: Bool) -> String? {
        if folder { return file(path.isEmpty ? "index.html" : path + "/index.html") }
        return file(path) ?? file(path + "/index.html")
    }

    /// The file whose path is exactly `path`.
    func file(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { index.find($0) }
    }
}
