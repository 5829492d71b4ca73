import Bodies
import ContentModel
import Diagnostics
import Foundation
import Loading
import OpenData
import ParallelMap
import Rendering
import Search
import SiteData
import SiteLayout
import Validation
import Writing

/// What to build, and how.
public struct BuildOptions: Sendable {
    /// Absolute path of the site root, which holds `content/` and `theme/`.
    public var root: String
    /// Absolute path of the output folder; `<root>/public` by default.
    public var output: String
    /// Replaces `base_url` from `site.yaml`, for previews and staging hosts.
    public var baseURL: String?
    /// The folder that holds `theme/`; the site root by default.
    public var themeRoot: String?
    /// Read "last updated" dates from git (one `git log` call); off, no dates are shown.
    public var gitHistory = false
    /// Dates already read from git, used instead of reading them again (`avance serve` reads
    /// them once, so that its preview has the published site's reference date: its periods,
    /// its late entries).
    public var history: GitHistory?
    /// The environment, for `SOURCE_DATE_EPOCH`.
    public var environment: [String: String] = [:]
    /// Treat warnings as errors.
    public var strict = false
    public var fileSystem: FileSystem = .disk
    /// What earlier builds validated and rendered, reused where the sources are unchanged
    /// (`avance serve` keeps one for its whole run).
    public var caches: BuildCaches?
    /// Hears how far each long stage has got, for the terminal's progress line.
    public var progress: ProgressHandler?
    /// The build cache across runs (`<root>/.avance/cache` for `avance build`; `nil`, the
    /// default and `--no-cache`, for none): see `BuildCache`. Only `Build.build` uses it.
    public var cacheFolder: String?
    /// Replaces the hash of the avance binary in the cache's key (tests).
    public var cacheBinaryHash: String?
    /// Content files whose text is not read (`ContentLoader.unread`): the build cache's store
    /// holds what validating them gave (`caches`), and a diagnostic's file is read to quote it.
    /// Not needed with `resolved`, which reads none of them.
    var unread: Set<String> = []
    /// The last build's resolution and the files whose bodies alone changed since (the build
    /// cache's plan): the site is made from it and the stored entries, without listing, placing
    /// and checking every file again (`SiteResolver.resolve(_:changed:…)`), when it can be.
    var resolved: (resolution: Resolution, changed: Set<String>)?
    /// The theme, loaded beside the build cache's first steps for the language the site's model
    /// named then (`cachedBuild`): taken by `prepare` when the model it reads names the same.
    /// (Loaded in `prepare`, its templates' parse and name check were 30 ms of a rebuild's
    /// critical path, while a core was idle as the manifest and git were read.)
    var preloadedTheme: Background<(language: String, theme: Theme?, diagnostics: [Diagnostic])?>?
    /// Leave what the build made for the process's exit to free (`ProcessLifetime`): for a
    /// command that ends after the build.
    public var freeAtExit = false

    /// Options for the site at `root`.
    public init(root: String, output: String? = nil, baseURL: String? = nil, strict: Bool = false) {
        self.root = root
        self.output = output ?? (root.hasSuffix("/") ? root + "public" : root + "/public")
        self.baseURL = baseURL
        self.strict = strict
    }
}

/// What `avance serve` keeps from one build to the next: files read, validated entries and
/// rendered bodies, reused for files that did not change.
public final class BuildCaches: Sendable {
    public let sources = SourceCache()
    public let entries = EntryCache()
    public let bodies = BodyCache()

    public init() {}
}

/// What a build found and made.
public struct BuildResult: Sendable, DiagnosedResult {
    /// Every problem of every stage, sorted by file and line.
    public var diagnostics: [Diagnostic] = []
    /// The text of every file read, by relative path, to quote lines in diagnostics.
    public var sources: [String: String] = [:]
    /// The validated site, when the content model could be read.
    public var site: Site?
    /// The rendered files, when rendering ran and kept them in memory (`Build.render`).
    public var files: [OutputFile] = []
    /// The path of every rendered file, sorted; also after `Build.build`, which writes the files
    /// to disk as they are rendered and keeps none of their bytes.
    public var paths: [String] = []
    /// True once the output folder holds the new site.
    public var wrote = false
    /// What each stage did and how long it took, for `--verbose`.
    public var log: [String] = []
    /// What resolving the site decided (for the build cache), made when asked, on another core
    /// (mapping 18,000 entries to their files is work no page waits for); it gives `nil` when
    /// the site had an unreadable entry.
    var resolution: (@Sendable () -> Resolution?)?
    /// Whether the site was made from the last build's resolution (`BuildOptions.resolved`).
    var resolvedAsBefore = false
}

/// The whole pipeline, stage by stage: load → model → validate → render → write.
public enum Build {
    /// Runs every stage but writing: the site as files in memory, with all diagnostics.
    public static func render(_ options: BuildOptions) -> BuildResult {
        let output = RenderedOutput(sink: nil)
        var result = render(options, into: output)
        result.files = output.files.sorted { $0.path < $1.path }
        return result
    }

    /// Runs every stage but writing, handing the files to `output` as they are rendered.
    static func render(_ options: BuildOptions, into output: RenderedOutput) -> BuildResult {
        var clock = StageClock()
        let (result, prepared) = prepare(options, clock: &clock)
        guard let prepared else { return finish(result, options) }
        if options.freeAtExit { ProcessLifetime.keep(prepared) }
        return render(prepared, result, options, into: output, clock: &clock)
    }

    /// Renders every page of `prepared` and its open data into `output`.
    static func render(
        _ prepared: PreparedSite, _ result: BuildResult, _ options: BuildOptions, into output: RenderedOutput,
        clock: inout StageClock
    ) -> BuildResult {
        var result = result
        // Every entry's descendants and roll-ups, found once for its page and its documents.
        let prepared = prepared.withDescentTable()
        result.log.append(clock.lap("roll-ups", "\(prepared.site.descentTable?.count ?? 0) entries with descendants"))
        // Files go to the sink only while the build is clean: a build with errors writes nothing.
        output.open = !result.diagnostics.hasErrors
        for renderer in prepared.renderers {
            result.diagnostics += renderer.render(
                batchSize: Self.batchSize, progress: options.progress, emit: output.add)
        }
        let pageCount = output.paths.count
        result.log.append(clock.lap("render", "\(pageCount) files"))
        // Open data, from the same site.
        let counter = ProgressCounter("writing open data", total: nil, handler: options.progress)
        prepared.dataFiles(pages: output.paths, batchSize: Self.batchSize) { batch in
            output.add(batch)
            counter.step(batch.count)
        }
        result.paths = output.paths.sorted()
        result.log.append(clock.lap("open data", "\(output.paths.count - pageCount) files"))
        return finish(result, options)
    }

    /// Every stage before pages are rendered: load, model, validate, Markdown, theme. The site
    /// comes back ready to render (`nil` when the model or the theme cannot be used), for
    /// `avance serve` to render each page when it is asked for.
    public static func prepare(_ options: BuildOptions) -> (BuildResult, PreparedSite?) {
        var clock = StageClock()
        let (result, prepared) = prepare(options, clock: &clock)
        var finished = finish(result, options)
        finished.paths = prepared?.pagePaths.sorted() ?? []
        return (finished, prepared)
    }

    static func prepare(_ options: BuildOptions, clock: inout StageClock) -> (BuildResult, PreparedSite?) {
        var result = BuildResult()
        // 1. load
        var loader = ContentLoader(root: options.root, fileSystem: options.fileSystem, cache: options.caches?.sources)
        loader.progress = options.progress
        loader.unread = options.unread
        // With the last build's resolution, only the files it does not hold are read: the
        // model, the translations and the changed files (all of them, should one be unreadable).
        var resolved = options.resolved
        var tree = resolved.map { loader.load($0.resolution.others + $0.changed) } ?? loader.load()
        if resolved != nil, !tree.diagnostics.isEmpty {
            resolved = nil
            tree = loader.load()
        }
        result.log.append(clock.lap("load", "\(tree.files.count) text files"))
        result.diagnostics += tree.diagnostics
        for file in tree.files { result.sources[file.path] = file.text }
        // 2. model
        guard let modelFile = tree.files.first(where: { $0.path == ModelReader.path }) else {
            if !tree.diagnostics.contains(where: { $0.code == "content-missing" }) {
                result.diagnostics.append(
                    .error(
                        "model-missing", Message("model-missing", ["file": ModelReader.path]),
                        at: SourceLocation(file: ModelReader.path, line: 0, column: 0),
                        hint: Message("model-missing.hint")))
            }
            return (result, nil)
        }
        let (readModel, modelDiagnostics) = ModelReader.read(modelFile.text)
        result.diagnostics += modelDiagnostics
        guard var model = readModel else {
            result.diagnostics += SiteResolver.checkSyntax(tree)
            return (result, nil)
        }
        if let baseURL = options.baseURL {
            // The same rule as `base_url` in site.yaml: every page and document repeats it.
            if let problem = BaseURL.problem(with: baseURL) {
                result.diagnostics.append(
                    .error(
                        "argument-base-url-invalid",
                        Message("argument-base-url-invalid", ["url": baseURL], parts: ["problem": problem.reason]),
                        hint: Message("argument-base-url-invalid.hint", parts: ["hint": problem.advice])))
                return (result, nil)
            }
            model.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        }
        // The theme is read once, here: its interface strings give the built-in pages' words (2b);
        // its problems are reported after the Markdown (4), as before, so that broken links are
        // reported even when the theme is broken.
        let (theme, themeDiagnostics) =
            options.preloadedTheme?.value.flatMap { $0.language == model.language ? ($0.theme, $0.diagnostics) : nil }
            ?? Theme.load(
                root: options.themeRoot ?? options.root, language: model.language, fileSystem: options.fileSystem)
        // 2b. the words of the built-in pages' URLs in every language, and the paths they reserve
        let pathProblems = completePaths(&model, tree: tree, theme: theme, options: options)
        result.diagnostics += pathProblems
        guard !pathProblems.hasErrors else {
            result.diagnostics += SiteResolver.checkSyntax(tree)
            return (result, nil)
        }
        // What a public release still lacks (the address, the licence): warnings, never errors,
        // so that a site can be built and previewed before it declares them.
        result.diagnostics += model.publicationWarnings(checkBaseURL: options.baseURL == nil)
        // 3. validate + resolve
        result.log.append(clock.lap("model", "\(model.collections.count) collections"))
        // The site's month names, for hints on dates written in words ("septiembre 2022").
        let months = monthNames(model.language, theme: theme, options: options)
        // What cached results were made under: the model, the base URL and those names.
        let generation = modelFile.text + "\n" + (options.baseURL ?? "") + "\n" + months.joined(separator: " ")
        options.caches?.entries.begin(generation: generation)
        if !loader.unread.isEmpty, options.caches?.entries.hasStored != true {
            // The files left unread were for stored results of another generation: read them.
            loader.unread = []
            let known = tree.diagnostics
            tree = loader.load()
            result.diagnostics += tree.diagnostics.filter { !known.contains($0) }
            for file in tree.files { result.sources[file.path] = file.text }
        }
        var stored: (Site, [Diagnostic])?
        if let resolved, let cache = options.caches?.entries {
            stored = SiteResolver.resolve(
                resolved.resolution, changed: resolved.changed, tree: tree, model: model, cache: cache, months: months)
            if stored == nil {
                // Not as it was: every file is listed and placed again, but for those whose
                // stored result (of this generation: `begin` dropped any other) is of their bytes.
                loader.unread = cache.storedFiles()
                tree = loader.load()
                result.diagnostics += tree.diagnostics
                for file in tree.files { result.sources[file.path] = file.text }
            }
        }
        var (site, siteDiagnostics) =
            stored
            ?? SiteResolver.resolve(
                tree, model: model, cache: options.caches?.entries, progress: options.progress, months: months)
        result.diagnostics += siteDiagnostics
        result.resolvedAsBefore = stored != nil
        if options.cacheFolder != nil {
            let (resolvedSite, files, resolverDiagnostics) = (site, tree.files, siteDiagnostics)
            if stored == nil {
                result.resolution = { @Sendable in
                    Resolution(site: resolvedSite, diagnostics: resolverDiagnostics, files: files.map(\.path))
                }
            } else if let kept = resolved?.resolution {
                result.resolution = { @Sendable in kept }
            }
        }
        if let history = options.history {
            site.recordChanges(byFile: history.lastChanged, referenceDate: history.referenceDate)
        } else if options.gitHistory {
            let (history, warning) = GitHistory.read(root: options.root, environment: options.environment)
            site.recordChanges(byFile: history.lastChanged, referenceDate: history.referenceDate)
            if let warning { result.diagnostics.append(warning) }
        } else {
            // Without git, `SOURCE_DATE_EPOCH` still dates the build: staleness and deadlines.
            site.recordChanges(byFile: [:], referenceDate: GitHistory.sourceDate(options.environment))
        }
        if options.gitHistory, model.periods != nil, site.referenceDate == nil {
            // Periods end no later than the build's reference date: without one, none is shown.
            // (`--no-git-dates` without `SOURCE_DATE_EPOCH` asked for no dates: nothing to warn.)
            result.diagnostics.append(
                .warning(
                    "periods-undated", Message("periods-undated"),
                    at: SourceLocation(file: ModelReader.path, line: 0, column: 0),
                    hint: Message("periods-undated.hint")))
        }
        result.site = site
        result.diagnostics += OutputConflicts.collectionFolders(
            model, languages: site.languages, modelText: modelFile.text)
        let entryCount = site.entries.values.reduce(0) { $0 + $1.count }
        result.log.append(
            clock.lap(
                "validate",
                "\(entryCount) entries, \(siteDiagnostics.count) diagnostics"
                    + (stored == nil ? "" : ", placed and ordered as the last build's")))
        // 4. Markdown first, so broken links are reported even when the theme is broken
        let bodies = bodyRenderer(site: site, options: options, generation: generation).render(
            progress: options.progress)
        result.diagnostics += bodies.diagnostics
        result.log.append(clock.lap("markdown", "\(bodies.html.count) bodies"))
        result.diagnostics += themeDiagnostics
        guard let theme else { return (result, nil) }
        var renderers = [SiteRenderer(site: site, bodies: bodies, theme: theme)]
        // 4b. translations: the same site in each language with a `content/site.<lang>.yaml`
        for language in site.languages {
            guard let text = tree.files.first(where: { $0.path == ModelTranslation.path(for: language) })?.text else {
                continue
            }
            let (translatedModel, translationDiagnostics) = ModelTranslation.apply(
                text, language: language, to: site.model)
            result.diagnostics += translationDiagnostics
            let translated = site.translated(to: language, model: translatedModel)
            let localization = Localization(site: translated, language: language, original: site.model.language)
            let translatedBodies = bodyRenderer(
                site: translated, prefix: localization.prefix, options: options, generation: generation
            ).render()
            // Bodies still in the original language were checked above; report only the translations'.
            result.diagnostics += translatedBodies.diagnostics.filter {
                $0.location?.file.hasSuffix(".\(language).md") == true
            }
            renderers.append(
                SiteRenderer(site: translated, bodies: translatedBodies, theme: theme, localization: localization))
        }
        let prepared = PreparedSite(site: site, bodies: bodies, renderers: renderers, theme: theme)
        result.diagnostics += OutputConflicts.staticFiles(theme.staticFiles.map(\.path), in: prepared)
        return (result, prepared)
    }

    /// Completes `model.paths` for the site's language and each translation's (`content/site.<lang>.yaml`):
    /// the words `paths:` sets there, the others from the theme's `i18n/<lang>.yaml`, then from its
    /// `i18n/en.yaml`: the strings `theme` has read, or, when the theme could not be used (its
    /// problems are reported later), the i18n files read on their own. Returns the problems of the
    /// translations' `paths:` and `path-reserved`.
    static func completePaths(_ model: inout SiteModel, tree: ContentTree, theme: Theme?, options: BuildOptions)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        let translations = Set(tree.files.compactMap { ModelTranslation.language(ofPath: $0.path) })
            .subtracting([model.language]).sorted()
        for language in translations {
            guard let text = tree.files.first(where: { $0.path == ModelTranslation.path(for: language) })?.text
            else { continue }
            let (words, problems) = ModelTranslation.paths(text, language: language)
            diagnostics += problems
            if let words { model.paths[language] = words }
        }
        func strings(_ language: String) -> Strings? {
            guard let theme else {
                return Strings.load(
                    root: options.themeRoot ?? options.root, language: language, fileSystem: options.fileSystem)
            }
            return theme.translations[language]
        }
        let english = strings("en")?.pathWords ?? [:]
        for language in [model.language] + translations {
            let words = strings(language)?.pathWords
            // A word that is no URL segment is not used (the next default is): said, not silent.
            for (key, word) in (words ?? [:]).sorted(by: { $0.key < $1.key })
            where PathWords.keys.contains(key) && !EntryID.isValid(word) {
                diagnostics.append(
                    .error(
                        "i18n-path-invalid", Message("i18n-path-invalid", ["key": key, "word": word]),
                        at: SourceLocation(file: "theme/i18n/\(language).yaml", line: 0, column: 0),
                        hint: Message("i18n-path-invalid.hint", ["key": key])))
            }
            model.paths[language] = model.pathWords(for: language).completed(with: words ?? [:])
                .completed(with: english)
        }
        return diagnostics + ModelReader.checkPaths(model, languages: translations)
    }

    /// The twelve month names of `language` (`months:` in the theme's i18n file), January first;
    /// empty when the theme lacks them.
    static func monthNames(_ language: String, theme: Theme?, options: BuildOptions) -> [String] {
        let strings =
            theme?.translations[language]
            ?? Strings.load(root: options.themeRoot ?? options.root, language: language, fileSystem: options.fileSystem)
        let names = (1...12).compactMap { strings?.values["months.\($0)"] }
        return names.count == 12 ? names : []
    }

    static func bodyRenderer(site: Site, prefix: String = "", options: BuildOptions, generation: String)
        -> BodyRenderer
    {
        let renderer = BodyRenderer(site: site, prefix: prefix)
        guard let caches = options.caches else { return renderer }
        return renderer.cache(caches.bodies, generation: generation)
    }

    /// Renders, then writes the output folder only if nothing failed: a build with errors leaves
    /// the previous site exactly as it was.
    public static func build(_ options: BuildOptions) -> BuildResult {
        let writer = SiteWriter(output: options.output)
        if let unsafe = writer.checkTarget(root: options.root) {
            var result = BuildResult()
            result.diagnostics = [unsafe]
            return result
        }
        if let folder = options.cacheFolder {
            return cachedBuild(options, cache: BuildCache(folder: folder), writer: writer)
        }
        let staging = writer.stage()
        staging.prepare()
        var result = render(options, into: RenderedOutput(sink: staging.add))
        guard !result.diagnostics.hasErrors else {
            staging.discard()
            return result
        }
        commit(staging, &result, options)
        return result
    }

    /// Puts the staged site in place of the output folder; false, with the reason among the
    /// diagnostics, when it could not.
    @discardableResult
    static func commit(_ staging: SiteStaging, _ result: inout BuildResult, _ options: BuildOptions) -> Bool {
        var clock = StageClock()
        options.progress?(StageProgress("writing", done: result.paths.count, total: result.paths.count))
        do {
            try staging.commit()
        } catch {
            result.diagnostics.append(error)
            return false
        }
        result.wrote = true
        result.log.append(clock.lap("write", "\(options.output) (the rest was written while rendering)"))
        return true
    }

    /// Pages rendered at once before they are handed on: large enough to keep every core busy,
    /// small enough that a big site is never held in memory.
    static let batchSize = 512

    static func finish(_ result: BuildResult, _ options: BuildOptions) -> BuildResult {
        var result = result
        if options.strict {
            result.diagnostics = result.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                diagnostic.severity = .error
                return diagnostic
            }
        }
        result.diagnostics.sort()
        return result
    }
}

/// Where rendered files go: kept in memory (`Build.render`), or handed to a sink batch by batch
/// (`Build.build`, which writes them while the next batch renders). Only paths are kept then.
final class RenderedOutput {
    let sink: (([OutputFile]) -> Void)?
    /// False once the build has errors: nothing more goes to the sink.
    var open = true
    private(set) var files: [OutputFile] = []
    private(set) var paths: [String] = []

    init(sink: (([OutputFile]) -> Void)?) {
        self.sink = sink
    }

    func add(_ batch: [OutputFile]) {
        paths += batch.map(\.path)
        if let sink {
            if open { sink(batch) }
        } else {
            files += batch
        }
    }
}

/// Times the stages of a build for `--verbose`; never used for anything written to the site.
/// Each line gives the stage's wall time and the CPU time of the whole process during it (every
/// core's, user and system), which a machine shared with other work disturbs less.
struct StageClock {
    var last = ContinuousClock.now
    var lastCPU = Self.cpuMilliseconds()

    mutating func lap(_ stage: String, _ detail: String) -> String {
        let now = ContinuousClock.now
        let elapsed = now - last
        last = now
        let cpu = Self.cpuMilliseconds()
        defer { lastCPU = cpu }
        let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        let (wall, used) = (String(format: "%.1f", milliseconds), String(format: "%.0f", cpu - lastCPU))
        return "\(stage): \(detail) (\(wall) ms, CPU \(used) ms)"
    }

    /// The CPU time of the process so far, user and system, in milliseconds.
    static func cpuMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
}
