import ArgumentParser
import AvanceKit
import LinkChecker

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Build the site into a temporary folder and check every link.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        throw ValidationError("`avance check` is being written (libxml2 \(LinkChecker.parserVersion))")
    }
}
