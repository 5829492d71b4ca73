import Foundation
import TestSupport
import Testing

/// `avance serve` as a process: what it prints, its exit status, and Ctrl-C.
@Suite(.serialized) struct ServeCommandTests {
    /// The `avance` built beside the tests.
    static func executable() throws -> String {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("avance").path
        try #require(FileManager.default.isExecutableFile(atPath: path), "build the avance product first")
        return path
    }

    /// `avance` with `arguments`, run to the end with `NO_COLOR` set.
    static func run(_ arguments: [String]) throws -> (status: Int32, err: String) {
        _ = try executable()
        return try Repository.runAvance(arguments)
    }

    /// `avance serve` on `root`, read until it says where it serves (30 seconds at most), then
    /// stopped with SIGINT; everything it printed, and its exit status.
    static func serveAndInterrupt(root: String) throws -> (status: Int32, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable())
        process.arguments = ["serve", "--root", root, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(["AVANCE_LANG": "en"]) { $1 }
        let err = Pipe()
        process.standardError = err
        try process.run()
        var text = ""
        let deadline = ContinuousClock.now + .seconds(30)
        while !text.contains("serving http://127.0.0.1:"), ContinuousClock.now < deadline {
            let data = err.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        text += String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, text)
    }

    @Test func theCommandStopsCleanlyOnSIGINT() throws {
        let result = try Self.serveAndInterrupt(root: Repository.root)
        #expect(result.err.contains("built "))
        #expect(result.err.contains("serving http://127.0.0.1:"))
        #expect(result.status == 0)
        #expect(result.err.hasSuffix("stopped\n"))
        #expect(!FileManager.default.fileExists(atPath: Repository.root + "/.avance-serve"))
    }

    @Test func theCommandRefusesAMissingSiteAsBuildDoes() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("avance-nowhere-\(UUID())").path
        let serve = try Self.run(["serve", "--root", missing, "--port", "0"])
        let build = try Self.run(["build", "--root", missing])
        #expect(serve.status == 2)
        #expect(build.status == 2)
        #expect(serve.err.contains("error[content-missing]"))
        // The same diagnostic, and nothing about serving or about a last good site.
        #expect(serve.err == build.err)
        #expect(!serve.err.contains("serving"))
        #expect(!serve.err.contains("last good site"))
    }

    /// A site whose first build fails is served (its error page), and the terminal says that
    /// there is no good build yet rather than speak of a last good site.
    @Test func aFirstBuildWithErrorsSaysThereIsNoGoodBuildYet() throws {
        let root = try ValidSite.copy("serve-cli")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "---\ntitulo: [sin cerrar\n---\n".write(
            toFile: root + "/content/socios/roto.md", atomically: true, encoding: .utf8)
        let result = try Self.serveAndInterrupt(root: root)
        #expect(result.err.contains("error[yaml-syntax]"))
        #expect(result.err.contains("no good build yet: the browser shows the errors\n"))
        #expect(!result.err.contains("last good site"))
        #expect(result.err.contains("serving http://127.0.0.1:"))
        #expect(result.status == 0)
    }
}
