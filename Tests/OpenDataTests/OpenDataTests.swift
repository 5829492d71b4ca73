import ContentModel
import Foundation
import Loading
import SiteLayout
import Testing
import Validation

@testable import OpenData

/// Builds a validated site from files held in memory.
func makeSite(_ files: [String: String]) throws -> Site {
    let memory = FileSystem.memory(files: files.reduce(into: [:]) { $0["/s/" + $1.key] = Array($1.value.utf8) })
    let tree = ContentLoader(root: "/s", fileSystem: memory).load()
    let modelFile = try #require(tree.files.first { $0.path == ModelReader.path })
    let model = try #require(ModelReader.read(modelFile.text).0)
    let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    return site
}

let files = [
    "content/site.yaml": """
    title: Sitio "de" prueba
    base_url: https://example.org/sub/
    language: es
    collections:
      proyectos:
        title: Proyectos
        status: estado
        expected: 3
        fields:
          title: {type: string, required: true}
          estado: {type: enum, values: {activo: {label: Activo}, parado: Parado}, required: true}
          avance: percent
          socio: {type: ref, to: socios}
          socios: {type: refs, to: socios}
          historial:
            type: list
            of:
              fecha: {type: date, required: true}
              estado: {type: enum, values: [activo, parado]}
              nota: string
      socios:
        fields:
          title: string
          matriz: {type: ref, to: socios}
    """,
    "content/socios/a.md": "---\ntitle: Socio, A\n---\n",
    "content/socios/b.md": "---\ntitle: B\nmatriz: a\n---\n",
    "content/proyectos/p1.md": """
    ---
    title: Uno "con" comillas
    estado: activo
    avance: 40
    socio: a
    socios: [a, b]
    historial:
      - {fecha: 2021-01-05, estado: parado, nota: "Primera\\nlínea"}
      - {fecha: 2022-04, estado: activo, nota: Reinicio}
      - {fecha: 2022-04, estado: activo, nota: Otra el mismo mes}
    ---
    """,
    "content/proyectos/p2.md": "---\ntitle: Dos\nestado: parado\nhistorial:\n  - fecha: 2023\n---\n",
]

@Suite struct JSONValueTests {
    @Test func escapesLineSeparatorsTabsAndReturnsAndKeepsOtherText() {
        let value: JSONValue = ["k\t": ["\t\r\u{2028}\u{2029}€ — ok", .number(1e15), .number(-0.5), [:], []]]
        let expected =
            "{\n  \"k\\t\": [\n    \"\\t\\r\\u2028\\u2029€ — ok\",\n    1000000000000000.0,\n    -0.5,\n    {},\n    []\n  ]\n}\n"
        #expect(value.serialized() == expected)
        #expect(value.serializedBytes() == Array(expected.utf8))
    }

    @Test func serializesWithSortedKeysAndEscapes() {
        let value: JSONValue = ["b": [1, .number(2.5), true, .null], "a": "x\"\\\n\u{1}é/"]
        #expect(
            value.serialized() == """
                {
                  "a": "x\\"\\\\\\n\\u0001é/",
                  "b": [
                    1,
                    2.5,
                    true,
                    null
                  ]
                }

                """)
    }

    @Test func producesValidJSON() throws {
        let value: JSONValue = ["text": "línea\u{2028}\t\"", "n": .number(0.1), "e": [], "o": [:]]
        let parsed = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "línea\u{2028}\t\"")
        #expect(parsed?["n"] as? Double == 0.1)
    }
}

@Suite struct APIDocumentTests {
    @Test func entriesCarryLabelsResolvedReferencesBacklinksAndHistory() throws {
        let site = try makeSite(files)
        let api = APIDocuments(site: site)
        let proyectos = try #require(site.model.collection("proyectos"))
        let p1 = try #require(site.entry(EntryKey("proyectos", "p1")))
        let document = api.document(for: p1, in: proyectos)
        #expect(document["url"] == "https://example.org/sub/proyectos/p1/")
        #expect(document["fields"]?["estado"] == ["value": "activo", "label": "Activo"])
        #expect(document["fields"]?["avance"] == .number(40))
        #expect(
            document["fields"]?["socio"]
                == [
                    "id": "a", "title": "Socio, A", "url": "https://example.org/sub/socios/a/",
                    "api": "https://example.org/sub/api/v1/socios/a.json",
                ])
        #expect(
            document["history"]?.array?.map { $0["id"] } == [
                "https://example.org/sub/proyectos/p1/#historial-2022-04",
                "https://example.org/sub/proyectos/p1/#historial-2022-04-2",
                "https://example.org/sub/proyectos/p1/#historial-2021-01-05",
            ])
        let socios = try #require(site.model.collection("socios"))
        let a = api.document(for: try #require(site.entry(EntryKey("socios", "a"))), in: socios)
        // p1 names `a` twice (socio and socios), and b names it as its matriz.
        #expect(a["backlinks"]?.array?.count == 3)
        let rollup = try #require(a["rollups"]?.array?.first)
        #expect(rollup["total"] == 1)
        #expect(rollup["counts"] == ["activo": 1, "parado": 0])
    }

    @Test func theCatalogCountsWhatIsDocumented() throws {
        let catalog = APIDocuments(site: try makeSite(files)).catalog()
        #expect(catalog["content_date"] == "2023")
        let proyectos = try #require(catalog["collections"]?.array?.first)
        #expect(proyectos["documented"] == 2)
        #expect(proyectos["expected"] == 3)
        #expect(proyectos["csv"] == "https://example.org/sub/datos/proyectos.csv")
    }
}

@Suite struct SchemaTests {
    @Test func fieldTypesBecomeSchemas() throws {
        let model = try makeSite(files).model
        let entry = SchemaDocuments(model: model).entry(of: try #require(model.collection("proyectos")))
        #expect(entry["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(entry["$id"] == "https://example.org/sub/api/v1/schema/proyectos/entry.json")
        let fields = try #require(entry["properties"]?["fields"])
        #expect(fields["required"] == ["estado"])
        #expect(fields["additionalProperties"] == false)
        #expect(fields["properties"]?["estado"]?["properties"]?["value"] == ["enum": ["activo", "parado"]])
        #expect(fields["properties"]?["avance"]?["maximum"] == 100)
        #expect(fields["properties"]?["socios"]?["items"] == SchemaDocuments.reference)
        #expect(fields["properties"]?["historial"]?["items"]?["required"] == ["fecha"])
    }
}

@Suite struct FeedTests {
    @Test func oneItemPerDatedRecordNewestFirstWithStableIds() throws {
        let feed = ChangeFeeds(site: try makeSite(files))
        #expect(
            feed.items.map(\.date) == [
                "2023-01-01T00:00:00Z", "2022-04-01T00:00:00Z", "2022-04-01T00:00:00Z", "2021-01-05T00:00:00Z",
            ])
        #expect(
            feed.items.map(\.title) == [
                // The record's enum is a plain list of ids, so its labels are the ids.
                "Dos: historial", "Uno \"con\" comillas: activo", "Uno \"con\" comillas: activo",
                "Uno \"con\" comillas: parado",
            ])
        #expect(feed.items[0].id == "https://example.org/sub/proyectos/p2/#historial-2023")
        #expect(feed.items[3].text == "Primera\nlínea")
        let json = feed.jsonFeed()
        #expect(json["version"] == "https://jsonfeed.org/version/1.1")
        #expect(json["items"]?.array?.count == 4)
    }

    @Test func atomEscapesTextAndGivesTheNewestDate() throws {
        let xml = ChangeFeeds(site: try makeSite(files)).atomFeed()
        #expect(xml.contains("<title>Sitio &quot;de&quot; prueba</title>"))
        #expect(xml.contains("<updated>2023-01-01T00:00:00Z</updated>"))
        #expect(xml.components(separatedBy: "<entry>").count == 5)
    }

    @Test func xmlEscapingDropsForbiddenControlCharacters() {
        #expect(XMLText.escape("a<b>&'\"\u{1}\u{B}\tz") == "a&lt;b&gt;&amp;&apos;&quot;\tz")
    }
}

@Suite struct TabularDataTests {
    @Test func csvFollowsRFC4180() throws {
        let tables = TabularData(site: try makeSite(files)).tables
        #expect(tables.map(\.path) == ["datos/proyectos.csv", "datos/proyectos-historial.csv", "datos/socios.csv"])
        #expect(
            TabularData.csv(tables[0]) == "id,title,estado,avance,socio,socios\r\n" + "p2,Dos,parado,,,\r\n"
                + "p1,\"Uno \"\"con\"\" comillas\",activo,40,a,a;b\r\n")
        #expect(
            TabularData.csv(tables[1]).hasPrefix(
                "proyectos_id,n,fecha,estado,nota\r\np2,1,2023,,\r\np1,1,2021-01-05,parado,\"Primera\nlínea\"\r\n"))
        #expect(TabularData.csv(tables[2]).contains("a,\"Socio, A\",\r\n"))
    }

    @Test func theDataPackageDeclaresTypesAndForeignKeys() throws {
        let package = TabularData(site: try makeSite(files)).dataPackage()
        #expect(package["profile"] == "tabular-data-package")
        let resources = try #require(package["resources"]?.array)
        #expect(resources.map { $0["name"] } == ["proyectos", "proyectos-historial", "socios"])
        // A reference to the same collection is a self-reference, written as resource "".
        #expect(
            resources[2]["schema"]?["foreignKeys"] == [
                ["fields": "matriz", "reference": ["resource": "", "fields": "id"]]
            ])
        #expect(resources[1]["schema"]?["primaryKey"] == ["proyectos_id", "n"])
        #expect(
            resources[0]["schema"]?["fields"]?.array?.first { $0["name"] == "avance" }?["constraints"] == [
                "minimum": 0, "maximum": 100,
            ])
    }
}

/// Lists are written entry by entry: the same bytes as the whole tree serialized.
@Suite struct StreamedListTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test(arguments: ["", "/Tests/Fixtures/pmdot-site"])
    func aStreamedListIsTheListSerialized(site folder: String) throws {
        let tree = ContentLoader(root: Self.repository + folder).load()
        let modelText = try #require(tree.files.first { $0.path == ModelReader.path }).text
        let (site, _) = SiteResolver.resolve(tree, model: try #require(ModelReader.read(modelText).0))
        let api = APIDocuments(site: site)
        for collection in site.model.collections {
            #expect(api.listBytes(of: collection) == api.list(of: collection).serializedBytes(), "\(collection.name)")
        }
    }

    @Test func anEmptyListIsWrittenAsAnEmptyArray() {
        let header: JSONValue = ["b": .int(1), "z": .null]
        let streamed = header.serializedBytes(streaming: "entries", count: 0) { _ in .null }
        let whole: JSONValue = ["b": .int(1), "z": .null, "entries": .array([])]
        #expect(streamed == whole.serializedBytes())
        let two = header.serializedBytes(streaming: "a", count: 2) { .int($0) }
        #expect(two == (["b": .int(1), "z": .null, "a": .array([.int(0), .int(1)])] as JSONValue).serializedBytes())
    }
}
