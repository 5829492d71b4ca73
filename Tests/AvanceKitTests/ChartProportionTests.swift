import Foundation
import TestSupport
import Testing

/// Reads every bar chart of the test site back from its HTML and checks each drawn length
/// against the share it stands for: a status bar is its value's share of the chart's total, a
/// coverage bar is documented of declared on its own collection's scale, and a breakdown (one
/// stacked bar per parent entry) compares parents on the largest one.
@Suite struct ChartProportionTests {
    /// One bar as drawn: its label, its total, its segments' counts and drawn widths (of 1000).
    struct DrawnRow {
        var label: String
        var total: Int
        var counts: [Int]
        var widths: [Double]
        var hasMissing: Bool
    }

    /// The charts of a page, each a list of its rows, and whether it is stacked.
    static func charts(in html: String) -> [(stacked: Bool, rows: [DrawnRow])] {
        html.components(separatedBy: #"<div class="chart-bars" aria-hidden="true">"#).dropFirst().map { chunk in
            let stacked = chunk.hasPrefix(#"<ul class="chart-legend">"#)
            let rowPattern =
                #/<div class="chart-row"><span class="chart-row-label">(?:<a [^>]*>)?([^<]*)(?:</a>)?</span><span class="chart-row-total">(?:<a [^>]*>)?(\d+)(?:</a>)?</span><svg[^>]*>(.*?)</svg>(?:<span class="chart-row-parts">([^<]*)</span>)?</div>/#
            var rows: [DrawnRow] = []
            // A chart ends where its outer div closes, before the next chart.
            for match in chunk.matches(of: rowPattern) {
                let total = Int(match.2) ?? -1
                let svg = String(match.3)
                let segments = svg.matches(of: #/<rect (?:x="[0-9.]+" )?width="([0-9.]+)" height="20" ([^/]*)/>/#)
                let widths = segments.map { Double($0.1) ?? -1 }
                let counts: [Int]
                if let parts = match.4 {
                    counts = parts.components(separatedBy: " · ").map {
                        Int($0.split(separator: " ").last ?? "") ?? -1
                    }
                } else {
                    counts = widths.isEmpty ? [] : [total]
                }
                rows.append(
                    DrawnRow(
                        label: String(match.1), total: total, counts: counts, widths: widths,
                        hasMissing: svg.contains("chart-missing")))
            }
            return (stacked, rows)
        }
    }

    static let pages = ValidSite.rendered.files.filter { $0.path.hasSuffix(".html") }
        .map { (path: $0.path, html: String(decoding: $0.bytes, as: UTF8.self)) }

    @Test func everyBarIsDrawnInProportionToWhatItStandsFor() throws {
        var checked = 0
        for page in Self.pages {
            for chart in Self.charts(in: page.html) {
                let isCoverage = chart.stacked && chart.rows.contains(where: \.hasMissing)
                let chartTotal = chart.rows.reduce(0) { $0 + $1.total }
                let largest = chart.rows.map(\.total).max() ?? 0
                for row in chart.rows {
                    #expect(row.counts.count == row.widths.count, "\(page.path) \(row.label)")
                    let whole = !chart.stacked ? chartTotal : isCoverage ? row.total : largest
                    for (count, width) in zip(row.counts, row.widths) {
                        let share = Double(count) / Double(max(1, whole)) * 1000
                        #expect(
                            abs(share - width) <= 0.06, "\(page.path) \(row.label): \(width) for \(count) of \(whole)")
                        checked += 1
                    }
                }
            }
        }
        // Status, snapshot, breakdown and coverage charts across the dashboards and group pages.
        #expect(checked > 50)
    }

    @Test func statusBarsAreSharesOfTheTotalAndCoverageBarsFillTheirOwnScale() throws {
        let home = try #require(ValidSite.page("index.html"))
        let charts = Self.charts(in: home)
        // The June 2023 snapshot counts 2 + 4 + 2 + 2 = 10 projects: 4 "En marcha" is 40 %,
        // not a whole bar.
        let snapshot = try #require(charts.first { $0.rows.map(\.total) == [2, 4, 2, 2] })
        #expect(snapshot.rows.map(\.widths) == [[200], [400], [200], [200]])
        // Coverage: ejes 3 of 4, metas 3 of 3 (a full bar), acciones 3 of 5, proyectos 6 of 10,
        // each on its own scale.
        let coverage = try #require(charts.first { $0.stacked && $0.rows.contains(where: \.hasMissing) })
        #expect(coverage.rows.map(\.label) == ["Ejes", "Metas", "Acciones", "Proyectos"])
        #expect(coverage.rows.map(\.widths) == [[750, 250], [1000], [600, 400], [600, 400]])
    }
}
