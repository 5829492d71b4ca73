import ArgumentParser
import Foundation
import Scaffolding

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema (draft-07) of each collection's front matter, for editors.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "The folder for the schemas (default: <root>/.avance/schemas).")
    var output: String?

    @Flag(
        name: .long,
        help: "Write even outside the site, inside content/, public/ or theme/, or over files avance did not write.")
    var force = false

    /// Where the staff guide says how to use the schemas in an editor.

    func run() throws {
        let folder = output.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL.path
        }
        let result = SchemaExport.write(root: common.absoluteRoot, output: folder, force: force)
        Output.report(result.diagnostics, sources: [:], format: common.format)
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        guard !common.quiet else { return }
        for association in result.associations {
            let except = association.excluding.map { Output.catalog("status.schema.except", ["files": $0]) }.joined()
            Output.say(
                "status.schema.wrote", ["schema": association.schema, "files": association.files, "except": except])
        }
        Output.say("status.schema.editor")
    }
}
