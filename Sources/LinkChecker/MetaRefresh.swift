/// The URL of `<meta http-equiv="refresh" content="5; url=next/">`.
enum MetaRefresh {
    /// The URL in a refresh `content`, or `nil` when it only reloads the page (`"30"`).
    ///
    /// Follows the HTML standard's parsing: a delay, then `;`, `,` or a space, then an optional
    /// `url=`, then the URL, optionally in quotes.
    static func url(in content: String) -> String? {
        var rest = Substring(content).drop { $0.isWhitespace }
        let delay = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !delay.isEmpty else { return nil }
        rest = rest.dropFirst(delay.count)
        guard let next = rest.first, next.isWhitespace || next == ";" || next == "," else { return nil }
        rest = rest.drop { $0.isWhitespace }
        if rest.first == ";" || rest.first == "," { rest = rest.dropFirst().drop { $0.isWhitespace } }
        if rest.prefix(3).lowercased() == "url" {
            let afterName = rest.dropFirst(3).drop { $0.isWhitespace }
            if afterName.first == "=" { rest = afterName.dropFirst().drop { $0.isWhitespace } }
        }
        if let quote = rest.first, quote == "'" || quote == "\"" {
            rest = rest.dropFirst().prefix { $0 != quote }
        }
        let url = rest.trimmingWhitespace()
        return url.isEmpty ? nil : String(url)
    }
}

extension Substring {
    /// The text without whitespace at either end.
    func trimmingWhitespace() -> Substring {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return self[first...last]
    }
}
