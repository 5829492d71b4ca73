import ContentModel
import Diagnostics
import Testing

/// `type: series` in `site.yaml`, with Open SDG's thresholds unless the field sets its own.
@Suite struct SeriesModelTests {
    static func model(_ field: String) -> (SiteModel?, [Diagnostic]) {
        ModelReader.read(
            """
            title: T
            collections:
              indicadores:
                fields:
                  serie: \(field)
            """)
    }

    @Test func aSeriesFieldHasOpenSDGsThresholdsByDefault() throws {
        let (model, diagnostics) = Self.model("{type: series, required: true}")
        #expect(diagnostics.isEmpty)
        guard case .series(let thresholds)? = model?.collection("indicadores")?.field("serie")?.type else {
            Issue.record("not a series")
            return
        }
        #expect(thresholds == .openSDG)
        #expect(thresholds.onTrack == 0.95 && thresholds.moderate == 0.6)
        #expect(thresholds.growthOnTrack == 0.015 && thresholds.growthModerate == 0.005)
    }

    @Test func thresholdsCanBeSet() throws {
        let (model, diagnostics) = Self.model("{type: series, thresholds: {on_track: 0.9, growth_moderate: 0.002}}")
        #expect(diagnostics.isEmpty)
        guard case .series(let thresholds)? = model?.collection("indicadores")?.field("serie")?.type else {
            Issue.record("not a series")
            return
        }
        #expect(thresholds.onTrack == 0.9 && thresholds.moderate == 0.6 && thresholds.growthModerate == 0.002)
    }

    @Test(arguments: [
        ("{type: series, thresholds: {on_track: mucho}}", "model-invalid", 5, 52),
        ("{type: series, thresholds: {on_track: 0.5, moderate: 0.7}}", "model-invalid", 5, 41),
        ("{type: series, thresholds: {ontrack: 0.9}}", "model-unknown-key", 5, 42),
    ])
    func wrongThresholdsAreReportedWhereTheyAre(field: String, code: String, line: Int, column: Int) {
        let (model, diagnostics) = Self.model(field)
        #expect(model == nil)
        #expect(diagnostics.map(\.code) == [code])
        #expect(diagnostics.first?.location?.line == line)
        #expect(diagnostics.first?.location?.column == column)
    }
}
