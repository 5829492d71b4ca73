import ArgumentParser
import AvanceKit
import Diagnostics
import Foundation
import LinkChecker

/// `avance check`: builds the site into a temporary folder (or takes `--public DIR`) and checks
/// every link of every page; the work is `LinkChecker`'s.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site into a temporary folder and check every link.",
        discussion: """
            With --public DIR, checks an already built folder of any static site instead, served at \
            --base-url, or else at base_url from <root>/content/site.yaml when there is one, or else at \
            the root of any host. Problems name the page as public/<path> (for the site's own build) \
            or as DIR/<path>.
            """)

    @OptionGroup var common: CommonOptions

    @Option(
        name: .customLong("public"),
        help: ArgumentHelp("Check this built folder instead of building the site.", valueName: "dir"))
    var publicFolder: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "Where the site is served (default: base_url from <root>/content/site.yaml, also with --public).",
            valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("no-git-dates"), help: "Do not read \"last updated\" dates from git.")
    var noGitDates = false

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .long, help: "Also check links to other sites (http, https).")
    var external = false

    @Flag(name: .customLong("strict-external"), help: "Check links to other sites; broken ones are errors.")
    var strictExternal = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The cache of working external links (default: <root>/.avance-link-cache.json).", valueName: "file"))
    var cache: String?

    @Option(
        name: .customLong("cache-max-age"),
        help: ArgumentHelp("Hours a working external link is not asked again.", valueName: "hours"))
    var cacheMaxAge: Double = 24

    /// Whole seconds: Foundation on Linux drops the fraction of a request's timeout, so that
    /// 0.5 would time out at once.
    @Option(name: .long, help: ArgumentHelp("Seconds to wait for another site to answer.", valueName: "seconds"))
    var timeout: Int = 10

    func validate() throws {
        guard cacheMaxAge >= 0 else { throw ValidationError("--cache-max-age must be 0 or more hours") }
        guard timeout > 0 else { throw ValidationError("--timeout must be a whole number of seconds, 1 or more") }
    }

    func run() throws {
        let started = Date()
        if let publicFolder {
            let folder = Self.absolute(publicFolder)
            var base = baseURL
            if base == nil {
                let site = SiteBaseURL.read(root: common.absoluteRoot)
                if site.diagnostics.hasErrors {
                    Output.report(site.diagnostics, sources: site.sources, format: common.format)
                    throw ExitCode(1)
                }
                base = site.url
            }
            if common.verbose {
                Output.status(
                    base.map { Output.catalog("status.base-url", ["url": $0]) }
                        ?? Output.catalog("status.base-url.none"))
            }
            var options = LinkCheckOptions(folder: folder, displayPath: publicFolder, baseURL: base)
            configure(&options)
            let report = LinkChecker(options).checkAndWait()
            if common.verbose { for line in report.log { Output.status(line) } }
            Output.report(report.diagnostics, sources: report.sources, format: common.format)
            summarize(report, since: started)
            if report.exitCode != 0 { throw ExitCode(report.exitCode) }
            return
        }
        try buildAndCheck(since: started)
    }

    /// Builds the site into a temporary folder (as `avance build` would into `public/`), then
    /// checks that folder; the build's own diagnostics come first in the same report.
    func buildAndCheck(since started: Date) throws {
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("avance-check-\(getpid())-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let output = temporary + "/public"
        var buildOptions = BuildOptions(root: common.absoluteRoot, output: output, baseURL: baseURL, strict: strict)
        // The same site `avance build` publishes: its git dates and reference date give the
        // periods' pages and the late entries, which are checked too.
        buildOptions.gitHistory = !noGitDates
        buildOptions.environment = ProcessInfo.processInfo.environment
        buildOptions.progress = common.progressLine()
        let build = Build.build(buildOptions)
        if common.verbose { for line in build.log { Output.status(line) } }
        guard build.wrote else {
            Output.report(build.diagnostics, sources: build.sources, format: common.format)
            throw ExitCode(max(1, build.exitCode))
        }
        var options = LinkCheckOptions(folder: output, displayPath: "public", baseURL: build.site?.model.baseURL)
        options.origins = build.pageSources
        options.originTexts = build.sources
        configure(&options)
        let report = LinkChecker(options).checkAndWait()
        if common.verbose { for line in report.log { Output.status(line) } }
        let sources = build.sources.merging(report.sources) { $1 }
        Output.report(build.diagnostics + report.diagnostics, sources: sources, format: common.format)
        summarize(report, since: started)
        let status = (build.diagnostics + report.diagnostics).exitStatus
        if status != 0 { throw ExitCode(status) }
    }

    /// The settings every check shares.
    func configure(_ options: inout LinkCheckOptions) {
        options.strict = strict
        options.progress = common.progressLine()
        options.strictExternal = strictExternal
        guard external || strictExternal else { return }
        var settings = ExternalCheckOptions(
            cacheFile: cache.map(Self.absolute) ?? common.absoluteRoot + "/.avance-link-cache.json")
        settings.cacheMaxAge = cacheMaxAge * 3600
        settings.timeout = Double(timeout)
        options.external = settings
    }

    func summarize(_ report: LinkReport, since started: Date) {
        guard !common.quiet, common.format == .text else { return }
        let elapsed = Int(Date().timeIntervalSince(started) * 1000)
        let words = Output.catalog
        Output.say(
            report.externalURLs > 0 ? "status.checked.external" : "status.checked",
            [
                "links": words.plural("status.links", count: report.links),
                "pages": words.plural("status.pages", count: report.pages), "milliseconds": String(elapsed),
                "external": words.plural("status.external", count: report.externalURLs),
            ])
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }
}
