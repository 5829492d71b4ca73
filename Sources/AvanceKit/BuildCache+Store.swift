import Bodies
import Diagnostics
import Foundation
import ParallelMap
import SiteData
import Validation
import Writing

/// The build cache's stores of what validation and the Markdown stage made
/// (`.avance/cache/store/`): each entry as validated, by the hash of its file's bytes, and each
/// body's HTML, headings and links, by a digest of what it was rendered from; so that a run
/// after an edit validates and converts only the files that changed, as `avance serve` does in
/// memory. A run whose binary, model, base URL or month names differ (their digest, the store's
/// generation) validates and converts everything again.
///
/// Each store is split in `shardCount` files by a hash of each record's name: a run rewrites
/// only the shards whose records changed. A shard is whole or ignored: it ends with a digest of
/// its bytes, is written beside its old self and renamed over it, and any byte out of place
/// (`ArchiveReader.Damaged`) makes it ignored, so its files are validated again.
extension BuildCache {
    static let shardCount = 32
    static let storeVersion = "avance-store 1"

    var storeFolder: String { folder + "/store" }

    /// What the stores held when read: each shard's signature, to know which to write again.
    struct StoreState {
        var entries: [String?] = Array(repeating: nil, count: BuildCache.shardCount)
        var bodies: [String?] = Array(repeating: nil, count: BuildCache.shardCount)
    }

    /// Which shard holds the record named `name`.
    static func shard(of name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    /// Fills `entries` with the stored results, and has `bodies` take theirs once read: the
    /// bodies' store is read on another thread while the entries are loaded and resolved, which
    /// takes one core. Returns what was read, waiting for the bodies' store.
    func restoreStores(into entries: EntryCache, _ bodies: BodyCache, hashes: [String: String], salt: String)
        -> @Sendable () -> StoreState
    {
        let folder = storeFolder
        @Sendable func read(_ isBodies: Bool) -> [Shard?] {
            Array(0..<Self.shardCount).concurrentMap { index -> Shard? in
                let name = (isBodies ? "bodies-" : "entries-") + String(index)
                guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { return nil }
                return try? Self.readShard(data, bodies: isBodies, salt: salt)
            }
        }
        let storedBodies = Background { () -> (signatures: [String?], results: BodyCache.StoredResults) in
            let shards = read(true)
            var results: BodyCache.StoredResults = [:]
            for shard in shards {
                for (prefix, part) in shard?.bodies ?? [:] {
                    if let known = results[prefix], known.generation != part.generation { continue }
                    if results[prefix] == nil {
                        results[prefix] = (part.generation, [:])
                        results[prefix]!.results.reserveCapacity(part.results.count * Self.shardCount)
                    }
                    for (key, result) in part.results { results[prefix]!.results[key] = result }
                }
            }
            return (shards.map { $0?.signature }, results)
        }
        bodies.restore(later: { storedBodies.value.results }, salt: salt)
        let shards = read(false)
        var state = StoreState()
        var stored: [String: EntryCache.Stored] = [:]
        stored.reserveCapacity(shards.reduce(0) { $0 + ($1?.entries.count ?? 0) })
        var entryGeneration: String?
        for (index, shard) in shards.enumerated() {
            guard let shard else { continue }
            // Every shard of one store was written under one generation; another is left out.
            guard entryGeneration == nil || entryGeneration == shard.entryGeneration else { continue }
            entryGeneration = shard.entryGeneration
            state.entries[index] = shard.signature
            for (path, result) in shard.entries { stored[path] = result }
        }
        entries.restore(stored, generation: entryGeneration ?? "", hashes: hashes, salt: salt)
        let entriesRead = state
        return {
            var state = entriesRead
            state.bodies = storedBodies.value.signatures
            return state
        }
    }

    /// The shards whose records are not those read (`state`), as the files to write
    /// (`writeStores`); a shard not among them keeps its file.
    func storeFiles(entries: EntryCache, bodies: BodyCache, state: StoreState, salt: String) -> [(
        path: String, bytes: [UInt8]
    )] {
        let (generation, results) = entries.storable()
        var entryShards = Array(repeating: [(String, EntryCache.Stored)](), count: Self.shardCount)
        for (path, stored) in results { entryShards[Self.shard(of: path)].append((path, stored)) }
        var bodyShards = Array(
            repeating: [String: (generation: String, results: [(EntryKey, BodyCache.Stored)])](),
            count: Self.shardCount)
        for (prefix, part) in bodies.storable() {
            for (key, stored) in part.results {
                bodyShards[Self.shard(of: key.description)][prefix, default: (part.generation, [])].results.append(
                    (key, stored))
            }
        }
        let folder = storeFolder
        let (entryParts, bodyParts) = (entryShards, bodyShards)
        return Array(0..<(2 * Self.shardCount)).concurrentMap { index -> (path: String, bytes: [UInt8])? in
            let shard = index % Self.shardCount
            let isBodies = index >= Self.shardCount
            let signature =
                (isBodies
                    ? Self.signature(bodies: bodyParts[shard]) : Self.signature(entries: entryParts[shard], generation))
                + "." + salt
            guard signature != (isBodies ? state.bodies[shard] : state.entries[shard]) else { return nil }
            let bytes =
                isBodies
                ? Self.shardBytes(bodies: bodyParts[shard], signature: signature, salt: salt)
                : Self.shardBytes(entries: entryParts[shard], generation: generation, signature: signature, salt: salt)
            return (folder + "/" + (isBodies ? "bodies-" : "entries-") + String(shard), bytes)
        }.compactMap { $0 }
    }

    /// Writes each file beside its old self and renames it over; one that cannot be written is
    /// removed, and the next run validates its files again.
    func writeStores(_ files: [(path: String, bytes: [UInt8])]) {
        guard !files.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: storeFolder, withIntermediateDirectories: true)
        _ = files.concurrentMap { path, bytes in
            if !FileReplacement.write(bytes, to: path) { unlink(path) }
        }
    }

    // MARK: - Shards

    /// One shard as read.
    struct Shard {
        var signature = ""
        var entryGeneration = ""
        var entries: [(String, EntryCache.Stored)] = []
        var bodies: [String: (generation: String, results: [(EntryKey, BodyCache.Stored)])] = [:]
    }

    /// What a shard's records are: the same signature, the same bytes (a file's result follows
    /// from its bytes' hash under one generation; a body's, from its input's digest).
    static func signature(entries: [(String, EntryCache.Stored)], _ generation: String) -> String {
        var writer = ArchiveWriter()
        writer.string(generation)
        for (path, stored) in entries.sorted(by: { $0.0 < $1.0 }) {
            writer.string(path)
            writer.string(stored.hash)
        }
        return ContentDigest.of(writer.bytes)
    }

    static func signature(bodies: [String: (generation: String, results: [(EntryKey, BodyCache.Stored)])]) -> String {
        var writer = ArchiveWriter()
        for prefix in bodies.keys.sorted() {
            let part = bodies[prefix]!
            writer.string(prefix)
            writer.string(part.generation)
            for (key, stored) in part.results.sorted(by: { $0.0 < $1.0 }) {
                writer.string(key.description)
                writer.string(stored.digest)
            }
        }
        return ContentDigest.of(writer.bytes)
    }

    static func shardBytes(entries: [(String, EntryCache.Stored)], generation: String, signature: String, salt: String)
        -> [UInt8]
    {
        var writer = header(signature, salt: salt)
        writer.string(generation)
        writer.array(entries) { writer, record in
            let (path, stored) = record
            writer.string(path)
            writer.string(stored.hash)
            writer.optional(stored.result.0) { $1.archive(to: &$0) }
            writer.diagnostics(stored.result.1)
        }
        return sealed(writer)
    }

    static func shardBytes(
        bodies: [String: (generation: String, results: [(EntryKey, BodyCache.Stored)])], signature: String,
        salt: String
    ) -> [UInt8] {
        var writer = header(signature, salt: salt)
        writer.dictionary(bodies) { writer, part in
            writer.string(part.generation)
            writer.array(part.results) { writer, record in
                writer.string(record.0.collection)
                writer.string(record.0.id)
                record.1.archive(to: &writer)
            }
        }
        return sealed(writer)
    }

    private static func header(_ signature: String, salt: String) -> ArchiveWriter {
        var writer = ArchiveWriter(capacity: 1 << 20)
        writer.string(storeVersion)
        writer.string(salt)
        writer.string(signature)
        return writer
    }

    /// The bytes, then the digest of every byte before it, then its length (one byte).
    private static func sealed(_ writer: ArchiveWriter) -> [UInt8] {
        var bytes = writer.bytes
        let digest = Array(ContentDigest.of(bytes).utf8)
        bytes += digest
        bytes.append(UInt8(digest.count))
        return bytes
    }

    /// The shard in `data`, unless it is damaged or was made by another binary (`salt`).
    static func readShard(_ data: Data, bodies: Bool, salt: String) throws(ArchiveReader.Damaged) -> Shard {
        let read = data.withUnsafeBytes { bytes in
            Result { () throws(ArchiveReader.Damaged) in try readShard(bytes, bodies: bodies, salt: salt) }
        }
        return try read.get()
    }

    static func readShard(_ bytes: UnsafeRawBufferPointer, bodies: Bool, salt: String) throws(ArchiveReader.Damaged)
        -> Shard
    {
        typealias Damaged = ArchiveReader.Damaged
        guard let count = bytes.last.map(Int.init), bytes.count > count + 1 else { throw Damaged() }
        let end = bytes.count - 1 - count
        guard
            bytes[end..<bytes.count - 1].elementsEqual(
                ContentDigest.of(UnsafeRawBufferPointer(rebasing: bytes[..<end])).utf8)
        else {
            throw Damaged()
        }
        var reader = ArchiveReader(bytes, to: end)
        // Another binary's shard would be dropped once read: it is not read.
        guard try reader.string() == storeVersion, try reader.string() == salt else { throw Damaged() }
        var shard = Shard()
        shard.signature = try reader.string()
        if bodies {
            shard.bodies = try reader.dictionary { reader throws(Damaged) in
                let generation = try reader.string()
                let results = try reader.array { reader throws(Damaged) in
                    (EntryKey(try reader.string(), try reader.string()), try BodyCache.Stored.unarchive(from: &reader))
                }
                return (generation, results)
            }
        } else {
            shard.entryGeneration = try reader.string()
            shard.entries = try reader.array { reader throws(Damaged) in
                let path = try reader.string()
                let hash = try reader.string()
                let entry = try reader.optional { reader throws(Damaged) in try Entry.unarchive(from: &reader) }
                return (path, EntryCache.Stored(hash: hash, result: (entry, try reader.diagnostics())))
            }
        }
        guard reader.isAtEnd else { throw Damaged() }
        return shard
    }
}
