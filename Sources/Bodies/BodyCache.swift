import Diagnostics
import Foundation
import Markdown
import SiteData

/// Bodies rendered by earlier builds of a running `avance serve`: an entry whose Markdown (body
/// and `text` fields, where they start, whether it is translated) is unchanged, in a site with
/// the same model and the same content files, keeps its HTML, headings, links and diagnostics.
/// Links are checked again (their `#fragment`s, against every body's headings, on every build).
/// Also what earlier runs of `avance build` rendered (`restore`, from the build cache's store),
/// by a digest of what each body was rendered from. Safe to share between threads.
public final class BodyCache: @unchecked Sendable {
    private let lock = NSLock()
    /// Per language folder (`""`, `en/`): the generation the results belong to, and the results.
    private var languages: [String: (generation: String, results: [EntryKey: Kept])] = [:]

    public init() {}

    /// An entry's rendered Markdown, with what it was rendered from and its digest. A class:
    /// copied out of a dictionary of 18,000 (to store their digests), a struct's ten references
    /// were each counted up and down.
    final class Kept: Sendable {
        let input: BodyInput
        let digest: String
        let result: BodyRenderer.EntryResult

        init(input: BodyInput, digest: String, result: BodyRenderer.EntryResult) {
            (self.input, self.digest, self.result) = (input, digest, result)
        }
    }

    /// Per language folder: the digest of the generation and salt of the stored results, and
    /// the results (`restore`); and what the digests also cover (the avance binary's hash).
    private var stored: StoredResults = [:]
    private var salt = ""

    /// One body as an earlier run rendered it: the digest of what it was rendered from
    /// (`BodyInput.digest`), and the result.
    public struct Stored: Sendable {
        public let digest: String
        let result: BodyRenderer.EntryResult
    }

    /// Stored results per language folder: the digest of their generation and salt, and the
    /// results by entry.
    public typealias StoredResults = [String: (generation: String, results: [EntryKey: Stored])]

    /// What gives the stored results (`restore(later:salt:)`), called once, when first needed.
    private var pending: (@Sendable () -> StoredResults)?

    /// Takes the results of an earlier run (`storable()`), per language folder, that `later`
    /// gives (waiting for them to be read) when a body is first looked up; `salt` is what else
    /// their generation's digest covers (the binary).
    public func restore(later: @escaping @Sendable () -> StoredResults, salt: String) {
        lock.withLock {
            pending = later
            self.salt = salt
        }
    }

    /// This run's results, to store for the next (`restore`), per language folder (`Storable`).
    public func storable() -> [String: Storable] {
        lock.withLock {
            languages.mapValues {
                Storable(generation: ContentDigest.of(salt + "\n" + $0.generation), results: $0.results)
            }
        }
    }

    /// One language's results of a run, as the cache held them when it was asked
    /// (`storable()`): its own dictionary, shared, not copied into one of `Stored` (which was a
    /// fifth of the CPU of storing a rebuild's results, when one or two shards are written).
    public struct Storable: Sendable {
        /// The digest of the results' generation and salt.
        public let generation: String
        fileprivate let results: [EntryKey: Kept]

        /// Calls `body` with each entry and the digest of what its body was rendered from.
        public func forEachDigest(_ body: (EntryKey, _ digest: String) -> Void) {
            for (key, kept) in results { body(key, kept.digest) }
        }

        /// The stored form of `key`'s result, if it has one.
        public subscript(key: EntryKey) -> Stored? {
            results[key].map { Stored(digest: $0.digest, result: $0.result) }
        }
    }

    /// The stored results of `prefix`'s bodies rendered under `generation`.
    func stored(prefix: String, generation: String) -> [EntryKey: Stored] {
        lock.withLock {
            if let pending {
                stored = pending()
                self.pending = nil
            }
            guard let kept = stored[prefix], kept.generation == ContentDigest.of(salt + "\n" + generation) else {
                return [:]
            }
            return kept.results
        }
    }

    /// Everything of an entry that its rendered Markdown depends on, compared by bytes: Swift's
    /// `==` takes `é` and `e` + U+0301 for the same text, but they make different heading ids.
    struct BodyInput: Equatable {
        let file: String
        let bodyFile: String
        let body: StoredText
        let bodyFirstLine: Int
        /// Markdown of `text` fields, with where they were written.
        let texts: [String: String]
        let sources: [String: TextSource]
        let untranslated: Bool

        /// A digest of every field, for the stored results of earlier runs: the other fields,
        /// the body's length, then the body, digested where it lies (not copied after them).
        var digest: String {
            var writer = ArchiveWriter(capacity: 256)
            writer.string(file)
            writer.string(bodyFile)
            writer.int(bodyFirstLine)
            writer.dictionary(texts) { $0.string($1) }
            writer.dictionary(sources) { $0.textSource($1) }
            writer.bool(untranslated)
            return body.withUTF8 { body in
                writer.unsigned(UInt64(body.count))
                var stream = ContentDigest.Stream(count: writer.bytes.count + body.count)
                writer.bytes.withUnsafeBytes { stream.add($0) }
                stream.add(UnsafeRawBufferPointer(body))
                return stream.text
            }
        }

        static func == (a: BodyInput, b: BodyInput) -> Bool {
            func same(_ x: String, _ y: String) -> Bool { x.hasSameBytes(as: y) }
            return same(a.file, b.file) && same(a.bodyFile, b.bodyFile) && a.body.hasSameBytes(as: b.body)
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

extension BodyCache.Stored {
    public func archive(to writer: inout ArchiveWriter) {
        writer.string(digest)
        writer.text(result.html)
        writer.array(result.headings) { writer, heading in
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
        }
        writer.dictionary(result.fieldHTML) { $0.string($1) }
        writer.diagnostics(result.diagnostics)
        writer.array(result.anchors) { writer, anchor in
            writer.string(anchor.target.collection)
            writer.string(anchor.target.id)
            writer.string(anchor.fragment)
            writer.location(anchor.location)
        }
    }

    public static func unarchive(from reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Self {
        typealias Damaged = ArchiveReader.Damaged
        let digest = try reader.string()
        var result = BodyRenderer.EntryResult()
        result.html = try reader.text()
        result.headings = try reader.array { reader throws(Damaged) in
            Heading(level: try reader.int(), text: try reader.string(), id: try reader.string())
        }
        result.fieldHTML = try reader.dictionary { reader throws(Damaged) in try reader.string() }
        result.diagnostics = try reader.diagnostics()
        result.anchors = try reader.array { reader throws(Damaged) in
            BodyRenderer.Anchor(
                target: EntryKey(try reader.string(), try reader.string()), fragment: try reader.string(),
                location: try reader.location())
        }
        return Self(digest: digest, result: result)
    }
}
