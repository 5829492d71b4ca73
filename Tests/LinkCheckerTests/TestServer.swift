import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `Tests/Fixtures/link-sites/link-server.py` on a free port of 127.0.0.1, for the external
/// checker's tests (none of which may use the internet). It stops when `stop()` closes its
/// stdin, and also if the test process dies.
final class TestServer: @unchecked Sendable {
    let port: Int
    private let process = Process()
    private let input = Pipe()

    /// What the server saw: requests by `METHOD /path?query`, and the most at once.
    struct Stats: Decodable {
        let counts: [String: Int]
        let mostInProgress: Int

        enum CodingKeys: String, CodingKey {
            case counts
            case mostInProgress = "most_in_progress"
        }
    }

    /// Starts a server and waits until it listens.
    init() throws {
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Fixtures.linkSites + "/link-server.py"]
        process.standardOutput = output
        process.standardInput = input
        try process.run()
        var data = Data()
        while !data.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let port = Int(line) else {
            process.terminate()
            throw ServerError(message: "the test server did not start: \(line)")
        }
        self.port = port
    }

    struct ServerError: Error {
        let message: String
    }

    /// Runs `body` with a new server, and stops the server however `body` ends.
    static func with<T>(_ body: (TestServer) async throws -> T) async throws -> T {
        let server = try TestServer()
        defer { server.stop() }
        return try await body(server)
    }

    func url(_ path: String) -> String {
        "http://127.0.0.1:\(port)\(path)"
    }

    /// The server's counts so far.
    func stats() async throws -> Stats {
        let (data, _) = try await URLSession.shared.data(from: URL(string: url("/stats"))!)
        return try JSONDecoder().decode(Stats.self, from: data)
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
