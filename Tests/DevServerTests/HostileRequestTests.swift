import Foundation
import Testing

@testable import DevServer

/// What `avance serve` does with requests no browser sends: over-long request lines and headers,
/// slow and idle clients, bodies, malformed requests, and paths that would redirect to another
/// host. Every client is on 127.0.0.1, and every blocking call runs on a thread of its own.
@Suite(.serialized) struct HostileRequestTests {
    func start(
        _ name: String, configure: (inout DevServerOptions) -> Void = { _ in }
    ) async throws -> (DevServer, String, UInt16) {
        try await DevServerTests().start("hostile-" + name, configure: configure)
    }

    /// Sends `bytes` from one thread while another reads the answer; the answer (until the
    /// server closes, or 10 s pass) and how long it took.
    func exchange(_ bytes: [UInt8], port: UInt16) async -> (status: Int, text: String, elapsed: Duration) {
        await onThread {
            let started = ContinuousClock.now
            guard let client = RawHTTP(port: port, timeout: 10) else { return (0, "", .zero) }
            Thread.detachNewThread { client.send(bytes: bytes) }
            let text = client.receiveAll()
            return (RawHTTP.status(of: text), text, ContinuousClock.now - started)
        }
    }

    func exchange(_ text: String, port: UInt16) async -> (status: Int, text: String, elapsed: Duration) {
        await exchange(Array(text.utf8), port: port)
    }

    /// `GET /` with a request line of `length` bytes or more.
    static func longRequestLine(_ length: Int) -> [UInt8] {
        Array("GET /".utf8) + [UInt8](repeating: UInt8(ascii: "a"), count: length)
            + Array(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
    }

    /// A normal request on a thread of its own, timed.
    func timedGet(_ target: String, port: UInt16) async -> (status: Int, elapsed: Duration) {
        await onThread {
            let started = ContinuousClock.now
            let status = RawHTTP.get(target, port: port, timeout: 10)?.status ?? 0
            return (status, ContinuousClock.now - started)
        }
    }

    @Test func aRequestLineOverTheBoundGets414Quickly() async throws {
        let (server, root, port) = try await start("line")
        defer { try? FileManager.default.removeItem(atPath: root) }
        // 1 MB: a server that reads a request line to its end before judging it never answered
        // one so long (FlyingFox 0.27.1 answered 50 KB in 1.1 s, 400 KB in 66 s, 1 MB never); one
        // that stops at the bound answers in milliseconds. The bound of 10 s tells the two apart
        // on a loaded machine (2 s did not: 2.2 s while the other suites ran at once).
        let response = await exchange(Self.longRequestLine(1_000_000), port: port)
        print("1 MB request line: \(response.status) in \(response.elapsed)")
        #expect(response.status == 414)
        #expect(response.text.contains("Connection: close"))
        #expect(response.elapsed < .seconds(10))
        // A line at the bound is still served.
        let atBound = HTTPLimits().requestLine - "GET / HTTP/1.1".utf8.count
        let fitting = await exchange(Self.longRequestLine(atBound), port: port)
        #expect(fitting.status == 404)
        await server.stop()
    }

    /// Header fields over one bound each, named for the test's report: (name, count, length).
    @Test(arguments: [
        ("X-Big", 1, 1_000_000), ("Cookie", 1, 9_000), ("X-Part", 12, 6_000), ("X-Many", 101, 1),
    ])
    func headersOverTheBoundGet431(name: String, count: Int, length: Int) async throws {
        let headers = String(repeating: "\(name): \(String(repeating: "a", count: length))\r\n", count: count)
        let (server, root, port) = try await start("headers")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let response = await exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(headers)\r\n", port: port)
        #expect(response.status == 431)
        // Answered at the bound, not after the whole head (as the request line's test: 10 s
        // tells that apart from never on a loaded machine).
        #expect(response.elapsed < .seconds(10))
        #expect(await timedGet("/", port: port).status == 200)
        await server.stop()
    }

    /// `//host/path` in a Location header is another host to a browser; so is `/\host` to
    /// some. A path with several leading slashes redirects to the path with one; backslashes
    /// and encoded slashes are refused as before.
    @Test(arguments: [
        ("//proyectos", 301), ("///proyectos", 301), ("//proyectos/parque-lineal", 301),
        ("//evil.example/proyectos", 404), ("/\\evil.example/proyectos", 403), ("/%2F%2Fevil.example", 403),
        ("/%5Cevil.example", 403), ("http://evil.example//proyectos", 301), ("//proyectos?x=//evil.example", 301),
    ])
    func noRedirectLeavesTheSite(target: String, status: Int) async throws {
        let (server, root, port) = try await start("redirect")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let response = try #require(await onThread { RawHTTP.get(target, port: port) })
        #expect(response.status == status, "\(target)")
        let location = response.text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
            .map { $0.dropFirst("location:".count).trimmingCharacters(in: .whitespaces) }
        if status == 301 {
            let value = try #require(location, "\(target)")
            #expect(value.hasPrefix("/proyectos"), "\(target) → \(value)")
        }
        if let location {
            #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.hasPrefix("/\\"))
            #expect(!location.contains("evil"))
        }
        await server.stop()
    }

    /// The issue's bar: three clients each send an 8 MB request line at once, and a normal
    /// request is answered within 2 seconds (FlyingFox 0.27.1 never answered: its line reader
    /// is quadratic, and every later connection timed out).
    @Test func threeClientsSending8MBRequestLinesDoNotStallANormalRequest() async throws {
        let (server, root, port) = try await start("flood")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let line = Self.longRequestLine(8 * 1_024 * 1_024)
        async let first = exchange(line, port: port)
        async let second = exchange(line, port: port)
        async let third = exchange(line, port: port)
        try await Task.sleep(for: .milliseconds(200))
        let normal = await timedGet("/", port: port)
        print("a normal request during three 8 MB request lines: \(normal.status) in \(normal.elapsed)")
        #expect(normal.status == 200)
        #expect(normal.elapsed < .seconds(2))
        for hostile in await [first, second, third] {
            print("8 MB request line: \(hostile.status) in \(hostile.elapsed)")
            #expect(hostile.status == 414)
        }
        await server.stop()
    }

    /// A client that sends its request one byte at a time holds its own connection only, and
    /// only until the head's time is up (408).
    @Test func aSlowClientTimesOutAndHoldsNothingOthersNeed() async throws {
        let (server, root, port) = try await start("slow") { $0.limits.headTimeout = .seconds(1) }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let slow = Task {
            await onThread { () -> (status: Int, elapsed: Duration) in
                let started = ContinuousClock.now
                guard let client = RawHTTP(port: port, timeout: 10) else { return (0, .zero) }
                for byte in "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8 {
                    guard client.send(bytes: [byte]) == 1 else { break }
                    usleep(100_000)
                }
                let text = client.receiveAll()
                return (RawHTTP.status(of: text), ContinuousClock.now - started)
            }
        }
        try await Task.sleep(for: .milliseconds(300))
        let normal = await timedGet("/", port: port)
        #expect(normal.status == 200)
        #expect(normal.elapsed < .seconds(2))
        let answer = await slow.value
        print("a client sending a byte every 100 ms, head timeout 1 s: \(answer.status) in \(answer.elapsed)")
        #expect(answer.status == 408)
        #expect(answer.elapsed < .seconds(3))
        await server.stop()
    }

    @Test func anIdleConnectionIsClosed() async throws {
        let (server, root, port) = try await start("idle") { $0.limits.idleTimeout = .milliseconds(500) }
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Each connection is read until the server closes it; the socket's own timeout is 5 s.
        let closedAfter = await onThread { () -> (silent: Duration, keptAlive: Duration)? in
            guard let silent = RawHTTP(port: port, timeout: 5) else { return nil }
            let started = ContinuousClock.now
            guard silent.receive() == "" else { return nil }
            let silentClosed = ContinuousClock.now - started
            guard let keptAlive = RawHTTP(port: port, timeout: 5) else { return nil }
            keptAlive.send("GET /css/site.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let sent = ContinuousClock.now
            guard RawHTTP.status(of: keptAlive.receiveAll()) == 200 else { return nil }
            return (silentClosed, ContinuousClock.now - sent)
        }
        let times = try #require(closedAfter, "both connections are closed by the server")
        print("idle connections closed after \(times.silent) (never sent) and \(times.keptAlive) (after a response)")
        #expect(times.silent < .seconds(3))
        #expect(times.keptAlive < .seconds(3))
        #expect(await timedGet("/", port: port).status == 200)
        await server.stop()
    }

    /// At the limit of connections, a new one closes the oldest that has not sent a whole
    /// request: idle and slow clients cannot keep a browser out.
    @Test func aNewConnectionMakesRoomByClosingTheOldestIdleOne() async throws {
        let (server, root, port) = try await start("crowd") {
            $0.limits.connections = 4
            $0.limits.idleTimeout = .seconds(60)
            $0.limits.headTimeout = .seconds(60)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let idle = (0..<4).compactMap { _ in RawHTTP(port: port, timeout: 5) }
        #expect(idle.count == 4)
        try await Task.sleep(for: .milliseconds(200))
        let normal = await timedGet("/", port: port)
        #expect(normal.status == 200)
        #expect(normal.elapsed < .seconds(2))
        let oldest = idle[0]
        #expect(await onThread { oldest.receive() } == "", "the oldest idle connection is closed")
        await server.stop()
    }

    @Test(arguments: [
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501),
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400),
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n", 400),
        ("GARBAGE\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", 505),
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: a\r\n b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nNo colon here\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n", 400),
        ("GET /\0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400),
    ])
    func malformedRequestsAreRefusedWithTheirStatus(request: String, status: Int) async throws {
        let (server, root, port) = try await start("malformed")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let response = await exchange(request, port: port)
        #expect(response.status == status, "\(request.debugDescription)")
        #expect(response.text.contains("Connection: close"))
        #expect(response.elapsed < .seconds(2))
        await server.stop()
    }

    /// Regression checks of the request reader: a small body is read past, requests sent
    /// together are answered in order, HTTP/1.0 closes after one answer.
    @Test func bodiesPipelinesAndHTTP10AreHandled() async throws {
        let (server, root, port) = try await start("pipeline")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let answers = await onThread { () -> (pipelined: String, old: String) in
            guard let client = RawHTTP(port: port), let old = RawHTTP(port: port) else { return ("", "") }
            client.send(
                "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /css/site.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            old.send("GET /css/site.css HTTP/1.0\r\n\r\n")
            return (client.receiveAll(), old.receiveAll())
        }
        let statuses = answers.pipelined.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
        #expect(statuses == ["405", "200", "200"])
        #expect(answers.old.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(answers.old.contains("Connection: close"))
        await server.stop()
    }
}
