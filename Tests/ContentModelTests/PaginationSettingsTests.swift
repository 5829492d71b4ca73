import Diagnostics
import Testing

@testable import ContentModel

/// `paginate_by` (site-wide and per collection) and `api_v1`, read from `site.yaml`.
@Suite struct PaginationSettingsTests {
    static let base = """
        title: T
        paginate_by: 50
        collections:
          ejes:
            fields: {title: string}
          proyectos:
            order_by: [title]
            paginate_by: 20
            fields: {title: string}

        """

    @Test func readsTheSiteAndCollectionSizes() throws {
        let (model, diagnostics) = ModelReader.read(Self.base)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(model)
        #expect(site.paginateBy == 50)
        #expect(site.pageSize(of: try #require(site.collection("ejes"))) == 50)
        let proyectos = try #require(site.collection("proyectos"))
        #expect(site.pageSize(of: proyectos) == 20)
        #expect(site.pageCount(of: proyectos, entries: 0) == 1)
        #expect(site.pageCount(of: proyectos, entries: 20) == 1)
        #expect(site.pageCount(of: proyectos, entries: 21) == 2)
        #expect(site.pageCount(of: proyectos, entries: 1000) == 50)
        #expect(!site.publishesAPIv1)
    }

    @Test func defaultsToOneHundredAndZeroTurnsItOff() throws {
        let unset = try #require(ModelReader.read(Self.base.replacingOccurrences(of: "paginate_by: 50\n", with: "")).0)
        #expect(unset.paginateBy == 100)
        #expect(unset.pageSize(of: try #require(unset.collection("ejes"))) == 100)
        let off = try #require(
            ModelReader.read(Self.base.replacingOccurrences(of: "paginate_by: 20", with: "paginate_by: 0")).0)
        let proyectos = try #require(off.collection("proyectos"))
        #expect(off.pageSize(of: proyectos) == nil)
        #expect(off.pageCount(of: proyectos, entries: 10_000) == 1)
    }

    @Test func apiV1IsReadAsAFlag() throws {
        let model = try #require(ModelReader.read(Self.base + "api_v1: true\n").0)
        #expect(model.publishesAPIv1)
        let (_, diagnostics) = ModelReader.read(Self.base + "api_v1: quizás\n")
        #expect(diagnostics.map(\.code) == ["model-invalid"])
        #expect(diagnostics.first?.location?.line == 10)
    }

    /// Each wrong value, at the site's setting or at a collection's, names its line and column.
    @Test(arguments: [
        ("paginate_by: 50", "paginate_by: -5", 2, 14, "`site.yaml`", "`-5`"),
        ("paginate_by: 50", "paginate_by: cien", 2, 14, "`site.yaml`", "`cien`"),
        ("paginate_by: 50", "paginate_by: 2.5", 2, 14, "`site.yaml`", "`2.5`"),
        ("paginate_by: 50", "paginate_by: [10]", 2, 14, "`site.yaml`", "a list"),
        ("paginate_by: 20", "paginate_by: -1", 8, 18, "the collection `proyectos`", "`-1`"),
        ("paginate_by: 20", "paginate_by: ~", 8, 18, "the collection `proyectos`", "nothing"),
    ])
    func wrongSizesAreReportedWhereTheyAre(
        original: String, replacement: String, line: Int, column: Int, scope: String, shown: String
    ) throws {
        let (model, diagnostics) = ModelReader.read(Self.base.replacingOccurrences(of: original, with: replacement))
        #expect(model == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.map(\.code) == ["paginate-invalid"])
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == column)
        #expect(diagnostic.message.contains(scope), "\(diagnostic.message)")
        #expect(diagnostic.message.contains(shown), "\(diagnostic.message)")
        #expect(diagnostic.hint?.contains("paginate_by: 100") == true)
    }
}
