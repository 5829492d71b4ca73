import Diagnostics
import Foundation
import Testing

@testable import Scaffolding

/// `avance schema --output` loses and scatters nothing (issue 19): it writes inside the site,
/// outside the folders the build reads or replaces, over its own files only; when it refuses
/// anything it writes nothing, and exits with 2.
@Suite struct SchemaOutputTests {
    func files(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test(arguments: [
        (
            "content",
            "`content` is inside `content/`: the build reads every file there, and would warn about each schema"
        ),
        (
            "content/proyectos",
            "`content/proyectos` is inside `content/`: the build reads every file there, and would warn about each schema"
        ),
        ("public", "`public` is inside `public/`: the build replaces that folder with the site"),
        (
            "theme/static",
            "`theme/static` is inside `theme/`: it holds the site's templates, and its static files are published"
        ),
    ])
    func aFolderTheBuildReadsOrReplacesIsRefused(folder: String, message: String) throws {
        let root = try TestSites.quito("schema-in-site")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = files(root + "/" + folder)
        let result = SchemaExport.write(root: root, output: root + "/" + folder)
        #expect(result.diagnostics.map(\.code) == ["output-in-site"])
        #expect(result.diagnostics.first?.message == message)
        #expect(
            result.diagnostics.first?.hint
                == "leave out --output for `.avance/schemas`, or choose a folder outside `content/`, `public/` and "
                + "`theme/`; --force writes there anyway")
        #expect(result.exitCode == 2)
        #expect(result.associations.isEmpty)
        #expect(files(root + "/" + folder) == before)
    }

    @Test func aFolderOutsideTheSiteIsRefusedEvenThroughASymlink() throws {
        let root = try TestSites.quito("schema-outside")
        let outside = try TestSites.temporaryFolder("schema-outside-target")
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: outside)
        }
        let elsewhere = root + "/../" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        for folder in [outside, elsewhere] {
            let result = SchemaExport.write(root: root, output: folder)
            #expect(result.diagnostics.map(\.code) == ["output-outside"], "\(folder)")
            #expect(result.exitCode == 2)
        }
        // The disk's root, checked without a write, so that a regression cannot litter `/`.
        let target = SchemaExport.Target(root: root, folder: "/", shown: "/", fileSystem: .disk, writer: .disk)
        let refused = target.placementProblems()
        #expect(refused.map(\.code) == ["output-outside"])
        #expect(refused.first?.message == "`/` is outside the site's folder `\(root)`")
        #expect(
            refused.first?.hint
                == "write the schemas inside the site: leave out --output for `.avance/schemas`; --force writes there anyway"
        )
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        #expect(
            SchemaExport.write(root: root, output: root + "/link/schemas").diagnostics.map(\.code) == ["output-outside"]
        )
        #expect(files(outside).isEmpty)
        // --force writes where it is told.
        let forced = SchemaExport.write(root: root, output: outside, force: true)
        #expect(forced.exitCode == 0)
        #expect(files(outside).count == 14)
    }

    @Test func aFileAvanceDidNotWriteIsNeverReplacedAndNothingElseIsWritten() throws {
        let root = try TestSites.quito("schema-exists")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/schemas"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mine = "{\"$schema\": \"http://json-schema.org/draft-07/schema#\", \"title\": \"Mi esquema\"}\n"
        try TestSites.write(root, "schemas/proyectos.schema.json", mine)
        let result = SchemaExport.write(root: root, output: folder)
        #expect(result.diagnostics.map(\.code) == ["output-exists"])
        #expect(
            result.diagnostics.first?.message
                == "`schemas/proyectos.schema.json` exists, and `avance schema` did not write it")
        #expect(
            result.diagnostics.first?.hint
                == "move it away, or choose another folder with --output; --force replaces it")
        #expect(result.exitCode == 2)
        #expect(files(folder) == ["proyectos.schema.json"])
        #expect(TestSites.read(root, "schemas/proyectos.schema.json") == mine)
        // A folder or a symlink in a schema's place is not avance's either.
        try FileManager.default.removeItem(atPath: folder + "/proyectos.schema.json")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/ejes.schema.json", withDestinationPath: root + "/content/site.yaml")
        #expect(SchemaExport.write(root: root, output: folder).diagnostics.map(\.code) == ["output-exists"])
        let forced = SchemaExport.write(root: root, output: folder, force: true)
        #expect(forced.exitCode == 0)
        #expect(files(folder).count == 14)
    }

    @Test func runningItAgainReplacesItsOwnFilesEvenFromBeforeTheMark() throws {
        let root = try TestSites.quito("schema-again")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(SchemaExport.write(root: root).exitCode == 0)
        let text = try #require(TestSites.read(root, ".avance/schemas/proyectos.schema.json"))
        #expect(text.contains("\"$comment\": \"Written by `avance schema` from content/site.yaml; "))
        // The folder's own schemas, written by this version or by one without the mark.
        let unmarked = text.components(separatedBy: "\n").filter { !$0.contains("\"$comment\"") }.joined(
            separator: "\n")
        try TestSites.write(root, ".avance/schemas/proyectos.schema.json", unmarked)
        let again = SchemaExport.write(root: root)
        #expect(again.diagnostics.isEmpty)
        #expect(again.exitCode == 0)
        #expect(TestSites.read(root, ".avance/schemas/proyectos.schema.json") == text)
        // The site's root is a place of the site too.
        #expect(SchemaExport.write(root: root, output: root + "/.vscode/schemas").exitCode == 0)
    }

    @Test func theCommandLineRefusesWithExitTwoAndForceWrites() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("schema-cli-refuse")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = files(root + "/content")
        let refused = try TestSites.run(["schema", "--root", root, "--output", root + "/content"])
        #expect(refused.status == 2)
        #expect(refused.err.contains("error[output-in-site]: `content` is inside `content/`"))
        #expect(!refused.err.contains("wrote "))
        #expect(files(root + "/content") == before)
        let forced = try TestSites.run(["schema", "--root", root, "--output", root + "/content", "--force"])
        #expect(forced.status == 0)
        #expect(files(root + "/content").count == before.count + 14)
    }
}
