import Foundation
import OpenData
import Testing

@testable import Scaffolding

/// `avance schema`: draft-07 schemas of the front matter, for editors.
@Suite struct SchemaTests {
    func quitoSchemas() throws -> (ExistingContent, FrontMatterSchema) {
        let (content, problems) = ExistingContent.load(root: TestSites.repository)
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
            result.associations.first == .init(schema: ".avance/schemas/ejes.schema.json", files: "content/ejes/*.md"))
        #expect(result.associations.count == 7)
        let text = try #require(TestSites.read(root, ".avance/schemas/proyectos.schema.json"))
        #expect(text.hasPrefix("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\""))
        let outside = try TestSites.temporaryFolder("schema-out")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let elsewhere = SchemaExport.write(root: root, output: outside)
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

    static let python: String? = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import jsonschema, yaml"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "/usr/bin/python3" : nil
    }()

    /// Python's `jsonschema` (draft-07) agrees with avance on both real sites: every entry
    /// validates, and a broken one does not.
    @Test(.enabled(if: python != nil, "needs python3 with jsonschema and PyYAML (make test installs jsonschema)"))
    func aThirdPartyValidatorAcceptsEveryRealEntry() throws {
        for site in [TestSites.repository, TestSites.repository + "/Tests/Fixtures/pmdot-site"] {
            let output = try TestSites.temporaryFolder("schema-python")
            defer { try? FileManager.default.removeItem(atPath: output) }
            #expect(SchemaExport.write(root: site, output: output).exitCode == 0)
            let (status, text) = try check(site, output)
            #expect(status == 0, "\(text)")
        }
        let root = try TestSites.quito("schema-python-broken")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try TestSites.write(
            root, "content/proyectos/roto.md", "---\ntitulo: X\nestado: en marcha\nejecutor: conqito\nextra: 1\n---\n")
        let output = root + "/.avance/schemas"
        _ = SchemaExport.write(root: TestSites.repository, output: output)
        let (status, text) = try check(root, output)
        #expect(status == 1)
        #expect(text.contains("'en marcha' is not one of"))
        #expect(text.contains("'extra' was unexpected"))
    }

    func check(_ site: String, _ schemas: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [TestSites.fixtures + "/check_front_matter_schemas.py", site, schemas]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
