/// What the server shows at one moment: the files of the last build that succeeded, and the
/// errors of the latest build when it failed. The last good files stay until a build succeeds.
struct SiteSnapshot: Sendable {
    /// The last good site, by output path (`proyectos/rcn-visa/index.html`); empty before any
    /// build has succeeded.
    var files: [String: [UInt8]] = [:]
    /// The latest build's errors, or `nil` when it succeeded.
    var failure: ErrorPage?
    /// Names the latest build; pages carry it, and reload when it changes.
    var generation: String
    /// True once a first build has finished, whatever its outcome.
    var built = false
}
