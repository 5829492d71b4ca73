/// The request line and header fields of one HTTP/1.x request, as the client sent them.
struct RequestHead: Sendable, Equatable {
    /// `GET`, `HEAD`…: a token, case kept.
    var method: String
    /// The request target as sent: percent-encoded, query included (`/proyectos/?q=1`).
    var target: String
    /// 0 for HTTP/1.0, 1 for HTTP/1.1.
    var minorVersion: Int
    /// The fields in order, names lowercased, values without surrounding spaces.
    var fields: [(name: String, value: String)]
    /// The body's length, from `Content-Length` (0 without one).
    var contentLength = 0

    static func == (lhs: RequestHead, rhs: RequestHead) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.minorVersion == rhs.minorVersion
            && lhs.fields.elementsEqual(rhs.fields) { $0 == $1 } && lhs.contentLength == rhs.contentLength
    }

    /// The values of the field `name` (lowercase).
    func values(of name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Whether the client lets the connection carry another request after this one: HTTP/1.1
    /// unless it says `Connection: close`; HTTP/1.0 never (its keep-alive extension is not offered).
    var keepsAlive: Bool {
        guard minorVersion >= 1 else { return false }
        return !values(of: "connection").contains { value in
            value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "close" }
        }
    }
}
