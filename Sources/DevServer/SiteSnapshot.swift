import AvanceKit
import Diagnostics

/// Where the server's files come from: a site prepared by a build, whose pages render on request.
protocol ServedFiles: Sendable {
    /// Whether there is a file at `path` (relative, `proyectos/rcn-visa/index.html`).
    func contains(_ path: String) -> Bool
    /// The file's bytes; `nil` when there is none, a diagnostic when it cannot be made.
    func file(at path: String) -> Result<[UInt8], Diagnostic>?
}

extension PreparedSite: ServedFiles {}

/// What the server shows at one moment: the site of the last build that succeeded, and the
/// errors of the latest build when it failed. The last good site stays until a build succeeds.
struct SiteSnapshot: Sendable {
    /// The last good site, whose pages are rendered when asked for; `nil` before any build has
    /// succeeded.
    var site: (any ServedFiles)?
    /// The latest build's errors, or `nil` when it succeeded.
    var failure: ErrorPage?
    /// Names the latest build; pages carry it, and reload when it changes.
    var generation: String
    /// True once a first build has finished, whatever its outcome.
    var built = false
    /// The words of the server's own pages, in the site's language.
    var words = ServeWords.fallback
}
