import ArgumentParser
import DevServer
import Foundation

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it, and rebuild and reload the pages on every save.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 1313

    @Option(name: .long, help: "The address to listen on; 0.0.0.0 lets other machines in.")
    var host = "127.0.0.1"

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        var options = DevServerOptions(root: common.absoluteRoot, host: host, port: port)
        options.strict = strict
        options.messageLanguage = Language.override(flag: common.lang, environment: ProcessInfo.processInfo.environment)
        options.progress = common.progressLine()
        let format = common.format
        let quiet = common.quiet
        let verbose = common.verbose
        let status = DevServer.runUntilInterrupted(
            options,
            report: { event in
                Output.report(event.result.diagnostics, sources: event.result.sources, format: format)
                guard !quiet, format == .text else { return }
                if verbose { for line in event.result.log { Output.status(line) } }
                if event.failed {
                    Output.say(
                        event.hasGoodSite ? "status.serve.failed" : "status.serve.failed.first",
                        ["milliseconds": String(event.milliseconds)])
                } else {
                    let pages = event.result.paths.filter { $0.hasSuffix(".html") }.count
                    Output.say(
                        "status.serve.built", ["pages": String(pages), "milliseconds": String(event.milliseconds)])
                }
            },
            ready: { address in
                if !quiet { Output.say("status.serve.serving", ["address": "\(address)"]) }
            },
            failed: { diagnostics, sources in Output.report(diagnostics, sources: sources, format: format) })
        if !quiet, status == 0 { Output.say("status.serve.stopped") }
        if status != 0 { throw ExitCode(status) }
    }
}
