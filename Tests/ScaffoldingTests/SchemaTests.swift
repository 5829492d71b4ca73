import Foundation
import OpenData
import TestSupport
import Testing

@testable import Scaffolding

/// `avance schema`: draft-07 schemas of the front matter, for editors.
@Suite struct SchemaTests {
    func quitoSchemas() throws -> (ExistingContent, FrontMatterSchema) {
        let (content, problems) = ExistingContent.load(root: TestSites.quitoSite)
        let loaded = try #require(content, "\(problems)")
        return (loaded, FrontMatterSchema(content: loaded))
    }

    @Test func aCollectionSchemaListsFieldsRequiredOnesAndNothingElse() throws {
        let (content, schemas) = try quitoSchemas()
        let schema = schemas.schema(of: try #require(content.model.collection("proyectos")))
        #expect(schema["$schema"] == "http://json-schema.org/draft-07/schema#")
        #expect(schema["type"] == "object")
        #expect(schema["required"] == ["titulo", "estado"])
        #expect(schema["additionalProperties"] == false)
        let estado = try #require(schema["properties"]?["estado"])
        #expect(estado["title"] == "Estado")
        #expect(estado["enum"] == ["no-iniciado", "en-marcha", "suspendido", "finalizado"])
        #expect(estado["enumDescriptions"]?.array?[1] == "En marcha: El proyecto se está ejecutando.")
        #expect(estado["markdownEnumDescriptions"]?.array?[1] == "**En marcha**: El proyecto se está ejecutando.")
    }

    @Test func referencesOfferTheIDsThatExistAndOptionalFieldsMayBeEmpty() throws {
        let (content, schemas) = try quitoSchemas()
        let schema = schemas.schema(of: try #require(content.model.collection("proyectos")))
        let ejecutor = try #require(schema["properties"]?["ejecutor"])
        #expect(ejecutor["description"] == "Ejecutor (optional, ref)")
        let choices = try #require(ejecutor["anyOf"]?.array)
        #expect(choices[1] == ["type": "null"])
        let ids = try #require(choices[0]["enum"]?.array)
        #expect(ids.contains("conquito"))
        #expect(ids.count == content.sortedIDs(of: "socios").count)
        let conquito = try #require(ids.firstIndex(of: "conquito"))
        #expect(choices[0]["enumDescriptions"]?.array?[conquito] == "ConQuito")
        // A collection without entries yet: any id.
        let acciones = try #require(schema["properties"]?["acciones"]?["anyOf"]?.array?[0]["anyOf"]?.array)
        #expect(acciones[1] == ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"])
    }

    @Test func listsOfRecordsAndDatesFollowTheValidator() throws {
        let (content, schemas) = try quitoSchemas()
        let schema = schemas.schema(of: try #require(content.model.collection("proyectos")))
        let items = try #require(schema["properties"]?["historial"]?["anyOf"]?.array?[0]["items"])
        #expect(items["required"] == ["fecha", "nota"])
        #expect(items["additionalProperties"] == false)
        let fecha = try #require(items["properties"]?["fecha"])
        #expect(fecha["type"] == ["string", "integer"])  // YAML reads `2022` as a number
    }

    @Test func theSchemasAreWrittenOnePerCollection() throws {
        let root = try TestSites.quito("schema")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = SchemaExport.write(root: root)
        #expect(result.exitCode == 0)
        #expect(
            result.associations.prefix(2) == [
                .init(
                    schema: ".avance/schemas/ejes.schema.json", files: "content/ejes/*.md",
                    excluding: ["content/ejes/*.*.md"]),
                .init(schema: ".avance/schemas/ejes.en.schema.json", files: "content/ejes/*.en.md"),
            ])
        // One per collection, and one per collection for its English translations.
        #expect(result.associations.count == 2 * 7)
        #expect(TestSites.read(root, ".avance/schemas/proyectos.en.schema.json") != nil)
        let text = try #require(TestSites.read(root, ".avance/schemas/proyectos.schema.json"))
        #expect(text.hasPrefix("{\n  \"$comment\": \"Written by `avance schema` from content/site.yaml; "))
        #expect(text.contains("\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n"))
        let outside = try TestSites.temporaryFolder("schema-out")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let elsewhere = SchemaExport.write(root: root, output: outside, force: true)
        #expect(elsewhere.associations.first?.schema == outside + "/ejes.schema.json")
    }

    @Test func aSiteWithoutModelOrAnUnwritableFolderFails() throws {
        let empty = try TestSites.temporaryFolder("schema-none")
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(SchemaExport.write(root: empty).diagnostics.map(\.code) == ["content-missing"])
        let root = try TestSites.quito("schema-blocked")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "a file".write(toFile: root + "/blocked", atomically: true, encoding: .utf8)
        let blocked = SchemaExport.write(root: root, output: root + "/blocked")
        #expect(blocked.diagnostics.map(\.code) == ["output-failed"])
        #expect(blocked.exitCode == 2)
    }

    @Test func aTranslationSchemaHasTheTextFieldsAndNoRequiredOnes() throws {
        let (content, schemas) = try quitoSchemas()
        let proyectos = try #require(content.model.collection("proyectos"))
        let schema = schemas.translationSchema(of: proyectos, language: "en")
        #expect(schema["$schema"] == "http://json-schema.org/draft-07/schema#")
        #expect(schema["required"] == nil)
        #expect(schema["additionalProperties"] == false)
        let properties = try #require(schema["properties"])
        #expect(properties["titulo"]?["description"] == "Título (optional, string)")
        #expect(properties["estado"] == nil)  // the same in every language: only in the entry
        #expect(properties["socios"] == nil)
    }

    @Test func theCommandLinePointsToTheStaffGuideSectionOnEditors() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("schema-cli")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try TestSites.run(["schema", "--root", root])
        #expect(result.status == 0)
        #expect(
            result.err.contains(
                "wrote .avance/schemas/proyectos.schema.json (for content/proyectos/*.md, not content/proyectos/*.*.md)"
            ))
        #expect(result.err.contains("wrote .avance/schemas/proyectos.en.schema.json (for content/proyectos/*.en.md)"))
        #expect(
            result.err.contains(
                "see “Editor set-up” under “Check fields in the editor: `avance schema`” in docs/staff-guide.md"))
        let guide = try String(contentsOfFile: Repository.root + "/docs/staff-guide.md", encoding: .utf8)
        #expect(guide.contains("\n### Check fields in the editor: `avance schema`\n"))
        #expect(guide.contains("\n#### Editor set-up\n"))
    }

    /// The interpreter the Makefile installs `jsonschema` into: `AVANCE_PYTHON` (which `make
    /// test` sets to its `PYTHON`), else `python3` from `PATH`; `nil` when it lacks the modules.
    static let python: String? = {
        let python = ProcessInfo.processInfo.environment["AVANCE_PYTHON"] ?? "python3"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, "-c", "import jsonschema, yaml"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? python : nil
    }()

    /// Set by `make test`, which installs the modules: there, a missing module is a failure,
    /// not a reason to skip.
    static let pythonRequired =
        ProcessInfo.processInfo.environment["AVANCE_REQUIRE_PYTHON"].map { !$0.isEmpty } ?? false

    /// Python's `jsonschema` (draft-07) agrees with avance on both real sites: every entry and
    /// every translation validates against the schema associated with it, and a broken entry
    /// does not.
    @Test(
        .enabled(
            if: python != nil || pythonRequired,
            "needs python3 with jsonschema and PyYAML (make test installs them, and requires them)"))
    func aThirdPartyValidatorAcceptsEveryRealEntry() throws {
        try #require(
            Self.python != nil,
            "AVANCE_REQUIRE_PYTHON is set, but `\(ProcessInfo.processInfo.environment["AVANCE_PYTHON"] ?? "python3")` cannot import jsonschema and yaml"
        )
        for site in [Repository.root, Repository.fixtures + "/pmdot-site", ValidSite.root] {
            let output = try TestSites.temporaryFolder("schema-python")
            defer { try? FileManager.default.removeItem(atPath: output) }
            let written = SchemaExport.write(root: site, output: output, force: true)
            #expect(written.exitCode == 0)
            let (status, text) = try check(site, written.associations)
            #expect(status == 0, "\(text)")
        }
        let root = try TestSites.quito("schema-python-broken")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestSites.write(
            root, "content/proyectos/roto.md", "---\ntitulo: X\nestado: en marcha\nejecutor: conqito\nextra: 1\n---\n")
        let output = root + "/.avance/schemas"
        let written = SchemaExport.write(root: TestSites.quitoSite, output: output, force: true)
        try TestSites.write(root, "content/proyectos/rcn-visa.en.md", "---\ntitulo: RCN-Visa\nestado: en-marcha\n---\n")
        let (status, text) = try check(root, written.associations)
        #expect(status == 1)
        #expect(text.contains("'en marcha' is not one of"))
        #expect(text.contains("'extra' was unexpected"))
        #expect(text.contains("rcn-visa.en.md proyectos.en.schema.json [] Additional properties are not allowed"))
    }

    /// Runs the Python checker on the files of `site` that `associations` name.
    func check(_ site: String, _ associations: [SchemaExport.Association]) throws -> (Int32, String) {
        let list = associations.map { association -> [String: Any] in
            ["schema": association.schema, "files": association.files, "excluding": association.excluding]
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: list), as: UTF8.self)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            try #require(Self.python), TestSites.fixtures + "/check_front_matter_schemas.py", site, json,
        ]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
