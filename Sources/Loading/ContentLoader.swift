import Diagnostics
import ParallelMap

/// The files found under `content/`: the texts to parse and the problems met while reading.
public struct ContentTree: Sendable {
    /// Every text file (`.md`, `.yaml`), sorted by path.
    public var files: [SourceFile]
    /// Other files, such as images, by relative path; later stages decide what they mean.
    public var otherFiles: [String]
    public var diagnostics: [Diagnostic]
}

/// Stage 1, **load**: walks `<root>/content`, refuses symlinks that leave it, reads and decodes
/// every text file.
public struct ContentLoader: Sendable {
    /// The extensions read as text; others are listed in `ContentTree.otherFiles`.
    public static let textExtensions: Set<String> = ["md", "yaml", "yml"]
    /// The largest text file read (1 MiB, some 150,000 words): a larger one is `file-too-large`,
    /// refused before it is read, so that one file cannot take a build's time and memory.
    public static let maximumFileSize = 1 << 20

    public let root: String
    public let fileSystem: FileSystem
    /// The folder walked, relative to `root`.
    public let folder: String

    /// Creates a loader for the site at `root` (an absolute path).
    /// Files of earlier loads, reused when their stamp is unchanged (`avance serve`).
    public var cache: SourceCache?
    /// Files whose text the caller does not need (the build cache's store holds what validating
    /// them gave): listed with an empty text, not read.
    public var unread: Set<String> = []
    /// Hears how many files have been read, for the terminal's progress line.
    public var progress: ProgressHandler?

    public init(root: String, folder: String = "content", fileSystem: FileSystem = .disk, cache: SourceCache? = nil) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.folder = folder
        self.fileSystem = fileSystem
        self.cache = cache
    }

    /// Reads the tree. Problems with single files become diagnostics; the walk goes on.
    public func load() -> ContentTree {
        let (paths, problems) = listFiles()
        var tree = ContentTree(files: [], otherFiles: [], diagnostics: problems)
        var textPaths: [String] = []
        for path in paths {
            let ext = path.split(separator: ".").last.map { String($0).lowercased() } ?? ""
            if Self.textExtensions.contains(ext) { textPaths.append(path) } else { tree.otherFiles.append(path) }
        }
        // Read and decoded on every core; the results keep the sorted order of the paths.
        cache?.begin()
        let counter = ProgressCounter("loading", total: textPaths.count, handler: progress)
        let results = textPaths.concurrentMap { path -> (Result<SourceFile, Diagnostic>, FileStamp?) in
            defer { counter.step() }
            if unread.contains(path) { return (.success(SourceFile(path: path, text: "")), nil) }
            guard let cache else { return (readText(path), nil) }
            // The stamp is taken before reading: a save during the read shows at the next load.
            let stamp = fileSystem.stamp(root + "/" + path)
            if let stamp, let kept = cache.file(path, stamp: stamp) { return (.success(kept), stamp) }
            return (readText(path), stamp)
        }
        var kept: [String: (stamp: FileStamp, file: SourceFile)] = [:]
        for (result, stamp) in results {
            switch result {
            case .success(let file):
                tree.files.append(file)
                if let stamp { kept[file.path] = (stamp, file) }
            case .failure(let diagnostic): tree.diagnostics.append(diagnostic)
            }
        }
        cache?.keep(kept)
        return tree
    }

    /// Reads only the text files `paths` (relative to the root), as `load` reads them, without
    /// walking the folder: for a caller that knows the rest (the build cache's resolution).
    public func load(_ paths: [String]) -> ContentTree {
        var tree = ContentTree(files: [], otherFiles: [], diagnostics: [])
        for result in paths.sorted().concurrentMap({ readText($0) }) {
            switch result {
            case .success(let file): tree.files.append(file)
            case .failure(let diagnostic): tree.diagnostics.append(diagnostic)
            }
        }
        return tree
    }

    /// `content-missing` or `theme-missing`, each code written out so that it can be found.
    func missingFolder() -> Diagnostic {
        let message = Message("folder-missing", ["folder": folder, "root": root])
        let hint = Message("folder-missing.hint")
        return folder == "theme"
            ? .error("theme-missing", message, hint: hint) : .error("content-missing", message, hint: hint)
    }

    /// Every file under the folder, relative to the root and sorted; hidden files are skipped
    /// and symlinks are followed only while they stay inside the folder.
    public func listFiles() -> (paths: [String], diagnostics: [Diagnostic]) {
        var paths: [String] = []
        var diagnostics: [Diagnostic] = []
        let top = root + "/" + folder
        guard let realTop = fileSystem.resolve(top) else {
            diagnostics.append(missingFolder())
            return (paths, diagnostics)
        }
        // The folder itself may be a symlink, but only to a folder inside the site.
        if let realRoot = fileSystem.resolve(root), !Self.isInside(realTop, realRoot) {
            diagnostics.append(
                .error(
                    "symlink-outside", Message("symlink-outside.folder", ["folder": folder, "target": realTop]),
                    at: SourceLocation(file: folder, line: 0, column: 0), hint: Message("symlink-outside.folder.hint")))
            return (paths, diagnostics)
        }
        var visited: Set<String> = [realTop]
        walk(
            absolute: top, relative: folder, realTop: realTop, visited: &visited, paths: &paths,
            diagnostics: &diagnostics)
        return (paths.sorted(), diagnostics)
    }

    /// Reads one file given by its path relative to the root, as normalised text.
    public func readText(_ path: String) -> Result<SourceFile, Diagnostic> {
        if let size = fileSystem.size(root + "/" + path), size > Self.maximumFileSize {
            return .failure(Self.tooLarge(path, size: size))
        }
        return readBytes(path).flatMap { bytes in
            guard bytes.count <= Self.maximumFileSize else { return .failure(Self.tooLarge(path, size: bytes.count)) }
            return TextDecoding.decode(bytes, path: path).map { SourceFile(path: path, text: $0) }
        }
    }

    /// True when `path` is below `folder` (both real paths).
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        path != folder && path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    static func tooLarge(_ path: String, size: Int) -> Diagnostic {
        func megabytes(_ bytes: Int) -> String {
            let tenths = (bytes * 10 + (1 << 19)) >> 20
            return "\(tenths / 10).\(tenths % 10) MB"
        }
        return .error(
            "file-too-large",
            Message("file-too-large", ["size": megabytes(size), "maximum": megabytes(maximumFileSize)]),
            at: SourceLocation(file: path, line: 0, column: 0), hint: Message("file-too-large.hint"))
    }

    /// Reads one file given by its path relative to the root.
    public func readBytes(_ path: String) -> Result<[UInt8], Diagnostic> {
        do {
            return .success(try fileSystem.read(root + "/" + path))
        } catch {
            return .failure(
                .error(
                    "file-unreadable", Message("file-unreadable", ["reason": error.localizedDescription]),
                    at: SourceLocation(file: path, line: 0, column: 0)))
        }
    }

    private func walk(
        absolute: String, relative: String, realTop: String, visited: inout Set<String>,
        paths: inout [String], diagnostics: inout [Diagnostic]
    ) {
        let children: [(name: String, kind: FileSystem.Kind)]
        do {
            children = try fileSystem.list(absolute).sorted { $0.name < $1.name }
        } catch {
            diagnostics.append(
                .error(
                    "file-unreadable", Message("file-unreadable.folder", ["reason": error.localizedDescription]),
                    at: SourceLocation(file: relative, line: 0, column: 0)))
            return
        }
        for child in children where !child.name.hasPrefix(".") {
            let childAbsolute = absolute + "/" + child.name
            let childRelative = relative + "/" + child.name
            var kind = child.kind
            if kind == .symlink {
                let resolved = fileSystem.resolve(childAbsolute)
                if resolved == nil, fileSystem.loops(childAbsolute) {
                    diagnostics.append(
                        .error(
                            "symlink-loop", Message("symlink-loop", ["file": childRelative]),
                            at: SourceLocation(file: childRelative, line: 0, column: 0),
                            hint: Message("symlink-loop.hint", ["folder": folder])))
                    continue
                }
                guard let target = resolved, target == realTop || target.hasPrefix(realTop + "/") else {
                    diagnostics.append(
                        .error(
                            "symlink-outside", Message("symlink-outside", ["file": childRelative, "folder": folder]),
                            at: SourceLocation(file: childRelative, line: 0, column: 0),
                            hint: Message("symlink-outside.hint", ["folder": folder])))
                    continue
                }
                guard visited.insert(target).inserted else { continue }
                kind = fileSystem.listing(target) == nil ? .file : .directory
            }
            switch kind {
            case .directory:
                walk(
                    absolute: childAbsolute, relative: childRelative, realTop: realTop,
                    visited: &visited, paths: &paths, diagnostics: &diagnostics)
            case .file:
                paths.append(childRelative)
            case .symlink, .other:
                continue
            }
        }
    }
}

extension FileSystem {
    /// The listing of `path`, or `nil` when it is not a readable folder.
    fileprivate func listing(_ path: String) -> [(name: String, kind: Kind)]? {
        try? self.list(path)
    }
}
