import Diagnostics

/// One broken link, before it becomes a diagnostic (which needs its position in the file, found
/// only for the few links that are broken).
struct LinkProblem: Sendable {
    /// What is wrong.
    enum Kind: Sendable {
        /// No file for the URL: `path` as resolved, `folder` when the URL named a folder.
        case missing(path: String, folder: Bool)
        /// The target page (`page`) has no element with the id `fragment`.
        case fragment(String, page: String)
        case outside(LinkTarget.Outside)
        case invalid(Message)
        case mailto(Message)
        case tel(Message)
        /// An external URL that did not answer with success.
        case external(ExternalStatus)
    }

    /// The page the link is in.
    var page: String
    var link: RawLink
    var kind: Kind
}

/// What checking one page produced, by one worker.
struct PageReport: Sendable {
    var page: String
    var ids = PageIds()
    /// `ids` as a set, for a page with more than `idsCompared`.
    var idSet: Set<ExactText>?
    var problems: [LinkProblem] = []
    /// Links to another page's `#fragment`, checked once every page is parsed.
    var fragments: [PendingFragment] = []
    /// URLs of other sites, to ask for when `external` is on.
    var external: [(url: String, link: RawLink)] = []
    var links = 0
    var readError: ReadError?
}

/// A link to `#fragment` of the page `target`.
struct PendingFragment: Sendable {
    var link: RawLink
    var target: String
    var fragment: String
}
