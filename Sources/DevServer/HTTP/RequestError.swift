/// Why a request was refused before it reached the site: each case is answered with its status
/// and the connection is closed, since what follows on it cannot be trusted to be a request.
enum RequestError: Error, Sendable, Equatable {
    /// The request line is longer than `HTTPLimits.requestLine`.
    case requestLineTooLong
    /// A header line, all of them, or their number is over `HTTPLimits`.
    case headersTooLarge
    /// `Content-Length` is over `HTTPLimits.body`.
    case bodyTooLarge
    /// A body in a transfer coding (`chunked`), which the preview does not read.
    case transferCoding
    /// Not HTTP/1.0 or HTTP/1.1.
    case versionNotSupported
    /// The head did not arrive within `HTTPLimits.headTimeout`.
    case timeout
    /// Anything else that is not HTTP/1.x: the reason, for the response's text.
    case malformed(String)

    var status: Int {
        switch self {
        case .requestLineTooLong: 414
        case .headersTooLarge: 431
        case .bodyTooLarge: 413
        case .transferCoding: 501
        case .versionNotSupported: 505
        case .timeout: 408
        case .malformed: 400
        }
    }

    /// One line for the response's body.
    var message: String {
        switch self {
        case .requestLineTooLong: "The request line is too long."
        case .headersTooLarge: "The request's header fields are too large."
        case .bodyTooLarge: "The request's body is too large."
        case .transferCoding: "Transfer codings are not supported."
        case .versionNotSupported: "Only HTTP/1.0 and HTTP/1.1 are served."
        case .timeout: "The request took too long to arrive."
        case .malformed(let reason): "Bad request: \(reason)."
        }
    }
}
