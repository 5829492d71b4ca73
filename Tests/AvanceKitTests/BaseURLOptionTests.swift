import Foundation
import TestSupport
import Testing

/// `--base-url` follows the rule of `base_url` in site.yaml (issue 19): a refused value is a
/// usage error, exit status 2, and nothing is written.
@Suite struct BaseURLOptionTests {
    @Test(arguments: ["javascript:document.title=1//", "https://example.org/\"><svg onload=alert(1)>"])
    func aRefusedBaseURLExitsWithTwoAndWritesNothing(baseURL: String) throws {
        let output = NSTemporaryDirectory() + "avance-base-url-\(UUID())"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let runs = [
            ("build", ["build", "--root", Repository.root, "--output", output, "--base-url", baseURL]),
            ("check", ["check", "--root", Repository.root, "--base-url", baseURL]),
        ]
        for (command, arguments) in runs {
            let run = try Repository.runAvance(arguments)
            #expect(run.status == 2, "\(command): \(run.err)")
            #expect(
                run.err.contains("error[argument-base-url-invalid]: --base-url `\(baseURL)`"), "\(command): \(run.err)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }
}
