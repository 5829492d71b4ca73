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
    static let editorHelp =
        "to use them in an editor, see “Editor set-up” under “Check fields in the editor: `avance schema`” in docs/staff-guide.md"

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
            let except = association.excluding.map { ", not \($0)" }.joined()
            Output.status("wrote \(association.schema) (for \(association.files)\(except))")
        }
        Output.status(Self.editorHelp)
    }
}
