import ArgumentParser
import AvanceKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print a reporting period's page to PDF (A4) with headless Chromium, as a dated report.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The period's id, the last folder of its page (such as 2022).")
    var period: String

    @Option(name: .long, help: "The PDF file to write.")
    var pdf: String

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yaml.")
    var baseURL: String?

    @Flag(name: .long, help: "Replace the PDF file if it exists.")
    var force = false

    func run() throws {
        let path = URL(fileURLWithPath: pdf, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
        var build = BuildOptions(root: common.absoluteRoot, output: nil, baseURL: baseURL, strict: false)
        build.gitHistory = true
        build.environment = ProcessInfo.processInfo.environment
        build.progress = common.progressLine()
        var options = PeriodReport.Options(build: build, period: period, pdf: path)
        options.force = force
        let (diagnostics, sources) = PeriodReport.write(options)
        Output.report(diagnostics, sources: sources, format: common.format)
        let status = diagnostics.exitStatus
        if status != 0 { throw ExitCode(status) }
        if !common.quiet, common.format == .text { Output.status("wrote \(path)") }
    }
}
