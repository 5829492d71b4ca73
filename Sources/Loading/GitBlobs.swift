import Diagnostics
import Foundation

/// What git knows of the bytes of a folder's files: the blob of each tracked file whose bytes are
/// the index's (a fresh clone's files all are), and what decides how a blob becomes the bytes on
/// disk. A fresh clone gives every file a new time, so the build cache, which trusts a file whose
/// time it has seen, would read and hash all of them again (18,000 files at N = 10,000); a file
/// whose blob the cache hashed before, under the same `context`, is not read.
public struct GitBlobs: Sendable, Equatable {
    /// The blob of each clean file (a regular file, not a link, whose bytes git's index holds:
    /// not changed since it was checked out or added), by path relative to the site root.
    public var ids: [String: String]
    /// A digest of what turns a blob into the bytes on disk: the `.gitattributes` files' blobs
    /// (line endings, filters) and the settings `core.autocrlf`, `core.eol`,
    /// `core.attributesFile` and `filter.*`. Another context, and no blob is trusted.
    public var context: String

    public init(ids: [String: String], context: String) {
        self.ids = ids
        self.context = context
    }

    /// The git commands that read the blobs of `folder` (relative to `root`), started:
    /// `git rev-parse` for where the work tree, the index and `info/attributes` are, and `git
    /// config` for the context. The index is read here (`GitIndex`), each file's `lstat`
    /// compared with what git recorded; when it cannot be, `git ls-files --stage` gives the
    /// index's blobs and `git diff-files` the files whose bytes are not the index's.
    struct Pending {
        let paths: GitHistory.Running?
        let settings: GitHistory.Running?
        let root: String
        let folder: String

        /// What they found; `nil` when git failed.
        func finish() -> GitBlobs? {
            // Every answer is read (no process is left unwaited for), then what failed is known.
            let lines = paths?.output()?.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // Exit status 1 when no setting is found: no setting, no failure.
            let settings = settings?.output() ?? ""
            // The index's path, `info/attributes`' path, and the root's folder in the work tree.
            guard let lines, lines.count == 4 else { return nil }
            func resolved(_ path: String) -> String { path.hasPrefix("/") ? path : root + "/" + path }
            let attributes = FileSystem.contents(of: resolved(lines[1]))
            if let blobs = GitBlobs.read(
                index: resolved(lines[0]), prefix: lines[2], root: root, folder: folder, settings: settings,
                attributes: attributes)
            {
                return blobs
            }
            let staged = GitHistory.run(
                ["ls-files", "--stage", "-z", "--", folder, ":(top,glob)**/.gitattributes"], in: root, trimmed: false)
            let changed = GitHistory.run(
                ["diff-files", "--name-only", "-z", "--relative", "--", folder], in: root, trimmed: false)
            guard let staged, let changed else { return nil }
            return GitBlobs.parse(staged: staged, changed: changed, settings: settings, attributes: attributes)
        }
    }

    static func start(root: String, folder: String) -> Pending {
        Pending(
            paths: GitHistory.start(
                ["rev-parse", "--git-path", "index", "--git-path", "info/attributes", "--show-prefix"], in: root,
                trimmed: false),
            settings: GitHistory.start(
                [
                    "config", "-z", "--get-regexp",
                    #"^(core\.(autocrlf|eol|attributesfile)|filter\..*|extensions\.objectformat)$"#,
                ], in: root, trimmed: false, allowing: [1]),
            root: root, folder: folder)
    }

    /// The blobs of `folder`'s clean files from the index file at `index` (`GitIndex`): `root`
    /// is `prefix` (`git rev-parse --show-prefix`) in the work tree. `nil` when the index cannot
    /// be read this way.
    static func read(
        index path: String, prefix: String, root: String, folder: String, settings: String, attributes: [UInt8]?
    ) -> GitBlobs? {
        // Its time first: an index written again after it is only newer (more files racy).
        var info = stat()
        guard stat(path, &info) == 0, let bytes = FileSystem.contents(of: path) else { return nil }
        let hashSize = settings.contains("extensions.objectformat\nsha256") ? 32 : 20
        let inFolder = prefix + folder + "/"
        guard let index = GitIndex.parse(bytes, hashSize: hashSize, under: inFolder) else { return nil }
        let top = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return nil }
        defer { close(top) }
        var ids: [String: String] = [:]
        ids.reserveCapacity(index.files.count)
        for (name, entry) in index.files {
            let relative = String(decoding: name.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
            var file = stat()
            guard fstatat(top, relative, &file, AT_SYMLINK_NOFOLLOW) == 0,
                GitIndex.isClean(file, as: entry, written: info.st_mtim)
            else { continue }
            ids[relative] = entry.blob
        }
        var context = ""
        for (name, blob) in index.attributes.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            context += "top:" + name + " " + blob + "\n"
        }
        context += "config " + settings + "\n"
        if let attributes { context += "info " + ContentDigest.of(attributes) + "\n" }
        return GitBlobs(ids: ids, context: ContentDigest.of(context))
    }

    /// The blobs in the output of `git ls-files --stage -z` (`staged`) and `git diff-files
    /// --name-only -z` (`changed`), with the context's settings and `info/attributes` bytes.
    /// Read as bytes, record by record, each path made into a string once (18,000 records split
    /// into arrays of fields, each field a string, took 40 ms of a rebuild in CI, on the way to
    /// the cache's plan).
    static func parse(staged: String, changed: String, settings: String, attributes: [UInt8]?) -> GitBlobs {
        var modified: Set<String> = []
        var changed = changed
        changed.withUTF8 { bytes in
            records(bytes) { modified.insert(String(decoding: $0, as: UTF8.self)) }
        }
        var ids: [String: String] = [:]
        var context = ""
        var staged = staged
        staged.withUTF8 { bytes in
            ids.reserveCapacity(bytes.count / 80)
            // `<mode> <blob> <stage>\t<path>`, each ending in NUL.
            records(bytes) { record in
                guard let tab = record.firstIndex(of: UInt8(ascii: "\t")),
                    let firstSpace = record[..<tab].firstIndex(of: UInt8(ascii: " ")),
                    let secondSpace = record[(firstSpace + 1)..<tab].firstIndex(of: UInt8(ascii: " ")),
                    !record[(secondSpace + 1)..<tab].contains(UInt8(ascii: " "))
                else { return }
                let mode = UnsafeBufferPointer(rebasing: record[..<firstSpace])
                let stage = UnsafeBufferPointer(rebasing: record[(secondSpace + 1)..<tab])
                let path = String(decoding: UnsafeBufferPointer(rebasing: record[(tab + 1)...]), as: UTF8.self)
                let blob = String(
                    decoding: UnsafeBufferPointer(rebasing: record[(firstSpace + 1)..<secondSpace]), as: UTF8.self)
                if path == ".gitattributes" || path.hasSuffix("/.gitattributes") {
                    context += path + " " + blob + "\n"
                    return
                }
                // A regular file at stage 0 (not a link, a submodule or a conflict), as in the index.
                guard mode.elementsEqual("100644".utf8) || mode.elementsEqual("100755".utf8),
                    stage.elementsEqual("0".utf8), modified.isEmpty || !modified.contains(path)
                else { return }
                ids[path] = blob
            }
        }
        context += "config " + settings + "\n"
        if let attributes { context += "info " + ContentDigest.of(attributes) + "\n" }
        return GitBlobs(ids: ids, context: ContentDigest.of(context))
    }

    /// Hands `each` every NUL-terminated record of `bytes` (a last one without its NUL too),
    /// but empty ones.
    private static func records(_ bytes: UnsafeBufferPointer<UInt8>, _ each: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0) ?? bytes.count
            if end > start { each(UnsafeBufferPointer(rebasing: bytes[start..<end])) }
            start = end + 1
        }
    }
}
