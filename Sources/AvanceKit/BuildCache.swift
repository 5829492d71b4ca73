import Diagnostics
import Foundation
import Loading
import ParallelMap
import SiteData
import Writing

/// The build cache across runs (`.avance/cache/` under the site root): what the last build was
/// made from (a key of everything global, a hash of every content file), and a copy of what it
/// made (hard links to the output's files, under `output/`), so that the next build renders only
/// what an edit touched and takes the rest from the copy, byte for byte.
///
/// The manifest is text, one record a line, and ends with a checksum of every line before it: a
/// torn or edited manifest is ignored (and replaced), never trusted. A different binary, theme,
/// model, translation, option, git date or format version gives a different key: the cache is
/// ignored and replaced.
struct BuildCache {
    /// Bumped whenever the manifest's layout or the meaning of its key changes.
    static let formatVersion = "avance-cache 6"

    /// The cache folder (`<root>/.avance/cache`).
    let folder: String
    var manifestPath: String { folder + "/manifest" }
    /// The last build's diagnostics, and the lines they quote: reported again when nothing changed.
    var diagnosticsPath: String { folder + "/diagnostics.json" }
    var resolutionPath: String { folder + "/resolution" }
    var outputFolder: String { folder + "/output" }

    /// One content file as the cache knows it: the hash of its bytes, of its front matter (the
    /// text up to the closing `---`), and whether its body is blank.
    struct Input: Equatable {
        var hash: String
        var frontMatter: String
        var blankBody: Bool
        /// The file's inode, size, modification and change times when it was hashed: a file whose
        /// stamp is the same is not read and hashed again (as make and cargo trust a file's
        /// time; the change time cannot be set back by any tool). Not compared.
        var stamp = ""
        /// The git blob of the file when it was hashed, if git's index held its bytes
        /// (`GitBlobs`); empty when not. A fresh clone's file with this blob, under the same
        /// `Manifest.blobs` context, is not read again. Not compared.
        var blob = ""

        static func == (a: Input, b: Input) -> Bool {
            a.hash == b.hash && a.frontMatter == b.frontMatter && a.blankBody == b.blankBody
        }
    }

    /// One output file: whether it is a page (or a theme's static file) or open data, and the
    /// cache copy's inode, size and modification time when it was saved, so that a copy changed
    /// since (written through a hard link, say) is noticed.
    struct Output: Equatable {
        var isData: Bool
        var stamp: FileStamp
        /// The digest of its bytes (`ContentDigest`): a copy whose stamp changed but whose bytes
        /// are these (a cache restored in CI, with new inodes and times) is still trusted.
        var digest = ""
    }

    /// What a build was made from and what it made.
    struct Manifest: Equatable {
        var key = ""
        /// The avance binary's path, size and modification time, and its hash: hashed once, not
        /// every run.
        var binary: (stamp: String, hash: String)?
        /// The hash of `diagnostics.json`, the diagnostics the build reported, which a build of
        /// the same files reports again without validating anything.
        var diagnostics = "-"
        var inputs: [String: Input] = [:]
        var outputs: [String: Output] = [:]
        /// For each folder of the search index, the hash of its documents' URLs in their order
        /// (`PreparedSite.searchDocuments`): the next build makes its index from this one's when
        /// its own are the same.
        var search: [String: String] = [:]
        /// The stamp of the output's folders when the build was saved (`folderStamp`): with the
        /// stamps of its files, what tells that the output is still that build's site, with
        /// nothing added, so that it can become the cache's copy again (`outputIsCopy`).
        var folders = "-"
        /// The context of the inputs' git blobs (`GitBlobs.context`): `-` when git was not read.
        var blobs = "-"
        /// The modification times of the output's folders and of the copy's when the build was
        /// saved (`folderDigests`, joined by `/`): an archive keeps them, as it keeps the files'
        /// times and hard links, so that a restored pair is told from one changed since without
        /// reading its 36,000 folders (`restoredPairByTimes`).
        var times = "-"
        /// The hash of `resolution`, what resolving the site decided (`Resolution`), when kept.
        var resolution = "-"
        /// The stamp of each store file (`entries-0`, `bodies-0`…) as this cache wrote it or last
        /// read it whole: one whose size and time are still these is read without its checksum
        /// (`restoreStores`), as an output's file is trusted by its size and time.
        var stores: [String: FileStamp] = [:]
        /// When the manifest file was last modified, when read from disk: it is written after
        /// every output file is linked into the copy, so a file changed since (restored from an
        /// archive, say) has a later change time (`looksRestored`). Not written, not compared.
        var written: timespec?

        /// This manifest with the new stamps of outputs whose stamps changed and bytes did not
        /// (`CopyState.restamped`: a restored pair's files all have new inodes).
        func restamped(_ stamps: [Restamp]) -> Manifest {
            var manifest = self
            for restamp in stamps { manifest.outputs[restamp.path]?.stamp = restamp.stamp }
            return manifest
        }

        static func == (a: Manifest, b: Manifest) -> Bool {
            a.key == b.key && a.binary?.stamp == b.binary?.stamp && a.binary?.hash == b.binary?.hash
                && a.diagnostics == b.diagnostics && a.inputs == b.inputs && a.outputs == b.outputs
                && a.search == b.search && a.folders == b.folders && a.blobs == b.blobs
                && a.times == b.times && a.resolution == b.resolution && a.stores == b.stores
        }
    }

    /// What this build reads: the key of everything global and every content file's hashes.
    struct Fingerprint {
        var key: String
        var inputs: [String: Input]
        var binary: (stamp: String, hash: String)
        /// The context of the inputs' git blobs, `-` when git was not read.
        var blobs = "-"
    }

    /// What the build does, given the cache.
    enum Plan: Equatable {
        /// Render everything (no cache, another key, files added or removed, front matter changed).
        case full(reason: String)
        /// No input changed: every file comes from the cache.
        case unchanged
        /// Only the bodies of these content files changed: their pages are rendered again, and
        /// the open data; every other page comes from the cache.
        case bodies(Set<String>)

        var isFull: Bool {
            if case .full = self { return true }
            return false
        }
    }

    // MARK: - Reading and writing the manifest

    /// The manifest, or `nil` with the reason when there is none or it cannot be trusted. Read
    /// as bytes, field by field: ~72,000 lines for a site of 18,000 entries.
    /// The file is mapped, not read: its 9 MB are the page cache's, not new memory.
    func readManifest() -> (Manifest?, String?) {
        var info = stat()
        guard
            let bytes = ArchiveBytes.mapped(manifestPath, info: &info)
                ?? FileSystem.contents(of: manifestPath).map({ ArchiveBytes($0) })
        else { return (nil, "no cache yet") }
        var (manifest, why) = Self.parseManifest(bytes)
        manifest?.written = info.st_mtim
        return (manifest, why)
    }

    static func parseManifest(_ bytes: [UInt8]) -> (Manifest?, String?) {
        parseManifest(ArchiveBytes(bytes))
    }

    static func parseManifest(_ file: ArchiveBytes) -> (Manifest?, String?) {
        let bytes = file.utf8
        let newline = UInt8(ascii: "\n")
        // Not validated as UTF-8 first: the checksum below tells the bytes this build wrote (text)
        // from any other, and validating 9 MB took longer than reading its fields.
        // The last line, `end <hash>`, is the hash of every byte before its newline.
        var end = bytes.count
        if end > 0, bytes[end - 1] == newline { end -= 1 }
        let lastStart = bytes[..<end].lastIndex(of: newline).map { $0 + 1 } ?? 0
        let last = bytes[lastStart..<end]
        let checked = lastStart > 0 ? bytes[..<(lastStart - 1)] : bytes[..<0]
        guard last.starts(with: "end ".utf8),
            last.dropFirst(4).elementsEqual(
                ContentDigest.of(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: checked))).utf8)
        else { return (nil, "the cache's manifest is torn or was edited: ignored") }
        // The format's line first, then the rest in chunks, on every core.
        guard let firstEnd = checked.firstIndex(of: newline) ?? (checked.isEmpty ? nil : checked.endIndex),
            checked[..<firstEnd].elementsEqual(formatVersion.utf8)
        else { return (nil, "the cache has another format: ignored") }
        var bounds = [firstEnd]
        let chunks = 8
        for part in 1..<chunks {
            var cut = max(bounds.last!, firstEnd + (checked.endIndex - firstEnd) * part / chunks)
            while cut < checked.endIndex, checked[cut] != newline { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(checked.endIndex)
        let parts = (0..<chunks).map { (bounds[$0], bounds[$0 + 1]) }.concurrentMap { start, end in
            parseLines(UnsafeBufferPointer(rebasing: file.utf8[min(start + 1, end)..<end]))
        }
        var manifest = Manifest()
        for part in parts {
            guard let part = part?.manifest else {
                return (nil, "the cache's manifest has a line it does not know: ignored")
            }
            if !part.key.isEmpty { manifest.key = part.key }
            if part.binary != nil { manifest.binary = part.binary }
            if part.diagnostics != "-" { manifest.diagnostics = part.diagnostics }
            if part.folders != "-" { manifest.folders = part.folders }
            if part.blobs != "-" { manifest.blobs = part.blobs }
            if part.times != "-" { manifest.times = part.times }
            if part.resolution != "-" { manifest.resolution = part.resolution }
            manifest.search.merge(part.search) { first, _ in first }
            manifest.stores.merge(part.stores) { first, _ in first }
        }
        // The records, gathered once each (by the chunks, each record went into two
        // dictionaries), the inputs on one core and the outputs on the other.
        let records = parts.compactMap { $0 }
        let gathered = [true, false].concurrentMap { isInputs -> ([String: Input], [String: Output]) in
            var (inputs, outputs) = ([String: Input](), [String: Output]())
            if isInputs {
                inputs.reserveCapacity(records.reduce(0) { $0 + $1.inputs.count })
                for part in records { for (path, input) in part.inputs { inputs[path] = input } }
            } else {
                outputs.reserveCapacity(records.reduce(0) { $0 + $1.outputs.count })
                for part in records { for (path, output) in part.outputs { outputs[path] = output } }
            }
            return (inputs, outputs)
        }
        (manifest.inputs, manifest.outputs) = (gathered[0].0, gathered[1].1)
        return (manifest, nil)
    }

    /// Some lines of a manifest: its fields (`manifest`, without records) and its records.
    private struct Lines: Sendable {
        var manifest = Manifest()
        var inputs: [(String, Input)] = []
        var outputs: [(String, Output)] = []
    }

    /// `parseLines` over the bytes themselves: each line's fields found in place, with no array
    /// of lines and none of fields (splitting them was 40 % of reading a manifest of 72,000 lines).
    private static func parseLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Lines? {
        let newline = UInt8(ascii: "\n")
        let tab = UInt8(ascii: "\t")
        var parsed = Lines()
        guard !bytes.isEmpty else { return parsed }
        // About one line in 90 bytes; three in four an output.
        parsed.outputs.reserveCapacity(bytes.count / 120)
        parsed.inputs.reserveCapacity(bytes.count / 360)
        // Each field's bounds in the line at hand; the most a record has is 7.
        var fields: [Range<Int>] = []
        fields.reserveCapacity(8)
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = start
            for index in start..<end where bytes[index] == tab {
                fields.append(fieldStart..<index)
                fieldStart = index + 1
            }
            fields.append(fieldStart..<end)
            start = end + 1
            func text(_ index: Int) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[index]]), as: UTF8.self)
            }
            func field(_ index: Int, is word: String) -> Bool {
                bytes[fields[index]].elementsEqual(word.utf8)
            }
            switch fields.count {
            case 5 where field(0, is: "output"):
                guard let stamp = FileStamp(text: UnsafeBufferPointer(rebasing: bytes[fields[2]])) else { return nil }
                parsed.outputs.append((text(4), Output(isData: field(1, is: "d"), stamp: stamp, digest: text(3))))
            case 7 where field(0, is: "input"):
                parsed.inputs.append(
                    (
                        text(6),
                        Input(
                            hash: text(1), frontMatter: text(2), blankBody: field(3, is: "1"), stamp: text(4),
                            blob: text(5))
                    ))
            case 2 where field(0, is: "key"): parsed.manifest.key = text(1)
            case 3 where field(0, is: "binary"): parsed.manifest.binary = (text(1), text(2))
            case 2 where field(0, is: "diagnostics"): parsed.manifest.diagnostics = text(1)
            case 2 where field(0, is: "folders"): parsed.manifest.folders = text(1)
            case 2 where field(0, is: "blobs"): parsed.manifest.blobs = text(1)
            case 2 where field(0, is: "times"): parsed.manifest.times = text(1)
            case 2 where field(0, is: "resolution"): parsed.manifest.resolution = text(1)
            case 3 where field(0, is: "search"): parsed.manifest.search[text(1)] = text(2)
            case 3 where field(0, is: "store"):
                guard let stamp = FileStamp(text: UnsafeBufferPointer(rebasing: bytes[fields[2]])) else { return nil }
                parsed.manifest.stores[text(1)] = stamp
            default: return nil
            }
        }
        return parsed
    }

    /// Writes `manifest` beside the old one, then renames it over: a build killed meanwhile
    /// leaves the old manifest or none, never half of one.
    func writeManifest(_ manifest: Manifest) throws {
        @Sendable func line(_ fields: String..., into out: inout [UInt8]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: "\t")) }
                out += field.utf8
            }
            out.append(UInt8(ascii: "\n"))
        }
        let (tab, newline) = (UInt8(ascii: "\t"), UInt8(ascii: "\n"))
        // In no particular order (sorting 72,000 paths took longer than writing them), in
        // chunks on every core.
        // Each dictionary read in place, a range of its indices a chunk: copied into arrays
        // first, their 72,000 records were a fifth of the time of writing the manifest.
        let (inputs, outputs) = (manifest.inputs, manifest.outputs)
        func chunks<Key, Value>(_ records: [Key: Value]) -> [Range<Dictionary<Key, Value>.Index>] {
            var (ranges, start) = ([Range<Dictionary<Key, Value>.Index>](), records.startIndex)
            while start != records.endIndex {
                let end = records.index(start, offsetBy: 4096, limitedBy: records.endIndex) ?? records.endIndex
                ranges.append(start..<end)
                start = end
            }
            return ranges
        }
        let (inputChunks, outputChunks) = (chunks(inputs), chunks(outputs))
        let parts =
            inputChunks.concurrentMap { range in
                var part: [UInt8] = []
                part.reserveCapacity(256 * 4096)
                // Field by field, not through `line`: its array of fields a record was 4 % of a
                // rebuild's CPU.
                for (path, input) in inputs[range] {
                    part += "input\t".utf8
                    part += input.hash.utf8
                    part.append(tab)
                    part += input.frontMatter.utf8
                    part += (input.blankBody ? "\t1\t" : "\t0\t").utf8
                    part += input.stamp.utf8
                    part.append(tab)
                    part += input.blob.utf8
                    part.append(tab)
                    part += path.utf8
                    part.append(newline)
                }
                return part
            }
            + outputChunks.concurrentMap { range in
                var part: [UInt8] = []
                part.reserveCapacity(160 * 4096)
                for (path, output) in outputs[range] {
                    part += (output.isData ? "output\td\t" : "output\tp\t").utf8
                    output.stamp.write(into: &part)
                    part.append(tab)
                    part += output.digest.utf8
                    part.append(tab)
                    part += path.utf8
                    part.append(newline)
                }
                return part
            }
        // Written part by part, never joined: copied into one buffer, the 9.6 MB were faulted in
        // again on the critical path (a fifth of the time of writing the manifest).
        var header: [UInt8] = []
        line(Self.formatVersion, into: &header)
        line("key", manifest.key, into: &header)
        line("diagnostics", manifest.diagnostics, into: &header)
        line("folders", manifest.folders, into: &header)
        line("blobs", manifest.blobs, into: &header)
        line("times", manifest.times, into: &header)
        line("resolution", manifest.resolution, into: &header)
        if let binary = manifest.binary { line("binary", binary.stamp, binary.hash, into: &header) }
        var tail: [UInt8] = []
        for (folder, hash) in manifest.search { line("search", folder, hash, into: &tail) }
        for (name, stamp) in manifest.stores { line("store", name, stamp.description, into: &tail) }
        let all = [header] + parts + [tail]
        // The checksum covers every line but its own, without the last newline.
        let total = all.reduce(0) { $0 + $1.count }
        var digest = ContentDigest.Stream(count: total - 1)
        var left = total - 1
        for part in all {
            part.withUnsafeBytes { bytes in
                let count = min(bytes.count, left)
                digest.add(UnsafeRawBufferPointer(rebasing: bytes[..<count]))
                left -= count
            }
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileReplacement.write(parts: all + [Array(("end " + digest.text + "\n").utf8)], to: manifestPath) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// What `diagnostics.json` holds.
    struct Report: Codable {
        var diagnostics: [Diagnostic]
        /// The text of each file a diagnostic names, to quote its lines.
        var sources: [String: String]
    }

    /// The last build's diagnostics, when `diagnostics.json` is the one the manifest names.
    func readDiagnostics(_ manifest: Manifest) -> Report? {
        guard let data = FileManager.default.contents(atPath: diagnosticsPath),
            Self.hash(Array(data)) == manifest.diagnostics
        else { return nil }
        return try? JSONDecoder().decode(Report.self, from: data)
    }

    // MARK: - The fingerprint

    /// The key and the content files' hashes of the site in `options`, read from disk; `history`
    /// is the git dates the build will use.
    /// `found` is the content folder's files with their stamps (`stampedFiles`), when walked
    /// already.
    func fingerprint(
        _ options: BuildOptions, history: GitHistory?, previous: Manifest?,
        found: [(path: String, stamp: String)]? = nil
    ) -> Fingerprint {
        let binary = Self.binaryHash(options.cacheBinaryHash, previous: previous?.binary)
        // One walk, one `stat` a file: a file whose stamp is the last build's is not read.
        let found = found ?? Self.stampedFiles(under: options.root, folder: "content")
        let paths = found.map(\.path)
        let root = options.root
        let known = previous?.inputs ?? [:]
        // A fresh clone gives every file a new stamp: a file whose git blob was hashed before,
        // under the same context, is not read either.
        let blobs = history?.blobs
        let context = blobs?.context ?? "-"
        let sameContext = blobs != nil && context == previous?.blobs
        let hashed = found.concurrentMap { path, stamp in
            let blob = blobs?.ids[path] ?? ""
            if var kept = known[path] {
                if kept.stamp == stamp {
                    // The same bytes as when hashed: the blob git gives them now, if any.
                    kept.blob = blob.isEmpty && sameContext ? kept.blob : blob
                    return kept
                }
                if sameContext, !blob.isEmpty, kept.blob == blob {
                    kept.stamp = stamp
                    return kept
                }
            }
            var input = Self.input(Self.read(root + "/" + path))
            input.stamp = stamp
            input.blob = blob
            return input
        }
        let inputs = Dictionary(zip(paths, hashed), uniquingKeysWith: { first, _ in first })
        let themeRoot = options.themeRoot ?? options.root
        var theme: [UInt8] = []
        for (path, _) in Self.stampedFiles(under: themeRoot, folder: "theme") {
            theme += Array(path.utf8) + [0] + Array(Self.hash(Self.read(themeRoot + "/" + path)).utf8) + [0]
        }
        // Every global input, one per line: a change to any of them makes another key.
        var key: [String] = [
            Self.formatVersion,
            "binary " + binary.hash,
            "theme " + Self.hash(theme),
            "base-url " + (options.baseURL ?? "-"),
            "theme-root " + (options.themeRoot ?? "-"),
            "git " + (options.gitHistory ? "1" : "0"),
            "strict " + (options.strict ? "1" : "0"),
            "reference-date " + (history?.referenceDate ?? "-"),
        ]
        // Each file's date, in no order (`UnorderedDigest`): sorting 18,000 paths and joining them
        // took 15 ms of a rebuild's critical path.
        var dates = UnorderedDigest()
        for (path, date) in history?.lastChanged ?? [:] { dates.add(path, date) }
        key.append("dates " + dates.text)
        // The model and its translations are global: every page may show what they say.
        for (path, _) in found where !path.hasSuffix(".md") {
            if let input = inputs[path] { key.append("file " + path + " " + input.hash) }
        }
        return Fingerprint(
            key: Self.hash(Array(key.joined(separator: "\n").utf8)), inputs: inputs, binary: binary, blobs: context)
    }

    /// What to do, given the manifest of the last build (`nil` when there is none or it cannot
    /// be trusted) and this build's fingerprint, if the cache's copy of the last output is whole
    /// (`checkCopy`, which the build waits for only when it needs the copy).
    func plan(_ manifest: Manifest?, _ fingerprint: Fingerprint, why: String?) -> Plan {
        guard let manifest else { return .full(reason: why ?? "no cache yet") }
        guard manifest.key == fingerprint.key else {
            return .full(reason: "the binary, theme, model, options or git dates changed")
        }
        // The same files: as many, each known (no set of 18,000 paths made twice), each looked
        // up once.
        guard manifest.inputs.count == fingerprint.inputs.count else {
            return .full(reason: "content files were added or removed")
        }
        var changed: Set<String> = []
        var frontMatter: String?
        for (path, input) in fingerprint.inputs {
            guard let old = manifest.inputs[path] else { return .full(reason: "content files were added or removed") }
            guard old != input else { continue }
            if old.frontMatter != input.frontMatter || old.blankBody != input.blankBody || input.blankBody {
                // Said of the first in order, as before: the same reason every run.
                frontMatter = min(frontMatter ?? path, path)
            } else {
                changed.insert(path)
            }
        }
        if let frontMatter { return .full(reason: "the front matter of \(frontMatter) changed") }
        return changed.isEmpty ? .unchanged : .bodies(changed)
    }

    /// What checking the cache's copy of the last output found.
    struct CopyState: Sendable, Equatable {
        /// The first copy missing or changed since the manifest was written, if any; empty when
        /// the whole copy is gone.
        var broken: String?
        /// The copies whose stamps changed and bytes did not, with their new stamps.
        var restamped: [Restamp] = []
        /// Whether the output is still the copy's site (`outputIsCopy`).
        var outputIsCopy = false
        /// How it was told, for `--verbose`.
        var checkedBy = ""
        /// The folders of the manifest's outputs (`folders(of:)`, with `""` first) and the hash of
        /// each in both trees, when the check read them (a restored pair): the save mends them
        /// where it wrote, or reads them again without listing them, when the site has the same
        /// files.
        var pair: PairFolders?
    }

    /// Checks the cache's copy of the last output. When the output is the site the cache saved,
    /// each file the copy's (hard links, the same inode, size and time), the copy is whole too,
    /// and what the build does not make is there. Otherwise the copy's files are checked
    /// themselves (by their bytes when their stamps changed: a cache restored in CI).
    /// `serially`: on the calling thread alone (beside a build that keeps the other cores busy).
    func checkCopy(_ manifest: Manifest, output: String, serially: Bool = false) -> CopyState {
        if SiteWriter.isFolder(outputFolder), outputIsCopy(manifest, output: output, serially: serially) {
            return CopyState(outputIsCopy: true, checkedBy: "the output is the copy's site")
        }
        return checkCopy(
            manifest, output: output, walked: Self.walkPair(output: output, copy: outputFolder), serially: serially)
    }

    /// `checkCopy` once the output and the copy were walked together (`walkPair`, `nil` when they
    /// are not a pair): the pair restored (CI), or else the copy checked alone.
    func checkCopy(
        _ manifest: Manifest, output: String, walked: [(path: String, stamp: FileStamp)]?, serially: Bool = false
    ) -> CopyState {
        // A rebuild starts from the copy (or links from it): without it, the output alone is not
        // enough.
        guard SiteWriter.isFolder(outputFolder) else { return CopyState(broken: "") }
        if let walked, let restored = restoredPair(manifest, output: output, walked: walked) { return restored }
        let check = checkCopies(manifest, serially: serially)
        // A rebuild patches the copy: a file in it that the manifest does not know would be
        // published, and an empty folder kept.
        return CopyState(
            broken: check.broken ?? strayPath(in: outputFolder, manifest), restamped: check.restamped,
            checkedBy: "the copy checked file by file")
    }

    /// The first file or empty folder under `folder` (but the output's marker) that is none of
    /// `manifest`'s outputs, or anything but files and folders; `nil` when there is none.
    func strayPath(in folder: String, _ manifest: Manifest) -> String? {
        guard let root = opendir(folder) else { return "" }
        defer { closedir(root) }
        func walk(_ relative: String, _ stream: OpaquePointer) -> String? {
            guard var entries = Self.entries(of: stream) else { return relative }
            if relative.isEmpty { entries[SiteWriter.marker] = nil } else if entries.isEmpty { return relative }
            for (name, entry) in entries {
                let path = relative.isEmpty ? name : relative + "/" + name
                switch entry.type {
                case UInt8(DT_DIR):
                    guard let inner = Self.openFolder(name, in: dirfd(stream)) else { return path }
                    defer { closedir(inner) }
                    if let stray = walk(path, inner) { return stray }
                case UInt8(DT_REG) where manifest.outputs[path] != nil: continue
                default: return path
                }
            }
            return nil
        }
        return walk("", root)
    }

    /// The output and the cache's copy restored together from one archive (CI: `actions/cache`
    /// of `public/` and `.avance/cache/`, which keeps the two trees' hard links): every file new
    /// (another inode and change time), so `outputIsCopy` fails. The pair is the saved site, and
    /// the output can become the copy again, when both trees hold exactly the manifest's files
    /// (nothing added or missing, no empty folder), each the copy's file (the same inode at the
    /// same path in both trees), whose size and modification time are the manifest's
    /// (the archive keeps them) or, when its time is not, whose bytes are. `files` is what
    /// `walkPair` found (the names, folders and inodes it compared), here compared with the
    /// manifest. `nil` otherwise; the new stamps of the files whose stamps changed when it is.
    func restoredPair(_ manifest: Manifest, output: String, walked files: [(path: String, stamp: FileStamp)])
        -> CopyState?
    {
        guard files.count == manifest.outputs.count else { return nil }
        var state = CopyState(outputIsCopy: true, checkedBy: "the restored output and copy walked together")
        // Every file is a manifest's output, and as many: exactly its files.
        for (path, stamp) in files {
            guard let record = manifest.outputs[path] else { return nil }
            guard Self.restored(stamp, as: record, at: output + "/" + path) else { return nil }
            if stamp != record.stamp { state.restamped.append(Restamp(path: path, stamp: stamp)) }
        }
        return state
    }

    /// The output and the cache's copy restored together from one archive, checked without
    /// reading a folder (`walkPair` read 36,000, which took 0.4 s of CPU at N = 10,000): the pair
    /// is the saved site when
    /// - every folder of both trees has the time it had when the manifest was saved (an archive
    ///   restores them; a folder's time changes when an entry is added to it, removed or
    ///   renamed), so that neither tree holds a file or folder the manifest does not know;
    /// - every output is a file with two links (itself and its copy: an archive keeps hard links;
    ///   a file replaced or removed in either tree leaves the other with one), whose size and
    ///   time are the manifest's, or, when its time is not, whose bytes are.
    /// One `lstat` a folder of each tree and a file of the output. `nil` when one of these does
    /// not hold (then `walkPair` decides); the new stamps of the files otherwise.
    func restoredPairByTimes(_ manifest: Manifest, output: String) -> CopyState? {
        let times = manifest.times.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard times.count == 2, !times.contains("-") else { return nil }
        let all = [""] + Array(Self.folders(of: manifest.outputs.keys))
        guard let mine = Self.folderHashes(of: output, folders: all, serially: true),
            FolderHash.digests(mine).times == times[0],
            let theirs = Self.folderHashes(of: outputFolder, folders: all, serially: true),
            FolderHash.digests(theirs).times == times[1]
        else { return nil }
        var state = CopyState(
            outputIsCopy: true, checkedBy: "the restored output and copy told by their folders' times and files' links",
            pair: PairFolders(names: all, output: mine, copy: theirs))
        let files = Under(output)
        for (path, record) in manifest.outputs {
            var info = stat()
            guard files.lstat(path, &info), info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 2 else {
                return nil
            }
            let stamp = FileStamp(info)
            guard stamp != record.stamp else { continue }
            guard Self.restored(stamp, as: record, at: output + "/" + path) else { return nil }
            state.restamped.append(Restamp(path: path, stamp: stamp))
        }
        return state
    }

    /// Whether the file at `path`, whose stamp is `stamp`, is the output `record` restored from
    /// an archive: the same size and time after the inode (an archive keeps them), or else the
    /// same bytes.
    static func restored(_ stamp: FileStamp, as record: Output, at path: @autoclosure () -> String) -> Bool {
        if stamp.isSameAfterInode(as: record.stamp) { return true }
        guard !record.digest.isEmpty, let bytes = FileSystem.contents(of: path()) else { return false }
        return bytes.withUnsafeBytes { ContentDigest.of($0) } == record.digest
    }

    /// Whether `output` is not the site the manifest was saved with (after a restore from CI's
    /// cache, say): its first file has another stamp, or changed after the manifest was written.
    /// One `lstat`. The change time tells a restored file whose inode number is the old one's
    /// (a file system that reuses inodes, or a fresh CI machine making the same files in the
    /// same order): the stamp alone took such an output for the copy's site, and the build then
    /// checked the copy on the way to rendering (170 ms of 1.3 s).
    func looksRestored(_ manifest: Manifest, output: String) -> Bool {
        guard let first = manifest.outputs.first else { return false }
        var info = stat()
        guard lstat(output + "/" + first.key, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            FileStamp(info) == first.value.stamp
        else { return true }
        guard let written = manifest.written else { return false }
        return (info.st_ctim.tv_sec, info.st_ctim.tv_nsec) > (written.tv_sec, written.tv_nsec)
    }

    /// A flag that tells work on another thread to stop: its result is not needed.
    final class StopFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var set = false
        var isSet: Bool { lock.withLock { set } }
        func raise() { lock.withLock { set = true } }
    }

    /// `output` and `copy` walked together, a folder at a time: each folder read once in each
    /// (`readdir` gives the inodes), each output file `stat`ed once, by its name in its folder.
    /// (Two `lstat` calls a file, each walking its whole path, took twice as long.) The output's
    /// files with their stamps, when both trees hold the same names, the same folders (none
    /// empty), and at each path the same file (the same inode: tar keeps hard links); `nil`
    /// otherwise. The output's marker is passed over.
    static func walkPair(output: String, copy: String, stop: StopFlag? = nil) -> [(path: String, stamp: FileStamp)]? {
        guard let outputRoot = opendir(output) else { return nil }
        defer { closedir(outputRoot) }
        guard let copyRoot = opendir(copy) else { return nil }
        defer { closedir(copyRoot) }
        var (outputInfo, copyInfo) = (stat(), stat())
        // One file system: an inode number names one file in it.
        guard fstat(dirfd(outputRoot), &outputInfo) == 0, fstat(dirfd(copyRoot), &copyInfo) == 0,
            outputInfo.st_dev == copyInfo.st_dev
        else { return nil }
        var files: [(path: String, stamp: FileStamp)] = []
        /// Whether the folder `relative` is the same in both trees, as are the folders in it.
        func walk(_ relative: String, _ mine: OpaquePointer, _ theirs: OpaquePointer) -> Bool {
            guard stop?.isSet != true, var own = entries(of: mine), var copy = entries(of: theirs) else { return false }
            if relative.isEmpty {
                own[SiteWriter.marker] = nil
                copy[SiteWriter.marker] = nil
            } else if own.isEmpty {
                return false  // an empty folder: the saved site had none
            }
            guard own.count == copy.count else { return false }
            let (folder, copyFolder) = (dirfd(mine), dirfd(theirs))
            for (name, entry) in own {
                // The copy's file at the same path is the same file; a folder at the same path,
                // walked next.
                guard let other = copy[name], other.type == entry.type,
                    entry.type == UInt8(DT_DIR) || other.inode == entry.inode
                else { return false }
                let path = relative.isEmpty ? name : relative + "/" + name
                switch entry.type {
                case UInt8(DT_DIR):
                    guard let inner = openFolder(name, in: folder) else { return false }
                    defer { closedir(inner) }
                    guard let innerCopy = openFolder(name, in: copyFolder) else { return false }
                    defer { closedir(innerCopy) }
                    guard walk(path, inner, innerCopy) else { return false }
                case UInt8(DT_REG):
                    var info = stat()
                    guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG
                    else { return false }
                    files.append((path, FileStamp(info)))
                default: return false
                }
            }
            return true
        }
        return walk("", outputRoot, copyRoot) ? files : nil
    }

    /// The entries of an open folder, read from its start, by name, with their inodes and
    /// types (`DT_REG`, `DT_DIR`, or another); `nil` when it cannot be read.
    static func entries(of stream: OpaquePointer) -> [String: (inode: UInt64, type: UInt8)]? {
        let folder = dirfd(stream)
        rewinddir(stream)
        var entries: [String: (inode: UInt64, type: UInt8)] = [:]
        while let item = readdir(stream) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard name != ".", name != ".." else { continue }
            var type = item.pointee.d_type
            if type == DT_UNKNOWN {
                // Some file systems do not say: asked, as `lstat` would.
                var info = stat()
                guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                type =
                    info.st_mode & S_IFMT == S_IFDIR
                    ? UInt8(DT_DIR) : info.st_mode & S_IFMT == S_IFREG ? UInt8(DT_REG) : 0
            }
            entries[name] = (UInt64(item.pointee.d_ino), type)
        }
        return entries
    }

    /// The folder `name` in the open folder `parent`, opened to be read (`closedir` closes it);
    /// `nil` when it is not a folder (a link to one is not followed).
    static func openFolder(_ name: String, in parent: Int32) -> OpaquePointer? {
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        guard let stream = fdopendir(descriptor) else {
            close(descriptor)
            return nil
        }
        return stream
    }

    /// The folders (relative, but the top one) that `paths` lie in.
    /// Substrings of the paths, not strings: made for the 54,000 outputs of a restored pair,
    /// the 36,000 strings were a sixth of its check's CPU.
    static func folders(of paths: some Sequence<String>) -> Set<Substring> {
        var folders: Set<Substring> = []
        for path in paths {
            var end = path.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                guard folders.insert(path[..<slash]).inserted else { break }
                end = slash
            }
        }
        return folders
    }

    /// What checking the copies of the last output in a folder found: the first that is missing
    /// or changed since the manifest was written, if any; and the copies whose stamp changed but
    /// whose bytes are the same, with their new stamps.
    struct CopyCheck: Sendable {
        var broken: String?
        var restamped: [Restamp] = []
    }

    /// An output's copy whose stamp changed and bytes did not, and its new stamp. (Listed, not
    /// looked up: a restored pair has 54,000, whose insertions into a dictionary took 3 % of a
    /// rebuild.)
    struct Restamp: Sendable, Equatable {
        var path: String
        var stamp: FileStamp
    }

    /// Checks each output's copy in `folder` (the cache's copy of the last output, by default):
    /// one `lstat` a file, and, with `digests`, the file's digest when its stamp is not the
    /// manifest's (a cache restored in CI has new inodes and times, and the same bytes).
    func checkCopies(_ manifest: Manifest, in folder: String? = nil, digests: Bool = true, serially: Bool = false)
        -> CopyCheck
    {
        let outputs = Array(manifest.outputs)
        let folder = folder ?? outputFolder
        // In chunks, on every core.
        let chunk = 2048
        let starts = Array(stride(from: 0, to: outputs.count, by: chunk))
        let checks = (serially ? starts.map : starts.concurrentMap) { start in
            var check = CopyCheck()
            for (path, output) in outputs[start..<min(start + chunk, outputs.count)] {
                let stamp = Self.stamp(folder + "/" + path)
                if stamp == output.stamp { continue }
                guard digests, let stamp, !output.digest.isEmpty,
                    let bytes = FileSystem.contents(of: folder + "/" + path),
                    bytes.withUnsafeBytes({ ContentDigest.of($0) }) == output.digest
                else {
                    check.broken = path
                    break
                }
                check.restamped.append(Restamp(path: path, stamp: stamp))
            }
            return check
        }
        var check = CopyCheck()
        check.broken = checks.lazy.compactMap(\.broken).min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for part in checks { check.restamped += part.restamped }
        return check
    }

    /// Whether the output at `output` is still the site the manifest's build saved: each of its
    /// files the same inode, size and time as the cache's copy (the two share them: the copy is
    /// hard links), and its folders' stamp the same (nothing added or removed since). Then the
    /// copy is whole too (a file written through a link changes both; the copy is avance's own
    /// folder, which nothing else writes into), and once a rebuild swaps its new site in, the
    /// old one can be brought up to date and become the copy, instead of 54,000 links made.
    func outputIsCopy(_ manifest: Manifest, output: String, serially: Bool = false) -> Bool {
        // One file first: after a restore (CI) none is the copy's, and the 18,000 folders are
        // not stamped for nothing.
        guard manifest.folders != "-", SiteWriter.isFolder(output), !looksRestored(manifest, output: output),
            Self.folderStamp(of: output, paths: Array(manifest.outputs.keys), serially: serially) == manifest.folders
        else { return false }
        let check = checkCopies(manifest, in: output, digests: false, serially: serially)
        return check.broken == nil && check.restamped.isEmpty
    }

    /// A digest of the inode and modification time of `folder` and of every folder that `paths`
    /// (relative files) lie in: a folder's time changes whenever an entry is added to it,
    /// removed or renamed. In no order (each folder's hash summed and xored: sorting 18,000
    /// paths took longer than their `lstat`s); `-` when one is missing.
    static func folderStamp(of folder: String, paths: [String], serially: Bool = false) -> String {
        folderDigests(of: folder, folders: [""] + Array(folders(of: paths)), serially: serially).stamp
    }

    /// The folders `all` of `folder` (relative, `""` for itself), read once: their stamp
    /// (`folderStamp`), and their times, a digest of the same without the inodes (an archive
    /// restores times, not inodes; `Manifest.times`). In no order; `-` when one is missing.
    static func folderDigests(of folder: String, folders all: [Substring], serially: Bool = false) -> (
        stamp: String, times: String
    ) {
        folderHashes(of: folder, folders: all, serially: serially).map(FolderHash.digests) ?? ("-", "-")
    }

    /// The hash of one folder of a tree, from its path and `lstat`: with its inode and time
    /// (`stamp`), and with its time alone (`times`). A tree's digests are their sums and xors,
    /// in no order (`digests`): sorting 18,000 paths took longer than their `lstat`s.
    struct FolderHash: Sendable, Equatable {
        var stamp: UInt64
        var times: UInt64

        init(_ name: Substring, _ info: stat) {
            // FNV-1a over the path, then the inode (for the stamp alone) and time. (No array of
            // values a folder: two of them for each of 36,000 folders were half the CPU of
            // reading their times.)
            var path: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in name.utf8 { path = (path ^ UInt64(byte)) &* 0x0100_0000_01B3 }
            func mixed(_ hash: UInt64, _ value: UInt64) -> UInt64 {
                let hash = (hash ^ value) &* 0x0100_0000_01B3
                return hash ^ (hash >> 29)
            }
            let (seconds, nanoseconds) = (
                UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))
            )
            stamp = mixed(mixed(mixed(path, UInt64(info.st_ino)), seconds), nanoseconds)
            times = mixed(mixed(path, seconds), nanoseconds)
        }

        /// The stamp and times of a tree whose folders hash to `hashes`.
        static func digests(_ hashes: [FolderHash]) -> (stamp: String, times: String) {
            var (stamp, times) = (Digest(), Digest())
            for hash in hashes {
                stamp.add(hash.stamp)
                times.add(hash.times)
            }
            return (stamp.text(hashes.count), times.text(hashes.count))
        }

        /// A sum and a xor of each folder's hash: in no order.
        struct Digest {
            var sum: UInt64 = 0
            var mixed: UInt64 = 0
            mutating func add(_ hash: UInt64) {
                sum &+= hash
                mixed ^= hash &* 0x9E37_79B9_7F4A_7C15
            }
            func text(_ count: Int) -> String {
                String(count, radix: 16) + ":" + String(sum, radix: 16) + ":" + String(mixed, radix: 16)
            }
        }
    }

    /// The hash of each of the folders `all` of `folder` (relative, `""` for itself), in that
    /// order, each read once; `nil` when one is missing or not a folder.
    static func folderHashes(of folder: String, folders all: [Substring], serially: Bool = false) -> [FolderHash]? {
        let chunk = 2048
        let starts = Array(stride(from: 0, to: all.count, by: chunk))
        let parts = (serially ? starts.map : starts.concurrentMap) { start -> [FolderHash]? in
            let folders = Under(folder)
            var hashes: [FolderHash] = []
            hashes.reserveCapacity(min(chunk, all.count - start))
            for name in all[start..<min(start + chunk, all.count)] {
                var info = stat()
                guard folders.lstat(name, &info), info.st_mode & S_IFMT == S_IFDIR else { return nil }
                hashes.append(FolderHash(name, info))
            }
            return hashes
        }
        var hashes: [FolderHash] = []
        hashes.reserveCapacity(all.count)
        for part in parts {
            guard let part else { return nil }
            hashes += part
        }
        return hashes
    }

    /// The folders of a restored pair as its check read them (`restoredPairByTimes`): their
    /// names, and each one's hash in the output and in the copy, in that order.
    struct PairFolders: Sendable, Equatable {
        var names: [Substring]
        var output: [FolderHash]
        var copy: [FolderHash]

        /// The manifest's `folders` and `times` once a rebuild that patched the copy swapped the
        /// trees (`SiteStaging.baseKept`) without adding or removing a file: the new output is
        /// the copy's folders, the new copy the old output's, each changed only where the build
        /// wrote. The top folders (the output's marker, the swap) and those that hold a file of
        /// `written` are read again; the others are as the check read them (36,000 `lstat`s
        /// fewer at the end of a rebuild). `nil` when a folder read again is missing.
        func swapped(written: some Sequence<String>, output: String, copy: String) -> (folders: String, times: String)?
        {
            var touched: Set<Substring> = [""]
            for path in written {
                if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { touched.insert(path[..<slash]) }
            }
            var (newOutput, newCopy) = (self.copy, self.output)
            let (outputFolders, copyFolders) = (Under(output), Under(copy))
            for (index, name) in names.enumerated() where touched.contains(name) {
                var (mine, theirs) = (stat(), stat())
                guard outputFolders.lstat(name, &mine), mine.st_mode & S_IFMT == S_IFDIR,
                    copyFolders.lstat(name, &theirs), theirs.st_mode & S_IFMT == S_IFDIR
                else { return nil }
                (newOutput[index], newCopy[index]) = (FolderHash(name, mine), FolderHash(name, theirs))
            }
            let (outputDigests, copyDigests) = (FolderHash.digests(newOutput), FolderHash.digests(newCopy))
            return (outputDigests.stamp, outputDigests.times + "/" + copyDigests.times)
        }
    }

    /// Whether a rebuild can make its site from the cache's copy (`SiteWriter.patch`): the copy
    /// is there, on the output's file system (a folder is moved, not copied, to become the
    /// output).
    func canPatch(_ writer: SiteWriter) -> Bool {
        var copy = stat()
        var parent = stat()
        return lstat(outputFolder, &copy) == 0 && copy.st_mode & S_IFMT == S_IFDIR
            && stat((writer.output as NSString).deletingLastPathComponent, &parent) == 0 && parent.st_dev == copy.st_dev
    }

    /// Drops the manifest: what the cache holds is vouched for no more (its copy is about to
    /// change), and the next build renders everything unless this one saves a new manifest.
    func forget() {
        unlink(manifestPath)
    }

    // MARK: - Saving

    /// Makes the cache hold the output at `output` (already swapped in): the files written by
    /// this build are linked into the cache's copy, the files the site no longer has are
    /// removed from it, and the manifest is written last. The old manifest goes first, so that
    /// a build killed meanwhile leaves no manifest, and the next build renders everything.
    /// `digests` are the digests of the files written; `previous`, the last build's manifest,
    /// with the new stamps of the files taken whose stamps changed and bytes did not
    /// (`Manifest.restamped`). `pair`, the last build's folders as the check of a restored pair
    /// read them in both trees; `swapped`, whether this build swapped the two trees
    /// (`SiteStaging.baseKept`): then their hashes are mended, not read again.
    func save(
        _ fingerprint: Fingerprint, output: String, outputs: [String: Bool], written: Set<String>,
        digests: [String: String],
        diagnostics: [Diagnostic], sources: [String: String], search: [String: String],
        resolution: ResolutionFile = .none, previous: consuming Manifest?, pair: PairFolders? = nil,
        swapped: Bool = false, stores: [String: FileStamp]? = nil
    ) throws -> Manifest {
        forget()
        let named = Set(diagnostics.compactMap { $0.location?.file })
        let report = try JSONEncoder().encode(
            Report(diagnostics: diagnostics, sources: sources.filter { named.contains($0.key) }))
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileReplacement.write(Array(report), to: diagnosticsPath) else { throw CocoaError(.fileWriteUnknown) }
        if previous == nil { CopyTree.remove(outputFolder) }
        var manifest = Manifest(key: fingerprint.key, binary: fingerprint.binary, diagnostics: Self.hash(Array(report)))
        manifest.inputs = fingerprint.inputs
        manifest.blobs = fingerprint.blobs
        manifest.search = search
        manifest.resolution = try writeResolution(resolution)
        // The stores this build read or wrote; else the last build's, untouched.
        manifest.stores = stores ?? previous?.stores ?? [:]
        // The last build's records, changed where this build differs: a file taken from the cache
        // is the one whose stamp the plan checked this build (no 54,000 records made again). Every
        // output is the last build's or written by this one.
        // Taken, not copied, when the caller gave its own (54,000 records copied on the first
        // change took 13 ms of the save).
        manifest.outputs = (consume previous)?.outputs ?? [:]
        let added = written.count { manifest.outputs[$0] == nil }
        // The same files as the last build's: in the same folders (`pair`'s, when given).
        let sameFiles = added == 0 && manifest.outputs.count == outputs.count
        if manifest.outputs.count + added != outputs.count {
            for path in Array(manifest.outputs.keys) where outputs[path] == nil {
                unlink(outputFolder + "/" + path)
                manifest.outputs[path] = nil
            }
        }
        try CopyTree.link(written.sorted(), from: output, to: outputFolder)
        // The output's folders are stamped, and both trees' folder times read, on the other core
        // while the records are made.
        let copy = outputFolder
        let pair = sameFiles ? pair : nil
        let folders = Background {
            if swapped, let mended = pair?.swapped(written: written, output: output, copy: copy) { return mended }
            let all = pair?.names ?? [""] + Array(Self.folders(of: outputs.keys))
            // The two trees at once (no wait on another pool thread from this one).
            let digests = [output, copy].concurrentMap { Self.folderDigests(of: $0, folders: all) }
            return (digests[0].stamp, digests[0].times + "/" + digests[1].times)
        }
        manifest.outputs.reserveCapacity(outputs.count)
        for path in written {
            guard let isData = outputs[path] else { continue }
            guard let stamp = Self.stamp(outputFolder + "/" + path) else { throw CocoaError(.fileNoSuchFile) }
            manifest.outputs[path] = Output(
                isData: isData, stamp: stamp, digest: digests[path] ?? manifest.outputs[path]?.digest ?? "")
        }
        (manifest.folders, manifest.times) = folders.value
        // A store file's stamp vouches for its bytes once the clock has moved past its time (the
        // coarse clock that file times are taken from): a file written again within the same
        // tick would keep its size and time. Such a file is checked by its checksum next time.
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        manifest.stores = manifest.stores.filter { $0.value.isBefore(now) }
        try writeManifest(manifest)
        return manifest
    }

    // MARK: - Files and hashes

    /// Every file under `root/folder`, relative to `root`, with its stamp (`contentStamp`),
    /// sorted; symlinks are followed as the loader follows them (into folders too, each target
    /// once; the loader refuses those that leave the folder, and the build fails); read with `readdir` and
    /// one `stat` a file: Foundation's enumerator takes several system calls and allocations a
    /// file, and the stamp was another `stat`.
    static func stampedFiles(under root: String, folder: String) -> [(path: String, stamp: String)] {
        let base = root.hasSuffix("/") ? String(root.dropLast()) : root
        var found: [(path: String, stamp: String)] = []
        var pending = [folder]
        // The folder itself is visited: a link back to it (`up -> ..`) is not walked again.
        var visited: Set<String> = []
        var top = stat()
        if stat(base + "/" + folder, &top) == 0 { visited.insert("\(top.st_dev):\(top.st_ino)") }
        while let relative = pending.popLast() {
            guard let directory = opendir(base + "/" + relative) else {
                continue  // missing, or not a folder: no files, as with the enumerator
            }
            defer { closedir(directory) }
            while let item = readdir(directory) {
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                // Hidden names are passed over, as the loader passes them over.
                guard !name.hasPrefix(".") else { continue }
                let path = relative + "/" + name
                var info = stat()
                guard stat(base + "/" + path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFREG: found.append((path, stamp(of: info)))
                case S_IFDIR:
                    // A folder is walked; a link to one, as the loader follows it: once a target.
                    var isLink = item.pointee.d_type == UInt8(DT_LNK)
                    if item.pointee.d_type == UInt8(DT_UNKNOWN) {
                        var own = stat()
                        isLink = lstat(base + "/" + path, &own) == 0 && own.st_mode & S_IFMT == S_IFLNK
                    }
                    if !isLink || visited.insert("\(info.st_dev):\(info.st_ino)").inserted { pending.append(path) }
                default: break
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    static func read(_ path: String) -> [UInt8] {
        FileSystem.contents(of: path) ?? Array("\u{0}unreadable".utf8)
    }

    /// The hashes of a content file's bytes.
    static func input(_ bytes: [UInt8]) -> Input {
        let all = hash(bytes)
        // Front matter: from the first line `---` to the next; the body is the rest.
        let text = bytes
        var lineStarts = [0]
        var index = 0
        while index < text.count, lineStarts.count < 100_000 {
            if text[index] == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
            index += 1
        }
        func isFence(_ line: Int) -> Bool {
            let start = lineStarts[line]
            let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : text.count
            var slice = text[start..<end]
            while let last = slice.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") || last == 32 {
                slice = slice.dropLast()
            }
            return slice.elementsEqual("---".utf8)
        }
        guard lineStarts.count > 1, isFence(0),
            let close = (1..<lineStarts.count).first(where: isFence)
        else { return Input(hash: all, frontMatter: all, blankBody: false) }
        let bodyStart = close + 1 < lineStarts.count ? lineStarts[close + 1] : text.count
        let body = text[bodyStart...]
        let blank = body.allSatisfy { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }
        return Input(hash: all, frontMatter: hash(Array(text[..<bodyStart])), blankBody: blank)
    }

    /// A 128-bit hash of `bytes` in hex (`ContentDigest`). Not for security: it tells an edited
    /// file from the same file.
    static func hash(_ bytes: [UInt8]) -> String {
        ContentDigest.of(bytes)
    }

    /// A file's inode, size and modification time, or `nil` when it is missing or not a file.
    static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return FileStamp(info)
    }

    /// `lstat` of paths under one folder, relative to the folder opened once (`fstatat`): the
    /// kernel walks the path's few components under it, not the folder's own from the root
    /// again (half of the time of 54,000 `lstat`s of a site's files), and no string is made for
    /// each path: each is written into one buffer.
    final class Under {
        private let folder: Int32
        private let path: String
        private var name: [CChar] = []

        init(_ folder: String) {
            path = folder
            self.folder = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        }

        deinit { if folder >= 0 { close(folder) } }

        /// `lstat` of `name` (relative to the folder; empty: the folder itself) into `info`.
        func lstat(_ name: some StringProtocol, _ info: inout stat) -> Bool {
            guard folder >= 0 else { return Glibc.lstat(name.isEmpty ? path : path + "/" + name, &info) == 0 }
            guard !name.isEmpty else { return fstat(folder, &info) == 0 }
            self.name.removeAll(keepingCapacity: true)
            var text = Substring(name)
            text.withUTF8 { utf8 in
                self.name.append(contentsOf: UnsafeRawBufferPointer(utf8).bindMemory(to: CChar.self))
            }
            self.name.append(0)
            return fstatat(folder, self.name, &info, AT_SYMLINK_NOFOLLOW) == 0
        }
    }

    /// A stamp's numbers written digit by digit into one buffer: interpolating them was a fifth
    /// of the CPU of checking a restored output's 54,000 files.
    struct StampText {
        private let buffer: UnsafeMutableBufferPointer<UInt8>
        private var count = 0

        /// The text `write` makes: at most six numbers and their separators.
        static func make(_ write: (inout StampText) -> Void) -> String {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 6 * 22) { buffer in
                var text = StampText(buffer: buffer)
                write(&text)
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<text.count]), as: UTF8.self)
            }
        }

        private init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

        /// `value` in decimal, then `separator` if any.
        mutating func number(_ value: some BinaryInteger, then separator: Unicode.Scalar? = nil) {
            if value < 0 {
                buffer[count] = UInt8(ascii: "-")
                count += 1
            }
            var magnitude = UInt64(value.magnitude)
            let start = count
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                count += 1
                magnitude /= 10
            } while magnitude > 0
            buffer[start..<count].reverse()
            if let separator {
                buffer[count] = UInt8(ascii: separator)
                count += 1
            }
        }
    }

    /// A content file's inode, size, modification and change times (following a symlink, as
    /// the file is read), or `nil` when it cannot be read.
    static func contentStamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return stamp(of: info)
    }

    /// The stamp of a content file whose `stat` is `info`.
    static func stamp(of info: stat) -> String {
        StampText.make { text in
            text.number(info.st_ino, then: ":")
            text.number(info.st_size, then: ":")
            text.number(info.st_mtim.tv_sec, then: ".")
            text.number(info.st_mtim.tv_nsec, then: ":")
            text.number(info.st_ctim.tv_sec, then: ".")
            text.number(info.st_ctim.tv_nsec)
        }
    }

    /// The hash of the running binary (`/proc/self/exe`), taken from the last manifest when the
    /// binary's path, size and modification time are the same; `injected` replaces it (tests).
    static func binaryHash(_ injected: String?, previous: (stamp: String, hash: String)?) -> (
        stamp: String, hash: String
    ) {
        if let injected { return ("injected", injected) }
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL.path
        var info = stat()
        guard stat(path, &info) == 0 else { return ("-", "unknown-\(UUID().uuidString)") }
        let stamp = "\(path):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        if let previous, previous.stamp == stamp { return previous }
        return (stamp, hash(read(path)))
    }
}
