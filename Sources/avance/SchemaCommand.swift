import ArgumentParser

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "(being written)")

    func run() throws {
        throw ValidationError("`avance schema` is being written")
    }
}
