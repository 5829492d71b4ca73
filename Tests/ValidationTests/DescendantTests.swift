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
            data_date: fecha
            fields: {titulo: string, eje: {type: ref, to: ejes}, fecha: date}
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

    func site(changing files: [String: String] = [:]) throws -> Site {
        let (site, diagnostics) = TestSite.validate(
            Self.files.merging(files) { $1 }, replacingModel: true)
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
        #expect(rollup.keys.map(\.id) == ["x1", "x2"])
        // x1 refers below e1 three ways (h1, h2, x2), x2 two ways (h2, x1): each counted once.
        #expect(rollup.linkedSeveralWays.map { "\($0.key.id) \($0.links)" } == ["x1 3", "x2 2"])
    }

    /// What `descendants(of:)` and `deepRollups(of:)` give for every entry of `site`, as text.
    func descent(of site: Site) -> [String] {
        site.model.collections.flatMap { site.entries(of: $0.name) }.map { entry in
            let below = site.descendants(of: entry.key).sorted { $0.key < $1.key }
                .map { "\($0.key) \($0.value.description)" }
            let rollups = site.deepRollups(of: entry.key).map { rollup in
                "\(rollup.counts.collection) \(rollup.counts.counts.map { "\($0.value.id)=\($0.count)" }.joined(separator: ",")) "
                    + "unset=\(rollup.counts.unset) \(rollup.paths.map(\.description)) \(rollup.keys.map(\.id)) "
                    + "\(rollup.linkedSeveralWays.map { "\($0.key.id)×\($0.links)" })"
            }
            return "\(entry.key): \(below) \(rollups)"
        }
    }

    @Test func theDescentTableGivesWhatEachEntryFindsAlone() throws {
        let site = try site()
        let table = site.withDescentTable()
        #expect(site.descentTable == nil)
        // Only the entries something refers to are in it: e1, h1, h2, x1 and x2.
        #expect(table.descentTable?.count == 5)
        #expect(descent(of: table) == descent(of: site))
        #expect(descent(of: site).contains { $0.hasPrefix("ejes/e1: ") && $0.contains("acciones a=1,b=1 unset=0") })
    }

    /// The whole table, walked with numbers (`DescentTable.numbered`), is what each entry finds
    /// alone, cycles and an entry that refers to itself included.
    @Test func theNumberedWalkGivesWhatEachEntryFindsAlone() throws {
        // c is two steps below h1 through x5 (`apoya`) and below h2 through a1 (`causa`): the walk
        // takes the milestones' actions in key order (a1 before x5), so c's path is `causa`'s.
        let model = try #require(Self.files["content/site.yaml"]).replacingOccurrences(
            of: "causa: {type: ref, to: acciones}",
            with: "causa: {type: ref, to: acciones}\n      apoya: {type: ref, to: acciones}")
        let site = try site(changing: [
            "content/site.yaml": model,
            "content/acciones/x3.md": "---\ntitulo: X3\nhito: h2\ncausa: x3\n---\n",
            "content/acciones/x4.md": "---\ntitulo: A4\nhitos: [h1, h2]\nestado: a\n---\n",
            "content/acciones/x5.md": "---\ntitulo: X5\nhito: h1\n---\n",
            "content/acciones/a1.md": "---\ntitulo: Z1\nhito: h2\n---\n",
            "content/acciones/c.md": "---\ntitulo: C\ncausa: a1\napoya: x5\n---\n",
        ])
        let numbered = DescentTable.numbered(site)
        #expect(numbered == DescentTable.oneByOne(site))
        // e1, h1, h2, x1, x2, x5 and a1: x3 is referred to only by itself, and nothing is below it.
        #expect(numbered.count == 7 && numbered[EntryKey("acciones", "x3")] == nil)
        let rollup = try #require(numbered[EntryKey("ejes", "e1")]?.first)
        // x4 (titled A4) first in display order; x3, x5, Z1 and C have no status.
        #expect(rollup.keys.map(\.id) == ["x4", "c", "x1", "x2", "x3", "x5", "a1"])
        #expect(rollup.counts == [2, 1] && rollup.unset == 4)
        #expect(
            rollup.paths.map(\.description) == [
                "acciones.hito → hitos.eje", "acciones.hitos → hitos.eje", "acciones.causa → acciones.hito → hitos.eje",
            ])
    }

    /// An edit of fields (`avance serve`) makes the table again for the entries above the
    /// edited ones, before and after: the same table as one made from the edited site.
    @Test(arguments: [
        ("acciones", "x1", "---\ntitulo: X1\nhito: h1\nestado: b\n---\n"),  // a status; a reference gone
        ("acciones", "x2", "---\ntitulo: A2\nhito: h1\nestado: a\ncausa: x1\n---\n"),  // moved in order and up
        ("hitos", "h2", "---\ntitulo: H2\n---\n"),  // a milestone taken from its axis
        ("acciones", "x2", "---\ntitulo: X2\nestado: b\n---\n"),  // nothing above it
    ])
    func anEditMakesTheTableAgainAboveTheEditedEntry(collection: String, id: String, text: String) throws {
        let site = try site().withDescentTable()
        let model = try #require(site.model.collection(collection))
        let (validated, problems) = EntryValidator(collection: model).validate(
            id: id, path: "content/\(collection)/\(id).md", text: text)
        #expect(problems.isEmpty, "\(problems)")
        let edited = try #require(validated)
        let updated = try #require(SiteResolver.update(site, with: [edited]))
        let remade = try #require(SiteResolver.update(try self.site(), with: [edited])).withDescentTable()
        #expect(updated.descentTable == remade.descentTable)
        #expect(updated.descentTable != site.descentTable)
        #expect(descent(of: updated) == descent(of: remade))
    }

    /// An entry that refers to its parent through two fields is one of its direct roll-up's,
    /// whatever entries' links lie between (backlinks sort by entry, then field).
    @Test func aDirectRollupCountsAnEntryLinkedTwiceOnce() throws {
        let site = try site(changing: [
            "content/acciones/x6.md": "---\ntitulo: X6\nhito: h1\nhitos: [h1, h2]\nestado: b\n---\n",
            "content/acciones/x0.md": "---\ntitulo: X0\nhitos: [h1]\n---\n",
        ])
        #expect(
            site.backlinks[EntryKey("hitos", "h1")]?.map { "\($0.from.id).\($0.field)" } == [
                "x0.hitos", "x1.hito", "x6.hito", "x6.hitos",
            ])
        let rollup = try #require(site.rollups(of: EntryKey("hitos", "h1")).first)
        #expect(rollup.counts.map(\.count) == [1, 1] && rollup.unset == 1)
        #expect(site.rollups(of: EntryKey("ejes", "e1")).isEmpty)  // milestones have no status
    }

    @Test(arguments: [
        ("2024-01-15", "2024-07-15", true), ("2024-01-15", "2024-07-14", false), ("2023", "2024", true),
        ("2024-05", "2024-06-30", false),
    ])
    func staleAfterTheThreshold(dated: String, reference: String, stale: Bool) throws {
        var site = try site(changing: ["content/hitos/h1.md": "---\ntitulo: H1\neje: e1\nfecha: \(dated)\n---\n"])
        // Staleness runs from the data date (the `data_date` field), not from the file's edit.
        site.recordChanges(
            byFile: ["content/hitos/h1.md": reference, "content/hitos/h2.md": "2000-01-01"], referenceDate: reference)
        #expect(site.isStale(EntryKey("hitos", "h1")) == stale)
        #expect(site.dataDate(of: EntryKey("hitos", "h1"))?.description == dated)
        // An entry with no dated record is never called stale, however old its file.
        #expect(!site.isStale(EntryKey("hitos", "h2")))
        #expect(site.dataDate(of: EntryKey("hitos", "h2")) == nil)
        // Stale entries first, then by data date; entries with no data date last.
        let order = site.entriesByDataDate.map(\.entry.id)
        #expect(order.first == (stale ? "h1" : order.first))
        #expect(order.firstIndex(of: "h1")! < order.firstIndex(of: "h2")!)
    }
}
