import Diagnostics
import Foundation

/// Resolves the URLs written in a page to files of the folder, other sites, or problems: the
/// browser's rules for relative, root-relative and absolute URLs.
///
/// Paths are resolved from the root of the host, as a browser does: the site's path
/// (`/resiliencia/`), then the page's folders, then the URL's segments, a `..` above the host's
/// root staying at the root (RFC 3986's remove_dot_segments). Only then is the result checked to
/// be under the site's path.
struct LinkResolver: Sendable {
    let address: SiteAddress
    /// The site's path as decoded segments: `["resiliencia"]` for `/resiliencia/`.
    let siteSegments: [String]

    init(address: SiteAddress) {
        self.address = address
        siteSegments = address.path.split(separator: "/").map { PercentDecoding.decode($0) ?? String($0) }
    }

    /// Where a page is, to resolve its relative URLs.
    struct Page: Sendable {
        /// The page's file, such as `proyectos/rcn-visa/index.html`.
        let file: String
        /// The folders relative URLs start from, inside the site: the page's own, or its
        /// `<base href>`'s.
        var folders: [String]
        /// When the page's `<base href>` is on this host but outside the site's path, the folders
        /// it names from the host's root; relative URLs start there instead.
        var hostFolders: [String]?

        /// A page at `file` without `<base href>`.
        init(file: String) {
            self.file = file
            // Cutting at the bytes is much cheaper than splitting characters, and the same for ASCII.
            guard file.utf8.allSatisfy({ $0 < 0x80 }) else {
                folders = file.split(separator: "/").dropLast().map(String.init)
                return
            }
            var folders: [String] = []
            let bytes = file.utf8
            // Each non-empty segment but the last, as `split` and `dropLast` give them.
            var previous: Substring?
            var start = bytes.startIndex
            for index in bytes.indices where bytes[index] == UInt8(ascii: "/") {
                if index > start {
                    if let previous { folders.append(String(previous)) }
                    previous = file[start..<index]
                }
                start = bytes.index(after: index)
            }
            if start < bytes.endIndex, let previous { folders.append(String(previous)) }
            self.folders = folders
        }
    }

    /// What `url`, written in `page`, points at.
    func resolve(_ url: String, in page: Page) -> LinkTarget {
        let text = Self.cleaned(url)
        if text.isEmpty { return .local(path: page.file, folder: false, fragment: nil) }
        if text.utf8.contains(0) { return .invalid(Message("link-invalid.nul")) }
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
        switch Self.walk(path, from: page.hostFolders ?? siteSegments + page.folders, site: siteSegments) {
        case .success(let walk): return target(of: walk, fragment: fragment)
        case .failure(let problem): return .invalid(problem.why)
        }
    }

    /// `rest` is the URL after `scheme:`: a page of this site (a canonical link), or another site.
    func absolute(_ rest: Substring, scheme: String) -> LinkTarget {
        if let local = address.pathPart(ofAbsolute: rest) {
            let (path, fragment) = Self.splitPath(local)
            // The same host, but not under the site's path (once `..` are applied): another site.
            guard case .success(let walk) = Self.walk(path.dropFirst(), from: [], site: siteSegments),
                Self.starts(walk.segments, with: siteSegments)
            else { return .external(scheme + ":" + rest.prefix { $0 != "#" }) }
            return target(of: walk, fragment: fragment)
        }
        guard rest.hasPrefix("//") else { return .invalid(Message("link-invalid.slashes", ["scheme": scheme])) }
        let host = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.isEmpty { return .invalid(Message("link-invalid.no-host")) }
        if host.contains(where: { $0.isWhitespace }) {
            return .invalid(Message("link-invalid.host-space", ["host": String(host)]))
        }
        let withoutFragment = rest.prefix { $0 != "#" }
        let hostEnd = withoutFragment.utf8.index(withoutFragment.startIndex, offsetBy: 2 + host.utf8.count)
        return .external(
            scheme + ":" + withoutFragment[..<hostEnd] + Self.percentEncoded(withoutFragment[hostEnd...]))
    }

    /// The path and query of an external URL with every byte outside ASCII percent-encoded, as a
    /// browser sends it: one URL is then one string, whatever Swift's `==` says of accents
    /// written composed or decomposed, when URLs are gathered in a set, looked up and cached.
    static func percentEncoded(_ text: Substring) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return String(text) }
        var out = ""
        for byte in text.utf8 {
            if byte < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out +=
                    "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// A URL that starts with `/`: from the root of the host, so it must be under the site's path.
    func rooted(_ path: Substring, fragment: String?) -> LinkTarget {
        switch Self.walk(path.dropFirst(), from: [], site: siteSegments) {
        case .success(let walk): return target(of: walk, fragment: fragment)
        case .failure(let problem): return .invalid(problem.why)
        }
    }

    /// The file of the folder a path of the host names, or how it leaves the site.
    func target(of walk: Walk, fragment: String?) -> LinkTarget {
        if Self.starts(walk.segments, with: siteSegments) {
            let inside = walk.segments.dropFirst(siteSegments.count)
            return .local(
                path: inside.joined(separator: "/"), folder: walk.folder || inside.isEmpty, fragment: fragment)
        }
        if walk.climbedOut { return .outside(.aboveRoot) }
        let suggestion = walk.segments.joined(separator: "/")
        return .outside(.besideBasePath(suggestion + (walk.folder && !suggestion.isEmpty ? "/" : "")))
    }

    /// The page as its `<base href>` makes it, when the base is a path of this host (relative,
    /// root-relative, or an `http(s)` URL of the site's host); `nil` for any other base.
    func page(_ page: Page, withBase base: String) -> Page? {
        var text = Self.cleaned(base)
        var start = page.hostFolders ?? siteSegments + page.folders
        if let schemeEnd = Self.schemeEnd(text) {
            let scheme = text[..<schemeEnd].lowercased()
            guard scheme == "http" || scheme == "https",
                let part = address.pathPart(ofAbsolute: text[text.index(after: schemeEnd)...])
            else { return nil }
            text = part.isEmpty ? "/" : part
        } else if text.utf8.starts(with: "//".utf8) {
            guard let part = address.pathPart(ofAbsolute: text) else { return nil }
            text = part.isEmpty ? "/" : part
        }
        let (path, _) = Self.splitPath(text)
        var relative = path
        if path.utf8.first == Self.slash {
            start = []
            relative = path.dropFirst()
        }
        guard case .success(let walk) = Self.walk(relative, from: start, site: siteSegments) else { return nil }
        let folders = walk.folder ? walk.segments : Array(walk.segments.dropLast())
        var result = page
        if Self.starts(folders, with: siteSegments) {
            result.folders = Array(folders.dropFirst(siteSegments.count))
            result.hostFolders = nil
        } else {
            result.folders = []
            result.hostFolders = folders
        }
        return result
    }

    /// A path of the host, once a URL's segments are applied.
    struct Walk {
        /// Decoded segments from the host's root.
        var segments: [String]
        /// The URL ends in a folder: its last segment is empty, `.` or `..`.
        var folder: Bool
        /// A `..` left the site's path after the path was inside it.
        var climbedOut = false
    }

    /// Why a path cannot be walked: a bad `%` escape.
    struct BadEscape: Error {
        let why: Message
    }

    /// Applies `path`'s segments to `folders` (from the host's root), as a browser does: `.`
    /// stays, `..` goes up (never above the host's root), each segment is percent-decoded
    /// before it names a file. `site` is the site's path, to tell when `..` climbs out of it.
    static func walk(_ path: Substring, from folders: [String], site: [String]) -> Result<Walk, BadEscape> {
        var segments = folders
        var folder = false
        var inside = starts(folders, with: site)
        var climbedOut = false
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
                    if !segments.isEmpty { segments.removeLast() }
                    if inside, segments.count < site.count {
                        inside = false
                        climbedOut = true
                    }
                default:
                    guard let segment = PercentDecoding.decode(raw) else {
                        return .failure(BadEscape(why: PercentDecoding.problem(raw)))
                    }
                    if segment == ".." || segment == "." {
                        return walk(decodedDots(path), from: folders, site: site)
                    }
                    segments.append(segment)
                    folder = false
                    if !inside, segments.count == site.count, starts(segments, with: site) {
                        inside = true
                        climbedOut = false
                    }
                }
                if atEnd { break }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        return .success(Walk(segments: segments, folder: folder, climbedOut: climbedOut))
    }

    /// True when `segments` begin with `prefix`, compared code point by code point.
    static func starts(_ segments: [String], with prefix: [String]) -> Bool {
        segments.count >= prefix.count && zip(segments, prefix).allSatisfy { ExactText.equal($0, $1) }
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
