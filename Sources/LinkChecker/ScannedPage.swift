/// What the HTML parser found in one page: the targets other links may name, and its links.
///
/// URLs and ids are kept as bytes, one after another, not as a string each: a page has dozens
/// of them, most of which lead to a file that exists and are never looked at again, so a string
/// (and its allocation) is made only of the URLs that turn out to need one.
struct ScannedPage: Sendable {
    /// Every `id`, and every `name` of an `a`, in document order.
    var ids = PageIds()
    /// The bytes of every URL of the page, one after another; `spans` says where each is.
    var urlBytes: [UInt8] = []
    /// Every URL of the page, in document order.
    var spans: [LinkSpan] = []
    /// The page's `<base href>`, when it has one.
    var base: String?

    /// Empties the page, keeping its memory for the next.
    mutating func removeAll() {
        ids.removeAll()
        urlBytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        base = nil
    }

    /// The URL of `span` as a string.
    func url(_ span: LinkSpan) -> String {
        urlBytes.withUnsafeBufferPointer { String(decoding: $0[span.range], as: UTF8.self) }
    }

    /// The link of `span`, with its URL as a string.
    func link(_ span: LinkSpan) -> RawLink {
        RawLink(url: url(span), source: span.source, tagEnd: span.tagEnd, line: span.line)
    }

    /// Every URL of the page, in document order, with strings.
    var links: [RawLink] { spans.map(link) }
}

/// Where one URL of a page is in `ScannedPage.urlBytes`, and where it is in the page.
struct LinkSpan: Sendable {
    var start: Int
    var count: Int
    var source: LinkSource
    var tagEnd: Int
    var line: Int

    var range: Range<Int> { start..<(start + count) }
}

/// A page's ids as bytes, one after another: every page keeps its ids until every link to
/// another page's fragment is checked, and tens of thousands of small strings would be as many
/// allocations.
struct PageIds: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each id ends in `bytes` (and the next begins).
    private(set) var ends: [Int] = []

    var count: Int { ends.count }
    var isEmpty: Bool { ends.isEmpty }

    mutating func append(_ id: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: id)
        ends.append(bytes.count)
    }

    mutating func append(_ id: String) {
        bytes.append(contentsOf: id.utf8)
        ends.append(bytes.count)
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    /// A copy that takes no more memory than its ids need.
    var compacted: PageIds {
        var copy = PageIds()
        copy.bytes = Self.exactCopy(bytes)
        copy.ends = Self.exactCopy(ends)
        return copy
    }

    private static func exactCopy<T>(_ array: [T]) -> [T] {
        array.withUnsafeBufferPointer { source in
            [T](unsafeUninitializedCapacity: source.count) { buffer, count in
                if let base = source.baseAddress { buffer.baseAddress!.initialize(from: base, count: source.count) }
                count = source.count
            }
        }
    }

    /// The ids as strings, in document order.
    var strings: [String] {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.map { String(decoding: all[range($0)], as: UTF8.self) }
        }
    }

    /// True when one of the ids is exactly the bytes of `id` (the same code points).
    func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { contains($0) }
    }

    /// True when one of the ids is exactly the bytes `key`.
    func contains(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.contains { index in
                let range = range(index)
                return range.count == key.count && all[range].elementsEqual(key)
            }
        }
    }

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
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
