import ContentModel
import Testing

@testable import Rendering

@Suite struct ChartTests {
    static let stacked = BarChart(rows: [
        BarChart.Row(
            label: "<script>x</script> & co",
            segments: [
                BarChart.Segment(label: "En marcha", count: 7, color: "#1d6b3a"),
                BarChart.Segment(label: "Sin documentar", count: 56, color: nil),
                BarChart.Segment(label: "Vacío", count: 0, color: "#a3262a"),
            ]),
        BarChart.Row(
            label: "Dos",
            segments: [
                BarChart.Segment(label: "En marcha", count: 1, color: "#1d6b3a"),
                BarChart.Segment(label: "Sin documentar", count: 0, color: nil),
                BarChart.Segment(label: "Vacío", count: 0, color: "#a3262a"),
            ]),
    ])

    @Test func labelsAndNumbersAreTextAndLabelsAreEscaped() {
        let html = Self.stacked.render()
        #expect(html.hasPrefix(#"<div class="chart-bars" aria-hidden="true">"#))
        #expect(!html.contains("<script"))
        #expect(html.contains(#"<span class="chart-row-label">&lt;script&gt;x&lt;/script&gt; &amp; co</span>"#))
        #expect(html.contains(#"<span class="chart-row-total">63</span>"#))
        // Each bar is an SVG stretched to its room; the missing part is outlined, not filled.
        #expect(html.components(separatedBy: #"<svg class="chart-bar""#).count == 3)
        #expect(html.contains(#"preserveAspectRatio="none""#))
        #expect(html.contains(#"class="chart-segment chart-missing""#))
    }

    @Test func stackedChartsHaveALegendAndWriteEachRowsParts() {
        let html = Self.stacked.render()
        #expect(html.contains(#"<ul class="chart-legend">"#))
        for label in ["En marcha", "Sin documentar", "Vacío"] {
            #expect(html.contains("</svg>\(label)</li>"), "\(label)")
        }
        // Zero-count parts are left out of a row's text; no number is written twice.
        #expect(html.contains(#"<span class="chart-row-parts">En marcha 7 · Sin documentar 56</span>"#))
        #expect(html.contains(#"<span class="chart-row-parts">En marcha 1</span>"#))
    }

    @Test func singleBarsHaveNoLegend() {
        let html = BarChart(rows: [
            BarChart.Row(label: "Suspendido", segments: [BarChart.Segment(label: "Suspendido", count: 35, color: nil)])
        ]).render()
        #expect(!html.contains("chart-legend"))
        #expect(!html.contains("chart-row-parts"))
    }

    @Test func readableTextIsChosenForEachFill() {
        #expect(ColorContrast.text(on: "#1d6b3a") == "#ffffff")
        #expect(ColorContrast.text(on: "#ffdd00") == "#1b1b1b")
    }
}

@Suite struct FormattingTests {
    @Test(arguments: [(0.0, "0.0"), (12.25, "12.3"), (99.95, "100.0"), (-3.04, "-3.0"), (7.0, "7.0"), (0.04, "0.0")])
    func decimalsHaveOneDigitAndADot(value: Double, text: String) {
        #expect(BarChart.format(value) == text)
    }

    @Test func placeholdersAreReplacedAndOthersKept() {
        let strings = Strings(["a": "{n} de {m} {x} {n}", "b": "sin {cierre", "c": "{}"])
        #expect(strings.format("a", ["n": "2", "m": "63"]) == "2 de 63 {x} 2")
        #expect(strings.format("b", ["cierre": "x"]) == "sin {cierre")
        #expect(strings.format("c", [:]) == "{}")
        #expect(strings.format("missing", [:]) == "missing")
    }

    @Test(arguments: [(0, "ninguno"), (1, "1 hito"), (2, "2 hitos")])
    func pluralFormsFollowTheCount(count: Int, text: String) {
        let strings = Strings(["h.zero": "ninguno", "h.one": "{count} hito", "h.other": "{count} hitos"])
        #expect(strings.plural("h", count: count) == text)
    }

    @Test func aKeyWithoutFormsServesEveryCountAndListsJoinWithTheLanguagesWord() {
        let strings = Strings(["n": "{count} x", "list.and": " y "])
        #expect(strings.plural("n", count: 1) == "1 x")
        // A language with one form for every count but zero writes only `.other`.
        let other = Strings(["m.zero": "nada", "m.other": "{count} cosas"])
        #expect(other.plural("m", count: 1) == "1 cosas")
        #expect(other.plural("m", count: 0) == "nada")
        #expect(strings.list(["a", "b", "c"]) == "a, b y c")
        #expect(strings.list(["a"]) == "a")
        #expect(Strings([:]).list(["a", "b"]) == "a, b")
    }
}
