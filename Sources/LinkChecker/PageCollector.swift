import CLibXML2

#if canImport(Glibc)
    import Glibc
#endif

/// Collects a page's ids and URLs from the start tags `TagTokenizer` (or libxml2's
/// `startElement`) reads, touching only the few attributes that matter and copying only their
/// bytes. One collector serves one thread's pages one after another, its memory reused.
final class PageCollector {
    /// Only the parser's thread touches a collector, from one callback at a time: no need for
    /// the runtime's exclusivity checks on every element.
    @exclusivity(unchecked) var page = ScannedPage()
    /// The byte that stands for a NUL in the page (see `RawTextFilter`), when it has one.
    var nulSubstitute: UInt8?

    init() {
        // Room for a usual page's URLs and ids without growing.
        page.spans.reserveCapacity(64)
        page.urlBytes.reserveCapacity(2048)
    }

    /// Empties the collector for the next page.
    func reset(nulSubstitute: UInt8?) {
        page.removeAll()
        self.nulSubstitute = nulSubstitute
    }

    typealias Attributes = UnsafeMutablePointer<UnsafePointer<xmlChar>?>

    /// The element's attributes that matter, as entity-decoded bytes (`nil`: the attribute is
    /// absent, or has no value).
    struct Values {
        var id: UnsafeBufferPointer<UInt8>?
        var name: UnsafeBufferPointer<UInt8>?
        var href: UnsafeBufferPointer<UInt8>?
        var src: UnsafeBufferPointer<UInt8>?
        var srcset: UnsafeBufferPointer<UInt8>?
        var poster: UnsafeBufferPointer<UInt8>?
        var rel: UnsafeBufferPointer<UInt8>?
        var httpEquiv: UnsafeBufferPointer<UInt8>?
        var content: UnsafeBufferPointer<UInt8>?

        init() {}

        /// libxml2's attributes: pairs of NUL-terminated name and value, ended by a NULL name;
        /// only the first attribute of a name is there.
        init(_ attributes: Attributes?) {
            guard var pair = attributes else { return }
            while let name = pair[0] {
                let value = pair[1].map { UnsafeBufferPointer(start: $0, count: strlen($0)) }
                switch name[0] {
                case UInt8(ascii: "i") where CName.equals(name, "id"): id = value
                case UInt8(ascii: "h") where CName.equals(name, "href"): href = value
                case UInt8(ascii: "h") where CName.equals(name, "http-equiv"): httpEquiv = value
                case UInt8(ascii: "s") where CName.equals(name, "src"): src = value
                case UInt8(ascii: "s") where CName.equals(name, "srcset"): srcset = value
                case UInt8(ascii: "n") where CName.equals(name, "name"): self.name = value
                case UInt8(ascii: "p") where CName.equals(name, "poster"): poster = value
                case UInt8(ascii: "r") where CName.equals(name, "rel"): rel = value
                case UInt8(ascii: "c") where CName.equals(name, "content"): content = value
                default: break
                }
                pair += 2
            }
        }

        /// Sets the checked attribute number `index` (`TagTokenizer.checkedAttribute`).
        mutating func set(_ index: Int, _ value: UnsafeBufferPointer<UInt8>?) {
            switch index {
            case 0: id = value
            case 1: name = value
            case 2: href = value
            case 3: httpEquiv = value
            case 4: src = value
            case 5: srcset = value
            case 6: poster = value
            case 7: rel = value
            default: content = value
            }
        }
    }

    /// Called for every start tag with its lowercased, NUL-terminated name; `position` is where
    /// the tag ends.
    func start(_ name: UnsafePointer<xmlChar>, _ values: Values, position: (offset: Int, line: Int)) {
        if let id = values.id { addID(id) }
        guard let element = CName.element(name) else { return }
        let at = LinkSpan(start: 0, count: 0, source: .anchor, tagEnd: position.offset, line: position.line)
        switch element {
        case .anchor:
            if let anchorName = values.name { addID(anchorName) }
            add(values.href, .anchor, at)
        case .area: add(values.href, .area, at)
        case .link where !Self.isHint(values.rel): add(values.href, .link, at)
        case .link: break
        case .image:
            add(values.src, .image, at)
            addSet(values.srcset, .imageSrcset, at)
        case .source:
            add(values.src, .source, at)
            addSet(values.srcset, .sourceSrcset, at)
        case .script: add(values.src, .script, at)
        case .iframe: add(values.src, .iframe, at)
        case .embed: add(values.src, .embed, at)
        case .video:
            add(values.src, .video, at)
            add(values.poster, .videoPoster, at)
        case .audio: add(values.src, .audio, at)
        case .track: add(values.src, .track, at)
        case .metaRefresh: addRefresh(values, at)
        case .base:
            if page.base == nil, let href = values.href { page.base = text(href) }
        }
    }

    /// libxml2's `startElement`.
    func start(_ name: UnsafePointer<xmlChar>, _ attributes: Attributes?, position: (offset: Int, line: Int)) {
        start(name, Values(attributes), position: position)
    }

    /// Adds an id, a NUL written in the page read as U+FFFD, as a browser reads it.
    func addID(_ value: UnsafeBufferPointer<UInt8>) {
        guard let substitute = nulSubstitute, value.contains(substitute) else { return page.ids.append(value) }
        page.ids.append(text(value, nul: Self.replacement))
    }

    /// Adds the URL in `value`, found in a tag placed at `at`; a NUL written in the page is
    /// given back as itself, so that a report quotes the URL whole.
    func add(_ value: UnsafeBufferPointer<UInt8>?, _ source: LinkSource, _ at: LinkSpan) {
        guard let value else { return }
        let start = page.urlBytes.count
        page.urlBytes.append(contentsOf: value)
        if let substitute = nulSubstitute, value.contains(substitute) {
            for index in start..<page.urlBytes.count where page.urlBytes[index] == substitute {
                page.urlBytes[index] = 0
            }
        }
        page.spans.append(
            LinkSpan(start: start, count: value.count, source: source, tagEnd: at.tagEnd, line: at.line))
    }

    /// Adds a URL made into a string (of a `srcset` or a refresh).
    func add(_ url: String, _ source: LinkSource, _ at: LinkSpan) {
        let start = page.urlBytes.count
        page.urlBytes.append(contentsOf: url.utf8)
        page.spans.append(
            LinkSpan(start: start, count: page.urlBytes.count - start, source: source, tagEnd: at.tagEnd, line: at.line)
        )
    }

    /// Adds every URL of a `srcset`.
    func addSet(_ value: UnsafeBufferPointer<UInt8>?, _ source: LinkSource, _ at: LinkSpan) {
        guard let value else { return }
        for url in Srcset.urls(in: text(value)) { add(url, source, at) }
    }

    /// Adds the URL of `<meta http-equiv="refresh" content="0; url=…">`.
    func addRefresh(_ values: Values, _ at: LinkSpan) {
        guard let equiv = values.httpEquiv, Self.equalsIgnoringCase(equiv, "refresh"),
            let content = values.content, let url = MetaRefresh.url(in: text(content))
        else { return }
        add(url, .metaRefresh, at)
    }

    /// U+FFFD: what a browser reads a NUL in an attribute as.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// An attribute's value as a string. A NUL written in the page is given back as `nul`: itself
    /// in a URL, so that a report quotes the URL whole; U+FFFD in an id, as a browser reads it.
    func text(_ value: UnsafeBufferPointer<UInt8>, nul: Unicode.Scalar = "\u{0}") -> String {
        let string = String(decoding: value, as: UTF8.self)
        guard let substitute = nulSubstitute, value.contains(substitute) else { return string }
        return String(String.UnicodeScalarView(string.unicodeScalars.map { $0.value == UInt32(substitute) ? nul : $0 }))
    }

    /// True when `value` is `literal` (lowercase ASCII) in any case.
    static func equalsIgnoringCase(_ value: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard value.count == literal.utf8CodeUnitCount else { return false }
        for index in 0..<value.count {
            let byte = value[index]
            if (byte >= 65 && byte <= 90 ? byte + 32 : byte) != literal.utf8Start[index] { return false }
        }
        return true
    }

    /// `<link rel="preconnect">` and `dns-prefetch` name a host to warm up, not a resource.
    static func isHint(_ rel: UnsafeBufferPointer<UInt8>?) -> Bool {
        guard let rel else { return false }
        if rel.allSatisfy({ $0 < 0x80 }) {
            // ASCII: lowercase bytes; others take Unicode's lowercasing below.
            let words = rel.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
            return words.contains { word in
                let lower = word.lazy.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                return lower.elementsEqual("preconnect".utf8) || lower.elementsEqual("dns-prefetch".utf8)
            }
        }
        let words = String(decoding: rel, as: UTF8.self).lowercased().utf8.split {
            $0 == 0x20 || $0 == 0x09 || $0 == 0x0A
        }
        return words.contains { $0.elementsEqual("preconnect".utf8) || $0.elementsEqual("dns-prefetch".utf8) }
    }
}
