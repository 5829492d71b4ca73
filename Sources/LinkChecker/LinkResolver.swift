import Foundation

/// Resolves the URLs written in a page to files of the folder, other sites, or problems: the
/// browser's rules for relative, root-relative and absolute URLs.
struct LinkResolver: Sendable {
    let address: SiteAddress

    /// Where a page is, to resolve its relative URLs.
    struct Page: Sendable {
        /// The page's file, such as `proyectos/rcn-visa/index.html`.
        let file: String
        /// The folders relative URLs start from: the page's own, or its `<base href>`'s.
        var folders: [String]

        /// A page at `file` without `<base href>`.
        init(file: String) {
            self.file = file
            // Splitting bytes is much cheaper than splitting characters, and the same for ASCII.
            folders =
                file.utf8.allSatisfy { $0 < 0x80 }
                ? file.utf8.split(separator: UInt8(ascii: "/")).dropLast().map { String(Substring($0)) }
                : file.split(separator: "/").dropLast().map(String.init)
        }
    }

    /// What `url`, written in `page`, points at.
    func resolve(_ url: String, in page: Page) -> LinkTarget {
        let text = Self.cleaned(url)
        if text.isEmpty { return .local(path: page.file, folder: false, fragment: nil) }
        if let schemeEnd = Self.schemeEnd(text) {
            let scheme = text[..<schemeEnd].lowercased()
            let rest = text[text.index(after: schemeEnd)...]
            switch scheme {
            case "http", "https": return absolute(rest, scheme: scheme)
            case "mailto": return .mailto(String(rest))
            case "tel": return .tel(String(rest))
            default: return .ignored
            }
        }
        if text.utf8.starts(with: "//".utf8) { return absolute(text, scheme: "https") }
        let (path, fragment) = Self.splitPath(text)
        if path.utf8.first == Self.slash { return rooted(path, fragment: fragment) }
        if path.isEmpty { return .local(path: page.file, folder: false, fragment: fragment) }
        return Self.walk(path, from: page.folders, fragment: fragment)
    }

    /// `rest` is the URL after `scheme:`: a page of this site (a canonical link), or another site.
    func absolute(_ rest: Substring, scheme: String) -> LinkTarget {
        if let local = address.localPart(ofAbsolute: rest) {
            let (path, fragment) = Self.splitPath(local)
            return rooted(path.isEmpty ? "/" : path, fragment: fragment)
        }
        guard rest.hasPrefix("//") else { return .invalid("`\(scheme):` must be followed by `//` and a host") }
        let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty { return .invalid("the URL has no host") }
        if host.contains(where: { $0.isWhitespace }) { return .invalid("the host `\(host)` has a space") }
        let withoutFragment = rest.prefix { $0 != "#" }
        return .external(scheme + ":" + withoutFragment)
    }

    /// A URL that starts with `/`: from the root of the host, so it must be under the site's path.
    func rooted(_ path: Substring, fragment: String?) -> LinkTarget {
        guard address.contains(rooted: path) else {
            let inside = Self.walk(path.dropFirst(), from: [], fragment: nil)
            guard case .local(let suggestion, let folder, _) = inside else { return .outside(.besideBasePath("")) }
            return .outside(.besideBasePath(suggestion + (folder && !suggestion.isEmpty ? "/" : "")))
        }
        let prefix = address.path.utf8.count
        guard path.utf8.count > prefix else { return .local(path: "", folder: true, fragment: fragment) }
        return Self.walk(path[path.utf8.index(path.startIndex, offsetBy: prefix)...], from: [], fragment: fragment)
    }

    /// Applies `path`'s segments to `folders`, as a browser does: `.` stays, `..` goes up (never
    /// above the root), each segment is percent-decoded before it names a file. Works on UTF-8
    /// bytes: this runs for every URL of every page.
    static func walk(_ path: Substring, from folders: [String], fragment: String?) -> LinkTarget {
        var segments = folders
        var folder = false
        let bytes = path.utf8
        var start = bytes.startIndex
        var index = start
        while true {
            let atEnd = index == bytes.endIndex
            if atEnd || bytes[index] == slash {
                let raw = path[start..<index]
                folder = true
                switch raw.utf8.count {
                case 0: break
                case 1 where raw.utf8.first == dot: break
                case 2 where raw.utf8.first == dot && raw.utf8.last == dot:
                    if segments.isEmpty { return .outside(.aboveRoot) }
                    segments.removeLast()
                default:
                    guard let segment = PercentDecoding.decode(raw) else {
                        return .invalid(PercentDecoding.problem(raw))
                    }
                    if segment == ".." || segment == "." {
                        return walk(decodedDots(path), from: folders, fragment: fragment)
                    }
                    segments.append(segment)
                    folder = false
                }
                if atEnd { break }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        return .local(path: segments.joined(separator: "/"), folder: folder, fragment: fragment)
    }

    /// `%2e%2e` is `..` to a browser: spelt out, so that `walk` sees it.
    static func decodedDots(_ path: Substring) -> Substring {
        Substring(path.replacingOccurrences(of: "%2e", with: ".", options: .caseInsensitive))
    }

    static let slash = UInt8(ascii: "/")
    static let dot = UInt8(ascii: ".")

    /// The path of a URL without scheme and host, and its decoded fragment; the query is dropped
    /// (a static server ignores it).
    static func splitPath(_ text: Substring) -> (path: Substring, fragment: String?) {
        var path = text
        var fragment: String?
        if let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) {
            let raw = text[text.utf8.index(after: hash)...]
            fragment = PercentDecoding.decode(raw) ?? String(raw)
            path = text[..<hash]
        }
        if let question = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = path[..<question] }
        return (path, fragment)
    }

    /// The index of the `:` that ends a scheme (`https:`, `mailto:`), or `nil` when `text` has
    /// none (a letter, then letters, digits, `+`, `-`, `.`).
    static func schemeEnd(_ text: Substring) -> Substring.Index? {
        guard let first = text.utf8.first, isLetter(first) else { return nil }
        for index in text.utf8.indices.dropFirst() {
            let byte = text.utf8[index]
            if byte == UInt8(ascii: ":") { return index }
            let allowed =
                isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !allowed { return nil }
        }
        return nil
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The URL as a browser reads it: without surrounding whitespace, tabs and line breaks.
    static func cleaned(_ url: String) -> Substring {
        var text = Substring(url)
        if text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            text = Substring(url.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" && $0 != "\r\n" })
        }
        guard let first = text.utf8.firstIndex(where: { $0 > 0x20 }) else { return "" }
        let last = text.utf8.lastIndex { $0 > 0x20 }!
        return text[first..<text.utf8.index(after: last)]
    }
}
