import FlyingFox
import FlyingSocks
import Foundation

/// The Server-Sent Events stream open pages listen to: on connecting, and after every build,
/// each listener gets `event: build` with the build's generation. Closing ends every stream, so
/// the server can stop without waiting for open pages.
actor ReloadEvents {
    private var listeners: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var current: String
    private var closed = false

    init(generation: String) {
        self.current = generation
    }

    /// The number of open streams.
    var count: Int { listeners.count }

    /// A response that streams build events until the page goes away or the server stops;
    /// it holds `token` (the server's count of responses under way) until it ends.
    func response(token: Activity.Token? = nil) -> HTTPResponse {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        if closed {
            continuation.finish()
        } else {
            let id = UUID()
            listeners[id] = continuation
            continuation.onTermination = { _ in Task { await self.remove(id) } }
            continuation.yield(Self.event(current, retry: true))
        }
        return HTTPResponse(
            statusCode: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: HTTPBodySequence(from: EventBytes(stream: stream, token: token)))
    }

    /// Tells every open page that build `generation` has finished.
    func announce(_ generation: String) {
        current = generation
        for continuation in listeners.values { continuation.yield(Self.event(generation, retry: false)) }
    }

    /// A comment line, so that streams of pages that were closed fail and are dropped.
    func ping() {
        for continuation in listeners.values { continuation.yield(Array(": ping\n\n".utf8)) }
    }

    /// Ends every stream, and refuses new ones.
    func close() {
        closed = true
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }

    static func event(_ generation: String, retry: Bool) -> [UInt8] {
        Array(((retry ? "retry: 1000\n" : "") + "event: build\ndata: \(generation)\n\n").utf8)
    }
}

/// The bytes of an event stream, as FlyingFox sends a chunked body.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<[UInt8]>
    /// Released with the response, once its last chunk is written.
    var token: Activity.Token?

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let taken = Array(pending.prefix(Swift.max(1, count)))
            pending.removeFirst(taken.count)
            return taken
        }
    }
}
