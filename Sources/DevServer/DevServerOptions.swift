import AvanceKit
import Diagnostics
import Foundation

/// How `avance serve` runs.
public struct DevServerOptions: Sendable {
    /// Absolute path of the site root, which holds `content/` and `theme/`.
    public var root: String
    /// The address to listen on: `127.0.0.1` (this machine only) by default.
    public var host = "127.0.0.1"
    /// The port; 0 picks a free one.
    public var port: UInt16 = 1313
    /// How often `content/` and `theme/` are checked for saves.
    public var pollInterval: Duration = .milliseconds(300)
    /// Whether saves are watched for at all; off, only `DevServer.rebuild` builds (for a caller
    /// that says itself what changed, such as a test, which the watcher's own builds would race).
    public var watches = true
    /// Treat warnings as errors, as `avance build --strict` does.
    public var strict = false
    /// The language of the diagnostics in the panel when the command line chose one (`--lang`,
    /// `AVANCE_LANG`); the site's language otherwise.
    public var messageLanguage: String?
    /// The environment, for `SOURCE_DATE_EPOCH`: the preview's reference date, as the build's.
    public var environment = ProcessInfo.processInfo.environment
    /// Bounds of requests and connections, and the server's timeouts.
    public var limits = HTTPLimits()
    /// Hears how far each build has got, for the terminal's progress line.
    public var progress: ProgressHandler?

    /// Options to serve the site at `root`.
    public init(root: String, host: String = "127.0.0.1", port: UInt16 = 1313) {
        self.root = root
        self.host = host
        self.port = port
    }
}

/// One finished build, as the terminal reports it.
public struct BuildEvent: Sendable {
    public var result: AvanceKit.BuildResult
    /// Names the build; the pages it served reload when it changes.
    public var generation: String
    public var milliseconds: Int
    /// True once some build has succeeded: a failed build's errors are laid over that site.
    /// False while every build has failed, when the browser shows the errors alone.
    public var hasGoodSite: Bool
    /// True when the build had errors (the last good site, if any, is still served).
    public var failed: Bool { result.diagnostics.contains { $0.severity == .error } }
}
