import ContentModel
import Foundation
import Testing

@testable import Rendering
@testable import SiteData

/// The line chart of a series, read back from its SVG: every mark sits where its date and value
/// say, measured against the chart's own tick labels.
@Suite struct SeriesChartTests {
    static func point(_ date: String, _ value: Double, source: String? = "S") -> Series.Point {
        Series.Point(date: SiteDate(date)!, value: value, source: source)
    }

    static let series = Series(
        unit: "%", direction: .up, baseline: point("2019", 12, source: nil),
        targets: [point("2025", 25, source: nil)],
        values: [point("2020", 13), point("2021-07", 15.5), point("2023", 18)])

    static func chart(_ series: Series) -> String {
        LineChart(
            series: series, valueAxis: "Valor (%)", dateAxis: "Año", baselineLabel: "Línea base",
            targetLabel: "Meta", formatNumber: { FieldValue.format($0) }
        ).render()
    }

    /// Every match of `pattern` in `text`, as its capture groups.
    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { String(text[Range(match.range(at: $0), in: text)!]) }
        }
    }

    /// A straight line through the tick labels: value → coordinate.
    static func scale(_ ticks: [(label: Double, at: Double)]) -> (Double) -> Double {
        let (first, last) = (ticks.first!, ticks.last!)
        return { first.at + ($0 - first.label) / (last.label - first.label) * (last.at - first.at) }
    }

    static func read(_ svg: String) -> (x: (Double) -> Double, y: (Double) -> Double) {
        let xTicks = matches(#"<text class="tick-x" x="([0-9.]+)"[^>]*>([0-9]+)</text>"#, in: svg)
            .map { (label: Double($0[1])!, at: Double($0[0])!) }
        let yTicks = matches(#"<text class="tick-y" x="[0-9.]+" y="([0-9.]+)"[^>]*>([0-9.-]+)</text>"#, in: svg)
            .map { (label: Double($0[1])!, at: Double($0[0])!) }
        #expect(xTicks.count >= 2 && yTicks.count >= 2)
        return (scale(xTicks), scale(yTicks))
    }

    @Test func everyPointSitsWhereItsDateAndValueSay() {
        let svg = Self.chart(Self.series)
        let (x, y) = Self.read(svg)
        let dots = Self.matches(
            #"<circle class="series-point" cx="([0-9.]+)" cy="([0-9.]+)"[^>]*data-date="([0-9-]+)" data-value="([0-9.]+)""#,
            in: svg)
        #expect(dots.count == 3)
        let expected: [(String, Double, Double)] = [("2020", 2020, 13), ("2021-07", 2021.5, 15.5), ("2023", 2023, 18)]
        for (dot, (date, year, value)) in zip(dots, expected) {
            #expect(dot[2] == date)
            #expect(abs(Double(dot[0])! - x(year)) < 0.02, "x of \(date)")
            #expect(abs(Double(dot[1])! - y(value)) < 0.02, "y of \(date)")
        }
        // The baseline is a square centred on 2019, 12; the target a diamond centred on 2025, 25.
        let base = Self.matches(#"<rect class="series-baseline" x="([0-9.]+)" y="([0-9.]+)""#, in: svg)[0]
        #expect(abs(Double(base[0])! + 4 - x(2019)) < 0.02)
        #expect(abs(Double(base[1])! + 4 - y(12)) < 0.02)
        let target = Self.matches(#"<path class="series-target" d="M([0-9.]+) ([0-9.]+)L"#, in: svg)[0]
        #expect(abs(Double(target[0])! - x(2025)) < 0.02)
        #expect(abs(Double(target[1])! + 6 - y(25)) < 0.02)
        // The measured line runs from the baseline through every value; the dashed one to the target.
        let line = Self.matches(#"<polyline class="series-line" points="([^"]+)""#, in: svg)[0][0]
        #expect(line.split(separator: " ").count == 4)
        let expectedPath = Self.matches(#"<polyline class="series-expected" points="([^"]+)""#, in: svg)[0][0]
        #expect(expectedPath.split(separator: " ").count == 2)
    }

    @Test func higherValuesAreHigherOnTheChartForSeriesGoingDown() {
        let falling = Series(
            unit: "días", direction: .down, baseline: Self.point("2019", 24, source: nil),
            targets: [Self.point("2025", 6, source: nil)], values: [Self.point("2020", 26), Self.point("2022", 29)])
        let svg = Self.chart(falling)
        let (_, y) = Self.read(svg)
        let dots = Self.matches(#"<circle class="series-point" cx="[0-9.]+" cy="([0-9.]+)""#, in: svg).map {
            Double($0[0])!
        }
        #expect(dots.count == 2)
        #expect(abs(dots[0] - y(26)) < 0.02 && abs(dots[1] - y(29)) < 0.02)
        #expect(dots[1] < dots[0], "29 is drawn above 26")
    }

    @Test func theAxesAreLabelledAndTextIsEscaped() {
        var series = Self.series
        series.unit = "<b>"
        let svg = LineChart(
            series: series, valueAxis: "Valor (<b>)", dateAxis: "Año", baselineLabel: "Línea base",
            targetLabel: "Meta", formatNumber: { FieldValue.format($0) }
        ).render()
        #expect(svg.contains(">Valor (&lt;b&gt;)</text>"))
        #expect(svg.contains(">Año</text>"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains(#"aria-hidden="true""#))
    }
}
