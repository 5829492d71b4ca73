import ArgumentParser

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "(being written)")

    func run() throws {
        throw ValidationError("`avance import` is being written")
    }
}
