import ArgumentParser

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "(being written)")

    func run() throws {
        throw ValidationError("`avance new` is being written")
    }
}
