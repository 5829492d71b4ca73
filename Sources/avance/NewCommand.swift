import ArgumentParser
import AvanceKit
import Scaffolding

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create content/<collection>/<id>.md with every field of the collection, ready to fill in.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The collection, as named in site.yaml (such as `proyectos`).")
    var collection: String

    @Argument(help: "The id: the file name without `.md`, in lowercase letters, digits and hyphens.")
    var id: String

    func run() throws {
        let result = NewEntry.create(
            collection: collection, id: id, root: common.absoluteRoot, today: NewEntry.today(),
            words: { TemplateWords(ThemeStrings.withEnglish(root: common.absoluteRoot, language: $0)) })
        Output.report(result.diagnostics, sources: [:], format: common.format)
        guard let path = result.path else { throw ExitCode(result.exitCode) }
        if !common.quiet {
            Output.say("status.created", ["file": path])
            if !result.unfilled.isEmpty {
                let fields = result.unfilled.map { "`\($0.name)` (\($0.label))" }.joined(separator: ", ")
                Output.say("status.fill-in", ["fields": fields])
            }
        }
    }
}
