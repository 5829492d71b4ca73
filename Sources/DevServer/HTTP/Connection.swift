import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One client's connection: reads its requests one after the other (`RequestReader`), answers
/// each, and closes when the client asks, on a refused request, at a timeout, or when the server
/// stops. Its reads and writes are suspended on FlyingSocks' event loop, never a thread, so a
/// slow client holds only its own connection.
struct Connection: Sendable {
    let id: UInt64
    let socket: AsyncSocket
    let pool: EventPool
    let table: ConnectionTable
    let limits: HTTPLimits
    let activity: Activity
    let answer: @Sendable (RequestHead) async -> ServedResponse

    func run() async {
        var reader = RequestReader(limits: limits)
        do {
            while !table.isStopping {
                let waiting = reader.hasBufferedBytes
                table.enter(
                    id, waiting ? .head : .idle, until: .now + (waiting ? limits.headTimeout : limits.idleTimeout))
                guard let head = try await reader.nextHead(read: readSome) else { break }
                try await reader.skipBody(head.contentLength, read: readSome)
                table.enter(id, .answering, until: nil)
                let token = activity.begin()
                defer { token.finish() }
                let response = await answer(head)
                let keepAlive = head.keepsAlive && !table.isStopping
                guard try await send(response, to: head, keepAlive: keepAlive) else { break }
            }
        } catch let error as RequestError {
            await refuse(error)
        } catch {
            // Cancelled (a timeout, room for another connection, the server stopping) or the
            // client went away. A request that took too long still hears why.
            if table.ending(of: id) == .timedOut(.head) { refuseAtOnce(.timeout) }
        }
        await pool.settle()
        try? socket.close()
        table.close(id)
    }

    // MARK: - Reading

    /// What has arrived, once something has; `nil` when the client has closed.
    func readSome() async throws -> [UInt8]? {
        while true {
            try Task.checkCancellation()
            do {
                let bytes = try socket.socket.read(atMost: 65_536)
                table.received(id, headUntil: .now + limits.headTimeout)
                return bytes
            } catch SocketError.blocked {
                try await pool.suspendSocket(socket.socket, untilReadyFor: .read)
            } catch SocketError.disconnected {
                return nil
            }
        }
    }

    // MARK: - Writing

    /// Writes `response`; returns whether the connection stays open for another request.
    func send(_ response: ServedResponse, to head: RequestHead, keepAlive: Bool) async throws -> Bool {
        var keepAlive = keepAlive
        let chunked = response.stream != nil && head.minorVersion >= 1
        if response.stream != nil, !chunked { keepAlive = false }
        var lines = "HTTP/1.1 \(response.status) \(Self.phrase(response.status))\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { lines += "\(name): \(value)\r\n" }
        if chunked {
            lines += "Transfer-Encoding: chunked\r\n"
        } else if response.stream == nil, response.headers["Content-Length"] == nil {
            lines += "Content-Length: \(response.body.count)\r\n"
        }
        if !keepAlive { lines += "Connection: close\r\n" }
        try await write(Array((lines + "\r\n").utf8) + response.body)
        guard let stream = response.stream else { return keepAlive }
        for await chunk in stream where !chunk.isEmpty {
            try await write(chunked ? Array("\(String(chunk.count, radix: 16))\r\n".utf8) + chunk + [13, 10] : chunk)
        }
        try Task.checkCancellation()
        if chunked { try await write(Array("0\r\n\r\n".utf8)) }
        return keepAlive && !table.isStopping
    }

    /// Writes every byte, giving the client `writeTimeout` for each step of progress.
    func write(_ bytes: [UInt8]) async throws {
        let data = Data(bytes)
        var sent = 0
        table.enter(id, .writing, until: .now + limits.writeTimeout)
        while sent < data.count {
            try Task.checkCancellation()
            do {
                sent = try socket.socket.write(data, from: sent)
                table.enter(id, .writing, until: .now + limits.writeTimeout)
            } catch SocketError.blocked {
                try await pool.suspendSocket(socket.socket, untilReadyFor: .write)
            }
        }
        table.enter(id, .answering, until: nil)
    }

    // MARK: - Refusing

    /// Answers a refused request with its status and closes: first the writing side, then,
    /// after reading for up to a second what the client still sends, the socket. Closing at once
    /// would reset the connection, and the client could lose the answer before reading it.
    func refuse(_ error: RequestError) async {
        guard (try? await write(Self.refusal(error))) != nil else { return }
        _ = shutdown(socket.socket.file.rawValue, Int32(SHUT_WR))
        table.enter(id, .closing, until: .now + .seconds(1))
        while let bytes = try? await readSome(), !bytes.isEmpty {}
    }

    /// The refusal, written only if the socket takes it now: for a connection already cancelled.
    func refuseAtOnce(_ error: RequestError) {
        _ = try? socket.socket.write(Data(Self.refusal(error)))
    }

    static func refusal(_ error: RequestError) -> [UInt8] {
        let body = error.message + "\n"
        return Array(
            ("HTTP/1.1 \(error.status) \(phrase(error.status))\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: \(body.utf8.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n" + body)
                .utf8)
    }

    static func phrase(_ status: Int) -> String {
        phrases[status] ?? "Status"
    }

    static let phrases = [
        200: "OK", 301: "Moved Permanently", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 408: "Request Timeout", 413: "Content Too Large", 414: "URI Too Long",
        431: "Request Header Fields Too Large", 500: "Internal Server Error", 501: "Not Implemented",
        503: "Service Unavailable", 505: "HTTP Version Not Supported",
    ]
}
