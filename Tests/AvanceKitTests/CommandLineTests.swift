import Foundation
import Testing

/// The `avance` command itself, run as a process: arguments, formats and exit statuses.
@Suite struct CommandLineTests {
    /// The `avance` built beside the tests (`swift build --build-tests` builds it too).
    static let executable: String? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("avance")
                .path,
            Repository.root + "/.build/debug/avance",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (
        status: Int32, out: String, err: String
    ) {
        let executable = try #require(Self.executable, "build the avance product first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test func buildWritesTheSiteAndSaysSo() throws {
        let root = try Repository.copySite(name: "cli")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try run(["build", "--root", root])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.range(of: #"built \d+ pages, \d+ files"#, options: .regularExpression) != nil)
        // The copy is outside git: no "last updated" dates, and one warning that says so.
        #expect(result.err.components(separatedBy: "warning[git-unavailable]").count == 2)
        #expect(FileManager.default.fileExists(atPath: root + "/public/proyectos/rcn-visa/index.html"))
    }

    @Test func contentErrorsExitWithOneInEveryFormat() throws {
        let site = Repository.fixtures + "/invalid-sites/typos"
        let text = try run(
            ["build", "--root", site, "--output", NSTemporaryDirectory() + "avance-never"],
            environment: ["NO_COLOR": "1"])
        #expect(text.status == 2)  // this fixture has no theme/: an environment error wins
        #expect(text.err.contains("error[theme-missing]"))
        #expect(text.err.contains("error[ref-unknown]: no entry `conqito` in collection `socios`"))
        #expect(!text.err.contains("\u{1B}["))

        let github = try run(["build", "--root", site, "--format", "github"])
        #expect(github.out.contains("::error file=content/hitos/h01.md,line=8,col=5,title=ref-unknown::"))

        let json = try run(["build", "--root", site, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        #expect((object?["errors"] as? Int ?? 0) >= 10)
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let format = try run(["build", "--format", "xml"])
        #expect(format.status == 2)
        #expect(format.err.contains("xml"))
        #expect(try run(["build", "--no-such-flag"]).status == 2)
        let unsafe = try run(["build", "--root", Repository.root, "--output", Repository.root + "/theme"])
        #expect(unsafe.status == 2)
        #expect(unsafe.err.contains("output-unsafe"))
    }
}
