/// What the HTML parser found in one page: the targets other links may name, and its links.
struct ScannedPage: Sendable {
    /// Every `id`, and every `name` of an `a`, in document order.
    var ids: [String] = []
    /// Every URL of the page, in document order.
    var links: [RawLink] = []
    /// The page's `<base href>`, when it has one.
    var base: String?
}

/// One URL as written in a page (entities decoded), and where: the end of its start tag.
struct RawLink: Sendable {
    var url: String
    var source: LinkSource
    /// The byte offset of the start tag's closing `>`, from which the attribute is found again
    /// when the link turns out to be broken (positions cost nothing until then).
    var tagEnd: Int
    /// The line libxml2 was on at the end of the tag: used when `tagEnd` does not fit the file.
    var line: Int
}
