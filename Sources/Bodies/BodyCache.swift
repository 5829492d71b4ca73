import Diagnostics
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

    /// Everything of an entry that its rendered Markdown depends on, compared by bytes: Swift's
    /// `==` takes `é` and `e` + U+0301 for the same text, but they make different heading ids.
    struct BodyInput: Equatable {
        let file: String
        let bodyFile: String
        let body: String
        let bodyFirstLine: Int
        /// Markdown of `text` fields, with where they were written.
        let texts: [String: String]
        let sources: [String: TextSource]
        let untranslated: Bool

        static func == (a: BodyInput, b: BodyInput) -> Bool {
            func same(_ x: String, _ y: String) -> Bool { x.hasSameBytes(as: y) }
            return same(a.file, b.file) && same(a.bodyFile, b.bodyFile) && same(a.body, b.body)
                && a.bodyFirstLine == b.bodyFirstLine && a.untranslated == b.untranslated && a.sources == b.sources
                && a.texts.count == b.texts.count
                && a.texts.allSatisfy { name, text in b.texts[name].map { same($0, text) } ?? false }
        }
    }

    /// How many bodies the latest build (of any language) took from the cache.
    public var reused: Int { lock.withLock { hits.values.reduce(0, +) } }
    private var hits: [String: Int] = [:]

    func results(prefix: String, generation: String) -> [EntryKey: Kept] {
        lock.withLock {
            guard let kept = languages[prefix], kept.generation.hasSameBytes(as: generation) else { return [:] }
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
