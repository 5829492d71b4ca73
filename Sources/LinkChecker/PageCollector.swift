import CLibXML2

/// Collects a page's ids and URLs from libxml2's `startElement` calls, touching only the few
/// attributes that matter and making Swift strings only of those.
final class PageCollector {
    /// Only the parser's thread touches a collector, from one callback at a time: no need for
    /// the runtime's exclusivity checks on every element.
    @exclusivity(unchecked) var page = ScannedPage()
    /// The byte that stands for a NUL in the page (see `RawTextFilter`), when it has one.
    var nulSubstitute: UInt8?

    init() {
        // Room for a usual page's URLs and ids without growing.
        page.links.reserveCapacity(64)
        page.ids.reserveCapacity(16)
    }

    typealias Attributes = UnsafeMutablePointer<UnsafePointer<xmlChar>?>

    /// The element's attributes that matter, as libxml2's NUL-terminated, entity-decoded values.
    struct Values {
        var id: UnsafePointer<xmlChar>?
        var name: UnsafePointer<xmlChar>?
        var href: UnsafePointer<xmlChar>?
        var src: UnsafePointer<xmlChar>?
        var srcset: UnsafePointer<xmlChar>?
        var poster: UnsafePointer<xmlChar>?
        var rel: UnsafePointer<xmlChar>?
        var httpEquiv: UnsafePointer<xmlChar>?
        var content: UnsafePointer<xmlChar>?

        init(_ attributes: Attributes?) {
            guard var pair = attributes else { return }
            while let name = pair[0] {
                let value = pair[1]
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
    }

    /// Called for every start tag; `position` is where the tag ends.
    func start(_ name: UnsafePointer<xmlChar>, _ attributes: Attributes?, position: (offset: Int, line: Int)) {
        let values = Values(attributes)
        if let id = values.id { page.ids.append(text(id, nul: Self.replacement)) }
        guard let element = CName.element(name) else { return }
        let at = RawLink(url: "", source: .anchor, tagEnd: position.offset, line: position.line)
        switch element {
        case .anchor:
            if let anchorName = values.name { page.ids.append(text(anchorName, nul: Self.replacement)) }
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

    /// Adds the URL in `value`, found in a tag placed at `at`.
    func add(_ value: UnsafePointer<xmlChar>?, _ source: LinkSource, _ at: RawLink) {
        guard let value else { return }
        page.links.append(RawLink(url: text(value), source: source, tagEnd: at.tagEnd, line: at.line))
    }

    /// Adds every URL of a `srcset`.
    func addSet(_ value: UnsafePointer<xmlChar>?, _ source: LinkSource, _ at: RawLink) {
        guard let value else { return }
        for url in Srcset.urls(in: text(value)) {
            page.links.append(RawLink(url: url, source: source, tagEnd: at.tagEnd, line: at.line))
        }
    }

    /// Adds the URL of `<meta http-equiv="refresh" content="0; url=…">`.
    func addRefresh(_ values: Values, _ at: RawLink) {
        guard let equiv = values.httpEquiv, CName.equalsIgnoringCase(equiv, "refresh"),
            let content = values.content, let url = MetaRefresh.url(in: text(content))
        else { return }
        page.links.append(RawLink(url: url, source: .metaRefresh, tagEnd: at.tagEnd, line: at.line))
    }

    /// U+FFFD: what a browser reads a NUL in an attribute as.
    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// An attribute's value as a string. A NUL written in the page is given back as `nul`: itself
    /// in a URL, so that a report quotes the URL whole; U+FFFD in an id, as a browser reads it.
    func text(_ value: UnsafePointer<xmlChar>, nul: Unicode.Scalar = "\u{0}") -> String {
        guard let substitute = nulSubstitute, Self.contains(value, substitute) else { return String(cString: value) }
        let string = String(cString: value)
        return String(String.UnicodeScalarView(string.unicodeScalars.map { $0.value == UInt32(substitute) ? nul : $0 }))
    }

    static func contains(_ value: UnsafePointer<xmlChar>, _ byte: UInt8) -> Bool {
        var index = 0
        while value[index] != 0 {
            if value[index] == byte { return true }
            index += 1
        }
        return false
    }

    /// `<link rel="preconnect">` and `dns-prefetch` name a host to warm up, not a resource.
    static func isHint(_ rel: UnsafePointer<xmlChar>?) -> Bool {
        guard let rel else { return false }
        var end = 0
        while rel[end] != 0, rel[end] < 0x80 { end += 1 }
        if rel[end] == 0 {
            // ASCII: lowercase bytes; others take Unicode's lowercasing below.
            let words = UnsafeBufferPointer(start: rel, count: end).split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
            return words.contains { word in
                let lower = word.lazy.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
                return lower.elementsEqual("preconnect".utf8) || lower.elementsEqual("dns-prefetch".utf8)
            }
        }
        let words = String(cString: rel).lowercased().utf8.split { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        return words.contains { $0.elementsEqual("preconnect".utf8) || $0.elementsEqual("dns-prefetch".utf8) }
    }
}
