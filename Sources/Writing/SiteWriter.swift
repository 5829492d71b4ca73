import Diagnostics
import Foundation
import SiteLayout

/// Stage 5, **write**: puts the rendered files into the output folder all at once.
///
/// Files go into a staging folder beside the output, which is then swapped in with one atomic
/// `renameat2(RENAME_EXCHANGE)`: readers (and a build that fails or is killed) see either the
/// previous site or the new one, never half of each.
///
/// The site that is swapped out is kept beside the output (`.public.previous`) and becomes the
/// next build's staging folder: only the files that changed are written, the rest are read back
/// and left as they are, and files the new site lacks are removed. Making and removing tens of
/// thousands of files cost more than rendering them (see docs/performance.md).
public struct SiteWriter: Sendable {
    /// The hidden file that marks a folder as avance's output, so that a folder avance did not
    /// make is never replaced by mistake (`--output ~`).
    public static let marker = ".avance-output"

    /// Absolute path of the output folder.
    public let output: String

    /// Creates a writer for the folder `output` (absolute).
    public init(output: String) {
        self.output = Self.canonical(output)
    }

    /// The absolute path with `.`, `..` and symlinks resolved as the kernel will resolve them
    /// when writing, so that no spelling of a path slips past `checkTarget`: `realpath` of the
    /// longest part that exists (Foundation's `resolvingSymlinksInPath` leaves a path that does
    /// not exist yet as it is, so `link-to-content/new` stayed outside `content/`), then the
    /// missing rest, where `..` can only go up from what exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = absolute.split(separator: "/").map(String.init)
        var missing: [String] = []
        var base = "/"
        while !existing.isEmpty {
            if let resolved = realpath("/" + existing.joined(separator: "/"), nil) {
                base = String(cString: resolved)
                free(resolved)
                break
            }
            missing.insert(existing.removeLast(), at: 0)
        }
        var parts = base.split(separator: "/").map(String.init)
        for part in missing where part != "." {
            if part == ".." {
                _ = parts.popLast()
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    var parent: String { (output as NSString).deletingLastPathComponent }
    var name: String { (output as NSString).lastPathComponent }
    var stagingPrefix: String { parent + "/." + name + ".staging-" }
    /// The site before the current one, kept to become the next staging folder.
    var previous: String { parent + "/." + name + ".previous" }

    /// Checks that `output` is a safe place to write for the site at `root`: not `/`, not the
    /// site itself or its sources, not a folder avance did not make.
    public func checkTarget(root: String) -> Diagnostic? {
        let root = Self.canonical(root)
        let hint = Message("output-unsafe.hint")
        if output == "/" || output.isEmpty || output == root || root.hasPrefix(output + "/") {
            return .error(
                "output-unsafe", Message("output-unsafe", ["folder": output]), hint: hint)
        }
        for source in ["content", "theme", ".git"]
        where output == root + "/" + source || output.hasPrefix(root + "/" + source + "/") {
            return .error(
                "output-unsafe", Message("output-unsafe.inside", ["folder": output, "source": source]), hint: hint)
        }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: output, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .error("output-unsafe", Message("output-unsafe.file", ["folder": output]), hint: hint)
            }
            let contents = (try? manager.contentsOfDirectory(atPath: output)) ?? []
            if !contents.isEmpty, !contents.contains(Self.marker) {
                return .error(
                    "output-unsafe", Message("output-unsafe.foreign", ["folder": output]),
                    hint: Message("output-unsafe.foreign.hint"))
            }
        }
        return nil
    }

    /// Writes `files` and swaps them in. On failure (a path that leaves the output, two files
    /// with one path, a write that fails) the previous output is left as it was.
    public func write(_ files: [OutputFile]) throws(Diagnostic) {
        let staging = stage()
        staging.add(files)
        try staging.commit()
    }

    /// A new site to fill with `SiteStaging.add` and swap in with `SiteStaging.commit`; its
    /// staging folder is made when the first files come. With `digesting`, it keeps the digest
    /// of each file it writes (`SiteStaging.digests`, for the build cache).
    public func stage(digesting: Bool = false) -> SiteStaging {
        SiteStaging(writer: self, folder: stagingPrefix + String(getpid()), digesting: digesting)
    }

    /// A new site made from `base`, a whole copy of the last site (the build cache's, on the
    /// output's file system): what is added replaces the copy's file at its path, what
    /// `SiteStaging.remove(_:)` names is removed, everything else stays, and the copy is swapped
    /// in whole. Only for a copy known to be whole and the last build's (the build cache checks
    /// each file). `outputIsBase` says whether the output holds that same site:
    /// then the site swapped out becomes the copy again (`SiteStaging.baseKept`).
    public func patch(_ base: String, outputIsBase: Bool) -> SiteStaging {
        SiteStaging(
            writer: self, folder: stagingPrefix + String(getpid()), base: base, outputIsBase: outputIsBase,
            digesting: true)
    }

    /// Makes the staging folder `staging` beside the output: the previous site when there is
    /// one, with what it holds (path → is a folder), or a new empty folder (`nil`).
    func makeStaging(_ staging: String) throws(Diagnostic) -> [String: Bool]? {
        removeLeftovers()
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            FileTree.remove(staging)
            // Another build may take the previous site first: then this one starts afresh.
            if Self.isFolder(previous), rename(previous, staging) == 0 {
                return FileTree.inventory(of: staging)
            }
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            return nil
        } catch {
            throw failed(error)
        }
    }

    /// Keeps `folder` (a site swapped out, or a staging folder not used) as the previous site,
    /// for the next build to recycle; removes it when there is one already.
    func keepAsPrevious(_ folder: String) {
        guard Self.isFolder(folder), !Self.isFolder(previous) else {
            FileTree.remove(folder)
            return
        }
        FileTree.remove(previous)  // a symlink or file planted there
        if rename(folder, previous) != 0 { FileTree.remove(folder) }
    }

    /// Whether `path` is a folder itself, not a symlink to one.
    public static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The diagnostic of a write that failed with `error`.
    func failed(_ error: any Error) -> Diagnostic {
        .error(
            "output-failed", Message("output-failed.site", ["folder": output, "reason": error.localizedDescription]),
            hint: Message("output-failed.site.hint"))
    }

    /// Every path must stay inside the output folder, and no two files may share a path: `seen`
    /// holds the paths of earlier batches.
    func checkPaths(_ files: [OutputFile], seen: inout Set<String>) throws(Diagnostic) {
        try checkPaths(files.map(\.path), seen: &seen)
    }

    /// Every path must stay inside the output folder, and no two files may share a path.
    func checkPaths(_ paths: [String], seen: inout Set<String>) throws(Diagnostic) {
        for path in paths {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if path.hasPrefix("/") || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." })
                || path.contains("\0")
            {
                throw .error(
                    "output-path-invalid", Message("output-path-invalid", ["file": path]),
                    hint: Message("output-path-invalid.hint"))
            }
            if !seen.insert(path).inserted {
                throw .error(
                    "output-conflict", Message("output-conflict", ["file": path]),
                    hint: Message("output-conflict.hint"))
            }
        }
    }

    /// Swaps the staging folder in, atomically where the kernel allows, and keeps the old site
    /// as the previous one.
    func swap(_ staging: String) throws {
        if let old = try exchange(staging) { keepAsPrevious(old) }
    }

    /// Swaps `folder` in as the output: atomically with `renameat2(RENAME_EXCHANGE)` where the
    /// kernel allows. Returns where the site swapped out now is (`nil` when there was none).
    func exchange(_ folder: String) throws -> String? {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output) else {
            guard rename(folder, output) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            return nil
        }
        if let exchange = Self.renameExchange, exchange(AT_FDCWD, folder, AT_FDCWD, output, 2) == 0 {
            return folder  // now holds the old site
        }
        // No RENAME_EXCHANGE (old kernel or file system): two renames, a moment apart.
        let old = parent + "/." + name + ".old-" + String(getpid())
        guard rename(output, old) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(folder, output) == 0 else {
            _ = rename(old, output)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return old
    }

    /// Staging and old folders that a killed build left behind: the first becomes the previous
    /// site when there is none (whatever state it is in, the next build corrects every file).
    func removeLeftovers() {
        let manager = FileManager.default
        let prefixes = ["." + name + ".staging-", "." + name + ".old-"]
        for item in (try? manager.contentsOfDirectory(atPath: parent)) ?? []
        where prefixes.contains(where: item.hasPrefix) {
            let pidText = item.split(separator: "-").last.map(String.init) ?? ""
            // Leave the folder of a build still running in another process.
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            keepAsPrevious(parent + "/" + item)
        }
    }

    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, which Swift's Glibc module does not expose, looked up at run time.
    static let renameExchange: RenameAt2? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
}
