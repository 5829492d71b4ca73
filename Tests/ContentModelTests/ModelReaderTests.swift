import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import ContentModel

@Suite struct ModelReaderTests {
    @Test func readsTheTestSiteModelWithEveryFieldType() throws {
        let text = try String(contentsOfFile: ValidSite.root + "/content/site.yaml", encoding: .utf8)
        let (model, diagnostics) = ModelReader.read(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(model)
        #expect(site.language == "es")
        #expect(site.basePath == "/plan/")
        #expect(site.collections.map(\.name) == ["ejes", "metas", "acciones", "proyectos", "socios", "paginas"])
        #expect(site.collections.map(\.expected) == [4, 3, 5, 10, nil, nil])
        #expect(site.collections.map(\.inMenu) == [true, true, true, true, true, false])
        let proyectos = try #require(site.collection("proyectos"))
        #expect(
            proyectos.fields.map(\.type.name) == [
                "string", "enum", "ref", "refs", "ref", "refs", "refs", "number", "percent", "date", "date", "url",
                "bool", "text", "list", "list", "list",
            ])
        // With the two of socios and metas: every type `site.yaml` accepts.
        let all = Set(site.collections.flatMap(\.fields).map(\.type.name))
        #expect(all == Set(FieldType.names))
        #expect(proyectos.groupBy == ["estado", "eje", "ejecutor", "socios"])
        #expect(proyectos.chartsBy == ["ejes"])
        #expect(proyectos.snapshots.map(\.date) == ["2021-12", "2023-06"])
        #expect(proyectos.snapshots.map(\.total) == [10, 10])
        let estado = try #require(proyectos.statusValues)
        #expect(estado.name == "estado-proyecto")
        #expect(estado.values.map(\.id) == ["no-iniciado", "en-marcha", "suspendido", "finalizado"])
        #expect(estado.value("suspendido")?.label == "Suspendido")
        #expect(estado.value("suspendido")?.color == "#a3262a")
        // Reasons and deadlines: a suspension needs a note, a finished project is never late.
        #expect(estado.values.filter(\.requiresNote).map(\.id) == ["suspendido"])
        #expect(estado.values.filter(\.isFinal).map(\.id) == ["finalizado"])
        #expect(proyectos.plannedStart == "inicio")
        #expect(proyectos.plannedEnd == "fin_previsto")
        #expect(site.repositoryURL == "https://example.org/villa-ejemplo/plan/blob/main/")
        #expect(site.collection("ejes")?.field("orden")?.isInternal == true)
        #expect(site.collection("ejes")?.publicFields.map(\.name) == ["titulo", "fuentes"])
        let historial = try #require(proyectos.field("historial"))
        #expect(historial.recordFields.map(\.name) == ["fecha", "estado", "nota"])
        #expect(historial.recordDateField?.name == "fecha")
        #expect(site.collection("socios")?.field("depende_de")?.type.target == "socios")
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
                // A field whose type is wrong is reported once, not again by the settings naming it.
                minimal
                    + "  pagina:\n    order_by: [orden]\n    status: orden\n    group_by: [orden]\n"
                    + "    fields:\n      orden: {type: numero}\n",
                "model-field-type-unknown", 14, 21, "`number`"
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
            (
                minimal + "  acciones:\n    planned_end: fin\n    fields:\n      final: date\n", "model-field-unknown",
                10, 18, "did you mean `final`?"
            ),
            (
                minimal + "  acciones:\n    planned_end: fin\n    fields:\n      fin: string\n", "model-invalid", 10,
                18, "{type: date}"
            ),
            ("title: T\nrepository_url: github.com/x\ncollections: {}\n", "model-invalid", 2, 17, "https://"),
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

@Suite struct DashboardSettingsTests {
    static let base = """
        title: T
        stale_after_months: 6
        collections:
          ejes:
            fields: {title: string}
          proyectos:
            status: estado
            group_by: [estado, eje]
            charts_by: [ejes]
            snapshots:
              - {date: 2022-04, title: Matriz, source: Informe, counts: {parado: 35, activo: 7}}
            fields:
              title: string
              estado: {type: enum, values: {activo: {color: "#1d6b3a"}, parado: {color: "#a3262a"}}}
              eje: {type: ref, to: ejes}
              nota: string

        """

    @Test func readsGroupsChartsSnapshotsAndStaleness() throws {
        let (model, diagnostics) = ModelReader.read(Self.base)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let proyectos = try #require(model?.collection("proyectos"))
        #expect(proyectos.groupBy == ["estado", "eje"])
        #expect(proyectos.chartsBy == ["ejes"])
        let snapshot = try #require(proyectos.snapshots.first)
        #expect(snapshot.counts.map(\.value) == ["activo", "parado"])
        #expect(snapshot.counts.map(\.count) == [7, 35])
        #expect(snapshot.total == 42)
        #expect(model?.staleAfterMonths == 6)
    }

    @Test(arguments: [
        ("group_by: [estado, eje]", "group_by: [nota]", "model-invalid"),
        ("group_by: [estado, eje]", "group_by: [estdo]", "model-field-unknown"),
        ("charts_by: [ejes]", "charts_by: [ejez]", "model-collection-unknown"),
        ("counts: {parado: 35, activo: 7}", "counts: {parada: 35}", "model-enum-unknown"),
        ("date: 2022-04", "date: abril", "model-invalid"),
        ("date: 2022-04", "date: 2022-13", "model-invalid"),
        ("date: 2022-04", "date: 2023-02-29", "model-invalid"),
        ("date: 2022-04", "date: ٢٠٢٢-04", "model-invalid"),
        ("stale_after_months: 6", "stale_after_months: seis", "model-invalid"),
    ])
    func wrongSettingsAreReported(original: String, replacement: String, code: String) {
        let (_, diagnostics) = ModelReader.read(Self.base.replacingOccurrences(of: original, with: replacement))
        #expect(diagnostics.map(\.code) == [code], "\(diagnostics.map(\.message))")
    }

    /// A published count under a status that is not one is a wrong figure if guessed wrong: the
    /// status is guessed only when it is one spelt another way (`Activo`) or one typo away
    /// (`parada`), never a neighbour (`inactivo` is not `activo`).
    @Test(arguments: [("Activo", "did you mean `activo`?"), ("parada", "did you mean `parado`?"), ("inactivo", nil)])
    func aSnapshotCountsStatusIsGuessedOnlyWhenItIsOneSpeltAnotherWay(status: String, hint: String?) {
        let (_, diagnostics) = ModelReader.read(
            Self.base.replacingOccurrences(of: "counts: {parado: 35, activo: 7}", with: "counts: {\(status): 35}"))
        #expect(diagnostics.map(\.code) == ["model-enum-unknown"])
        #expect(diagnostics.first?.hint == hint)
    }

    @Test func faintChartColoursAreAWarning() throws {
        let (model, diagnostics) = ModelReader.read(Self.base.replacingOccurrences(of: "#a3262a", with: "#ffdd00"))
        #expect(model != nil)
        #expect(diagnostics.map(\.code) == ["model-color-contrast"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test(arguments: [("#ffffff", "#000000", 21.0), ("#1d6b3a", "#ffffff", 6.6), ("#777", "#fff", 4.5)])
    func contrastFollowsWCAG(first: String, second: String, ratio: Double) throws {
        #expect(abs(try #require(ColorContrast.ratio(first, second)) - ratio) < 0.1)
    }
}
