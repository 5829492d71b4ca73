import Foundation
import SiteData
import TestSupport
import Testing

@testable import AvanceKit

/// The build cache's output changed in place, and its stores of validated entries and converted
/// bodies: a build that takes from them writes the same files as a build without the cache.
@Suite struct BuildCacheStoreTests {
    typealias Site = BuildCacheTests.Site

    /// How many entries and bodies the build took from the stores (`store: N entries and M
    /// bodies taken from earlier runs`), or `nil` when it read none.
    func taken(_ result: BuildResult) -> (entries: Int, bodies: Int)? {
        guard let line = result.log.first(where: { $0.hasPrefix("store: ") && $0.contains("taken") }) else {
            return nil
        }
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        return numbers.count == 2 ? (numbers[0], numbers[1]) : nil
    }

    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    /// The number of content files that are entries in their own language (not translations).
    func entryCount(_ site: Site) throws -> Int {
        let (result, _) = Build.prepare(site.options(cache: false))
        return try #require(result.site).entries.values.reduce(0) { $0 + $1.count }
    }

    @Test func aBodyEditSwapsInAWholeNewOutput() throws {
        // Never in place: a build killed while renaming new files over the output's would leave
        // an output that is neither site.
        let site = try Site("whole-output", quiet: true)
        defer { site.remove() }
        try site.build()
        let folder = inode(site.output)
        let unchanged = inode(site.output + "/acciones/index.html")
        try site.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let second = try site.build()
        #expect(second.log.contains { $0.hasPrefix("cache: only the body of") && !$0.contains("in place") })
        // The cache's copy, brought up to date, swapped in; a page not made again is the same
        // file. The old output, brought up to date the same way, is the cache's copy now.
        let copy = inode(site.cache + "/output")
        #expect(inode(site.output) != folder)
        #expect(inode(site.output + "/acciones/index.html") == unchanged)
        try site.expectSameAsClean()
        #expect(inode(site.cache + "/output") == folder)
        #expect(
            inode(site.cache + "/output/metas/agua-segura/index.html")
                == inode(site.output + "/metas/agua-segura/index.html"))
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.root)
        #expect(!beside.contains { $0.contains(".staging-") }, "\(beside)")
        // And again, the other way round.
        try site.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        try site.build()
        #expect(inode(site.output) == copy)
        try site.expectSameAsClean()
    }

    @Test func aCacheWhoseCopyIsGoneRendersEverything() throws {
        // The output is the last build's, but the copy a rebuild starts from was deleted.
        let site = try Site("copy-gone", quiet: true)
        defer { site.remove() }
        try site.build()
        try FileManager.default.removeItem(atPath: site.cache + "/output")
        try site.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let result = try site.build()
        #expect(
            result.log.contains {
                $0.hasPrefix("cache: everything is rendered (the cache's copy of the output is missing)")
            })
        try site.expectSameAsClean()
        // And the next rebuild takes from the copy made again.
        try site.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        #expect(try site.build().log.contains { $0.hasPrefix("cache: only the body of") })
        try site.expectSameAsClean()
    }

    @Test func aFileAddedToTheOutputIsNotCarriedIntoTheCache() throws {
        // The old output becomes the cache's copy only when it is the site the cache saved:
        // a file added by hand (or a folder) would be published by every later rebuild.
        let site = try Site("added", quiet: true)
        defer { site.remove() }
        try site.build()
        for path in ["extra.txt", "acciones/extra.txt"] {
            try Data("added".utf8).write(to: URL(fileURLWithPath: site.output + "/" + path))
        }
        try FileManager.default.createDirectory(
            atPath: site.output + "/metas/extra", withIntermediateDirectories: false)
        for round in 1...2 {
            try site.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea, \(round).\n" }
            let result = try site.build()
            #expect(result.log.contains { $0.hasPrefix("cache: only the body of") })
            try site.expectSameAsClean("round \(round)")
        }
    }

    @Test func anOutputChangedSinceIsNotChangedInPlace() throws {
        let site = try Site("not-in-place", quiet: true)
        defer { site.remove() }
        try site.build()
        // A tool replaced a page of the output (a new file, not written through the link).
        let page = site.output + "/acciones/index.html"
        try FileManager.default.removeItem(atPath: page)
        try Data("<p>other</p>".utf8).write(to: URL(fileURLWithPath: page))
        let folder = inode(site.output)
        try site.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let second = try site.build()
        #expect(second.log.contains { $0.hasPrefix("cache: only the body of") && !$0.contains("in place") })
        // A new site was swapped in, with the page as the build makes it; the old output is
        // not the cache's copy: the tool's page stays out of the cache.
        #expect(inode(site.output) != folder)
        try site.expectSameAsClean()
        #expect(inode(site.cache + "/output") != folder)
        try site.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        try site.build()
        try site.expectSameAsClean()
    }

    @Test func aCacheRestoredElsewhereIsTrustedByItsBytes() throws {
        // CI restores the cache and the output from an archive: every file is new (another
        // inode, another time) with the same bytes.
        let site = try Site("restored", quiet: true)
        defer { site.remove() }
        try site.build()
        let copy = try Site("restored-copy", quiet: true)
        defer { copy.remove() }
        for folder in ["public", ".avance", "content"] {
            try? FileManager.default.removeItem(atPath: copy.root + "/" + folder)
            try FileManager.default.copyItem(atPath: site.root + "/" + folder, toPath: copy.root + "/" + folder)
        }
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let restored = try copy.build()
        #expect(restored.log.contains { $0.hasPrefix("cache: only the body of") })
        try copy.expectSameAsClean()
        // Without the output (restored alone), the cache's copies are checked by their bytes too.
        try FileManager.default.removeItem(atPath: copy.output)
        try FileManager.default.copyItem(atPath: copy.cache + "/output", toPath: copy.root + "/restored")
        try FileManager.default.removeItem(atPath: copy.cache + "/output")
        try FileManager.default.moveItem(atPath: copy.root + "/restored", toPath: copy.cache + "/output")
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        let alone = try copy.build()
        #expect(alone.log.contains { $0.hasPrefix("cache: only the body of") && !$0.contains("in place") })
        try copy.expectSameAsClean()
        // A restored copy whose bytes are not the manifest's is not trusted.
        let page = copy.cache + "/output/acciones/index.html"
        try FileManager.default.removeItem(atPath: copy.output)
        try FileManager.default.removeItem(atPath: page)
        try Data("<p>other</p>".utf8).write(to: URL(fileURLWithPath: page))
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nY una más.\n" }
        let changed = try copy.build()
        #expect(
            changed.log.contains {
                $0.hasPrefix("cache: everything is rendered (the cache's copy of acciones/index.html")
            })
        try copy.expectSameAsClean()
    }

    @Test func anOutputAndCacheRestoredTogetherAreTakenAsThePair() throws {
        // CI caches `public/` and `.avance/cache/` in one archive: restored, every file is new (another
        // inode), the two trees' hard links and the files' times kept, as tar keeps them.
        let (site, copy) = try restoredCopy("pair")
        defer {
            site.remove()
            copy.remove()
        }
        let page = "/acciones/index.html"
        #expect(inode(copy.output + page) == inode(copy.cache + "/output" + page))
        #expect(inode(copy.output + page) != inode(site.output + page))
        let restored = inode(copy.output)
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let first = try copy.build()
        #expect(first.log.contains { $0.hasPrefix("cache: only the body of") })
        // The restored output, brought up to date, is the cache's copy now: none linked anew.
        #expect(inode(copy.cache + "/output") == restored)
        try copy.expectSameAsClean()
        // A page written into after the restore (through the link: both trees change) is not the
        // pair's: everything is rendered.
        try copy.build()
        let handle = try #require(FileHandle(forWritingAtPath: copy.output + page))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("<p>other</p>".utf8))
        try handle.close()
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        let changed = try copy.build()
        #expect(changed.log.contains { $0.hasPrefix("cache: everything is rendered (the cache's copy of") })
        try copy.expectSameAsClean()
    }

    /// A site built once (`name`), and a copy of its sources (`name-copy`) into which its
    /// `public/` and `.avance/` were archived with tar and extracted, as CI restores them.
    func restoredCopy(_ name: String) throws -> (site: Site, copy: Site) {
        let site = try Site(name, quiet: true)
        let copy: Site
        do {
            try site.build()
            copy = try Site(name + "-copy", quiet: true)
        } catch {
            site.remove()
            throw error
        }
        do {
            try restore(site, into: copy)
        } catch {
            site.remove()
            copy.remove()
            throw error
        }
        return (site, copy)
    }

    /// `public/` and `.avance/` of `site` archived with tar and extracted into `copy`, in the POSIX
    /// format `actions/cache` uses (which keeps times to the nanosecond).
    func restore(_ site: Site, into copy: Site) throws {
        let archive = copy.root + ".tar"
        defer { try? FileManager.default.removeItem(atPath: archive) }
        for arguments in [
            ["--posix", "-C", site.root, "-cf", archive, "public", ".avance"], ["-C", copy.root, "-xf", archive],
        ] {
            let tar = Process()
            tar.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            tar.arguments = ["tar"] + arguments
            try tar.run()
            tar.waitUntilExit()
            #expect(tar.terminationStatus == 0)
        }
    }

    /// A restored pair whose output holds what the saved site did not (an empty folder, a file),
    /// or whose copy does, is not the saved pair: the output is not taken as the copy, and the
    /// new site has none of it.
    @Test(arguments: ["an empty folder", "a file", "a file in the copy"])
    func aRestoredPairWithSomethingAddedIsNotTaken(_ added: String) throws {
        let (site, copy) = try restoredCopy("pair-added")
        defer {
            site.remove()
            copy.remove()
        }
        switch added {
        case "an empty folder":
            try FileManager.default.createDirectory(
                atPath: copy.output + "/acciones/vacía", withIntermediateDirectories: false)
        case "a file": try Data("x".utf8).write(to: URL(fileURLWithPath: copy.output + "/acciones/extra.html"))
        default: try Data("x".utf8).write(to: URL(fileURLWithPath: copy.cache + "/output/acciones/extra.html"))
        }
        let restored = inode(copy.output)
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let built = try copy.build()
        #expect(built.log.contains { $0.hasPrefix("cache: only the body of") })
        #expect(inode(copy.cache + "/output") != restored)
        try copy.expectSameAsClean()
    }

    /// A restored pair is told by its folders' times and its files' links, without reading a
    /// folder (`restoredPairByTimes`); whatever the archive did not keep as saved leaves it to
    /// the walk of both trees (`nil`), which decides as before.
    @Test(arguments: ["as restored", "a folder's time", "a file in the copy", "a copy replaced", "a page written"])
    func aRestoredPairIsToldByItsFoldersTimesAndItsFilesLinks(_ change: String) throws {
        let (site, copy) = try restoredCopy("pair-times")
        defer {
            site.remove()
            copy.remove()
        }
        let cache = BuildCache(folder: copy.cache)
        let manifest = try #require(cache.readManifest().0)
        #expect(cache.looksRestored(manifest, output: copy.output))
        let (folder, page) = (copy.cache + "/output/acciones", "/acciones/index.html")
        func time(_ path: String) -> timespec {
            var info = stat()
            lstat(path, &info)
            return info.st_mtim
        }
        func setTime(_ path: String, _ time: timespec) {
            var times = [time, time]
            #expect(utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0)
        }
        switch change {
        case "a folder's time": setTime(copy.output + "/acciones", timespec(tv_sec: 1_000_000, tv_nsec: 0))
        case "a file in the copy": try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/extra.html"))
        case "a copy replaced":
            // The same bytes and time, and the folder's time put back: only the link is gone.
            let (bytes, fileTime, folderTime) = (
                try Data(contentsOf: URL(fileURLWithPath: folder + "/index.html")), time(folder + "/index.html"),
                time(folder)
            )
            unlink(folder + "/index.html")
            try bytes.write(to: URL(fileURLWithPath: folder + "/index.html"))
            setTime(folder + "/index.html", fileTime)
            setTime(folder, folderTime)
        case "a page written":
            let handle = try #require(FileHandle(forWritingAtPath: copy.output + page))
            try handle.write(contentsOf: Data("<!-- -->".utf8))
            try handle.close()
        default: break
        }
        let state = cache.restoredPairByTimes(manifest, output: copy.output)
        if change == "as restored" {
            let state = try #require(state)
            #expect(state.broken == nil && state.outputIsCopy)
            // Every file has a new inode: every record gets its new stamp.
            #expect(state.restamped.count == manifest.outputs.count)
        } else {
            #expect(state == nil, "\(change)")
        }
        // The build decides as without this check: by the walk of both trees, or, when the copy
        // holds what the walk does not take, by the copy's files alone; a changed page, or a file
        // the manifest does not know in the copy, renders everything.
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let built = try copy.build()
        let decided: String =
            switch change {
            case "as restored": "cache: the restored output and copy told by their folders' times and files' links"
            case "a folder's time": "cache: the restored output and copy walked together"
            case "a copy replaced": "cache: the copy checked file by file"
            default: "cache: everything is rendered (the cache's copy of"
            }
        #expect(built.log.contains { $0.hasPrefix(decided) }, "\(change): \(built.log)")
        #expect(
            built.log.contains { $0.hasPrefix("cache: everything is rendered") }
                == ["a file in the copy", "a page written"].contains(change), "\(change)")
        try copy.expectSameAsClean()
    }

    /// A rebuild of a restored pair swaps the two trees and writes into a few folders: the
    /// manifest's folder stamp and times are mended from what the pair's check read
    /// (`PairFolders.swapped`), not read again, and are what reading both trees gives; the pair,
    /// restored again, is told by its times again.
    @Test func theFoldersOfASwappedPairAreMendedAsReadingThemGives() throws {
        let (site, copy) = try restoredCopy("pair-mended")
        let again = try Site("pair-mended-again", quiet: true)
        defer {
            site.remove()
            copy.remove()
            again.remove()
        }
        let (file, told) = (
            "content/metas/agua-segura.md", "cache: the restored output and copy told by their folders' times"
        )
        try copy.edit(file) { $0 + "\nOtra línea.\n" }
        #expect(try copy.build().log.contains { $0.hasPrefix(told) })
        let manifest = try #require(BuildCache(folder: copy.cache).readManifest().0)
        let all = [""] + Array(BuildCache.folders(of: manifest.outputs.keys))
        let (output, theirs) = (
            BuildCache.folderDigests(of: copy.output, folders: all),
            BuildCache.folderDigests(of: copy.cache + "/output", folders: all)
        )
        #expect(output.stamp != "-" && theirs.times != "-")
        #expect(manifest.folders == output.stamp)
        #expect(manifest.times == output.times + "/" + theirs.times)
        // Restored again beside the same sources, and edited again.
        try again.edit(file) { $0 + "\nOtra línea.\n" }
        try restore(copy, into: again)
        try again.edit(file) { $0 + "\nY otra.\n" }
        #expect(try again.build().log.contains { $0.hasPrefix(told) })
        try again.expectSameAsClean()
    }

    /// A restored output whose files kept their saved stamps (a file system, or a fresh CI
    /// machine, that gave them their old inode numbers) still looks restored: they changed
    /// after the manifest was written.
    @Test func anOutputChangedAfterTheManifestLooksRestoredWhateverItsStamps() throws {
        let site = try Site("looks-restored", quiet: true)
        defer { site.remove() }
        try site.build()
        let cache = BuildCache(folder: site.cache)
        let manifest = try #require(cache.readManifest().0)
        let first = try #require(manifest.outputs.first)
        #expect(!cache.looksRestored(manifest, output: site.output))
        // A change of mode changes the change time alone: the stamp is the saved one.
        #expect(chmod(site.output + "/" + first.key, 0o600) == 0)
        #expect(BuildCache.stamp(site.output + "/" + first.key) == first.value.stamp)
        #expect(cache.looksRestored(manifest, output: site.output))
    }

    /// A restored pair whose key is not this build's (another avance): everything is rendered,
    /// and the walk of the pair, started before the key was known, is stopped and waited for.
    @Test func aRestoredPairOfAnotherBinaryRendersEverything() throws {
        let (site, copy) = try restoredCopy("pair-binary")
        defer {
            site.remove()
            copy.remove()
        }
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let built = try copy.build(binary: "another-binary")
        #expect(built.log.contains { $0.hasPrefix("cache: everything is rendered") })
        try copy.expectSameAsClean()
        // The next build, with this binary, takes the pair it left.
        try copy.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        let next = try copy.build(binary: "another-binary")
        #expect(next.log.contains { $0.hasPrefix("cache: only the body of") })
        try copy.expectSameAsClean()
    }

    @Test func unchangedEntriesAndBodiesComeFromTheStores() throws {
        let site = try Site("stores", quiet: true)
        defer { site.remove() }
        let entries = try entryCount(site)
        let first = try site.build()
        #expect(taken(first)?.entries == 0)
        // One body edited: every other entry is taken from the store, and every other body.
        try site.edit("content/metas/agua-segura.md") { $0 + "\nUna línea *nueva*.\n" }
        let second = try site.build()
        let afterBody = try #require(taken(second))
        #expect(afterBody.entries == entries - 1)
        #expect(afterBody.bodies >= entries - 1)
        try site.expectSameAsClean()
        // A field edited renders everything, but still validates only that file.
        try site.edit("content/metas/agua-segura.md") {
            $0.replacingOccurrences(of: "titulo: Agua", with: "titulo: Nueva agua")
        }
        let third = try site.build()
        #expect(third.log.contains { $0.hasPrefix("cache: everything is rendered (the front matter") })
        #expect(taken(third)?.entries == entries - 1)
        try site.expectSameAsClean()
    }

    @Test func onlyTheShardsOfTheEditedFileAreWrittenAgain() throws {
        let site = try Site("store-shards", quiet: true)
        defer { site.remove() }
        try site.build()
        let store = site.cache + "/store"
        /// Each shard's inode: a shard written again is a new file renamed over the old one.
        func inodes() throws -> [String: UInt64] {
            var found: [String: UInt64] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: store) {
                var info = stat()
                #expect(lstat(store + "/" + name, &info) == 0)
                found[name] = UInt64(info.st_ino)
            }
            return found
        }
        let before = try inodes()
        #expect(before.count == 2 * BuildCache.shardCount)
        let path = "content/metas/agua-segura.md"
        try site.edit(path) { $0 + "\nUna línea *nueva*.\n" }
        try site.build()
        let after = try inodes()
        #expect(Set(after.keys) == Set(before.keys))
        let written = Set(after.keys.filter { after[$0] != before[$0] })
        // The shard of the file's validated entry (its hash changed) and the shard of its body.
        #expect(
            written
                == [
                    "entries-\(BuildCache.shard(of: path))", "bodies-\(BuildCache.shard(of: "metas/agua-segura"))",
                ])
        try site.expectSameAsClean()
        // Nothing changed: nothing written.
        try site.build()
        #expect(try inodes() == after)
    }

    /// The manifest records the stamp of each store file a build read whole or wrote (once the
    /// clock has moved past its time), and the next build reads such a file without its
    /// checksum; a file changed since (another time) is checked, and refused when damaged.
    @Test func theManifestVouchesForTheStoreFilesItKnows() throws {
        let site = try Site("store-stamps", quiet: true)
        defer { site.remove() }
        let entries = try entryCount(site)
        try site.build()
        let path = "content/metas/agua-segura.md"
        try site.edit(path) { $0 + "\nOtra línea.\n" }
        try site.build()
        let store = site.cache + "/store"
        let stores = try #require(BuildCache(folder: site.cache).readManifest().0?.stores)
        // All but the two shards written just now (their time may be the clock's last tick).
        #expect(stores.count >= 2 * BuildCache.shardCount - 2)
        for (name, stamp) in stores {
            #expect(BuildCache.stamp(store + "/" + name) == stamp, "\(name)")
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME_COARSE, &now)
        #expect(stores.values.allSatisfy { $0.isBefore(now) })
        // An entries shard the manifest vouches for, with one byte changed in place: the same
        // size, another time.
        let damaged = try #require(
            stores.keys.sorted().first { name in
                name.hasPrefix("entries-") && name != "entries-\(BuildCache.shard(of: path))"
                    && (stores[name]?.size ?? 0) > 200
            })
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: store + "/" + damaged)))
        bytes[bytes.count / 2] ^= 0x5a
        try Data(bytes).write(to: URL(fileURLWithPath: store + "/" + damaged))
        #expect(BuildCache.stamp(store + "/" + damaged).map { $0.size == stores[damaged]?.size } == true)
        try site.edit(path) { $0 + "\nY otra.\n" }
        let third = try site.build()
        let takenThird = try #require(taken(third))
        #expect(takenThird.entries < entries - 1)
        try site.expectSameAsClean()
    }

    @Test func aDamagedShardIsIgnoredAndMadeAgain() throws {
        let site = try Site("damaged-store", quiet: true)
        defer { site.remove() }
        let entries = try entryCount(site)
        try site.build()
        let store = site.cache + "/store"
        let shards = try FileManager.default.contentsOfDirectory(atPath: store).filter { !$0.contains(".tmp") }
        #expect(shards.count == 2 * BuildCache.shardCount)
        // Each shard with one byte changed in its middle; one cut short.
        for (index, name) in shards.enumerated() {
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: store + "/" + name)))
            if index == 0 {
                bytes.removeLast(bytes.count / 2)
            } else {
                bytes[bytes.count / 2] ^= 0x5a
            }
            try Data(bytes).write(to: URL(fileURLWithPath: store + "/" + name))
        }
        try site.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let second = try site.build()
        #expect(taken(second)?.entries == 0)
        #expect(taken(second)?.bodies == 0)
        try site.expectSameAsClean()
        // Written whole again: the next build takes them.
        try site.edit("content/metas/agua-segura.md") { $0 + "\nY otra.\n" }
        let third = try site.build()
        #expect(taken(third)?.entries == entries - 1)
        try site.expectSameAsClean()
    }

    @Test func anotherBinaryDoesNotTakeTheStores() throws {
        let site = try Site("store-binary", quiet: true)
        defer { site.remove() }
        try site.build(binary: "one")
        try site.edit("content/metas/agua-segura.md") { $0 + "\nOtra línea.\n" }
        let second = try site.build(binary: "two")
        #expect(taken(second)?.entries == 0)
        #expect(taken(second)?.bodies == 0)
        try site.expectSameAsClean()
    }

    @Test func aFileLeftUnreadIsReadToQuoteItsDiagnostics() throws {
        // The fixture as it is warns about some files: the second build does not read the files
        // it takes from the store, but still quotes the lines the warnings point at.
        let site = try Site("store-quotes")
        defer { site.remove() }
        let first = try site.build()
        let named = Set(first.diagnostics.compactMap { $0.location?.file }).filter { $0.hasSuffix(".md") }
        #expect(!named.isEmpty)
        let other = try #require(
            ["content/metas/agua-segura.md", "content/metas/aire-limpio.md"].first { !named.contains($0) })
        try site.edit(other) { $0 + "\nOtra línea.\n" }
        let second = try site.build()
        #expect(taken(second).map { $0.entries > 0 } == true)
        #expect(second.diagnostics == first.diagnostics)
        for file in named {
            #expect(second.sources[file] == first.sources[file], "\(file)")
            #expect(second.sources[file]?.isEmpty == false, "\(file)")
        }
    }

    @Test func filesLeftUnreadForStoresOfAnotherGenerationAreReadAfterAll() throws {
        // A store made under another model: its results are dropped, so the files left unread
        // for them must be read and validated as if there were no store.
        let root = try ValidSite.copy("unread-generation")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let plain = Build.prepare(BuildCacheTests.Site.optionsWithoutCache(root)).0
        let path = "content/metas/agua-segura.md"
        var options = BuildCacheTests.Site.optionsWithoutCache(root)
        let caches = BuildCaches()
        caches.entries.restore(
            [path: .init(hash: "h", result: (nil, []))], generation: "another model", hashes: [path: "h"], salt: "")
        options.caches = caches
        options.unread = [path]
        let result = Build.prepare(options).0
        let key = try #require(plain.site?.entries.values.joined().first { $0.file == path }?.key)
        #expect(result.site?.entry(key)?.title == plain.site?.entry(key)?.title)
        #expect(result.site?.entry(key)?.body == plain.site?.entry(key)?.body)
        #expect(result.diagnostics == plain.diagnostics)
        #expect(result.sources[path] == plain.sources[path])
    }

    @Test func everyValidatedEntryReadsBackAsItWasWritten() throws {
        // The fixture's entries, as validation made them (every kind of field it has).
        let root = try ValidSite.copy("archive")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (result, _) = Build.prepare(BuildCacheTests.Site.optionsWithoutCache(root))
        let entries = try #require(result.site).entries.values.joined()
        #expect(entries.count > 10)
        for entry in entries {
            var writer = ArchiveWriter()
            entry.archive(to: &writer)
            let bytes = writer.bytes
            let copy = try bytes.withUnsafeBytes { raw in
                var reader = ArchiveReader(raw)
                let copy = try Entry.unarchive(from: &reader)
                #expect(reader.isAtEnd)
                return copy
            }
            #expect(copy.key == entry.key)
            #expect(copy.file == entry.file && copy.bodyFile == entry.bodyFile)
            #expect(copy.title == entry.title && copy.body == entry.body && copy.bodyFirstLine == entry.bodyFirstLine)
            #expect(copy.fields == entry.fields, "\(entry.key)")
            #expect(copy.positions == entry.positions)
            #expect(copy.textSources == entry.textSources)
            // Read from a store's bytes (an owner): the positions stay bytes until asked for, are
            // the same when asked for, and are written again as they were.
            let owned = ArchiveBytes(bytes)
            var ownedReader = ArchiveReader(owned.bytes, owner: owned)
            let stored = try Entry.unarchive(from: &ownedReader)
            #expect(ownedReader.isAtEnd)
            #expect(stored.positions == entry.positions)
            #expect(stored.fields == entry.fields && stored.body == entry.body)
            var again = ArchiveWriter()
            stored.archive(to: &again)
            #expect(again.bytes == bytes)
            // Cut anywhere, the bytes are refused, never misread, with or without an owner.
            for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                let damaged = Array(bytes[..<cut])
                #expect(throws: ArchiveReader.Damaged.self) {
                    try damaged.withUnsafeBytes { raw in
                        var reader = ArchiveReader(raw)
                        _ = try Entry.unarchive(from: &reader)
                    }
                }
                #expect(throws: ArchiveReader.Damaged.self) {
                    let owned = ArchiveBytes(damaged)
                    var reader = ArchiveReader(owned.bytes, owner: owned)
                    _ = try Entry.unarchive(from: &reader)
                }
            }
        }
    }

    @Test func everyKindOfValueReadsBackAsItWasWritten() throws {
        let point = Series.Point(date: try #require(SiteDate("2024-03")), value: 12.5, source: "INEC", note: nil)
        let values: [FieldValue] = [
            .string("año"), .text("*texto* con [enlace](https://example.org)"), .int(-42), .number(0.1),
            .percent(87.5), .boolean(true), .date(try #require(SiteDate("2023-11-30"))), .url("https://example.org/a"),
            .enumeration("en-marcha"), .reference("h01"), .references(["a", "b"]),
            .list([.string("uno"), .record(["nombre": .string("dos"), "monto": .number(3)])]),
            .series(
                Series(
                    unit: "%", direction: .down, baseline: point, targets: [point], values: [point, point],
                    lowerBound: 0, upperBound: nil)),
        ]
        var writer = ArchiveWriter()
        for value in values { writer.value(value) }
        let read = try writer.bytes.withUnsafeBytes { raw in
            var reader = ArchiveReader(raw)
            return try values.map { _ in try reader.value() }
        }
        #expect(read == values)
        // An unknown kind of value is refused.
        #expect(throws: ArchiveReader.Damaged.self) {
            try [UInt8]([99, 0]).withUnsafeBytes { raw in
                var reader = ArchiveReader(raw)
                _ = try reader.value()
            }
        }
    }
}

extension BuildCacheTests.Site {
    /// Options for a build of `root` without the cache, at the fixture's reference date.
    static func optionsWithoutCache(_ root: String) -> BuildOptions {
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
        return options
    }
}
