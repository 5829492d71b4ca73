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

    /// A response that streams build events until the page goes away or the server stops.
    func response() -> ServedResponse {
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self)
        if closed {
            continuation.finish()
        } else {
            let id = UUID()
            listeners[id] = continuation
            continuation.onTermination = { _ in Task { await self.remove(id) } }
            continuation.yield(Self.event(current, retry: true))
        }
        return ServedResponse(
            status: 200, headers: ["Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store"],
            body: [], stream: stream)
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
