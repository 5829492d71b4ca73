import ArgumentParser

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "(being written)")

    func run() throws {
        throw ValidationError("`avance serve` is being written")
    }
}
