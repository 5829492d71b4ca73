import Foundation
import TestSupport

/// Sites for the tests: copies of the Quito site the import fixtures were written for, and small
/// sites written on the spot.
enum TestSites {
    static let fixtures = Repository.fixtures + "/import"
    /// The Quito site's `content/` frozen when the project matrices of `fixtures` were written
    /// (their rows name its partners and projects), so that edits of the live site cannot break
    /// these tests.
    static let quitoSite = fixtures + "/quito-site"

    /// A fresh folder under the temporary directory; the caller removes it.
    static func temporaryFolder(_ name: String) throws -> String {
        try Repository.temporaryFolder(name)
    }

    /// A copy of `quitoSite` with the repository's `theme/`, to change freely.
    static func quito(_ name: String) throws -> String {
        try Repository.copySite(from: quitoSite, name: name)
    }

    /// A site made of `files` (paths relative to the root), without a theme.
    static func make(_ name: String, files: [String: String]) throws -> String {
        let root = try temporaryFolder(name)
        for (path, text) in files {
            let url = URL(fileURLWithPath: root + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func read(_ root: String, _ path: String) -> String? {
        try? String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    static func write(_ root: String, _ path: String, _ text: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }

    /// A model with a field of every type, to check what `new` writes for each.
    static let everyType = """
        title: Every type
        base_url: https://example.org/
        language: en
        collections:
          areas:
            fields:
              title: {type: string, required: true}
          items:
            singular: Item
            order_by: [rank]
            fields:
              title: {type: string, required: true, label: Name}
              rank: {type: int, required: true}
              weight: {type: number, required: true}
              progress: {type: percent, required: true}
              active: {type: bool, required: true}
              started: {type: date, required: true}
              state: {type: enum, required: true, values: {open: {label: Open, description: Work goes on.}, closed: Closed}}
              area: {type: ref, to: areas, required: true, label: Area}
              web: {type: url, required: true}
              summary: {type: text, required: true}
              others: {type: refs, to: items}
              tags: {type: list, of: string}
              log:
                type: list
                of: {date: {type: date, required: true}, note: string}
        """

    /// The `avance` executable built beside the tests (`swift build --build-tests` builds it).
    static let executable = Repository.avance

    /// Runs `avance` with `arguments`; its status and standard error (colour off).
    static func run(_ arguments: [String]) throws -> (status: Int32, err: String) {
        try Repository.runAvance(arguments)
    }
}
