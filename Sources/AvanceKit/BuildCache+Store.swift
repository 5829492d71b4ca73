import Bodies
import Diagnostics
import Foundation
import Loading
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
        /// The stamp of each store file read whole (`Manifest.stores`).
        var stamps: [String: FileStamp] = [:]
    }

    /// Which shard holds the record named `name`.
    static func shard(of name: String) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(shardCount))
    }

    /// Fills `entries` with the stored results, and has `bodies` take theirs once read: the
    /// bodies' store is read on another thread while the entries are loaded and resolved, which
    /// takes one core. Returns what was read, waiting for the bodies' store. A file whose size and
    /// time are those `trusted` records for it (`Manifest.stores`: the file as this cache wrote
    /// it, or restored with it from an archive) is not checked against its checksum; any other is.
    func restoreStores(
        into entries: EntryCache, _ bodies: BodyCache, hashes: [String: String], salt: String,
        trusted: [String: FileStamp] = [:]
    ) -> @Sendable () -> StoreState {
        let folder = storeFolder
        @Sendable func read(_ isBodies: Bool) -> [(shard: Shard, name: String, stamp: FileStamp)?] {
            Array(0..<Self.shardCount).concurrentMap { index in
                let name = (isBodies ? "bodies-" : "entries-") + String(index)
                var info = stat()
                guard let bytes = ArchiveBytes.mapped(folder + "/" + name, info: &info) else { return nil }
                let stamp = FileStamp(info)
                let known = trusted[name]?.isSameAfterInode(as: stamp) == true
                guard let shard = try? Self.readShard(bytes, bodies: isBodies, salt: salt, checked: !known) else {
                    return nil
                }
                return (shard, name, stamp)
            }
        }
        let storedBodies = Background {
            () -> (signatures: [String?], stamps: [String: FileStamp], results: BodyCache.StoredResults) in
            let read = read(true)
            let shards = read.map { $0?.shard }
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
            return (shards.map { $0?.signature }, Self.stamps(of: read), results)
        }
        bodies.restore(later: { storedBodies.value.results }, salt: salt)
        let read = read(false)
        let shards = read.map { $0?.shard }
        var state = StoreState()
        state.stamps = Self.stamps(of: read)
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
            state.stamps.merge(storedBodies.value.stamps) { _, body in body }
            return state
        }
    }

    /// The stamps of the store files read whole, by name.
    private static func stamps(of read: [(shard: Shard, name: String, stamp: FileStamp)?]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for case (_, let name, let stamp)? in read { stamps[name] = stamp }
        return stamps
    }

    /// The shards whose records are not those read (`state`), as the files to write
    /// (`writeStores`); a shard not among them keeps its file. Each shard's signature is made
    /// from its records' names and hashes alone, in no order (`UnorderedDigest`: a signature
    /// that matched by chance would still leave each record checked by its own hash when
    /// read); only the shards to write are
    /// gathered and encoded (sorting and gathering 36,000 records for every shard was 100 ms
    /// of CPU beside a rebuild's open data, when one or two shards change).
    func storeFiles(entries: EntryCache, bodies: BodyCache, state: StoreState, salt: String) -> [(
        path: String, bytes: [UInt8]
    )] {
        let storedEntries = entries.storable()
        let generation = storedEntries.generation
        let storedBodies = bodies.storable().sorted { $0.key < $1.key }
        // Each record's shard, found once, in the order the records are visited again below.
        var entryShard: [UInt8] = []
        var entryDigests = Array(repeating: UnorderedDigest(), count: Self.shardCount)
        storedEntries.forEachHash { path, hash in
            let shard = Self.shard(of: path)
            entryShard.append(UInt8(shard))
            entryDigests[shard].add(path, hash)
        }
        var bodyShard: [[UInt8]] = []
        var bodyDigests = Array(repeating: UnorderedDigest(), count: Self.shardCount)
        for (prefix, part) in storedBodies {
            // Each record's hash begins with its language's folder and generation.
            let seed = UnorderedDigest.seed(prefix, part.generation)
            var shards: [UInt8] = []
            part.forEachDigest { key, digest in
                let name = key.description
                let shard = Self.shard(of: name)
                shards.append(UInt8(shard))
                bodyDigests[shard].add(name, digest, seed: seed)
            }
            bodyShard.append(shards)
        }
        let entrySignatures = entryDigests.map { generation + ":" + $0.text + "." + salt }
        let bodySignatures = bodyDigests.map { "bodies:" + $0.text + "." + salt }
        let entryShards = (0..<Self.shardCount).filter { entrySignatures[$0] != state.entries[$0] }
        let bodyShards = (0..<Self.shardCount).filter { bodySignatures[$0] != state.bodies[$0] }
        // The records of the shards to write, gathered now.
        var entryRecords: [Int: [(String, EntryCache.Stored)]] = [:]
        if !entryShards.isEmpty {
            var wanted = Array(repeating: false, count: Self.shardCount)
            for shard in entryShards { wanted[shard] = true }
            var index = 0
            storedEntries.forEachStored { path, stored in
                let shard = Int(entryShard[index])
                index += 1
                if wanted[shard] { entryRecords[shard, default: []].append((path, stored)) }
            }
        }
        var bodyRecords: [Int: [String: (generation: String, results: [(EntryKey, BodyCache.Stored)])]] = [:]
        if !bodyShards.isEmpty {
            var wanted = Array(repeating: false, count: Self.shardCount)
            for shard in bodyShards { wanted[shard] = true }
            for ((prefix, part), shards) in zip(storedBodies, bodyShard) {
                var index = 0
                part.forEachDigest { key, _ in
                    let shard = Int(shards[index])
                    index += 1
                    guard wanted[shard], let stored = part[key] else { return }
                    bodyRecords[shard, default: [:]][prefix, default: (part.generation, [])].results.append(
                        (key, stored))
                }
            }
        }
        let folder = storeFolder
        let (entryParts, bodyParts) = (entryRecords, bodyRecords)
        let jobs = entryShards.map { (shard: $0, isBodies: false) } + bodyShards.map { (shard: $0, isBodies: true) }
        return jobs.concurrentMap { shard, isBodies -> (path: String, bytes: [UInt8]) in
            let bytes =
                isBodies
                ? Self.shardBytes(bodies: bodyParts[shard] ?? [:], signature: bodySignatures[shard], salt: salt)
                : Self.shardBytes(
                    entries: entryParts[shard] ?? [], generation: generation, signature: entrySignatures[shard],
                    salt: salt)
            return (folder + "/" + (isBodies ? "bodies-" : "entries-") + String(shard), bytes)
        }
    }

    /// Writes each file beside its old self and renames it over; one that cannot be written is
    /// removed, and the next run validates its files again. Each file's new stamp, by name (`nil`:
    /// removed), for `Manifest.stores`.
    func writeStores(_ files: [(path: String, bytes: [UInt8])]) -> [String: FileStamp?] {
        guard !files.isEmpty else { return [:] }
        try? FileManager.default.createDirectory(atPath: storeFolder, withIntermediateDirectories: true)
        let stamps = files.concurrentMap { path, bytes -> FileStamp? in
            guard FileReplacement.write(bytes, to: path), let stamp = Self.stamp(path) else {
                unlink(path)
                return nil
            }
            return stamp
        }
        var written: [String: FileStamp?] = [:]
        for (file, stamp) in zip(files, stamps) {
            written[String(file.path.split(separator: "/").last ?? "")] = .some(stamp)
        }
        return written
    }

    // MARK: - Shards

    /// One shard as read.
    struct Shard {
        var signature = ""
        var entryGeneration = ""
        var entries: [(String, EntryCache.Stored)] = []
        var bodies: [String: (generation: String, results: [(EntryKey, BodyCache.Stored)])] = [:]
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

    /// The shard in `archive` (a store's file, mapped), unless it is damaged or was made by
    /// another binary (`salt`): its Markdown bodies and HTML stay bytes of the file
    /// (`StoredText`) until they are shown.
    /// `checked: false` takes the checksum's word for it (a file whose stamp the manifest
    /// recorded: the 71 MB of the stores' files of 18,000 entries, hashed, were a tenth of the
    /// CPU of reading them, and brought in pages of Markdown and HTML no page of a rebuild shows).
    static func readShard(_ archive: ArchiveBytes, bodies: Bool, salt: String, checked: Bool = true)
        throws(ArchiveReader.Damaged) -> Shard
    {
        let bytes = archive.bytes
        typealias Damaged = ArchiveReader.Damaged
        guard let count = bytes.last.map(Int.init), bytes.count > count + 1 else { throw Damaged() }
        let end = bytes.count - 1 - count
        guard
            !checked
                || bytes[end..<bytes.count - 1].elementsEqual(
                    ContentDigest.of(UnsafeRawBufferPointer(rebasing: bytes[..<end])).utf8)
        else {
            throw Damaged()
        }
        var reader = ArchiveReader(bytes, to: end, owner: archive)
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
