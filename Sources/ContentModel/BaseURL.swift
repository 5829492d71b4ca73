import Diagnostics
import Foundation

/// The rule for the site's base URL, one for `base_url` in `site.yaml` and for `--base-url` on
/// the command line: every page, feed, API document and `robots.txt` repeats the value, so it is
/// an `http(s)://` URL with a host, or a path from `/`, and nothing that could break out of an
/// attribute, a JSON string, an XML element or a line of text.
public enum BaseURL {
    /// What is wrong with a value: `message` follows the value's name (`base_url must…`).
    public struct Problem: Sendable, Equatable {
        /// The sentence, from the catalogs (`base-url.scheme`), that follows the value's name.
        public let reason: Message
        /// The hint, from the catalogs (`base-url.scheme.hint`).
        public let advice: Message
        /// `reason` in English.
        public var message: String { MessageCatalog.english.render(reason) }
        /// `advice` in English.
        public var hint: String { MessageCatalog.english.render(advice) }

        init(_ reason: Message, hint: String) {
            self.reason = reason
            self.advice = Message(hint)
        }
    }

    /// Why `text` cannot be a base URL, or `nil` when it can.
    public static func problem(with text: String) -> Problem? {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") || text.hasPrefix("/") else {
            return Problem(Message("base-url.scheme"), hint: "base-url.scheme.hint")
        }
        // No quotes, angle brackets, spaces or line ends: nothing that could end an attribute,
        // a feed's element or a line of `robots.txt`.
        let unsafe = text.unicodeScalars.contains {
            $0.value <= 0x20 || $0.value >= 0x7F || "\"'<>\\^`{|}".unicodeScalars.contains($0)
        }
        if unsafe || text.hasPrefix("//")
            || (!text.hasPrefix("/") && URLComponents(string: text)?.host?.isEmpty != false)
        {
            return Problem(Message("base-url.malformed"), hint: "base-url.malformed.hint")
        }
        if text.contains("?") || text.contains("#") {
            return Problem(Message("base-url.query"), hint: "base-url.query.hint")
        }
        if let problem = URLAuthority.problem(in: text) {
            return Problem(
                Message("base-url.authority", parts: ["problem": problem]), hint: "base-url.authority.hint")
        }
        return nil
    }
}

/// The part of an `http(s)` URL between `//` and the path: only a host and a port. A user name
/// (`user:pass@host`) is refused outright, since `https://good.example@evil.example/` goes to
/// `evil.example`; a port is a number from 0 to 65535.
public enum URLAuthority {
    /// Why the authority of the URL `text` is refused, or `nil` (also for a URL without `//`).
    public static func problem(in text: String) -> Message? {
        guard let slashes = text.range(of: "://") else { return nil }
        let authority = text[slashes.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            return Message("url-problem.user")
        }
        var port: Substring?
        if authority.hasPrefix("[") {
            // An IPv6 address, `[::1]`, holds colons of its own.
            guard let close = authority.firstIndex(of: "]") else { return Message("url-problem.ipv6-open") }
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return Message("url-problem.ipv6-after") }
            port = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            port = authority[authority.index(after: colon)...]
        }
        if let port, !port.isEmpty {
            guard port.count <= 5, port.allSatisfy({ $0.isASCII && $0.isNumber }), Int(port)! <= 65535 else {
                return Message("url-problem.port", ["port": String(port)])
            }
        }
        return nil
    }
}
