import Foundation
import Testing

/// `avance init` as a new user runs it: the binary alone, copied to a folder outside this
/// repository and run there, then `build` and `check` on what it wrote.
@Suite struct InitCommandTests {
    /// The `avance` built beside the tests (`swift build --build-tests` builds it too).
    static let executable: String? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("avance")
                .path,
            StarterTests.repository + "/.build/debug/avance",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    func run(_ executable: String, _ arguments: [String], in folder: String) throws -> (
        status: Int32, err: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "AVANCE_LANG": "en"]) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func initThenBuildAndCheckPassFromAFolderOutsideTheRepository() throws {
        let built = try #require(Self.executable, "build the avance product first")
        let folder = StarterTests.newFolder("cli")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: built, toPath: folder + "/avance")
        let avance = folder + "/avance"

        let created = try run(avance, ["init", "my-city", "--language", "en"], in: folder)
        #expect(created.status == 0, "\(created.err)")
        #expect(created.err.contains("created "))
        #expect(created.err.contains("before publishing, set `base_url`"))
        let site = folder + "/my-city"
        #expect(FileManager.default.fileExists(atPath: site + "/theme/templates/base.mustache"))

        let build = try run(avance, ["build"], in: site)
        #expect(build.status == 0, "\(build.err)")
        #expect(build.err.contains("warning[base-url-missing]"))
        #expect(build.err.contains("warning[license-missing]"))
        #expect(build.err.contains("0 errors, 2 warnings"), "\(build.err)")
        #expect(FileManager.default.fileExists(atPath: site + "/public/goals/example-water/index.html"))

        let check = try run(avance, ["check"], in: site)
        #expect(check.status == 0, "\(check.err)")
        #expect(check.err.contains("0 errors, 2 warnings"), "\(check.err)")

        // A second init into the same folder is refused, and changes nothing.
        let again = try run(avance, ["init", "my-city"], in: folder)
        #expect(again.status == 2)
        #expect(again.err.contains("error[init-folder-not-empty]"))
        #expect(again.err.contains("--force"))
    }
}
