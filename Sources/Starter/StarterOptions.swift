/// What `avance init` is asked for.
public struct StarterOptions: Sendable {
    /// The absolute path of the folder to create the site in (created when missing).
    public var folder: String
    /// The language of the starter's words: a folder `starter/<language>/`.
    public var language: String
    /// The site's public address, written as `base_url`; `nil` leaves it for the city to set.
    public var baseURL: String?
    /// An id of the licence table (`CC-BY-4.0`), written as `license`; `nil` leaves it unset.
    public var license: String?
    /// Add the starter to a folder that is not empty, keeping every file already there.
    public var force = false
    /// Run `git init` in the new site (tests turn it off to stay fast).
    public var gitInit = true
    /// The `git` to run: found on `PATH` by `/usr/bin/env` by default.
    public var git = "git"

    /// Options for a site in `folder`.
    public init(folder: String, language: String = "en", baseURL: String? = nil, license: String? = nil) {
        self.folder = folder
        self.language = language
        self.baseURL = baseURL
        self.license = license
    }
}
