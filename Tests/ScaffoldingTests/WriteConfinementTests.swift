import Diagnostics
import Foundation
import Testing

@testable import Scaffolding

/// `new` and `import` replace no file they were not asked to replace, and write nothing outside
/// the site through a symlinked folder (issue 19, the class of `schema --output`).
@Suite struct WriteConfinementTests {
    /// A Quito copy whose `content/proyectos/` is a symlink to a folder outside the site.
    func symlinkedCollection(_ name: String) throws -> (root: String, outside: String) {
        let root = try TestSites.quito(name)
        let outside = try TestSites.temporaryFolder(name + "-outside")
        try FileManager.default.removeItem(atPath: root + "/content/proyectos")
        try FileManager.default.createSymbolicLink(atPath: root + "/content/proyectos", withDestinationPath: outside)
        return (root, outside)
    }

    func remove(_ paths: String...) {
        for path in paths { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func newWritesNothingThroughASymlinkOutTheSite() throws {
        let (root, outside) = try symlinkedCollection("new-outside")
        defer { remove(root, outside) }
        let result = NewEntry.create(
            collection: "proyectos", id: "huertos", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.map(\.code) == ["output-outside"])
        #expect(
            result.diagnostics.first?.message
                == "`content/proyectos/` leads outside the site's folder (a symlink): `content/proyectos/huertos.md` would be written there"
        )
        #expect(
            result.diagnostics.first?.hint
                == "make `content/proyectos/` a folder of the site, not a symlink to another place")
        #expect(result.exitCode == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test func newNeverReplacesAFileThatAppearsAfterTheCheck() throws {
        let root = try TestSites.quito("new-race")
        defer { remove(root) }
        try TestSites.write(root, "content/proyectos/huertos.md", "mine\n")
        // A writer whose check comes too early: the file is there by the time it writes.
        let late = ContentWriter(
            exists: { _ in false }, write: ContentWriter.disk.write, create: ContentWriter.disk.create)
        let result = NewEntry.create(
            collection: "proyectos", id: "huertos", root: root, today: "2024-05-31", words: TestSites.words,
            writer: late)
        #expect(result.diagnostics.map(\.code) == ["argument-entry-exists"])
        #expect(result.exitCode == 2)
        #expect(TestSites.read(root, "content/proyectos/huertos.md") == "mine\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: root + "/content/proyectos").filter {
                $0.hasSuffix(".tmp")
            }.isEmpty)
    }

    @Test func importReplacesNoFileItCouldNotReadAsAnEntry() throws {
        let root = try TestSites.quito("import-unread")
        let outside = try TestSites.temporaryFolder("import-unread-outside")
        defer { remove(root, outside) }
        // A symlink the loader refuses (it points outside): not an entry, but a file all the same.
        try "kept\n".write(toFile: outside + "/uno.md", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root + "/content/proyectos/uno.md", withDestinationPath: outside + "/uno.md")
        try "titulo,estado\nUno,en marcha\nDos,en marcha\n".write(
            toFile: root + "/matriz.csv", atomically: true, encoding: .utf8)
        let options = ImportOptions(
            root: root, collection: "proyectos", file: root + "/matriz.csv", displayPath: "matriz.csv")
        let result = SpreadsheetImport.run(options)
        #expect(result.diagnostics.map(\.code) == ["entry-exists"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "matriz.csv", line: 2, column: 1))
        #expect(
            result.diagnostics.first?.message
                == "`content/proyectos/uno.md` exists, and is no entry avance could read: row 2 would replace it")
        #expect(result.exitCode == 1)
        #expect(!result.wrote)
        #expect(TestSites.read(root, "content/proyectos/dos.md") == nil)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: root + "/content/proyectos/uno.md")
        #expect(link == outside + "/uno.md")
    }

    @Test func importWritesNothingThroughASymlinkOutTheSite() throws {
        let (root, outside) = try symlinkedCollection("import-outside")
        defer { remove(root, outside) }
        try "titulo,estado\nUno,en marcha\n".write(toFile: root + "/matriz.csv", atomically: true, encoding: .utf8)
        let options = ImportOptions(
            root: root, collection: "proyectos", file: root + "/matriz.csv", displayPath: "matriz.csv")
        let result = SpreadsheetImport.run(options)
        #expect(result.diagnostics.map(\.code) == ["output-outside"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "matriz.csv", line: 2, column: 1))
        #expect(result.exitCode == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }
}
