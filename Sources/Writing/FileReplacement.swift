import Foundation

/// Replaces a file whole: writes the new bytes beside it and renames them over it, so that a
/// reader finds the old file or the new one, never half of one. No `fsync`, unlike Foundation's
/// `Data.write(to:)` and `FileManager.createFile`: on ext4 each of those waits for the journal
/// to commit everything the process wrote before (a build's 54,000 links: 170 to 300 ms on the
/// machine of docs/performance.md). For files whose reader checks them (the build cache names
/// each by its hash, or ends it with one): one torn by a power cut is ignored, never trusted.
public enum FileReplacement {
    /// Writes `bytes` to `path` through a temporary file beside it; false when it could not (the
    /// temporary file is removed, and whatever was at `path` is left).
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String) -> Bool {
        write(parts: CollectionOfOne(bytes), to: path)
    }

    /// `write` of the bytes of `parts`, one after another, never joined into one buffer.
    @discardableResult
    public static func write(parts: some Collection<[UInt8]>, to path: String) -> Bool {
        let temporary = path + ".tmp-" + String(getpid())
        guard FileTree.writeFile(parts: parts, to: temporary) == nil, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
