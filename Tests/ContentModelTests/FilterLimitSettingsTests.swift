import Diagnostics
import Testing

@testable import ContentModel

/// `filter_limit` (site-wide and per collection), read from `site.yaml`.
@Suite struct FilterLimitSettingsTests {
    static let base = """
        title: T
        filter_limit: 12
        collections:
          ejes:
            fields: {title: string}
          proyectos:
            order_by: [title]
            filter_limit: 5
            fields: {title: string}

        """

    @Test func readsTheSiteAndCollectionLimits() throws {
        let (model, diagnostics) = ModelReader.read(Self.base)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(model)
        #expect(site.filterLimit == 12)
        #expect(site.filterLimit(of: try #require(site.collection("ejes"))) == 12)
        #expect(site.filterLimit(of: try #require(site.collection("proyectos"))) == 5)
    }

    @Test func defaultsToThirty() throws {
        let unset = try #require(
            ModelReader.read(
                Self.base.replacingOccurrences(of: "filter_limit: 12\n", with: "")
                    .replacingOccurrences(of: "    filter_limit: 5\n", with: "")
            ).0)
        #expect(unset.filterLimit == 30)
        #expect(unset.filterLimit(of: try #require(unset.collection("proyectos"))) == 30)
    }

    /// Each wrong value, at the site's setting or at a collection's, names its line and column.
    @Test(arguments: [
        ("filter_limit: 12", "filter_limit: 0", 2, 15, "`site.yaml`", "`0`"),
        ("filter_limit: 12", "filter_limit: -3", 2, 15, "`site.yaml`", "`-3`"),
        ("filter_limit: 12", "filter_limit: treinta", 2, 15, "`site.yaml`", "`treinta`"),
        ("filter_limit: 12", "filter_limit: 2.5", 2, 15, "`site.yaml`", "`2.5`"),
        ("filter_limit: 12", "filter_limit: [10]", 2, 15, "`site.yaml`", "a list"),
        ("filter_limit: 5", "filter_limit: 0", 8, 19, "the collection `proyectos`", "`0`"),
        ("filter_limit: 5", "filter_limit: ~", 8, 19, "the collection `proyectos`", "nothing"),
    ])
    func wrongLimitsAreReportedWhereTheyAre(
        original: String, replacement: String, line: Int, column: Int, scope: String, shown: String
    ) throws {
        let (model, diagnostics) = ModelReader.read(Self.base.replacingOccurrences(of: original, with: replacement))
        #expect(model == nil)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.map(\.code) == ["filter-limit-invalid"])
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == column)
        #expect(diagnostic.message.contains(scope), "\(diagnostic.message)")
        #expect(diagnostic.message.contains(shown), "\(diagnostic.message)")
        #expect(diagnostic.hint?.contains("filter_limit: 30") == true)
    }
}
