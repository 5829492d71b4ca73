import Diagnostics

/// What a URL written in a page points at, once resolved against the page.
enum LinkTarget: Sendable, Equatable {
    /// A file or folder of the checked folder: `path` is decoded and relative to the folder
    /// (empty for its root); `folder` when the URL ends with `/` (served as `index.html`).
    case local(path: String, folder: Bool, fragment: String?)
    /// An `http` or `https` URL of another site, without its fragment.
    case external(String)
    /// The part after `mailto:`.
    case mailto(String)
    /// The part after `tel:`.
    case tel(String)
    /// A URL that leaves the folder.
    case outside(Outside)
    /// A URL that cannot be parsed, and why.
    case invalid(Message)
    /// A scheme that is not checked (`data:`, `javascript:`, `ftp:`…).
    case ignored

    /// How a URL left the folder.
    enum Outside: Sendable, Equatable {
        /// Too many `..`: above the folder's root.
        case aboveRoot
        /// Root-relative, but not under the path the site is served at (`/css/` for a site at
        /// `/resiliencia/`); carries the path as it would be inside the site, to suggest it.
        case besideBasePath(String)
    }
}
