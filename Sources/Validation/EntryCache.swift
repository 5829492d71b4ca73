import Diagnostics
import Foundation
import SiteData

/// Entries validated by earlier builds of a running `avance serve`, by file: a file whose text
/// is unchanged, under an unchanged site model, is not parsed and validated again. Also what
/// earlier runs of `avance build` validated (`restore`, from the build cache's store), by the
/// hash of each file's bytes. Safe to share between threads.
public final class EntryCache: @unchecked Sendable {
    private let lock = NSLock()
    /// What the results below were validated under (the model's text, the base URL): when it
    /// changes, every entry is validated again.
    private var generation: String?
    private var results: [String: (text: String, result: (Entry?, [Diagnostic]))] = [:]
    /// Results of earlier runs (`restore`): by file, the hash of the bytes they were validated from.
    private var stored: [String: Stored] = [:]
    /// The digest of the stored results' generation, and of the current one (`begin`).
    private var storedGeneration: String?
    private var currentGeneration = ""
    /// What the stored generation's digest also covers (the avance binary's hash), and the hash
    /// of each file's bytes in this run.
    private var salt = ""
    private var hashes: [String: String] = [:]

    /// One stored result: the hash of the file's bytes, and what validating them gave.
    public struct Stored: Sendable {
        public let hash: String
        public let result: (Entry?, [Diagnostic])

        public init(hash: String, result: (Entry?, [Diagnostic])) {
            self.hash = hash
            self.result = result
        }
    }

    public init() {}

    /// Takes the results of an earlier run, validated under the generation whose digest is
    /// `generation` (`storable()`); `hashes` gives the hash of each file's bytes now, and `salt`
    /// what else the generation's digest covers (the binary). A file whose hash is its stored
    /// result's is not validated again, when `begin` is given the same generation.
    public func restore(_ stored: [String: Stored], generation: String, hashes: [String: String], salt: String) {
        lock.withLock {
            self.stored = stored
            storedGeneration = generation
            self.hashes = hashes
            self.salt = salt
        }
    }

    /// Starts a build under `generation`; results of another generation are dropped.
    public func begin(generation: String) {
        lock.withLock {
            // Compared by bytes: Swift's `==` takes `é` and `e` + U+0301 for the same text, and a
            // file that changed from one to the other would keep its old entry.
            if self.generation.map({ !$0.hasSameBytes(as: generation) }) ?? true { results = [:] }
            self.generation = generation
            currentGeneration = ContentDigest.of(salt + "\n" + generation)
            if storedGeneration != currentGeneration { stored = [:] }
            hits = 0
        }
    }

    /// The files whose stored result was validated from the bytes they hold now (`hashes`):
    /// their text need not be read, when the generation is the stored one.
    public func storedFiles() -> Set<String> {
        lock.withLock { Set(stored.compactMap { path, kept in hashes[path] == kept.hash ? path : nil }) }
    }

    /// Whether the stored results are still there: `begin` drops them under another generation.
    public var hasStored: Bool { lock.withLock { !stored.isEmpty } }

    /// This run's results, to store for the next (`restore`): the digest of their generation, and
    /// by file, the hash of its bytes and its result (`Storable`).
    public func storable() -> Storable {
        lock.withLock { Storable(generation: currentGeneration, results: results, hashes: hashes) }
    }

    /// The results of a run, as the cache held them when it was asked (`storable()`): its own
    /// dictionaries, shared, not copied (a dictionary of 18,000 records made for the store on
    /// every build was a third of the CPU of storing them, when one or two shards are written).
    public struct Storable: Sendable {
        /// The digest of the results' generation.
        public let generation: String
        fileprivate let results: [String: (text: String, result: (Entry?, [Diagnostic]))]
        fileprivate let hashes: [String: String]

        /// Calls `body` with each file's path and the hash of its bytes; files without a hash are
        /// left out, as by `forEachStored`.
        public func forEachHash(_ body: (_ path: String, _ hash: String) -> Void) {
            for path in results.keys {
                if let hash = hashes[path] { body(path, hash) }
            }
        }

        /// Calls `body` with each file's path and its stored form.
        public func forEachStored(_ body: (_ path: String, _ stored: Stored) -> Void) {
            for (path, value) in results {
                if let hash = hashes[path] { body(path, Stored(hash: hash, result: value.result)) }
            }
        }
    }

    /// How many files the latest build took from the cache.
    public var reused: Int { lock.withLock { hits } }
    private var hits = 0

    func result(path: String, text: String) -> (Entry?, [Diagnostic])? {
        // Compared outside the lock: a file's text is compared on every build, by every thread.
        let kept = lock.withLock { results[path] }
        if let kept, kept.text.hasSameBytes(as: text) {
            lock.withLock { hits += 1 }
            return kept.result
        }
        let earlier: Stored? = lock.withLock {
            guard let found = stored[path], found.hash == hashes[path] else { return nil }
            hits += 1
            return found
        }
        return earlier?.result
    }

    /// The stored results of `paths` (files not read: their stored result was validated from
    /// their bytes now), looked up under one lock, where looking up 18,000 files one by one on
    /// two cores contended for it; `nil` when one has none. Counted as taken from the cache.
    func storedResults(_ paths: [String]) -> [(Entry?, [Diagnostic])]? {
        lock.withLock {
            var found: [(Entry?, [Diagnostic])] = []
            found.reserveCapacity(paths.count)
            for path in paths {
                guard let kept = stored[path], kept.hash == hashes[path] else { return nil }
                found.append(kept.result)
            }
            hits += found.count
            return found
        }
    }

    /// Keeps the results of this build, and only those: files removed since are forgotten.
    func keep(_ results: [String: (text: String, result: (Entry?, [Diagnostic]))]) {
        lock.withLock { self.results = results }
    }
}
