/// Maps a request's path to a file of the built site, confined to it: percent-encoded or not,
/// `.` and `..` segments, encoded slashes and backslashes, and NUL bytes are refused before any
/// lookup, and the lookup itself is in the site's files held in memory, never on the disk.
enum RequestPath {
    enum Resolution: Sendable, Equatable {
        /// The site's file at this output path.
        case file(String)
        /// A folder asked for without its final `/`: redirect there, as static hosts do. Always
        /// one `/` and the path's segments (`//proyectos` → `/proyectos/`): a Location of
        /// `//host/…` or `/\host/…` would send the browser to another host.
        case redirect(String)
        /// A path that tries to leave the site.
        case forbidden
        case notFound
    }

    /// Resolves the raw (percent-encoded) path of a request against the site's files.
    static func resolve(_ raw: String, exists: (String) -> Bool) -> Resolution {
        var path = raw
        // The absolute form (`GET http://host/path`) is allowed by HTTP/1.1.
        for scheme in ["http://", "https://"] where path.lowercased().hasPrefix(scheme) {
            let rest = path.dropFirst(scheme.count)
            path = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<query]) }
        guard path.hasPrefix("/") else { return .forbidden }
        var segments: [String] = []
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        for part in parts {
            guard let decoded = String(part).removingPercentEncoding, !decoded.isEmpty,
                decoded != ".", decoded != "..",
                !decoded.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" })
            else { return .forbidden }
            segments.append(decoded)
        }
        let key = segments.joined(separator: "/")
        if key.isEmpty { return exists("index.html") ? .file("index.html") : .notFound }
        if path.hasSuffix("/") { return exists(key + "/index.html") ? .file(key + "/index.html") : .notFound }
        if exists(key) { return .file(key) }
        if exists(key + "/index.html") { return .redirect("/" + parts.joined(separator: "/") + "/") }
        return .notFound
    }
}
