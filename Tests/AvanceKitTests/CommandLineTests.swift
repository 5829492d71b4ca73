import Foundation
import TestSupport
import Testing

/// The `avance` command itself, run as a process: arguments, formats and exit statuses.
@Suite struct CommandLineTests {
    /// The `avance` built beside the tests (`swift build --build-tests` builds it too).
    static let executable = Repository.avance

    func run(_ arguments: [String], environment: [String: String] = [:], executable: String? = nil) throws -> (
        status: Int32, out: String, err: String
    ) {
        let executable = try executable ?? #require(Self.executable, "build the avance product first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["AVANCE_LANG": "en"].merging(environment) { $1 }
        ) { $1 }
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
        let root = try ValidSite.copy("cli")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try run(["build", "--root", root])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err.range(of: #"built \d+ pages, \d+ files"#, options: .regularExpression) != nil)
        // The copy is outside git: no "last updated" dates, and one warning that says so.
        #expect(result.err.components(separatedBy: "warning[git-unavailable]").count == 2)
        #expect(FileManager.default.fileExists(atPath: root + "/public/proyectos/huertos-comunitarios/index.html"))
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

    /// A copy of the test site with `extra` more partners, so that a build lasts long enough
    /// (over a second here, in a debug build) for the progress line to show. Its address is made
    /// a real-looking one, so that the build prints no warning before its summary.
    func largerSite(_ name: String, extra: Int) throws -> String {
        let root = try ValidSite.copy(name)
        try ValidSite.agreeingStatuses(in: root)
        let model = root + "/content/site.yaml"
        try String(contentsOfFile: model, encoding: .utf8).replacingOccurrences(
            of: "\nbase_url: https://example.org/plan/\n", with: "\nbase_url: https://progress.my-city.org/\n"
        ).write(toFile: model, atomically: false, encoding: .utf8)
        for number in 1...extra {
            try "---\ntitulo: Socio de prueba \(number)\n---\nTexto.\n".write(
                toFile: root + "/content/socios/socio-\(number).md", atomically: false, encoding: .utf8)
        }
        return root
    }

    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let root = try largerSite("no-progress", extra: 600)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try run(["build", "--root", root, "--no-git-dates"])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.err.contains("\r"))
        #expect(!result.err.contains("\u{1B}"))
        #expect(result.err.hasPrefix("built "))
    }

    /// Under a pseudo-terminal (`script`), the line shows the stages and is erased before the
    /// summary; `--quiet` silences it.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aTerminalSeesTheProgressLineErasedBeforeTheSummary() throws {
        let root = try largerSite("progress", extra: 600)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let executable = try #require(Self.executable)
        let command = "\(executable) build --root \(root) --no-git-dates"
        let shown = try run(["-qefc", command, "/dev/null"], executable: "/usr/bin/script")
        #expect(shown.status == 0, "\(shown.out)")
        #expect(shown.out.contains("\r\u{1B}[K"))
        #expect(shown.out.range(of: #"rendering pages \d+/\d+…"#, options: .regularExpression) != nil, "\(shown.out)")
        // Erased before the summary, which starts a clean line.
        #expect(shown.out.range(of: "\r\u{1B}[Kbuilt ") != nil)
        let quiet = try run(["-qefc", command + " --quiet", "/dev/null"], executable: "/usr/bin/script")
        #expect(quiet.status == 0)
        #expect(!quiet.out.contains("\u{1B}[K"))
    }

    /// On a terminal, diagnostics are coloured unless `NO_COLOR` has a value; an empty
    /// `NO_COLOR` counts as unset (no-color.org).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func anEmptyNoColorKeepsColoursOnATerminal() throws {
        let executable = try #require(Self.executable)
        let site = Repository.fixtures + "/invalid-sites/typos"
        let output = NSTemporaryDirectory() + "avance-never-\(UUID())"
        func build(noColor: String?) throws -> String {
            let setting = noColor.map { "NO_COLOR='\($0)'" } ?? "-u NO_COLOR"
            let command = "env \(setting) \(executable) build --root \(site) --output \(output)"
            let result = try run(["-qefc", command, "/dev/null"], executable: "/usr/bin/script")
            #expect(result.out.contains("error[ref-unknown]"))
            return result.out
        }
        #expect(try build(noColor: nil).contains("\u{1B}[31m"))
        #expect(try build(noColor: "").contains("\u{1B}[31m"))
        #expect(!(try build(noColor: "1")).contains("\u{1B}[31m"))
    }
}
