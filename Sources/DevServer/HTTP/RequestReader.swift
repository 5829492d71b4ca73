/// Reads the heads of HTTP/1.x requests from a connection's bytes, in one pass: each byte is
/// looked at once when searching for the end of a line, and no line may grow past its bound
/// before it is refused (so an 8 MB request line costs 8 KB of reading, then a 414).
///
/// The bytes come from `read`, which returns what has arrived (`nil` at the end of the stream):
/// the socket in the server, arrays in the tests.
struct RequestReader {
    let limits: HTTPLimits
    /// Bytes received and not yet consumed start at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// The bytes from `start` to here hold no line feed: the next search begins here.
    private var scanned = 0

    init(limits: HTTPLimits) {
        self.limits = limits
    }

    /// True when bytes of a next request have already arrived (sent along with the last one).
    var hasBufferedBytes: Bool { start < buffer.count }

    /// The next request's head; `nil` when the stream ends before one has begun. Throws a
    /// `RequestError` for a request that breaks a bound or is not HTTP/1.x, and what `read`
    /// throws.
    mutating func nextHead(read: () async throws -> [UInt8]?) async throws -> RequestHead? {
        // RFC 9112 §2.2: a server should ignore empty lines received before a request line.
        var line: [UInt8] = []
        for _ in 0..<4 where line.isEmpty {
            guard let next = try await nextLine(limit: limits.requestLine, tooLong: .requestLineTooLong, read: read)
            else { return nil }
            line = next
        }
        var head = try Self.requestLine(line)
        var total = 0
        while true {
            guard let field = try await nextLine(limit: limits.headerLine, tooLong: .headersTooLarge, read: read) else {
                throw RequestError.malformed("the connection ended within the header fields")
            }
            if field.isEmpty { break }
            total += field.count + 2
            guard total <= limits.headerSection, head.fields.count < limits.headerCount else {
                throw RequestError.headersTooLarge
            }
            head.fields.append(try Self.field(field))
        }
        head.contentLength = try Self.contentLength(of: head, limit: limits.body)
        return head
    }

    /// Consumes a body of `length` bytes, keeping whatever follows it for the next request.
    mutating func skipBody(_ length: Int, read: () async throws -> [UInt8]?) async throws {
        var remaining = length
        let buffered = min(remaining, buffer.count - start)
        start += buffered
        scanned = start
        remaining -= buffered
        while remaining > 0 {
            guard let more = try await read(), !more.isEmpty else {
                throw RequestError.malformed("the connection ended within the body")
            }
            let used = min(remaining, more.count)
            remaining -= used
            if used < more.count { buffer.append(contentsOf: more[used...]) }
        }
        compact()
    }

    /// The next line without its CR LF (or bare LF); `nil` when the stream ends first. Throws
    /// `tooLong` as soon as the line has more than `limit` bytes, whether or not it has ended.
    private mutating func nextLine(
        limit: Int, tooLong: RequestError, read: () async throws -> [UInt8]?
    ) async throws -> [UInt8]? {
        while true {
            if let feed = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = feed
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                guard end - start <= limit else { throw tooLong }
                let line = Array(buffer[start..<end])
                start = feed + 1
                scanned = start
                return line
            }
            scanned = buffer.count
            // One more byte than the bound: a CR waiting for its LF.
            guard buffer.count - start <= limit + 1 else { throw tooLong }
            compact()
            guard let more = try await read(), !more.isEmpty else { return nil }
            buffer.append(contentsOf: more)
        }
    }

    /// Drops the consumed bytes once they are at least half the buffer: each byte is moved at
    /// most once on average, so reading stays linear.
    private mutating func compact() {
        guard start > 0, start * 2 >= buffer.count else { return }
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
    }

    // MARK: - Parsing

    /// `METHOD SP target SP HTTP/1.x` (RFC 9112 §3).
    static func requestLine(_ line: [UInt8]) throws -> RequestHead {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw RequestError.malformed("the request line is not `METHOD target HTTP/1.1`") }
        guard !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else {
            throw RequestError.malformed("the method is not a token")
        }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 != 0x7F }),
            let target = String(validating: parts[1], as: UTF8.self)
        else { throw RequestError.malformed("the target is empty or holds spaces or control characters") }
        let version = Array(parts[2])
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard version.count == 8, version.starts(with: Array("HTTP/".utf8)), digit.contains(version[5]),
            version[6] == UInt8(ascii: "."), digit.contains(version[7])
        else { throw RequestError.malformed("the version is not `HTTP/1.1`") }
        guard version[5] == UInt8(ascii: "1") else { throw RequestError.versionNotSupported }
        return RequestHead(
            method: String(decoding: parts[0], as: UTF8.self), target: target,
            minorVersion: version[7] == UInt8(ascii: "0") ? 0 : 1, fields: [])
    }

    /// `name: value` (RFC 9112 §5): no space before the colon, no folded lines, no control
    /// characters but tabs in the value.
    static func field(_ line: [UInt8]) throws -> (name: String, value: String) {
        guard let first = line.first, first != UInt8(ascii: " "), first != UInt8(ascii: "\t") else {
            throw RequestError.malformed("a header line is folded (it starts with a space)")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw RequestError.malformed("a header line has no colon")
        }
        let name = line[..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw RequestError.malformed("a header name is empty or holds spaces or separators")
        }
        var value = line[(colon + 1)...]
        while let byte = value.first, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { value.removeFirst() }
        while let byte = value.last, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { value.removeLast() }
        guard value.allSatisfy({ $0 == UInt8(ascii: "\t") || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw RequestError.malformed("a header value holds a control character")
        }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self))
    }

    /// The body's length: 0 without `Content-Length`; refused with `Transfer-Encoding`, with
    /// lengths that disagree or are not numbers (RFC 9112 §6.3: framing errors), or over `limit`.
    static func contentLength(of head: RequestHead, limit: Int) throws -> Int {
        guard head.values(of: "transfer-encoding").isEmpty else { throw RequestError.transferCoding }
        let values = head.values(of: "content-length").flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard let first = values.first else { return 0 }
        guard values.allSatisfy({ $0 == first }), (1...18).contains(first.count), first.allSatisfy(\.isASCIIDigit),
            let length = Int(first)
        else { throw RequestError.malformed("`Content-Length` is not one number") }
        guard length <= limit else { throw RequestError.bodyTooLarge }
        return length
    }

    /// A `tchar` of RFC 9110 §5.6.2: what methods and header names are made of.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
