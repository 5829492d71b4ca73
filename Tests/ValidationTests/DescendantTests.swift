import ContentModel
import Testing

@testable import SiteData
@testable import Validation

/// Roll-ups through several levels (an axis's milestones, and their actions), and staleness.
@Suite struct DescendantTests {
    static let files = [
        "content/site.yaml": """
        title: T
        title_field: titulo
        stale_after_months: 6
        collections:
          ejes:
            fields: {titulo: string}
          hitos:
            fields: {titulo: string, eje: {type: ref, to: ejes}}
          acciones:
            status: estado
            fields:
              titulo: string
              hito: {type: ref, to: hitos}
              hitos: {type: refs, to: hitos}
              estado: {type: enum, values: [a, b]}
              causa: {type: ref, to: acciones}
        """,
        "content/ejes/e1.md": "---\ntitulo: E1\n---\n",
        "content/hitos/h1.md": "---\ntitulo: H1\neje: e1\n---\n",
        "content/hitos/h2.md": "---\ntitulo: H2\neje: e1\n---\n",
        // x1 belongs to both milestones of e1: it must be counted once.
        "content/acciones/x1.md": "---\ntitulo: X1\nhito: h1\nhitos: [h2]\nestado: a\ncausa: x2\n---\n",
        "content/acciones/x2.md": "---\ntitulo: X2\nhito: h2\nestado: b\ncausa: x1\n---\n",
    ]

    func site() throws -> Site {
        let (site, diagnostics) = TestSite.validate(Self.files, replacingModel: true)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(site)
    }

    @Test func descendantsAreFoundThroughEveryLevelOnceEvenWithCycles() throws {
        let below = try site().descendants(of: EntryKey("ejes", "e1"))
        #expect(below.keys.sorted().map(\.description) == ["acciones/x1", "acciones/x2", "hitos/h1", "hitos/h2"])
        #expect(below[EntryKey("acciones", "x1")]?.description == "acciones.hito → hitos.eje")
        // x1 and x2 cause each other; the walk still ends.
        #expect(try site().descendants(of: EntryKey("acciones", "x1")).keys.map(\.description) == ["acciones/x2"])
    }

    @Test func deepRollupsCountEachDescendantOnce() throws {
        let rollups = try site().deepRollups(of: EntryKey("ejes", "e1"))
        #expect(rollups.count == 1)
        let rollup = try #require(rollups.first)
        #expect(rollup.counts.collection == "acciones")
        #expect(rollup.counts.counts.map(\.count) == [1, 1])
        // Each descendant is reached by its shortest path (x1 through `hito`, not `hitos`).
        #expect(rollup.paths.map(\.description) == ["acciones.hito → hitos.eje"])
        // The entries counted, each once, in display order (the order of the collection's page).
        #expect(rollup.entries.map(\.id) == ["x1", "x2"])
    }

    @Test(arguments: [
        ("2024-01-15", "2024-07-15", true), ("2024-01-15", "2024-07-14", false), ("2023", "2024", true),
        ("2024-05", "2024-06-30", false),
    ])
    func staleAfterTheThreshold(changed: String, reference: String, stale: Bool) throws {
        var site = try site()
        site.recordChanges(byFile: ["content/hitos/h1.md": changed], referenceDate: reference)
        #expect(site.isStale(EntryKey("hitos", "h1")) == stale)
        // Entries with no known date are never called stale.
        #expect(!site.isStale(EntryKey("hitos", "h2")))
        #expect(site.entriesByLastChange.last?.entry.id == "h1")
    }
}
