/// What the HTML of rendered Markdown may contain, checked after every fuzz input: the tags and
/// attributes cmark-gfm writes for Markdown (raw HTML is off), quoted attribute values, link and
/// image URLs without a script scheme, and unique ids. A violation stops the fuzzer like a crash.
enum HTMLOracle {
    static let tags: Set<String> = [
        "a", "blockquote", "br", "code", "del", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img", "input", "li",
        "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
    ]
    static let attributes: Set<String> = [
        "href", "title", "src", "alt", "id", "class", "style", "type", "checked", "disabled", "start", "align",
    ]
    /// The only `data:` URLs cmark-gfm lets through, for images.
    static let dataImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]

    /// Stops the process when `condition` is false, so that libFuzzer saves the input.
    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fatalError("HTML oracle: \(message())") }
    }

    /// Checks one HTML fragment.
    static func check(_ html: String) {
        var scanner = Scanner(Array(html.utf8))
        var ids: Set<String> = []
        while let tag = scanner.nextTag() {
            require(tags.contains(tag.name), "tag <\(tag.name)> in \(html)")
            for (name, value) in tag.attributes {
                require(attributes.contains(name), "attribute \(name) on <\(tag.name)> in \(html)")
                if name == "href" || name == "src" {
                    require(isSafeURL(value), "URL \(value) in \(html)")
                }
                if name == "style" {
                    require(value.hasPrefix("text-align: ") && !value.contains(";"), "style \(value)")
                }
                if name == "id" { require(ids.insert(value).inserted, "id \(value) twice in \(html)") }
            }
        }
    }

    /// The `id` attributes of `html`, in order.
    static func ids(in html: String) -> [String] {
        var scanner = Scanner(Array(html.utf8))
        var ids: [String] = []
        while let tag = scanner.nextTag() {
            ids += tag.attributes.filter { $0.name == "id" }.map(\.value)
        }
        return ids
    }

    /// True unless a browser would run the URL as script (or read a local file): the scheme is read
    /// as browsers do, with character references decoded and tabs, newlines and controls removed.
    static func isSafeURL(_ value: String) -> Bool {
        let decoded = decodeReferences(value).unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }
        let url = String(String.UnicodeScalarView(decoded)).lowercased()
        guard let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") else { return true }
        let scheme = url[..<colon]
        if scheme == "data" { return dataImages.contains { url.hasPrefix($0) } }
        return !["javascript", "vbscript", "livescript", "file"].contains(scheme)
    }

    /// `&amp;`, `&quot;`, `&lt;`, `&gt;`, `&#NN;` and `&#xNN;`; cmark-gfm writes no others.
    static func decodeReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";") else { break }
            let name = rest[rest.index(after: ampersand)..<semicolon]
            let named = ["amp": "&", "quot": "\"", "lt": "<", "gt": ">"]
            if let character = named[String(name)] {
                result += character
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16),
                let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += rest[...semicolon]
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// A tag as written: its name and attributes (values still escaped).
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// Reads the tags of an HTML fragment in order; comments are skipped, text is ignored but a
    /// `<` in it that does not open a tag is a violation.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func nextTag() -> Tag? {
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    index += 1
                    continue
                }
                index += 1
                if starts(with: "!--") {
                    guard let end = find("-->") else {
                        require(false, "unclosed comment")
                        return nil
                    }
                    index = end + 3
                    continue
                }
                if peek == UInt8(ascii: "/") { index += 1 }
                let name = readName()
                require(!name.isEmpty, "a bare `<` in the HTML")
                var tag = Tag(name: name, attributes: [])
                while true {
                    skipSpaces()
                    guard let byte = peek else {
                        require(false, "unclosed tag <\(name)>")
                        return nil
                    }
                    if byte == UInt8(ascii: ">") {
                        index += 1
                        return tag
                    }
                    if starts(with: "/>") {
                        index += 2
                        return tag
                    }
                    let attribute = readName()
                    require(!attribute.isEmpty, "unreadable attribute in <\(name)>")
                    var value = ""
                    if peek == UInt8(ascii: "=") {
                        index += 1
                        require(peek == UInt8(ascii: "\""), "unquoted value of \(attribute)")
                        index += 1
                        let start = index
                        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
                        value = String(decoding: bytes[start..<min(index, bytes.count)], as: UTF8.self)
                        index += 1
                    }
                    tag.attributes.append((attribute.lowercased(), value))
                }
            }
            return nil
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func readName() -> String {
            let start = index
            while let byte = peek,
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        }

        mutating func skipSpaces() {
            while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x09 { index += 1 }
        }

        func starts(with text: StaticString, at position: Int? = nil) -> Bool {
            let start = position ?? index
            let count = text.utf8CodeUnitCount
            guard start + count <= bytes.count else { return false }
            return (0..<count).allSatisfy { bytes[start + $0] == text.utf8Start[$0] }
        }

        func find(_ text: StaticString) -> Int? {
            var position = index
            while position + text.utf8CodeUnitCount <= bytes.count {
                if starts(with: text, at: position) { return position }
                position += 1
            }
            return nil
        }
    }
}
