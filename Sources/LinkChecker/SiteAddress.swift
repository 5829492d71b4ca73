/// Where the checked site is served, from its base URL: `https://example.org/resiliencia/` is
/// the origin `https://example.org` and the path `/resiliencia/`.
///
/// Root-relative URLs (`/resiliencia/css/site.css`) must lead under the path, and absolute URLs
/// of the same host that lead under it (canonical links) are pages of the folder, not other
/// sites.
public struct SiteAddress: Sendable, Hashable {
    /// The host part, as `example.org` or `example.org:8080`, lowercased; `nil` when only a path
    /// was given.
    public let host: String?
    /// The path the site is served under, starting and ending with `/`.
    public let path: String

    /// The address of a site served at `baseURL` (`https://host/path/`, or just `/path/`);
    /// the root of any host when `nil`.
    public init(baseURL: String?) {
        guard let baseURL, !baseURL.isEmpty else {
            host = nil
            path = "/"
            return
        }
        var rest = Substring(baseURL)
        var host: String?
        if let schemeEnd = rest.range(of: "://") {
            rest = rest[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(where: Self.endsHost) ?? rest.endIndex
            host = rest[..<hostEnd].lowercased()
            rest = rest[hostEnd...]
        }
        let pathEnd = rest.firstIndex { $0 == "?" || $0 == "#" } ?? rest.endIndex
        var path = String(rest[..<pathEnd])
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        self.host = host
        self.path = path
    }

    /// The path, query and fragment of an absolute `http(s)` URL (given without its scheme, as
    /// `//example.org/resiliencia/x/`) when its host is this site's (in any case, either
    /// scheme); `nil` for another host, or when the site's host is not known.
    func pathPart(ofAbsolute text: Substring) -> Substring? {
        guard let host, text.hasPrefix("//") else { return nil }
        let rest = text.dropFirst(2)
        let hostEnd = rest.firstIndex(where: Self.endsHost) ?? rest.endIndex
        guard rest[..<hostEnd].lowercased() == host else { return nil }
        return rest[hostEnd...]
    }

    /// `/`, `?` and `#` end the host of a URL.
    static func endsHost(_ character: Character) -> Bool {
        character == "/" || character == "?" || character == "#"
    }
}
