import ArgumentParser
import Diagnostics
import Foundation
import Starter

/// `avance init`: a new site from the starter carried inside the binary; the work is `Starter`'s.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: an example plan, the theme, a README, a GitHub Actions workflow, git.",
        discussion: """
            Refuses a folder that is not empty unless --force, and never overwrites a file. \
            Without --base-url and --license every build warns until content/site.yaml declares them.
            """)

    @Argument(help: "The folder to create the site in (default: the current folder).")
    var folder: String = "."

    @Option(name: .long, help: "The language of the starter's words: es or en.")
    var language: String = "en"

    @Option(name: .customLong("base-url"), help: "The address where the site will be published.")
    var baseURL: String?

    @Option(name: .long, help: "The licence of the data, an SPDX id such as CC-BY-4.0, CC0-1.0, ODbL-1.0.")
    var license: String?

    @Flag(name: .long, help: "Add the starter to a folder that is not empty (existing files are kept).")
    var force = false

    @Flag(name: .long, help: "Print only errors and warnings.")
    var quiet = false

    /// Problems print in `AVANCE_LANG`, else in the starter's language: there is no site yet.
    func validate() throws {
        let environment = ProcessInfo.processInfo.environment
        Output.use(MessageCatalog(language: Language.override(flag: nil, environment: environment) ?? language))
    }

    func run() throws {
        let path = CheckCommand.absolute(folder)
        var options = StarterOptions(folder: path, language: language, baseURL: baseURL, license: license)
        options.force = force
        let result = Starter.create(options)
        Output.report(result.diagnostics, sources: [:], format: .text)
        guard result.exitCode == 0 else { throw ExitCode(result.exitCode) }
        guard !quiet else { return }
        let kept = result.kept.isEmpty ? "" : " (\(result.kept.count) kept as they were)"
        Output.status("created \(result.written.count) files in \(folder)\(kept)")
        var next = folder == "." ? [] : ["cd \(folder)"]
        next.append("avance serve        # preview at http://127.0.0.1:1313/, rebuilt on every save")
        Output.status("next:\n  " + next.joined(separator: "\n  "))
        var declare: [String] = []
        if baseURL == nil { declare.append("`base_url` (where the site is published)") }
        if license == nil { declare.append("`license` (the terms of reuse of its data)") }
        if !declare.isEmpty {
            Output.status(
                "before publishing, set \(declare.joined(separator: " and ")) in content/site.yaml; README.md says how")
        }
    }
}
