import ArgumentParser
import AvanceKit
import Diagnostics
import Foundation
import ParallelMap

@main
struct Avance: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds a public transparency website for a city's strategy from Markdown in git.",
        version: "0.1.0",
        subcommands: [
            BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, NewCommand.self,
            ImportCommand.self, SchemaCommand.self, ReportCommand.self,
        ],
        defaultSubcommand: BuildCommand.self)

    /// Runs the command; a usage error exits with 2, as every avance error about the command
    /// line or the machine does (`Diagnostic.Cause`; ArgumentParser's default is 64).
    static func main() {
        // Each thread's heap grows 64 MB at a time, not a page or two: a rebuild of 18,000
        // entries made ~10,000 `mprotect` calls growing them (measured with `strace -c`).
        if let mallopt = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            _ = unsafeBitCast(mallopt, to: Mallopt.self)(-2, 64 << 20)  // M_TOP_PAD (malloc.h)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Diagnostic.Cause.usage.exitStatus)
            }
            exit(withError: error)
        }
    }
}

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The site root, holding content/ and theme/.")
    var root: String = "."

    @Option(name: .long, help: "How to print problems: text, json or github.")
    var format: DiagnosticReport.Format = .text

    @Flag(name: .long, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .long, help: "Print what each stage did.")
    var verbose = false

    @Option(
        name: .long,
        help: "The language of messages: en or es (default: $AVANCE_LANG, else the site's `language`).")
    var lang: String?

    /// Chooses the language of everything the command prints, once its options are read.
    func validate() throws {
        let (flag, root) = (lang, absoluteRoot)
        Output.use(loading: { Language.catalog(flag: flag, root: root) })
    }

    /// The progress line's handler: on when stderr is a terminal and `--quiet` is not given
    /// (whatever `NO_COLOR` says, which is about colour only); `nil` otherwise, so that nothing
    /// is counted.
    func progressLine() -> ProgressHandler? {
        guard !quiet, isatty(STDERR_FILENO) != 0 else { return nil }
        Output.progress.catalog = Output.catalog
        Output.progress.enabled = true
        return { Output.progress.update($0) }
    }

    /// `--root` as an absolute, standardised path.
    var absoluteRoot: String {
        URL(fileURLWithPath: root, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }
}

extension DiagnosticReport.Format: ExpressibleByArgument {}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Validate content/ and write the site into public/.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The output folder (default: <root>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yaml.")
    var baseURL: String?

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("no-git-dates"), help: "Do not read \"last updated\" dates from git.")
    var noGitDates = false

    @Flag(
        name: .customLong("no-cache"),
        help: "Render everything, without reading or saving the build cache (<root>/.avance/cache).")
    var noCache = false

    func run() throws {
        let root = common.absoluteRoot
        let outputPath = output.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL.path
        }
        let started = Date()
        var options = BuildOptions(root: root, output: outputPath, baseURL: baseURL, strict: strict)
        options.gitHistory = !noGitDates
        options.environment = ProcessInfo.processInfo.environment
        options.progress = common.progressLine()
        if !noCache { options.cacheFolder = root + (root.hasSuffix("/") ? "" : "/") + ".avance/cache" }
        options.freeAtExit = true
        let result = Build.build(options)
        defer { ProcessLifetime.keep(result) }
        if common.verbose { for line in result.log { Output.status(line) } }
        Output.report(result.diagnostics, sources: result.sources, format: common.format)
        if result.wrote, !common.quiet, common.format == .text {
            let pages = result.paths.filter { $0.hasSuffix(".html") }.count
            let elapsed = Int(Date().timeIntervalSince(started) * 1000)
            Output.say(
                "status.built",
                [
                    "pages": String(pages), "files": String(result.paths.count),
                    "folder": outputPath ?? root + "/public", "milliseconds": String(elapsed),
                ])
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

/// Where the command's words go: diagnostics to stderr as text (stdout for json/github, so CI
/// can capture them), progress to stderr. The progress line is erased before anything else is
/// printed.
enum Output {
    static let progress = ProgressLine(enabled: false) { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// The words of the command's language (English until the options are read).
    static var catalog: MessageCatalog { loading?.value ?? chosen }
    nonisolated(unsafe) private static var chosen = MessageCatalog.english
    /// The catalog being read (`use(loading:)`).
    nonisolated(unsafe) private static var loading: Background<MessageCatalog>?

    /// Speaks `catalog`'s language from now on: reports, status lines and the progress line.
    static func use(_ catalog: MessageCatalog) {
        loading = nil
        chosen = catalog
        progress.catalog = catalog
    }

    /// Speaks the language of the catalog `read` makes, read on another thread while the
    /// command goes on (the first word said waits for it): the catalogs' YAML took 2 % of a
    /// rebuild's time.
    static func use(loading read: @escaping @Sendable () -> MessageCatalog) {
        loading = Background(read)
    }

    /// The status line `key` of the catalog, with `arguments`.
    static func say(_ key: String, _ arguments: [String: String] = [:]) {
        status(catalog(key, arguments))
    }

    static func report(_ diagnostics: [Diagnostic], sources: [String: String], format: DiagnosticReport.Format) {
        progress.clear()
        let report = DiagnosticReport(diagnostics, sources: sources, catalog: catalog)
        switch format {
        case .text:
            guard !diagnostics.isEmpty else { return }
            let color = DiagnosticReport.wantsColor(
                environment: ProcessInfo.processInfo.environment, terminal: isatty(STDERR_FILENO) != 0)
            FileHandle.standardError.write(Data(report.formatted(.text, color: color).utf8))
        case .json, .github:
            FileHandle.standardOutput.write(Data(report.formatted(format).utf8))
        }
    }

    static func status(_ line: String) {
        progress.clear()
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
