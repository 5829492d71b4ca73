import Foundation

/// Files read and decoded by earlier builds of a running `avance serve`: a file whose size,
/// modification time and inode are unchanged is not read again. Safe to share between threads.
public final class SourceCache: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: (stamp: FileStamp, file: SourceFile)] = [:]
    private var hits = 0

    public init() {}

    /// How many files the latest load took from the cache.
    public var reused: Int { lock.withLock { hits } }

    func begin() {
        lock.withLock { hits = 0 }
    }

    func file(_ path: String, stamp: FileStamp) -> SourceFile? {
        lock.withLock {
            guard let kept = files[path], kept.stamp == stamp else { return nil }
            hits += 1
            return kept.file
        }
    }

    /// Keeps the files of this load, and only those.
    func keep(_ files: [String: (stamp: FileStamp, file: SourceFile)]) {
        lock.withLock { self.files = files }
    }
}
