import ContentModel
import Foundation
import Loading
import Rendering
import TestSupport
import Testing

@testable import AvanceKit

/// The build cache across runs (`.avance/cache/`): after any edit, a build that uses it writes
/// the same files, byte for byte, as a build without it.
@Suite struct BuildCacheTests {
    /// A copy of the fixture, with the reference date of its tests.
    struct Site {
        let root: String
        /// For a site with no diagnostic at all: `--base-url` replaces the fixture's placeholder.
        let quietURL: String?
        var output: String { root + "/public" }
        var cache: String { root + "/.avance/cache" }

        init(_ name: String, quiet: Bool = false) throws {
            root = try ValidSite.copy("cache-" + name)
            quietURL = quiet ? "https://villa.example.net/plan/" : nil
            if quiet { try ValidSite.agreeingStatuses(in: root) }
        }

        func options(binary: String = "test-binary", baseURL: String? = nil, cache: Bool = true) -> BuildOptions {
            var options = BuildOptions(root: root, baseURL: baseURL ?? quietURL)
            options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
            options.cacheFolder = cache ? self.cache : nil
            options.cacheBinaryHash = binary
            return options
        }

        /// Builds with the cache; the build must succeed.
        @discardableResult
        func build(binary: String = "test-binary", baseURL: String? = nil) throws -> BuildResult {
            let result = Build.build(options(binary: binary, baseURL: baseURL))
            #expect(result.wrote, "\(result.diagnostics.filter { $0.severity == .error })")
            return result
        }

        /// Expects the output to hold exactly the files of a build without the cache.
        func expectSameAsClean(baseURL: String? = nil, _ comment: Comment? = nil) throws {
            let clean = try Repository.temporaryFolder("cache-clean")
            defer { try? FileManager.default.removeItem(atPath: clean) }
            var options = options(baseURL: baseURL, cache: false)
            options.output = clean + "/public"
            #expect(Build.build(options).wrote)
            let expected = Repository.snapshot(clean + "/public")
            let actual = Repository.snapshot(output)
            let extraOrMissing = Set(actual.keys).symmetricDifference(expected.keys).sorted()
            #expect(
                extraOrMissing.isEmpty,
                "files the clean build does not have or has: \(extraOrMissing) \(comment.map { "\($0)" } ?? "")")
            let different = expected.keys.filter { actual[$0] != expected[$0] }.sorted()
            #expect(different.isEmpty, "\(different) \(comment.map { "\($0)" } ?? "")")
            let folders = Repository.folders(output).symmetricDifference(Repository.folders(clean + "/public")).sorted()
            #expect(
                folders.isEmpty,
                "folders the clean build does not have or has: \(folders) \(comment.map { "\($0)" } ?? "")")
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            #expect(try Repository.edit(root + "/" + path, change), "the edit of \(path) changed nothing")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// The line of the log that says how many pages were rendered and how many reused.
    func renderLine(_ result: BuildResult) -> String? {
        result.log.first { $0.hasPrefix("render:") && $0.contains("reused") }
    }

    @Test func anUnchangedSiteRendersNoPageAndAMissingOutputComesBackFromTheCache() throws {
        let site = try Site("unchanged", quiet: true)
        defer { site.remove() }
        let first = try site.build()
        #expect(first.diagnostics.isEmpty)
        #expect(first.log.contains { $0.hasPrefix("cache: everything is rendered (no cache yet)") })
        let second = try site.build()
        #expect(renderLine(second)?.hasPrefix("render: 0 pages rendered, \(first.paths.count) files reused") == true)
        #expect(second.site == nil, "nothing was validated")
        #expect(second.paths == first.paths)
        try site.expectSameAsClean()
        // CI restores the cache, not the output.
        try FileManager.default.removeItem(atPath: site.output)
        let third = try site.build()
        #expect(renderLine(third)?.hasPrefix("render: 0 pages rendered") == true)
        try site.expectSameAsClean()
    }

    @Test func aSiteWithWarningsReportsThemAgainWithoutValidating() throws {
        let site = try Site("warnings")
        defer { site.remove() }
        let first = try site.build()
        #expect(!first.diagnostics.isEmpty)
        let second = try site.build()
        // The same warnings, with the lines they quote, and nothing validated or rendered.
        #expect(second.diagnostics == first.diagnostics)
        #expect(second.site == nil)
        for file in Set(first.diagnostics.compactMap { $0.location?.file }) {
            #expect(second.sources[file] == first.sources[file], "\(file)")
        }
        #expect(renderLine(second)?.hasPrefix("render: 0 pages rendered") == true)
        try site.expectSameAsClean()
        // Diagnostics the manifest does not name are not trusted: validated again.
        try Data("[]".utf8).write(to: URL(fileURLWithPath: site.cache + "/diagnostics.json"))
        let third = try site.build()
        #expect(third.site != nil)
        #expect(third.diagnostics == first.diagnostics)
        #expect(renderLine(third)?.hasPrefix("render: 0 pages rendered") == true)
    }

    @Test func aBodyEditRendersOnlyThePagesOfThatEntry() throws {
        let site = try Site("body", quiet: true)
        defer { site.remove() }
        let first = try site.build()
        func inode(_ path: String) -> UInt? {
            var info = stat()
            return lstat(path, &info) == 0 ? UInt(info.st_ino) : nil
        }
        let inodes = Dictionary(uniqueKeysWithValues: first.paths.map { ($0, inode(site.output + "/" + $0)) })
        try site.edit("content/metas/agua-segura.md") { $0 + "\nUna línea *nueva*.\n" }
        let second = try site.build()
        #expect(second.log.contains { $0.hasPrefix("cache: only the body of content/metas/agua-segura.md") })
        // Its page in Spanish and in English (which shows the Spanish body), nothing else.
        let pages = first.paths.count { !$0.hasPrefix("api/") && !$0.hasSuffix(".json") }
        #expect(renderLine(second)?.hasPrefix("render: 2 pages rendered") == true, "\(pages)")
        try site.expectSameAsClean()
        let page = try String(contentsOfFile: site.output + "/metas/agua-segura/index.html", encoding: .utf8)
        #expect(page.contains("<em>nueva</em>"))
        // Of the open data, only the entry's own documents and, of each language's search
        // index, its manifest, its record and the shards its words change are made again.
        let data = try #require(second.log.first { $0.hasPrefix("open data:") })
        #expect(data.contains("files made") && data.contains("reused"), "\(data)")
        // A file taken from the cache is a link to its copy there, the same inode as before.
        let index = first.paths.filter { $0.contains("search-index/") }
        let made = index.filter { inodes[$0] != inode(site.output + "/" + $0) }
        #expect(index.count > 40)
        #expect(made.count { $0.contains("/entries/") } == 2, "\(made)")  // one record a language
        #expect(made.count { $0.hasSuffix("/index.json") } == 2, "\(made)")
        // A word of its own (a search index file of its own), then gone: its file goes too.
        try site.edit("content/metas/agua-segura.md") { $0 + "\nKzwqxv.\n" }
        try site.build()
        try site.expectSameAsClean()
        try site.edit("content/metas/agua-segura.md") { $0.replacingOccurrences(of: "\nKzwqxv.\n", with: "") }
        try site.build()
        try site.expectSameAsClean()
        // A translation's own body: only its English page.
        try site.edit("content/proyectos/huertos-comunitarios.en.md") { $0 + "\nA *new* line.\n" }
        let third = try site.build()
        #expect(renderLine(third)?.hasPrefix("render: 1 pages rendered") == true)
        try site.expectSameAsClean()
    }

    /// Every edit that is not a body's alone renders everything, and the output is the same as
    /// a build without the cache.
    @Test(arguments: [
        "title", "status", "reference", "new file", "deleted file", "template", "site.yaml", "translation",
        "body made blank", "theme words",
    ])
    func anEditThatIsNotABodysRendersEverything(_ edit: String) throws {
        let site = try Site("edit", quiet: true)
        defer { site.remove() }
        try site.build()
        switch edit {
        case "title":
            try site.edit("content/proyectos/alumbrado-eficiente.md") {
                $0.replacingOccurrences(of: "titulo: Alumbrado", with: "titulo: Otro alumbrado")
            }
        case "status":
            try site.edit("content/acciones/a01.md") { $0.replacingOccurrences(of: "en-curso", with: "cumplida") }
        case "reference":
            try site.edit("content/acciones/a01.md") {
                $0.replacingOccurrences(of: "eje: ambiente", with: "eje: movilidad")
            }
        case "new file":
            try Repository.write(
                [
                    "content/acciones/a04.md":
                        "---\ntitulo: Una acción nueva\neje: ambiente\norden: 4\nestado: en-curso\n---\nTexto.\n"
                ],
                into: site.root)
        case "deleted file":
            try FileManager.default.removeItem(atPath: site.root + "/content/proyectos/huertos-comunitarios.en.md")
        case "template":
            try site.edit("theme/templates/entry.mustache") { $0 + "\n<!-- otra versión -->\n" }
        case "site.yaml":
            try site.edit("content/site.yaml") {
                $0.replacingOccurrences(of: "acciones, proyectos y socios.", with: "acciones, proyectos y aliados.")
            }
        case "translation":
            try site.edit("content/site.en.yaml") { $0 + "\n# a comment\n" }
        case "body made blank":
            try site.edit("content/socios/cooperativa-luz.md") { text in
                let end = text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex)!
                return String(text[..<end.upperBound])
            }
        default:
            try site.edit("theme/i18n/es.yaml") { $0 + "\n# otro comentario\n" }
        }
        let second = try site.build()
        #expect(second.log.contains { $0.hasPrefix("cache: everything is rendered") }, "\(second.log)")
        try site.expectSameAsClean(Comment(rawValue: edit))
    }

    @Test func anotherBinaryOrBaseURLIgnoresTheCache() throws {
        let site = try Site("key", quiet: true)
        defer { site.remove() }
        try site.build(binary: "one")
        let other = try site.build(binary: "two")
        #expect(other.log.contains { $0.hasPrefix("cache: everything is rendered (the binary") })
        try site.expectSameAsClean()
        let moved = try site.build(binary: "two", baseURL: "https://example.net/otro/")
        #expect(moved.log.contains { $0.hasPrefix("cache: everything is rendered (the binary") })
        try site.expectSameAsClean(baseURL: "https://example.net/otro/")
        // And back: the cache now holds the other address's site, which is not reused.
        let back = try site.build(binary: "two")
        #expect(back.log.contains { $0.hasPrefix("cache: everything is rendered") })
        try site.expectSameAsClean()
    }

    @Test(arguments: ["truncated", "edited", "empty", "other format", "not text"])
    func aTornManifestIsIgnoredAndReplaced(_ damage: String) throws {
        let site = try Site("torn", quiet: true)
        defer { site.remove() }
        try site.build()
        let manifest = site.cache + "/manifest"
        var bytes = try #require(FileManager.default.contents(atPath: manifest))
        switch damage {
        case "truncated": bytes = bytes.prefix(bytes.count / 2)
        case "edited":
            bytes = Data(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\tp\t", with: "\td\t").utf8)
        case "empty": bytes = Data()
        case "other format":
            // A manifest whose checksum is right, of another version.
            let cache = BuildCache(folder: site.cache)
            let (read, _) = cache.readManifest()
            let text = "avance-cache 0\nkey\t" + (read?.key ?? "")
            bytes = Data((text + "\nend " + BuildCache.hash(Array(text.utf8)) + "\n").utf8)
        default: bytes = Data([0xFF, 0xFE, 0x00, 0x80])
        }
        try bytes.write(to: URL(fileURLWithPath: manifest))
        try site.edit("content/metas/agua-segura.md") { $0 + "\nMás.\n" }
        let result = try site.build()
        #expect(!result.diagnostics.hasErrors)
        #expect(result.log.contains { $0.hasPrefix("cache: everything is rendered (the cache") }, "\(result.log)")
        try site.expectSameAsClean()
        // Replaced: the next build trusts it again.
        let next = try site.build()
        #expect(renderLine(next)?.hasPrefix("render: 0 pages rendered") == true)
    }

    @Test func aCacheCopyChangedSinceItWasSavedIsNotTrusted() throws {
        let site = try Site("copy", quiet: true)
        defer { site.remove() }
        try site.build()
        // Something wrote into the published page, and through its hard link into the cache's copy.
        let page = site.output + "/acciones/index.html"
        let handle = try #require(FileHandle(forWritingAtPath: page))
        handle.seekToEndOfFile()
        handle.write(Data("<!-- added -->".utf8))
        try handle.close()
        let result = try site.build()
        #expect(result.log.contains { $0.hasPrefix("cache: everything is rendered (the cache's copy of") })
        try site.expectSameAsClean()
    }

    @Test func aFailedBuildLeavesTheOutputAndTheCacheAsTheyWere() throws {
        let site = try Site("failed", quiet: true)
        defer { site.remove() }
        try site.build()
        let before = Repository.snapshot(site.output)
        let cacheBefore = Repository.snapshot(site.cache)
        try site.edit("content/acciones/a01.md") {
            $0.replacingOccurrences(of: "eje: ambiente", with: "eje: no-existe")
        }
        let failed = Build.build(site.options())
        #expect(failed.diagnostics.hasErrors)
        #expect(!failed.wrote)
        #expect(Repository.snapshot(site.output) == before)
        #expect(Repository.snapshot(site.cache) == cacheBefore)
        // Fixed again: nothing changed since the cached build.
        try site.edit("content/acciones/a01.md") {
            $0.replacingOccurrences(of: "eje: no-existe", with: "eje: ambiente")
        }
        let fixed = try site.build()
        #expect(renderLine(fixed)?.hasPrefix("render: 0 pages rendered") == true)
    }

    @Test func aManifestThatCannotBeReplacedIsOnlyANote() throws {
        let site = try Site("unreplaced", quiet: true)
        defer { site.remove() }
        try site.build()
        // A folder that holds a file, in the manifest's place: the new manifest, written beside
        // it, cannot be renamed over it.
        let manifest = site.cache + "/manifest"
        try FileManager.default.removeItem(atPath: manifest)
        try FileManager.default.createDirectory(atPath: manifest, withIntermediateDirectories: false)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: manifest + "/inside"))
        try site.edit("content/acciones/a01.md") { $0 + "\nUna línea más.\n" }
        let result = try site.build()
        #expect(result.diagnostics.isEmpty)
        #expect(result.wrote)
        #expect(result.log.contains { $0.hasPrefix("cache: not saved") }, "\(result.log)")
        try site.expectSameAsClean()
        #expect(FileManager.default.contents(atPath: manifest + "/inside") == Data("kept".utf8))
        let beside = try FileManager.default.contentsOfDirectory(atPath: site.cache).filter { $0.contains(".tmp-") }
        #expect(beside.isEmpty)
    }

    @Test func aCacheThatCannotBeSavedIsOnlyANote() throws {
        let site = try Site("unsaved", quiet: true)
        defer { site.remove() }
        try FileManager.default.createDirectory(atPath: site.root + "/.avance", withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: site.cache))
        let result = try site.build()
        #expect(result.diagnostics.isEmpty)
        #expect(result.log.contains { $0.hasPrefix("cache: not saved") })
        try site.expectSameAsClean()
    }

    /// The theme a cached build loads beside its first steps is the one `prepare` would load:
    /// for the language the model names, with the same diagnostics; none when the model cannot
    /// be read (then `prepare` reports why, and loads the theme itself).
    @Test func thePreloadedThemeIsTheModelsLanguages() throws {
        let site = try Site("preloaded-theme")
        defer { site.remove() }
        let options = site.options()
        let loaded = try #require(Build.preloadTheme(options).value)
        let model = try #require(
            ModelReader.read(try String(contentsOfFile: site.root + "/" + ModelReader.path, encoding: .utf8)).0)
        #expect(loaded.language == model.language)
        let (theme, diagnostics) = Theme.load(root: site.root, language: model.language)
        #expect(loaded.theme != nil && theme != nil)
        #expect(loaded.diagnostics == diagnostics)
        #expect(loaded.theme?.strings.values == theme?.strings.values)
        try "collections: [".write(toFile: site.root + "/" + ModelReader.path, atomically: true, encoding: .utf8)
        #expect(Build.preloadTheme(options).value == nil)
        // The build still says what is wrong with the model.
        let broken = Build.build(options)
        #expect(!broken.wrote)
        #expect(broken.diagnostics.contains { $0.location?.file == ModelReader.path })
    }

    /// The manifest is mapped: an empty file (which cannot be mapped) is read and refused as
    /// torn, a folder in its place is no manifest, and a missing one says there is no cache yet.
    @Test func aManifestThatCannotBeMappedIsStillJudged() throws {
        let folder = try Repository.temporaryFolder("cache-manifest-mapped")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = BuildCache(folder: folder)
        #expect(cache.readManifest().1 == "no cache yet")
        #expect(FileManager.default.createFile(atPath: cache.manifestPath, contents: Data()))
        let (empty, why) = cache.readManifest()
        #expect(empty == nil && why == "the cache's manifest is torn or was edited: ignored")
        try FileManager.default.removeItem(atPath: cache.manifestPath)
        try FileManager.default.createDirectory(atPath: cache.manifestPath, withIntermediateDirectories: false)
        #expect(cache.readManifest().0 == nil)
        #expect(cache.readManifest().1 == "no cache yet")
    }

    @Test func withoutACacheFolderNothingIsSaved() throws {
        let site = try Site("off", quiet: true)
        defer { site.remove() }
        let result = Build.build(site.options(cache: false))
        #expect(result.wrote)
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.avance"))
        #expect(!result.log.contains { $0.hasPrefix("cache:") })
    }

    @Test func theManifestReadsBackWhatWasWritten() throws {
        let folder = try Repository.temporaryFolder("cache-manifest")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = BuildCache(folder: folder)
        var manifest = BuildCache.Manifest(key: "k", binary: ("/bin/avance:1:2.3", "b-1"), diagnostics: "d-2")
        manifest.inputs["content/acciones/ñandú.md"] = BuildCache.Input(
            hash: "h", frontMatter: "f", blankBody: true, stamp: "1:2:3.4:5.6",
            blob: "45da5f1c9e74e8ce86d4abc4194cc95c49e72a1e")
        manifest.folders = "f-3"
        manifest.blobs = "c-4"
        manifest.inputs["content/site.yaml"] = BuildCache.Input(hash: "s", frontMatter: "s", blankBody: false)
        manifest.outputs["acciones/index.html"] = BuildCache.Output(
            isData: false, stamp: .init(inode: 7, size: 8, seconds: 9, nanoseconds: 0))
        manifest.outputs["api/v2/acciones.json"] = BuildCache.Output(
            isData: true, stamp: .init(inode: 1, size: 1, seconds: -1, nanoseconds: 1))
        manifest.search["en/search-index/"] = "x-y"
        try cache.writeManifest(manifest)
        let (read, why) = cache.readManifest()
        #expect(why == nil)
        #expect(read == manifest)
        #expect(read?.inputs["content/acciones/ñandú.md"]?.stamp == "1:2:3.4:5.6")
        #expect(read?.inputs["content/acciones/ñandú.md"]?.blob == "45da5f1c9e74e8ce86d4abc4194cc95c49e72a1e")
        #expect(read?.inputs["content/site.yaml"]?.blob == "")
        // A manifest cut anywhere is not trusted.
        let bytes = try #require(FileManager.default.contents(atPath: cache.manifestPath))
        for length in stride(from: 0, to: bytes.count - 1, by: 7) {
            let (cut, reason) = BuildCache.parseManifest(Array(bytes.prefix(length)))
            #expect(cut == nil && reason != nil, "\(length)")
        }
    }

    /// A fresh clone gives each file a new stamp: a file whose git blob the cache hashed, under
    /// the same context, is not read again; with another blob or context, it is.
    @Test func aFileWhoseGitBlobWasHashedIsNotReadAgain() throws {
        let site = try Site("blobs", quiet: true)
        defer { site.remove() }
        let cache = BuildCache(folder: site.cache)
        let path = "content/metas/agua-segura.md"
        let found = BuildCache.stampedFiles(under: site.root, folder: "content").map {
            (path: $0.path, stamp: "a-new-clone:" + $0.stamp)
        }
        var previous = BuildCache.Manifest(key: "k", binary: nil, diagnostics: "-")
        previous.blobs = "context-1"
        // What the last build hashed: not this file's bytes, so that reading it shows.
        previous.inputs[path] = BuildCache.Input(
            hash: "hashed-before", frontMatter: "f", blankBody: false, stamp: "old", blob: "blob-1")
        func hash(blob: String, context: String) -> String? {
            var history = GitHistory(lastChanged: [:], referenceDate: nil)
            history.blobs = GitBlobs(ids: [path: blob], context: context)
            return cache.fingerprint(site.options(), history: history, previous: previous, found: found).inputs[path]?
                .hash
        }
        #expect(hash(blob: "blob-1", context: "context-1") == "hashed-before")
        let bytes = try #require(FileManager.default.contents(atPath: site.root + "/" + path))
        let read = BuildCache.input(Array(bytes)).hash
        #expect(hash(blob: "blob-2", context: "context-1") == read)
        #expect(hash(blob: "blob-1", context: "context-2") == read)
        var withoutGit = cache.fingerprint(site.options(), history: nil, previous: previous, found: found)
        #expect(withoutGit.inputs[path]?.hash == read)
        // The blob is kept with the hash it was read for, in the context saved beside it.
        withoutGit = cache.fingerprint(
            site.options(),
            history: {
                var history = GitHistory(lastChanged: [:], referenceDate: nil)
                history.blobs = GitBlobs(ids: [path: "blob-2"], context: "context-3")
                return history
            }(), previous: previous, found: found)
        #expect(withoutGit.inputs[path]?.blob == "blob-2")
        #expect(withoutGit.blobs == "context-3")
    }

    @Test func contentFilesAreFoundThroughSymlinkedFoldersAsTheLoaderFindsThem() throws {
        let root = try Repository.temporaryFolder("cache-walk")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Repository.write(["content/a.md": "a", "content/real/b.md": "b", "content/.oculto": "c"], into: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/content/link", withDestinationPath: "real")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/real/up", withDestinationPath: "..")
        let found = BuildCache.stampedFiles(under: root, folder: "content")
        let paths = found.map(\.path)
        #expect(paths.contains("content/a.md") && paths.contains("content/real/b.md"))
        #expect(paths.contains("content/link/b.md"), "\(paths)")
        // The loader's own files, no more: no hidden file, nothing twice through `up`.
        #expect(paths == ContentLoader(root: root).listFiles().paths)
        #expect(!paths.contains("content/.oculto") && !paths.contains { $0.contains("/up/") })
        #expect(found.allSatisfy { $0.stamp == BuildCache.contentStamp(root + "/" + $0.path) })
        #expect(paths == paths.sorted())
        #expect(BuildCache.stampedFiles(under: root, folder: "missing").isEmpty)
    }

    @Test func theBinaryIsHashedOnceForItsPathSizeAndTime() throws {
        let first = BuildCache.binaryHash(nil, previous: nil)
        #expect(first.stamp.hasPrefix("/"))
        #expect(BuildCache.binaryHash(nil, previous: (first.stamp, "remembered")).hash == "remembered")
        #expect(BuildCache.binaryHash(nil, previous: ("/other:1:2", "remembered")).hash == first.hash)
    }

    @Test func frontMatterAndBodyAreHashedApart() {
        let a = BuildCache.input(Array("---\ntitulo: A\n---\nCuerpo.\n".utf8))
        let b = BuildCache.input(Array("---\ntitulo: A\n---\nOtro cuerpo.\n".utf8))
        let c = BuildCache.input(Array("---\ntitulo: B\n---\nCuerpo.\n".utf8))
        #expect(a.frontMatter == b.frontMatter && a.hash != b.hash)
        #expect(a.frontMatter != c.frontMatter)
        #expect(BuildCache.input(Array("---\ntitulo: A\n---\n \n".utf8)).blankBody)
        // No front matter: the whole file is its front matter, so any edit renders everything.
        let plain = BuildCache.input(Array("texto".utf8))
        #expect(plain.frontMatter == plain.hash)
    }

    @Test func gitDatesAreReadOnceAndSaidAsWithoutTheCache() throws {
        let site = try Site("git", quiet: true)
        defer { site.remove() }
        var options = site.options()
        options.gitHistory = true
        var plain = site.options(cache: false)
        plain.gitHistory = true
        plain.output = site.root + "/plain"
        let clean = Build.build(plain)
        // The copy is in no git repository: said once, by both.
        #expect(clean.diagnostics.map(\.code) == ["git-unavailable"])
        #expect(Build.build(options).diagnostics == clean.diagnostics)
        let second = Build.build(options)
        #expect(second.diagnostics == clean.diagnostics)
        #expect(renderLine(second)?.hasPrefix("render: 0 pages rendered") == true)
    }

    @Test func theCommandKeepsTheCacheUnlessToldNotTo() throws {
        let site = try Site("command", quiet: true)
        defer { site.remove() }
        let off = try Repository.runAvance(
            ["build", "--root", site.root, "--no-git-dates", "--no-cache", "--base-url", "https://villa.example.net/"])
        #expect(off.status == 0, "\(off.err)")
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.avance"))
        let arguments = ["build", "--root", site.root, "--no-git-dates", "--base-url", "https://villa.example.net/"]
        #expect(try Repository.runAvance(arguments).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.cache + "/manifest"))
        let again = try Repository.runAvance(arguments + ["--verbose"])
        #expect(again.status == 0)
        #expect(again.err.contains("render: 0 pages rendered"), "\(again.err)")
    }
}
