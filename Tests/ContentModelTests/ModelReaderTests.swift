import Diagnostics
import Foundation
import Testing

@testable import ContentModel

@Suite struct ModelReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func readsTheQuitoModel() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        let (model, diagnostics) = ModelReader.read(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(model)
        #expect(site.language == "es")
        #expect(site.basePath == "/resiliencia/")
        let expected = Dictionary(uniqueKeysWithValues: site.collections.map { ($0.name, $0.expected) })
        #expect(expected["ejes"] == 5)
        #expect(expected["hitos"] == 16)
        #expect(expected["acciones"] == 64)
        #expect(expected["proyectos"] == 63)
        #expect(expected["resultados"] == 12)
        let estado = try #require(site.collection("proyectos")?.statusValues)
        #expect(estado.values.map(\.id) == ["no-iniciado", "en-marcha", "suspendido", "finalizado"])
        #expect(estado.value("suspendido")?.label == "Suspendido")
        let historial = try #require(site.collection("proyectos")?.field("historial"))
        #expect(historial.recordFields.map(\.name) == ["fecha", "estado", "nota"])
    }

    static let minimal = """
        title: T
        collections:
          ejes:
            fields:
              title: string
          hitos:
            fields:
              eje: {type: ref, to: ejes}

        """

    @Test func shortFieldsAndDefaultsWork() throws {
        let (model, diagnostics) = ModelReader.read(Self.minimal)
        #expect(diagnostics.isEmpty)
        let hitos = try #require(model?.collection("hitos"))
        #expect(hitos.folder == "hitos")
        #expect(hitos.titleField == "title")
        // The title field is added when a collection does not declare it.
        #expect(hitos.fields.map(\.name) == ["title", "eje"])
        #expect(model?.baseURL == "/")
    }

    @Test(
        arguments: [
            ("title: T\ncolections: {}\ncollections: {}\n", "model-unknown-key", 2, 1, "did you mean `collections`?"),
            (
                minimal + "  pagina:\n    fields:\n      x: {type: strin}\n", "model-field-type-unknown", 11, 17,
                "`string`"
            ),
            (
                minimal + "  acciones:\n    fields:\n      hito: {type: ref, to: hitoss}\n", "model-collection-unknown",
                11, 29,
                "did you mean `hitos`?"
            ),
            (minimal + "  acciones:\n    fields:\n      hito: {type: refs}\n", "model-invalid", 11, 20, nil),
            (
                minimal + "  acciones:\n    fields:\n      e: {type: enum, values: estados}\n", "model-enum-unknown",
                11, 31, nil
            ),
            (
                minimal + "  acciones:\n    fields:\n      e: {type: enum, values: {a: {color: red}}}\n",
                "model-invalid", 11,
                43, "#1d6b3a"
            ),
            (
                minimal + "  acciones:\n    status: estado\n    fields:\n      e: string\n", "model-field-unknown", 10,
                13, nil
            ),
            (minimal + "  acciones:\n    expected: muchos\n", "model-invalid", 10, 15, nil),
            (minimal + "  Acciones Nuevas:\n    fields: {}\n", "model-invalid", 9, 3, nil),
            ("title: T\nbase_url: ftp://x\ncollections: {}\n", "model-invalid", 2, 11, nil),
            ("- a\n- b\n", "model-invalid", 1, 1, nil),
            ("title: [T\n", "yaml-syntax", 1, 8, nil),
        ] as [(String, String, Int, Int, String?)])
    func aBrokenModelIsReportedWhereItIsWrong(yaml: String, code: String, line: Int, column: Int, hint: String?) throws
    {
        let (model, diagnostics) = ModelReader.read(yaml)
        #expect(model == nil)
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
        #expect(first.code == code)
        #expect(first.location?.file == "content/site.yaml")
        #expect(first.location?.line == line)
        #expect(first.location?.column == column)
        if let hint { #expect(first.hint?.contains(hint) == true, "\(first.hint ?? "no hint")") }
    }

    @Test(arguments: [
        ("Huertos urbanos", "huertos-urbanos"), ("Gestión — Año 2", "gestion-ano-2"), ("  --A--  ", "a"),
        ("Ñandú", "nandu"),
    ])
    func idsAreMadeFromTitles(title: String, id: String) {
        #expect(EntryID.make(from: title) == id)
        #expect(EntryID.isValid(id))
    }

    @Test(arguments: ["", "-a", "a-", "a--b", "A", "a_b", "á", "a b"])
    func invalidIdsAreRefused(id: String) {
        #expect(!EntryID.isValid(id))
    }
}
