import ContentModel
import Testing

@testable import Rendering

@Suite struct ChartTests {
    @Test func barsCarryTheirNumbersAndEscapeLabels() {
        let svg = ChartSVG(rows: [
            ChartSVG.Row(
                label: "<script>x</script> & co",
                segments: [
                    ChartSVG.Segment(label: "En marcha", count: 7, color: "#1d6b3a"),
                    ChartSVG.Segment(label: "Sin documentar", count: 56, color: nil),
                    ChartSVG.Segment(label: "Vacío", count: 0, color: "#a3262a"),
                ]),
            ChartSVG.Row(label: "Dos", segments: [ChartSVG.Segment(label: "En marcha", count: 1, color: "#1d6b3a")]),
        ]).render()
        #expect(svg.hasPrefix("<svg class=\"chart-svg\""))
        #expect(svg.contains(#"aria-hidden="true""#))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;x&lt;/script&gt; &amp; co"))
        // Zero-count segments are not drawn; the others carry their number as a tooltip and text.
        #expect(!svg.contains("Vacío"))
        #expect(svg.contains("<title>En marcha: 7</title>"))
        #expect(svg.contains("class=\"chart-segment chart-missing\""))
        #expect(svg.contains(">63</text>"))  // the row total
        #expect(svg.contains(##"fill="#ffffff" class="chart-count">7</text>"##))
    }

    @Test func readableTextIsChosenForEachFill() {
        #expect(ColorContrast.text(on: "#1d6b3a") == "#ffffff")
        #expect(ColorContrast.text(on: "#ffdd00") == "#1b1b1b")
    }
}

@Suite struct FormattingTests {
    @Test(arguments: [(0.0, "0.0"), (12.25, "12.3"), (99.95, "100.0"), (-3.04, "-3.0"), (7.0, "7.0"), (0.04, "0.0")])
    func decimalsHaveOneDigitAndADot(value: Double, text: String) {
        #expect(ChartSVG.format(value) == text)
    }

    @Test func placeholdersAreReplacedAndOthersKept() {
        let strings = Strings(["a": "{n} de {m} {x} {n}", "b": "sin {cierre", "c": "{}"])
        #expect(strings.format("a", ["n": "2", "m": "63"]) == "2 de 63 {x} 2")
        #expect(strings.format("b", ["cierre": "x"]) == "sin {cierre")
        #expect(strings.format("c", [:]) == "{}")
        #expect(strings.format("missing", [:]) == "missing")
    }
}
