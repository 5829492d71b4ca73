import Diagnostics
import Dispatch
import Foundation
import ParallelMap
import SiteLayout

/// A new site being written into its staging folder batch by batch, while the rest of it is
/// still being rendered: `add` hands a batch to a writing thread and returns at once (unless two
/// batches are already waiting), so rendering and writing overlap and no more than a few batches
/// are held in memory. `commit` swaps the whole site in; `discard` drops it.
///
/// Made by `SiteWriter.patch(_:outputIsBase:)`, it makes the new site from a whole copy of the
/// last one (the build cache's) instead: each file is written into the staging folder under a
/// number, and `commit` moves the copy beside the output, renames each file over its path in
/// it, removes the files the site no longer has, and swaps it in whole. The site swapped out,
/// when it is the same as the copy was, is brought up to date the same way and becomes the
/// copy again. For a rebuild that changes a few files of 54,000: no new folder of 54,000
/// links, no old one to remove, and the output still changes by one rename.
public final class SiteStaging: @unchecked Sendable {
    let writer: SiteWriter
    /// The staging folder, beside the output.
    let folder: String
    /// Patching (`SiteWriter.patch`): the whole copy of the last site that becomes the new one.
    let base: String?
    /// Patching: whether the output holds the same site as `base`, so that the site swapped out
    /// can become the copy again.
    let outputIsBase: Bool
    /// Patching: whether `commit` left `base` a copy of the new site (the one swapped out,
    /// brought up to date). When not, `base` is gone and must be made again.
    public private(set) var baseKept = false
    /// Patching: the copy's files to remove at `commit` (`remove(_:)`).
    private var removing: [String] = []
    /// Patching: each written file's number in `folder` and its path in the site.
    private var placed: [(name: String, path: String)] = []
    /// Writes run one batch at a time, in the order added; the state below is only touched there.
    private let queue = DispatchQueue(label: "avance.site-staging")
    private let waiting = DispatchSemaphore(value: 2)
    private var seen: Set<String> = []
    private var folders: Set<String> = []
    /// When the staging folder is the previous site: what it holds that this site has not
    /// written yet (path → is a folder). What is left at the end is removed.
    private var leftover: [String: Bool]?
    private var failure: Diagnostic?
    private var finished = false
    /// The digest (`ContentDigest`) of each file written, by path: what the build cache checks
    /// a copy against when its inode or time changed (a cache restored in CI). Only when
    /// `digesting`: a build without the cache has no use for them.
    private var written: [String: String] = [:]
    let digesting: Bool
    private var made = false

    init(writer: SiteWriter, folder: String, base: String? = nil, outputIsBase: Bool = false, digesting: Bool) {
        self.writer = writer
        self.folder = folder
        self.digesting = digesting
        self.base = base
        self.outputIsBase = outputIsBase
    }

    /// Whether this staging patches a copy of the last site (`SiteWriter.patch`).
    public var patching: Bool { base != nil }

    /// Patching: `paths` (the last build's files that this one does not make) are removed from
    /// the copy at `commit`, with the folders they leave empty.
    public func remove(_ paths: [String]) {
        queue.sync { removing += paths }
    }

    /// Recycles the previous site as the staging folder now, on the writing thread, rather than
    /// when the first files come: that lists all of its files (54,000 at N = 10,000), which then
    /// overlaps reading and checking the content instead of holding up the first pages while
    /// both cores would be rendering. Without a previous site nothing is done (no folder is made
    /// for a build that may fail); `discard` gives the previous site back. A failure is thrown
    /// by `commit`, as `add`'s are.
    public func prepare() {
        guard !patching, SiteWriter.isFolder(writer.previous) else { return }
        queue.async { [self] in
            guard failure == nil, !finished else { return }
            do throws(Diagnostic) {
                try makeFolder()
            } catch {
                failure = error
            }
        }
    }

    /// Queues `files` for writing. Paths are checked as in `SiteWriter.write`; the first problem
    /// stops all writing and is thrown by `commit`.
    public func add(_ files: [OutputFile]) {
        waiting.wait()
        queue.async { [self] in
            defer { waiting.signal() }
            guard failure == nil, !finished else { return }
            if digesting { for file in files { written[file.path] = ContentDigest.of(file.bytes) } }
            do {
                try writer.checkPaths(files, seen: &seen)
                try makeFolder()
                if patching {
                    // Numbered in the staging folder: the copy's folders are made at `commit`.
                    let named = files.enumerated().map { index, file in
                        OutputFile(path: String(placed.count + index), bytes: file.bytes)
                    }
                    try FileTree.write(named, into: folder, made: &folders, fresh: true)
                    placed += zip(named, files).map { ($0.path, $1.path) }
                    return
                }
                if leftover != nil { claim(files.map(\.path)) }
                try FileTree.write(
                    files, into: folder, made: &folders, keepingSame: leftover != nil, fresh: leftover == nil)
            } catch let error as Diagnostic {
                failure = error
            } catch {
                failure = writer.failed(error)
            }
        }
    }

    /// Queues `paths` to be taken unchanged from `source` (the build cache's copy of the last
    /// output), as hard links: checked and claimed as `add` checks and claims what it writes.
    public func reuse(_ paths: [String], from source: String) {
        guard !paths.isEmpty else { return }
        waiting.wait()
        queue.async { [self] in
            defer { waiting.signal() }
            guard failure == nil, !finished else { return }
            // Patching, the copy holds them already (the build cache checked each).
            guard !patching else { return }
            do {
                try writer.checkPaths(paths, seen: &seen)
                try makeFolder()
                if leftover != nil { claim(paths) }
                try CopyTree.link(paths, from: source, to: folder, made: &folders)
            } catch let error as Diagnostic {
                failure = error
            } catch {
                failure = writer.failed(error)
            }
        }
    }

    /// The digest of each file written so far, by path (waits for the batches under way); empty
    /// unless `digesting`.
    public var digests: [String: String] {
        queue.sync { written }
    }

    /// Waits for every batch, then swaps the staging folder in as the output. On failure the
    /// previous output is left as it was and the staging folder is removed.
    public func commit() throws(Diagnostic) {
        if let base { return try commitPatch(base) }
        let problem = queue.sync { () -> Diagnostic? in
            finished = true
            if let failure { return failure }
            do throws(Diagnostic) {
                try makeFolder()
            } catch {
                return error
            }
            claim([SiteWriter.marker])
            removeLeftover()
            let marker = FileTree.writeFile(Array("avance\n".utf8), to: folder + "/" + SiteWriter.marker)
            return marker.map { writer.failed($0) }
        }
        if let problem {
            FileTree.remove(folder)
            throw problem
        }
        do {
            try writer.swap(folder)
        } catch {
            FileTree.remove(folder)
            throw writer.failed(error)
        }
    }

    /// Patching: once every file is written whole into the staging folder, moves `base` beside
    /// the output, renames each file over its path in it (making its folders), removes the
    /// files the site no longer has and the folders they leave empty, and swaps it in. Nothing
    /// in the output changes but by that one rename; a build killed before it leaves the output
    /// as it was (and the copy half changed: the caller has dropped what vouched for it).
    /// Then, when the site swapped out is the copy's (`outputIsBase`), it is changed the same
    /// way, with links to the new files, and becomes `base` again (`baseKept`).
    private func commitPatch(_ base: String) throws(Diagnostic) {
        let (problem, placed, removing) = queue.sync {
            finished = true
            return (failure, self.placed, self.removing)
        }
        defer {
            FileTree.remove(folder)
            // What builds killed before left beside the output goes, as a new site's staging does.
            writer.removeLeftovers()
        }
        if let problem { throw problem }
        let site = writer.stagingPrefix + "site-" + String(getpid())
        do {
            FileTree.remove(site)
            guard rename(base, site) == 0 else { throw FileTree.Failure(path: base, code: errno) }
            do {
                var made: Set<String> = []
                try FileTree.makeFolders(for: placed.map(\.path), in: site, made: &made)
                for (name, path) in placed where rename(folder + "/" + name, site + "/" + path) != 0 {
                    throw FileTree.Failure(path: site + "/" + path, code: errno)
                }
                Self.remove(removing, from: site)
                if let failure = FileTree.writeFile(Array("avance\n".utf8), to: site + "/" + SiteWriter.marker) {
                    throw failure
                }
            } catch {
                FileTree.remove(site)
                throw error
            }
        } catch {
            throw writer.failed(error)
        }
        let old: String?
        do {
            old = try writer.exchange(site)
        } catch {
            FileTree.remove(site)
            throw writer.failed(error)
        }
        guard let old else { return }
        guard outputIsBase else {
            writer.keepAsPrevious(old)
            return
        }
        // The new site is out; the old one becomes the copy of it, or the previous site.
        Self.remove(removing, from: old)
        let output = writer.output
        var made: Set<String> = []
        let linked =
            (try? FileTree.makeFolders(for: placed.map(\.path), in: old, made: &made)) != nil
            && placed.concurrentMap { CopyTree.linkFile(output + "/" + $0.path, to: old + "/" + $0.path) }
                .allSatisfy { $0 == nil }
        if linked, rename(old, base) == 0 {
            baseKept = true
        } else {
            writer.keepAsPrevious(old)
        }
    }

    /// Removes `paths` from `folder`, and the folders they leave empty, deepest first (`rmdir`
    /// leaves a folder that still holds something).
    private static func remove(_ paths: [String], from folder: String) {
        var emptied: Set<String> = []
        for path in paths where unlink(folder + "/" + path) == 0 {
            if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) { emptied.insert(String(path[..<slash])) }
        }
        let depth = { (path: String) in path.utf8.count { $0 == UInt8(ascii: "/") } }
        for path in emptied.sorted(by: { depth($0) > depth($1) }) {
            var end = path.endIndex
            while rmdir(folder + "/" + path[..<end]) == 0,
                let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/"))
            { end = slash }
        }
    }

    /// Waits for the batches under way, then puts the staging folder aside for the next build:
    /// the output stays as it was.
    public func discard() {
        let wasMade = queue.sync {
            finished = true
            return made
        }
        guard !patching else {
            FileTree.remove(folder)
            return
        }
        if wasMade { writer.keepAsPrevious(folder) }
    }

    /// Makes the staging folder before the first files are written into it.
    private func makeFolder() throws(Diagnostic) {
        guard !made else { return }
        if patching {
            do {
                FileTree.remove(folder)
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw writer.failed(error)
            }
        } else {
            leftover = try writer.makeStaging(folder)
        }
        made = true
    }

    /// Takes `paths` and their folders off the previous site's leftovers, making room where the
    /// previous site had a folder where a file goes, or a file where a folder goes.
    private func claim(_ paths: [String]) {
        // Taken out, not copied: a copy would be written to, and the table of 54,000 paths
        // copied whole for every batch.
        guard var left = leftover.take() else { return }
        for path in paths {
            if left.removeValue(forKey: path) == true { FileTree.remove(folder + "/" + path) }
            var end = path.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                let parent = String(path[..<slash])
                guard !folders.contains(parent) else { break }
                switch left.removeValue(forKey: parent) {
                case true?: folders.insert(parent)  // already there
                case false?: unlink(folder + "/" + parent)
                case nil: break
                }
                end = slash
            }
        }
        leftover = left
    }

    /// Removes what the previous site had and this one does not: files, then folders, deepest
    /// first.
    private func removeLeftover() {
        guard let left = leftover, !left.isEmpty else { return }
        let files = left.filter { !$0.value }.map { folder + "/" + $0.key }
        FileTree.forEach(files, threads: FileTree.removalThreads) { unlink($0) }
        let depth = { (path: String) in path.utf8.count { $0 == UInt8(ascii: "/") } }
        for path in left.filter(\.value).keys.sorted(by: { depth($0) > depth($1) }) { rmdir(folder + "/" + path) }
        leftover = [:]
    }
}
