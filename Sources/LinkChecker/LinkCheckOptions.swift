import Diagnostics

/// What to check, and how.
public struct LinkCheckOptions: Sendable {
    /// Absolute path of the folder of built HTML.
    public var folder: String
    /// How reports name the folder: each location is this, `/`, then the path inside the
    /// folder (`public/proyectos/rcn-visa/index.html`); empty for the folder's own paths.
    public var displayPath: String
    /// Where the site is served (`base_url`): root-relative URLs must start with its path, and
    /// absolute URLs under it are pages of the folder.
    public var address: SiteAddress
    /// For each page made from a content file, that file (`proyectos/rcn-visa/index.html` →
    /// `content/proyectos/rcn-visa.md`), named in the hint of the page's problems.
    public var origins: [String: String] = [:]
    /// The text of those content files (by path), so that the hint can say on which line the
    /// broken link is written.
    public var originTexts: [String: String] = [:]
    /// How to check URLs of other sites; `nil` leaves them unchecked.
    public var external: ExternalCheckOptions?
    /// Report broken external links as errors instead of warnings.
    public var strictExternal = false
    /// Report every warning as an error.
    public var strict = false
    /// Hears how many pages have been checked, for the terminal's progress line.
    public var progress: ProgressHandler?

    /// Options to check the folder at `folder`, served at `baseURL` (the root of any host
    /// when `nil`).
    public init(folder: String, displayPath: String = "", baseURL: String? = nil) {
        self.folder = folder
        self.displayPath = displayPath
        self.address = SiteAddress(baseURL: baseURL)
    }

    /// The name of a file of the folder in reports.
    func display(_ path: String) -> String {
        guard !displayPath.isEmpty else { return path }
        return displayPath.hasSuffix("/") ? displayPath + path : displayPath + "/" + path
    }
}
