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
    /// `git ls-files --stage` for the index's blobs, `git diff-files` for the files whose bytes
    /// are not the index's, `git config` and `info/attributes` for the context.
    struct Pending {
        let staged: GitHistory.Running?
        let changed: GitHistory.Running?
        let settings: GitHistory.Running?
        let attributes: GitHistory.Running?
        let root: String

        /// What they found; `nil` when git failed.
        func finish() -> GitBlobs? {
            // Every answer is read (no process is left unwaited for), then what failed is known.
            let (staged, changed) = (staged?.output(), changed?.output())
            // Exit status 1 when no setting is found: no setting, no failure.
            let settings = settings?.output() ?? ""
            let attributes = attributes?.output().flatMap {
                FileSystem.contents(of: $0.hasPrefix("/") ? $0 : root + "/" + $0)
            }
            guard let staged, let changed else { return nil }
            return GitBlobs.parse(staged: staged, changed: changed, settings: settings, attributes: attributes)
        }
    }

    static func start(root: String, folder: String) -> Pending {
        Pending(
            staged: GitHistory.start(
                ["ls-files", "--stage", "-z", "--", folder, ":(top,glob)**/.gitattributes"], in: root, trimmed: false),
            changed: GitHistory.start(
                ["diff-files", "--name-only", "-z", "--relative", "--", folder], in: root, trimmed: false),
            settings: GitHistory.start(
                ["config", "-z", "--get-regexp", #"^(core\.(autocrlf|eol|attributesfile)|filter\..*)$"#], in: root,
                trimmed: false, allowing: [1]),
            attributes: GitHistory.start(["rev-parse", "--git-path", "info/attributes"], in: root),
            root: root)
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
