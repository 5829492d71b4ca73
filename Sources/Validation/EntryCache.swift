import Diagnostics
import Foundation
import SiteData

/// Entries validated by earlier builds of a running `avance serve`, by file: a file whose text
/// is unchanged, under an unchanged site model, is not parsed and validated again. Safe to share
/// between threads.
public final class EntryCache: @unchecked Sendable {
    private let lock = NSLock()
    /// What the results below were validated under (the model's text, the base URL): when it
    /// changes, every entry is validated again.
    private var generation: String?
    private var results: [String: (text: String, result: (Entry?, [Diagnostic]))] = [:]

    public init() {}

    /// Starts a build under `generation`; results of another generation are dropped.
    public func begin(generation: String) {
        lock.withLock {
            // Compared by bytes: Swift's `==` takes `é` and `e` + U+0301 for the same text, and a
            // file that changed from one to the other would keep its old entry.
            if self.generation.map({ !$0.hasSameBytes(as: generation) }) ?? true { results = [:] }
            self.generation = generation
            hits = 0
        }
    }

    /// How many files the latest build took from the cache.
    public var reused: Int { lock.withLock { hits } }
    private var hits = 0

    func result(path: String, text: String) -> (Entry?, [Diagnostic])? {
        // Compared outside the lock: a file's text is compared on every build, by every thread.
        guard let kept = lock.withLock({ results[path] }), kept.text.hasSameBytes(as: text) else { return nil }
        lock.withLock { hits += 1 }
        return kept.result
    }

    /// Keeps the results of this build, and only those: files removed since are forgotten.
    func keep(_ results: [String: (text: String, result: (Entry?, [Diagnostic]))]) {
        lock.withLock { self.results = results }
    }
}
