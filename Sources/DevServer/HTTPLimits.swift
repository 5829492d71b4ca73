/// What the preview server accepts of one request and one connection, and how long it waits:
/// bounds that no browser comes near and that keep one slow or hostile client from holding what
/// the others need. `docs/serve.md` lists them with the status each one answers.
public struct HTTPLimits: Sendable {
    /// Bytes of the request line (`GET /path HTTP/1.1`), ending included: longer is 414.
    public var requestLine = 8_192
    /// Bytes of one header field line: longer is 431.
    public var headerLine = 8_192
    /// Bytes of all the header lines of a request together: more is 431.
    public var headerSection = 65_536
    /// Header fields in one request: more is 431.
    public var headerCount = 100
    /// Bytes of a request's body (read and thrown away: only GET and HEAD are served): more is 413.
    public var body = 1_048_576
    /// Time from a request's first byte to the end of its head (and its body): longer is 408.
    public var headTimeout: Duration = .seconds(10)
    /// Time a connection may wait for its next request before it is closed.
    public var idleTimeout: Duration = .seconds(5)
    /// Time one write of a response may wait for a client that does not read.
    public var writeTimeout: Duration = .seconds(10)
    /// Connections open at once; past it, a new one closes the oldest that is waiting for a
    /// request, or is refused (503) when every one is answering.
    public var connections = 256

    /// The defaults above.
    public init() {}
}
