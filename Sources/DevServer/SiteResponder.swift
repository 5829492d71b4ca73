import Foundation
import SiteLayout

/// An HTTP response before it meets the network.
struct ServedResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]
    /// A body sent as it comes, after `body` (chunked in HTTP/1.1): the event stream.
    var stream: AsyncStream<[UInt8]>? = nil
}

/// Answers a request from a snapshot of the site: its files, the live-reload script injected
/// into every HTML page, and the errors of a broken build laid over the last good pages.
struct SiteResponder: Sendable {
    let snapshot: SiteSnapshot

    func respond(method: String, target: String) -> ServedResponse {
        guard method == "GET" || method == "HEAD" else {
            var response = text(405, "Only GET and HEAD are served.\n")
            response.headers["Allow"] = "GET, HEAD"
            return response
        }
        var response = respond(to: target)
        if method == "HEAD" {
            response.headers["Content-Length"] = String(response.body.count)
            response.body = []
        }
        return response
    }

    func respond(to target: String) -> ServedResponse {
        let path = String(target.prefix { $0 != "?" })
        if path == LiveReload.scriptPath {
            return ServedResponse(
                status: 200, headers: headers(type: "text/javascript; charset=utf-8"),
                body: Array(LiveReload.script.utf8))
        }
        if path == LiveReload.errorsPath {
            guard let failure = snapshot.failure else { return html(200, noErrorsPage) }
            return html(200, failure.page(reloadScript: tag))
        }
        guard let site = snapshot.site else {
            if let failure = snapshot.failure { return html(500, failure.page(reloadScript: tag)) }
            return html(503, buildingPage)
        }
        switch RequestPath.resolve(path, exists: site.contains) {
        case .file(let file): return serve(file, status: 200)
        case .redirect(let location):
            // Only ever a path of this site: `//host` or `/\host` would be another host.
            guard location.hasPrefix("/"), !location.dropFirst().hasPrefix("/"), !location.dropFirst().hasPrefix("\\")
            else { return text(404, "Not found.\n") }
            var response = text(301, "Moved to \(location)\n")
            response.headers["Location"] = location
            return response
        case .forbidden: return text(403, "Forbidden: the path leaves the site.\n")
        case .notFound:
            return site.contains("404.html") ? serve("404.html", status: 404) : text(404, "Not found.\n")
        }
    }

    func serve(_ file: String, status: Int) -> ServedResponse {
        let bytes: [UInt8]
        switch snapshot.site?.file(at: file) {
        case .success(let rendered)?: bytes = rendered
        case .failure(let diagnostic)?:
            // A template that fails on this page only: its error, over nothing.
            return html(
                500, ErrorPage(diagnostics: [diagnostic], sources: [:], words: snapshot.words).page(reloadScript: tag))
        case nil: bytes = []
        }
        let type = Self.contentType(of: file)
        guard type.hasPrefix("text/html") else {
            return ServedResponse(status: status, headers: headers(type: type), body: bytes)
        }
        let page = LiveReload.inject(
            into: String(decoding: bytes, as: UTF8.self), tag: tag, panel: snapshot.failure?.panel())
        return ServedResponse(status: status, headers: headers(type: type), body: Array(page.utf8))
    }

    var tag: String { LiveReload.tag(generation: snapshot.generation) }

    func headers(type: String) -> [String: String] {
        ["Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"]
    }

    func html(_ status: Int, _ page: String) -> ServedResponse {
        ServedResponse(status: status, headers: headers(type: "text/html; charset=utf-8"), body: Array(page.utf8))
    }

    func text(_ status: Int, _ message: String) -> ServedResponse {
        ServedResponse(status: status, headers: headers(type: "text/plain; charset=utf-8"), body: Array(message.utf8))
    }

    var buildingPage: String {
        let words = snapshot.words
        return "<!DOCTYPE html><html lang=\"\(XMLText.escape(words.language))\"><head><meta charset=\"utf-8\">"
            + "<title>\(XMLText.escape(words["building_title"])) · avance serve</title></head>"
            + "<body><p>\(XMLText.escape(words["building"]))</p>\(tag)</body></html>\n"
    }

    var noErrorsPage: String {
        let words = snapshot.words
        return "<!DOCTYPE html><html lang=\"\(XMLText.escape(words.language))\"><head><meta charset=\"utf-8\">"
            + "<title>\(XMLText.escape(words["no_errors_title"])) · avance serve</title></head>"
            + "<body><p>\(XMLText.escape(words["no_errors"])) <a href=\"/\">\(XMLText.escape(words["open_site"]))</a>."
            + "</p>\(tag)</body></html>\n"
    }

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "csv": "text/csv; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon",
        "woff": "font/woff", "woff2": "font/woff2", "pdf": "application/pdf", "map": "application/json",
        "webmanifest": "application/manifest+json",
    ]

    static func contentType(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return types[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
