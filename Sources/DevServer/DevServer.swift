import AvanceKit
import Diagnostics
import FlyingSocks
import Foundation
import Loading
import Rendering

/// `avance serve`: builds the site in memory and serves it over HTTP, rebuilds after every save
/// under `content/` or `theme/`, and reloads the open pages. When a save breaks the build the
/// last good site stays served, with the errors laid over every page, until a save fixes it.
///
/// Served from memory (`Build.prepare` validates the site, and each page is rendered when a
/// browser asks for it), so `public/` is never touched, nothing outside the built site can be
/// reached, and a save waits for loading, validation and Markdown, not for every page. The HTTP
/// layer is our own small HTTP/1.1 reader and writer (`Listener`, `Connection`, `RequestReader`)
/// on FlyingSocks' non-blocking sockets, with bounds on every request and timeouts on every
/// connection (`HTTPLimits`; see docs/serve.md for why not FlyingFox's server or Hummingbird).
public actor DevServer {
    public let options: DevServerOptions
    let report: @Sendable (BuildEvent) -> Void
    let state: SiteState
    let events: ReloadEvents
    /// The responses being sent, which stopping waits for.
    nonisolated let activity = Activity()
    /// Names this run of the server, so a page served by an earlier run reloads.
    let session: String
    var builds = 0
    /// Entries and bodies of earlier builds, reused where their files did not change.
    let caches = BuildCaches()
    /// The git dates, read once: what the published site is measured against (its reference
    /// date: periods, late entries, staleness); a file edited since keeps its last commit's date.
    let history: GitHistory
    var listener: Listener?
    var watcher: Task<Void, Never>?
    var building: Task<BuildResult, Never>?
    /// The latest build, when it had no errors, and its site.
    var lastClean: (BuildResult, PreparedSite)?
    var stopped = false
    /// The site's language, from the latest build whose model could be read.
    var language: String?
    /// The port listened on, once started.
    public private(set) var port: UInt16 = 0

    /// A server for `options`; `report` hears of every finished build.
    public init(options: DevServerOptions, report: @escaping @Sendable (BuildEvent) -> Void = { _ in }) {
        self.options = options
        self.report = report
        self.session = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.state = SiteState(generation: session + "-0")
        self.events = ReloadEvents(generation: session + "-0")
        self.history =
            GitHistory.read(root: options.root, environment: options.environment).0
    }

    /// Listens, builds the site once, and starts watching; returns the site's address. Throws
    /// a `Diagnostic` when it cannot listen, and `SiteUnavailable` (having stopped) when the
    /// first build finds no site to serve (no `content/`, `theme/` or `site.yaml`: what makes
    /// `avance build` exit with 2); content errors do not stop it, their page is served.
    public func start() async throws -> String {
        let listener = try await listen()
        self.listener = listener
        self.port = listener.port
        let first = await rebuild(reportingEnvironmentErrors: false)
        if first.exitCode == 2 {
            await stop()
            throw SiteUnavailable(diagnostics: first.diagnostics, sources: first.sources)
        }
        guard options.watches else { return address }
        let watcher = SourceWatcher(root: options.root, interval: options.pollInterval)
        let pingEvery = max(1, Int(Duration.seconds(15) / options.pollInterval))
        self.watcher = Task { [events] in
            await watcher.watch(
                onChange: { changed in _ = await self.rebuild(changed: changed) },
                onTick: { tick in
                    if tick % pingEvery == 0 { await events.ping() }
                })
        }
        return address
    }

    /// The site's address, such as `http://127.0.0.1:1313/`.
    public var address: String {
        let host: String
        switch options.host {
        case "0.0.0.0", "", "::": host = "localhost"
        case let name where name.contains(":"): host = "[\(name)]"
        case let name: host = name
        }
        return "http://\(host):\(port)/"
    }

    /// Builds now (after any build under way) and shows the result.
    @discardableResult
    public func rebuild() async -> BuildResult {
        await rebuild(reportingEnvironmentErrors: true)
    }

    /// Builds after a save of the files `changed` (relative to the root; `nil`: unknown, or
    /// more than files' texts): a save that changed only Markdown bodies, or the fields of
    /// entries' own files, is taken into the last build (`Build.updateBodies`,
    /// `Build.updateEntries`); anything else is a whole build.
    @discardableResult
    public func rebuild(changed: Set<String>?) async -> BuildResult {
        await rebuild(reportingEnvironmentErrors: true, changed: changed)
    }

    func rebuild(reportingEnvironmentErrors: Bool, changed: Set<String>? = nil) async -> BuildResult {
        let previous = building
        let task = Task {
            _ = await previous?.value
            return await self.build(reportingEnvironmentErrors: reportingEnvironmentErrors, changed: changed)
        }
        building = task
        return await task.value
    }

    /// Stops watching, ends the pages' event streams, and closes the server: at once when no
    /// response is being sent, otherwise once they are sent (one second at most).
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        watcher?.cancel()
        await events.close()
        await listener?.stop(grace: .seconds(1))
        _ = await building?.value
    }

    // MARK: - Building

    /// One build, shown by the server and reported; a first build that finds no site at all is
    /// left to `start`, which refuses to serve it.
    func build(reportingEnvironmentErrors: Bool = true, changed: Set<String>? = nil) async -> BuildResult {
        let started = ContinuousClock.now
        // Only rendered, in memory: the output folder in these options is never written.
        var buildOptions = BuildOptions(root: options.root, baseURL: address, strict: options.strict)
        buildOptions.caches = caches
        buildOptions.history = history
        buildOptions.progress = options.progress
        var updated: (BuildResult, PreparedSite)?
        if let saved = changed, let (last, prepared) = lastClean {
            let changed = Build.relevantChanges(saved, since: last, options: buildOptions)
            if changed.isEmpty {
                // Only files made and gone again (an editor's): the last build stands.
                var same = last
                same.log = []
                updated = (same, prepared)
            } else {
                updated =
                    Build.updateBodies(last, prepared, changed: changed, options: buildOptions)
                    ?? Build.updateEntries(last, prepared, changed: changed, options: buildOptions)
            }
        }
        let (result, site): (BuildResult, PreparedSite?)
        if let updated {
            (result, site) = updated
        } else {
            (result, site) = await Self.prepare(buildOptions)
        }
        // What the next save's edit may be taken into: a build without errors.
        lastClean = result.diagnostics.hasErrors ? nil : site.map { (result, $0) }
        if !reportingEnvironmentErrors, result.exitCode == 2 { return result }
        builds += 1
        let generation = "\(session)-\(builds)"
        if let model = result.site?.model { language = model.language }
        var words =
            language.map { ServeWords(language: $0, theme: Strings.load(root: options.root, language: $0)) }
            ?? .fallback
        words.catalog = MessageCatalog(
            language: options.messageLanguage ?? language ?? "en", themeFolder: options.root + "/theme")
        let retired = await state.snapshot.site
        await state.update(with: result, site: site, generation: generation, words: words)
        await events.announce(generation)
        // The last site is let go once the new one is announced, away from the pages asked for
        // now: freeing a site of 20,000 pages took a tenth of the time from a save to its page.
        if let retired { Task.detached(priority: .utility) { withExtendedLifetime(retired) {} } }
        let elapsed = ContinuousClock.now - started
        let milliseconds = Int(
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let hasGoodSite = await state.snapshot.site != nil
        report(
            BuildEvent(result: result, generation: generation, milliseconds: milliseconds, hasGoodSite: hasGoodSite))
        return result
    }

    /// `Build.prepare` on a thread of its own: it is CPU-bound and synchronous, and must not hold
    /// a thread the server's connections need.
    static func prepare(_ options: BuildOptions) async -> (BuildResult, PreparedSite?) {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Build.prepare(options))
            }
        }
    }

    // MARK: - Listening

    func listen() async throws -> Listener {
        let address: any SocketAddress
        do {
            address =
                options.host.contains(":")
                ? try sockaddr_in6.inet6(ip6: options.host, port: options.port)
                : try sockaddr_in.inet(
                    ip4: options.host == "localhost" ? "127.0.0.1" : options.host, port: options.port)
        } catch {
            throw unavailable(
                Message("port-unavailable.host", ["host": options.host]), hint: Message("port-unavailable.host.hint"))
        }
        do {
            return try await Listener(
                address: address, limits: options.limits, activity: activity, answer: answer())
        } catch {
            let reason =
                if case .failed(_, _, let message) = error as? SocketError { message } else { "\(error)" }
            throw unavailable(
                Message(
                    "port-unavailable",
                    ["address": "\(options.host):\(options.port)", "reason": reason.lowercased()]),
                hint: Message("port-unavailable.hint", ["port": String(options.port &+ 1)]))
        }
    }

    func unavailable(_ message: Message, hint: Message?) -> Diagnostic {
        .error("port-unavailable", message, hint: hint)
    }

    /// Every request: the event stream, or the site answered from the latest snapshot.
    nonisolated func answer() -> @Sendable (RequestHead) async -> ServedResponse {
        { [state, events] head in
            if head.method == "GET", head.target.prefix(while: { $0 != "?" }) == LiveReload.eventsPath {
                return await events.response()
            }
            return SiteResponder(snapshot: await state.snapshot).respond(method: head.method, target: head.target)
        }
    }
}

/// Why `avance serve` refused to start: its first build found no site to serve, with the same
/// diagnostics `avance build` gives (`content-missing`, `theme-missing`, `model-missing`…).
public struct SiteUnavailable: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// The text of the files read, to quote lines in the diagnostics.
    public var sources: [String: String]
}
