import ContentModel
import Diagnostics
import Foundation
import Loading
import ParallelMap
import Rendering
import SiteLayout
import Writing

extension Build {
    /// `build` with the cache across runs: renders what the cache's plan says (everything, the
    /// pages of the files whose body alone changed, or nothing), takes every other file from
    /// the cache's copy of the last output, and saves the cache once the output is swapped in.
    /// When in doubt (the pages are not the ones the cache holds), everything is rendered.
    static func cachedBuild(_ options: BuildOptions, cache: BuildCache, writer: SiteWriter) -> BuildResult {
        var clock = StageClock()
        var options = options
        // The content folder is walked, and git read (each command in its own process), while
        // the manifest is read.
        let root = options.root
        let walk = Background { BuildCache.stampedFiles(under: root, folder: "content") }
        options.preloadedTheme = preloadTheme(options)
        let (output, copyFolder) = (writer.output, cache.outputFolder)
        // Git is read once, here, for the key; the build uses the same dates.
        let environment = options.environment
        let git =
            options.gitHistory && options.history == nil
            ? Background.onOwnThread { GitHistory.read(root: root, environment: environment, blobs: true) } : nil
        let (manifest, why) = cache.readManifest()
        defer { if options.freeAtExit { ProcessLifetime.keep(manifest as Any) } }
        // An output that is not the copy's site, restored with the cache (CI), is checked with
        // the copy on a thread of its own: by the folders' times and the files' links
        // (`restoredPairByTimes`), or else by walking both trees (`walkPair`, stopped when the
        // site has errors: the copy is not used then). Not started when everything is rendered.
        let stopPair = BuildCache.StopFlag()
        let restored = manifest.map { cache.looksRestored($0, output: output) } ?? false
        var historyWarning: Diagnostic?
        if let git { (options.history, historyWarning) = git.value }
        let dates =
            options.history ?? GitHistory(lastChanged: [:], referenceDate: GitHistory.sourceDate(options.environment))
        let fingerprint = cache.fingerprint(options, history: dates, previous: manifest, found: walk.value)
        defer { if options.freeAtExit { ProcessLifetime.keep(fingerprint) } }
        // Never in place: renaming each new file over the output's, a build killed midway left
        // an output that was neither site (`make atomic-check` caught it once in 30 kills). The
        // output is always a whole site swapped in by one rename: the cache's copy of the last
        // one, changed where this build differs (`SiteWriter.patch`), when the plan takes files
        // from the cache; a new one otherwise.
        var plan = cache.plan(manifest, fingerprint, why: why)
        // An edit of bodies alone: the last build's resolution, read while the stores are.
        let salt = fingerprint.binary.hash
        let storedResolution = manifest.flatMap { manifest in
            if case .bodies = plan { Background { cache.readResolution(manifest, salt: salt) } } else { nil }
        }
        var log = [
            clock.lap("cache", describe(plan, inputs: fingerprint.inputs.count))
        ]
        // The cache's copy of the last output is checked on one core while the site is read and
        // validated: started once the stores, read on every core, are in. (A restored pair's
        // check, 280 ms of one core, was started as soon as the manifest was read: it took one
        // of the two cores from the stores' reading, and later, while the site was resolved and
        // its Markdown gathered, a core was idle for a quarter of a second, in `perf`.)
        var copy: Background<BuildCache.CopyState>?
        defer { _ = copy?.value }
        func startCheckingCopy() {
            guard copy == nil, let manifest, !plan.isFull else { return }
            guard restored else {
                copy = Background { cache.checkCopy(manifest, output: output, serially: true) }
                return
            }
            copy = Background.onOwnThread {
                if let restored = cache.restoredPairByTimes(manifest, output: output) { return restored }
                let walked = BuildCache.walkPair(output: output, copy: copyFolder, stop: stopPair)
                // Stopped: nothing uses the state, which is not checked further.
                guard !stopPair.isSet else { return BuildCache.CopyState(broken: "") }
                return cache.checkCopy(manifest, output: output, walked: walked, serially: true)
            }
        }
        // The last build's records with the new stamps the check found (a restored pair's 54,000
        // files all have new inodes), made on another core while the pages and open data are.
        // (A copy that is not whole renders everything: every record is written anew.)
        var records: Background<BuildCache.Manifest>?
        /// Once the copy is checked: everything is rendered when a file of it changed.
        func checkCopy() {
            startCheckingCopy()
            if records == nil, !plan.isFull, let manifest, let state = copy?.value, state.broken == nil {
                log.append("cache: " + state.checkedBy)
                records = Background { manifest.restamped(state.restamped) }
            }
            guard !plan.isFull, let broken = copy?.value.broken else { return }
            plan = .full(
                reason: broken.isEmpty
                    ? "the cache's copy of the output is missing"
                    : "the cache's copy of \(broken) changed since it was saved")
            log.append("cache: " + describe(plan, inputs: fingerprint.inputs.count))
        }
        var staging = writer.stage(digesting: true)
        /// A staging that patches the cache's copy, made once the plan is final. When the output
        /// is still the copy's site, the site it swaps out becomes the copy of the new one.
        func patchedStaging() -> SiteStaging? {
            guard !plan.isFull, let copy, cache.canPatch(writer) else { return nil }
            return writer.patch(cache.outputFolder, outputIsBase: copy.value.outputIsCopy)
        }
        var result: BuildResult
        var reused: [String] = []
        // The files this build made (the others it takes from the cache), when not every one.
        var made: Set<String>?
        var outputs: [String: Bool] = [:]
        // The last build's files this one does not have: removed from the copy it patches.
        var gone: [String] = []
        // The order of each search index's documents, kept for the next build.
        var search = manifest?.search ?? [:]
        // Tables of 54,000 paths and records, freed one by one in 50 ms at the end of a rebuild.
        defer {
            if options.freeAtExit { ProcessLifetime.keep(reused, made as Any, outputs, records as Any, copy as Any) }
        }
        // The caches the stores of validated entries and bodies were read into, and what they held.
        var stores: (caches: BuildCaches, state: @Sendable () -> BuildCache.StoreState)?
        // Their files to write, made on another thread; waited for before the build returns.
        var storeFiles: Background<[(path: String, bytes: [UInt8])]>?
        defer { _ = storeFiles?.value }
        // What resolving the site decided, for the next build: the last build's when nothing
        // but bodies changed (`Resolution`), else a new one.
        var resolutionFile = manifest.map { BuildCache.ResolutionFile.kept(hash: $0.resolution) } ?? .none
        var newResolution: Background<[UInt8]?>?
        defer { _ = newResolution?.value }
        if plan == .unchanged { checkCopy() }
        if let manifest, plan == .unchanged, historyWarning == nil, let report = cache.readDiagnostics(manifest) {
            // Nothing changed: the last build's diagnostics, and the whole output from the cache.
            if let patched = patchedStaging() { staging = patched }
            result = BuildResult()
            result.diagnostics = report.diagnostics
            result.sources = report.sources
            reused = manifest.outputs.keys.sorted()
            made = []
            outputs = manifest.outputs.mapValues(\.isData)
            staging.reuse(reused, from: cache.outputFolder)
            result.paths = reused
            log.append(clock.lap("render", "0 pages rendered, \(reused.count) files reused"))
        } else {
            var prepared: PreparedSite?
            defer { if options.freeAtExit { ProcessLifetime.keep(prepared as Any, stores as Any) } }
            // What earlier runs validated and converted, for the files whose bytes are the same.
            let caches = BuildCaches()
            stores = (
                caches,
                cache.restoreStores(
                    into: caches.entries, caches.bodies, hashes: fingerprint.inputs.mapValues(\.hash),
                    salt: fingerprint.binary.hash, trusted: manifest?.stores ?? [:])
            )
            log.append(clock.lap("store", "read"))
            startCheckingCopy()
            var options = options
            options.caches = caches
            // With the same key and files, the stored entries are of this generation: the files
            // they were validated from are not read again.
            // (Listed only when the site is not made from the last build's resolution: 18,000
            // paths made into a set took 25 ms of a rebuild's critical path.)
            if case .bodies(let changed) = plan, let resolution = storedResolution?.value {
                options.resolved = (resolution, changed)
            } else if !plan.isFull {
                options.unread = caches.entries.storedFiles()
            }
            (result, prepared) = prepare(options, clock: &clock)
            // The resolution for the next build: the last build's file again when the site was
            // made from it, otherwise made on another core while the pages are rendered.
            if !result.resolvedAsBefore {
                resolutionFile = .none
                if let resolution = result.resolution {
                    newResolution = Background { resolution().map { BuildCache.resolutionBytes($0, salt: salt) } }
                }
            }
            log.append(
                "store: \(caches.entries.reused) entries and \(caches.bodies.reused) bodies taken from earlier runs")
            // Said where a build without the cache says it: once the site is validated (a site
            // with no `content/` stops before git is read).
            if let historyWarning, result.site != nil { result.diagnostics.append(historyWarning) }
            // The stores are made while the pages are rendered (validation and Markdown are done),
            // and written with the cache, when the build succeeds.
            if let stores {
                let salt = fingerprint.binary.hash
                storeFiles = Background {
                    cache.storeFiles(
                        entries: stores.caches.entries, bodies: stores.caches.bodies, state: stores.state(), salt: salt)
                }
            }
            guard let prepared, !result.diagnostics.hasErrors else {
                // Nothing is written: a walk of both trees still under way is not waited for.
                stopPair.raise()
                quoteUnread(&result, root: options.root)
                staging.discard()
                result.log = log + result.log
                return finish(result, options)
            }
            // Made on another core while the pages are listed, checked and rendered.
            let searchHashes = Background {
                prepared.searchDocuments.mapValues { BuildCache.hash(Array($0.joined(separator: "\n").utf8)) }
            }
            // The documents that hold the changed bodies, and the search index, made on another
            // core from here, while the pages are listed, checked and rendered (they need no page's
            // path: with `changedBodies` there is no sitemap); the rest (feeds, tables, lists, the
            // sitemap) does not show bodies. Not used when every page turns out to be rendered.
            // (Started after the pages were listed, the search index's update was 75 ms of one core
            // the build waited for, with the other idle.)
            var openData: Background<(files: [OutputFile], update: SearchUpdate?)>?
            if let manifest, case .bodies(let files) = plan {
                let site = prepared.site
                // The search indexes are made from the last build's when their documents are the
                // same, in the same order; otherwise whole.
                let (outputFolder, trusted, lastSearch) = (cache.outputFolder, manifest.outputs, manifest.search)
                openData = Background {
                    let keys = Set(site.entries.values.joined().filter { files.contains($0.file) }.map(\.key))
                    // A translation's body is in its language's search index.
                    let translated = site.translations.values.flatMap(\.values).filter { files.contains($0.file) }
                    let update =
                        searchHashes.value == lastSearch
                        ? SearchUpdate(changed: keys.union(translated.map(\.key))) { path in
                            trusted[path] != nil
                                ? FileSystem.contents(of: outputFolder + "/" + path)
                                : nil
                        } : nil
                    var made: [OutputFile] = []
                    prepared.dataFiles(pages: [], changedBodies: keys, search: update) { made += $0 }
                    return (made, update)
                }
            }
            defer { _ = openData?.value }
            let pagePaths = prepared.staticPaths + prepared.pagePaths
            defer { search = searchHashes.value }
            checkCopy()
            // The same pages: as many (each path is one page), each a page the cache holds.
            if let manifest, !plan.isFull,
                pagePaths.count != manifest.outputs.values.count(where: { !$0.isData })
                    || !pagePaths.allSatisfy({ manifest.outputs[$0]?.isData == false })
            {
                plan = .full(reason: "the site's pages are not the ones the cache holds")
                log.append("cache: " + describe(plan, inputs: fingerprint.inputs.count))
            }
            if let patched = patchedStaging() { staging = patched }
            let output = RenderedOutput(sink: staging.add)
            switch plan {
            case .full:
                result = render(prepared, result, options, into: output, clock: &clock)
                log.append("cache: \(pagePaths.count) pages rendered, 0 reused")
                let pages = Set(pagePaths)
                for path in result.paths { outputs[path] = !pages.contains(path) }
            case .unchanged, .bodies:
                guard let manifest else { fatalError("a plan other than .full comes from a manifest") }
                var files: Set<String> = []
                if case .bodies(let changed) = plan { files = changed }
                // The pages of the changed files (a few: each looked for among all pages).
                let wanted = Set(result.pageSources(of: files).keys.filter(pagePaths.contains))
                let isWanted = PathLookup(wanted)
                for pages in prepared.pageLists where !wanted.isEmpty {
                    let rendered = pages.paths.filter(isWanted.contains).concurrentMap { pages.render($0) }
                    for case .failure(let diagnostic)? in rendered { result.diagnostics.append(diagnostic) }
                    output.add(rendered.compactMap { try? $0?.get() })
                }
                reused = pagePaths.filter { !isWanted.contains($0) }
                staging.reuse(reused, from: cache.outputFolder)
                log.append(clock.lap("render", "\(wanted.count) pages rendered, \(reused.count) reused"))
                // The same pages as the last build (checked above), and its open data until told
                // otherwise: its records, taken whole (54,000 paths inserted one by one, and the
                // files gone looked for among them, took 50 ms).
                outputs = manifest.outputs.mapValues(\.isData)
                if let openData {
                    let (madeFiles, update) = openData.value
                    output.add(madeFiles)
                    let madeData = Set(madeFiles.map(\.path))
                    let isMade = PathLookup(madeData)
                    made = wanted.union(madeData)
                    // A search index file not made again is the last build's, in an index made
                    // from it; any other is gone (its words are).
                    let searchFolders = prepared.searchFolders
                    let kept = update?.paths ?? []
                    var data: [String] = []
                    for (path, output) in manifest.outputs where output.isData && !isMade.contains(path) {
                        if kept.contains(path) || !searchFolders.contains(where: path.hasPrefix) {
                            data.append(path)
                        } else {
                            outputs[path] = nil
                            gone.append(path)
                        }
                    }
                    staging.reuse(data, from: cache.outputFolder)
                    reused += data
                    for path in madeData { outputs[path] = true }
                    log.append(clock.lap("open data", "\(madeData.count) files made, \(data.count) reused"))
                } else {
                    let data = manifest.outputs.compactMap { $0.value.isData ? $0.key : nil }
                    staging.reuse(data, from: cache.outputFolder)
                    reused += data
                    made = wanted
                    log.append(clock.lap("open data", "0 files made, \(data.count) reused"))
                }
                // In no order: only counted (sorting 54,000 paths was 3 % of a rebuild).
                result.paths = Array(outputs.keys)
                result = finish(result, options)
            }
        }
        result.log = log + result.log
        quoteUnread(&result, root: options.root)
        guard !result.diagnostics.hasErrors else {
            staging.discard()
            return result
        }
        if staging.patching {
            staging.remove(gone)
            // The copy is about to change: until the new manifest is saved, nothing vouches for it.
            cache.forget()
        }
        guard commit(staging, &result, options) else { return result }
        clock = StageClock()  // the write has its own line
        do {
            // Patching, the copy is the old site brought up to date, or gone (`baseKept`): then
            // every file is linked into a new one.
            let written = staging.patching && !staging.baseKept ? Set(outputs.keys) : made ?? Set(outputs.keys)
            // The stores first, so that the manifest records their files' stamps: those read whole,
            // and those written now.
            var storeStamps = stores?.state().stamps
            if let files = storeFiles?.value {
                for (name, stamp) in cache.writeStores(files) { storeStamps?[name] = stamp }
            }
            let saved = try cache.save(
                fingerprint, output: writer.output, outputs: outputs, written: written, digests: staging.digests,
                diagnostics: result.diagnostics, sources: result.sources, search: search,
                resolution: newResolution.map { $0.value.map { .new($0) } ?? .none } ?? resolutionFile,
                previous: records?.take() ?? manifest,
                pair: copy?.value.pair, swapped: staging.baseKept, stores: storeStamps)
            // Its 54,000 records, freed one by one, took 12 ms at the end of the save.
            if options.freeAtExit { ProcessLifetime.keep(saved) }
            result.log.append(clock.lap("cache", "saved in \(cache.folder)"))
        } catch {
            // The output is written; a cache that could not be saved is only a slower next build.
            result.log.append(
                clock.lap("cache", "not saved (\(error.localizedDescription)): the next build renders everything"))
        }
        return result
    }

    /// The theme for the language the site's model names now, loaded on another thread
    /// (`BuildOptions.preloadedTheme`); `nil` inside when the model cannot be read (`prepare`
    /// reports why, and loads the theme itself).
    static func preloadTheme(_ options: BuildOptions) -> Background<
        (language: String, theme: Theme?, diagnostics: [Diagnostic])?
    > {
        let (root, themeRoot, fileSystem) = (options.root, options.themeRoot ?? options.root, options.fileSystem)
        return Background {
            let loader = ContentLoader(root: root, fileSystem: fileSystem)
            guard let file = try? loader.readText(ModelReader.path).get(), let model = ModelReader.read(file.text).0
            else { return nil }
            let (theme, diagnostics) = Theme.load(root: themeRoot, language: model.language, fileSystem: fileSystem)
            return (model.language, theme, diagnostics)
        }
    }

    /// Reads the files left unread (`BuildOptions.unread`) that a diagnostic names, to quote
    /// their lines: those read as empty, and, when the site was made from the last build's
    /// resolution (which reads none but a few), any content text file.
    static func quoteUnread(_ result: inout BuildResult, root: String) {
        func unread(_ file: String) -> Bool {
            guard let text = result.sources[file] else {
                return result.resolvedAsBefore && file.hasPrefix("content/")
                    && ContentLoader.textExtensions.contains(
                        file.split(separator: ".").last.map { $0.lowercased() } ?? "")
            }
            return text.isEmpty
        }
        for file in Set(result.diagnostics.compactMap { $0.location?.file }) where unread(file) {
            if case .success(let source) = ContentLoader(root: root).readText(file) {
                result.sources[file] = source.text
            }
        }
    }

    /// The cache's plan in words, for `--verbose`.
    static func describe(_ plan: BuildCache.Plan, inputs: Int) -> String {
        switch plan {
        case .full(let reason): "everything is rendered (\(reason))"
        case .unchanged: "none of \(inputs) content files changed"
        case .bodies(let files): "only the body of \(files.sorted().joined(separator: ", ")) changed"
        }
    }
}
