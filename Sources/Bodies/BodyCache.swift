import Foundation
import SiteData

/// Bodies rendered by earlier builds of a running `avance serve`: an entry whose Markdown (body
/// and `text` fields, where they start, whether it is translated) is unchanged, in a site with
/// the same model and the same content files, keeps its HTML, headings, links and diagnostics.
/// Links are checked again (their `#fragment`s, against every body's headings, on every build).
/// Safe to share between threads.
public final class BodyCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Per language folder (`""`, `en/`): the generation the results belong to, and the results.
    private var languages: [String: (generation: String, results: [EntryKey: Kept])] = [:]

    public init() {}

    /// An entry's rendered Markdown, with what it was rendered from.
    struct Kept {
        let input: BodyInput
        let result: BodyRenderer.EntryResult
    }

    /// Everything of an entry that its rendered Markdown depends on.
    struct BodyInput: Equatable {
        let file: String
        let bodyFile: String
        let body: String
        let bodyFirstLine: Int
        /// Markdown of `text` fields, with where they were written.
        let texts: [String: String]
        let sources: [String: TextSource]
        let untranslated: Bool
    }

    /// How many bodies the latest build (of any language) took from the cache.
    public var reused: Int { lock.withLock { hits.values.reduce(0, +) } }
    private var hits: [String: Int] = [:]

    func results(prefix: String, generation: String) -> [EntryKey: Kept] {
        lock.withLock {
            guard let kept = languages[prefix], kept.generation == generation else { return [:] }
            return kept.results
        }
    }

    func keep(_ results: [EntryKey: Kept], prefix: String, generation: String, reused: Int) {
        lock.withLock {
            languages[prefix] = (generation, results)
            hits[prefix] = reused
        }
    }
}
