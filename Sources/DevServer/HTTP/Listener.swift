import FlyingSocks
import Foundation

/// The preview's HTTP/1.1 server: listens on one address, accepts connections and gives each to
/// a `Connection` of its own, cancels those past their time, and stops cleanly.
///
/// Written on FlyingSocks (FlyingFox's socket layer: non-blocking sockets on `epoll`/`kqueue`)
/// rather than on FlyingFox's HTTP server, whose request decoding cannot be bounded or replaced:
/// it reads a line by appending byte after byte and comparing the buffer's end each time
/// (quadratic), with no bound on the line, the headers or the time a client takes.
final class Listener: Sendable {
    let limits: HTTPLimits
    private let socket: AsyncSocket
    private let pool: EventPool
    private let table: ConnectionTable
    private let tasks: Tasks

    /// The background tasks: the event loop, the accept loop, and the timeout reaper.
    private struct Tasks: Sendable {
        var pool: Task<Void, Never>
        var accept: Task<Void, Never>
        var reaper: Task<Void, Never>
    }

    /// Listens on `address` and serves every request with `answer`. Throws when the address
    /// cannot be listened on (`SocketError`: in use, not this machine's…).
    init(
        address: some SocketAddress, limits: HTTPLimits, activity: Activity,
        answer: @escaping @Sendable (RequestHead) async -> ServedResponse
    ) async throws {
        let pool = EventPool.make()
        try await pool.prepare()
        let listening = try Socket(domain: Int32(type(of: address).family), type: .stream)
        do {
            try listening.setValue(true, for: .localAddressReuse)
            try listening.bind(to: address)
            try listening.listen()
        } catch {
            try? listening.close()
            throw error
        }
        let socket = try AsyncSocket(socket: listening, pool: pool)
        let table = ConnectionTable()
        self.table = table
        self.limits = limits
        self.socket = socket
        self.pool = pool
        self.tasks = Tasks(
            pool: Task { try? await pool.run() },
            accept: Task {
                await Self.accept(
                    on: socket, pool: pool, table: table, limits: limits, activity: activity, answer: answer)
            },
            reaper: Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(100))
                    table.reap()
                }
            })
    }

    /// The port listened on.
    var port: UInt16 {
        switch try? socket.socket.sockname() {
        case .ip4(_, let port)?, .ip6(_, let port)?: port
        default: 0
        }
    }

    private static func accept(
        on socket: AsyncSocket, pool: EventPool, table: ConnectionTable, limits: HTTPLimits,
        activity: Activity, answer: @escaping @Sendable (RequestHead) async -> ServedResponse
    ) async {
        while !Task.isCancelled {
            let client: AsyncSocket
            do {
                client = try await socket.accept()
            } catch {
                // Out of file descriptors, say: wait a little rather than spin.
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            guard let id = table.open(limit: limits.connections, idleUntil: .now + limits.idleTimeout) else {
                _ = try? client.socket.write(
                    Data(
                        ("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 1\r\n"
                            + "Connection: close\r\n\r\n").utf8))
                try? client.close()
                continue
            }
            let connection = Connection(
                id: id, socket: client, pool: pool, table: table, limits: limits, activity: activity, answer: answer)
            table.attach(id, task: Task { await connection.run() })
        }
    }

    /// Stops listening, closes every connection that is waiting for a request, lets those
    /// answering finish within `grace`, then closes them too.
    func stop(grace: Duration) async {
        tasks.accept.cancel()
        await tasks.accept.value
        await pool.settle()
        try? socket.close()
        table.stopWaiting()
        let deadline = ContinuousClock.now + grace
        while !table.isEmpty, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(2)) }
        for task in table.cancelAll() { await task.value }
        tasks.reaper.cancel()
        tasks.pool.cancel()
        await tasks.pool.value
    }
}
