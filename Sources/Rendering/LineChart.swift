import Foundation
import SiteData

/// The line chart of a series, drawn at build time as one SVG: no script, no external file.
///
/// Time runs left to right (fractional years, so `2022-07` sits half way through 2022), values
/// bottom to top. The measured values are a solid line from the baseline (a square) through
/// every value (dots); each target is a diamond at its date, reached by a dashed line from the
/// baseline (and from target to target): the path the plan expects. Tick labels sit exactly at
/// their tick, so the position of any mark can be read back from the labels (the tests do).
/// The chart is `aria-hidden`: its page says the same in a sentence and a table.
struct LineChart {
    var series: Series
    /// Words for the axes and the marks, in the page's language.
    var valueAxis: String
    var dateAxis: String
    var baselineLabel: String
    var targetLabel: String
    /// Numbers as the page writes them (decimal separator of its language).
    var formatNumber: (Double) -> String

    static let width = 320.0
    static let height = 220.0
    static let left = 44.0
    static let right = 14.0
    static let top = 26.0
    static let bottom = 36.0

    /// The plot's domain: from the earliest to the latest date, and round numbers around every value.
    var domain: (t0: Double, t1: Double, y0: Double, y1: Double, step: Double) {
        let points = [series.baseline] + series.targets + series.values
        let times = points.map(\.date.fractionalYear)
        var t0 = times.min()!.rounded(.down)
        var t1 = times.max()!.rounded(.up)
        if t1 == t0 { (t0, t1) = (t0 - 1, t1 + 1) }
        var low = points.map(\.value).min()!
        var high = points.map(\.value).max()!
        if let lower = series.lowerBound, low - lower < (high - low) / 2 { low = lower }
        if high == low { (low, high) = (low - max(1, abs(low) * 0.1), high + max(1, abs(high) * 0.1)) }
        let step = Self.niceStep((high - low) / 4)
        return (t0, t1, (low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let power = pow(10, (log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= raw { return factor * power }
        return 10 * power
    }

    func x(_ date: SiteDate) -> Double {
        let d = domain
        return Self.left + (date.fractionalYear - d.t0) / (d.t1 - d.t0) * (Self.width - Self.left - Self.right)
    }

    func y(_ value: Double) -> Double {
        let d = domain
        return Self.top + (d.y1 - value) / (d.y1 - d.y0) * (Self.height - Self.top - Self.bottom)
    }

    static func coordinate(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    func render() -> String {
        let d = domain
        let c = Self.coordinate
        let plotRight = Self.width - Self.right
        let plotBottom = Self.height - Self.bottom
        var svg =
            "<svg class=\"series-chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
            + "aria-hidden=\"true\" focusable=\"false\">"
        // The value axis: its title with the unit, a grid line and a label per step.
        svg += "<text class=\"axis-title\" x=\"\(c(4))\" y=\"\(c(12))\">\(escape(valueAxis))</text>"
        var value = d.y0
        while value <= d.y1 + d.step / 1000 {
            let yy = c(y(value))
            svg +=
                "<line class=\"grid\" x1=\"\(c(Self.left))\" x2=\"\(c(plotRight))\" y1=\"\(yy)\" y2=\"\(yy)\"/>"
                + "<text class=\"tick-y\" x=\"\(c(Self.left - 4))\" y=\"\(yy)\" text-anchor=\"end\" "
                + "dominant-baseline=\"middle\">\(escape(formatNumber(value)))</text>"
            value += d.step
        }
        // The time axis: a tick per year, or per few years when they are many.
        let years = Int(d.t1 - d.t0)
        let every = max(1, Int((Double(years) / 5).rounded(.up)))
        svg +=
            "<line class=\"axis\" x1=\"\(c(Self.left))\" x2=\"\(c(plotRight))\" y1=\"\(c(plotBottom))\" y2=\"\(c(plotBottom))\"/>"
        for offset in stride(from: 0, through: years, by: every) {
            let year = Int(d.t0) + offset
            let xx = c(x(SiteDate(String(year))!))
            svg +=
                "<line class=\"tick\" x1=\"\(xx)\" x2=\"\(xx)\" y1=\"\(c(plotBottom))\" y2=\"\(c(plotBottom + 4))\"/>"
                + "<text class=\"tick-x\" x=\"\(xx)\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(year)</text>"
        }
        svg +=
            "<text class=\"axis-title\" x=\"\(c(plotRight))\" y=\"\(c(Self.height - 3))\" text-anchor=\"end\">"
            + "\(escape(dateAxis))</text>"
        // The expected path: dashed, from the baseline to each target in turn.
        if !series.targets.isEmpty {
            let path = ([series.baseline] + series.targets).map { "\(c(x($0.date))),\(c(y($0.value)))" }
            svg += "<polyline class=\"series-expected\" points=\"\(path.joined(separator: " "))\"/>"
        }
        // The measured line, from the baseline through every value.
        let measured = ([series.baseline] + series.values).map { "\(c(x($0.date))),\(c(y($0.value)))" }
        if measured.count > 1 {
            svg += "<polyline class=\"series-line\" points=\"\(measured.joined(separator: " "))\"/>"
        }
        let base = (x: x(series.baseline.date), y: y(series.baseline.value))
        svg +=
            "<rect class=\"series-baseline\" x=\"\(c(base.x - 4))\" y=\"\(c(base.y - 4))\" width=\"8\" height=\"8\" "
            + "data-date=\"\(series.baseline.date)\" data-value=\"\(FieldValue.format(series.baseline.value))\"/>"
            + "<text class=\"mark-label\" x=\"\(c(base.x + 6))\" y=\"\(c(base.y - 8))\">\(escape(baselineLabel))</text>"
        for point in series.values {
            svg +=
                "<circle class=\"series-point\" cx=\"\(c(x(point.date)))\" cy=\"\(c(y(point.value)))\" r=\"3.5\" "
                + "data-date=\"\(point.date)\" data-value=\"\(FieldValue.format(point.value))\"/>"
        }
        for target in series.targets {
            let (tx, ty) = (x(target.date), y(target.value))
            svg +=
                "<path class=\"series-target\" d=\"M\(c(tx)) \(c(ty - 6))L\(c(tx + 6)) \(c(ty))L\(c(tx)) \(c(ty + 6))L\(c(tx - 6)) \(c(ty))Z\" "
                + "data-date=\"\(target.date)\" data-value=\"\(FieldValue.format(target.value))\"/>"
                + "<text class=\"mark-label\" x=\"\(c(tx - 8))\" y=\"\(c(ty - 8))\" text-anchor=\"end\">"
                + "\(escape(targetLabel))</text>"
        }
        return svg + "</svg>"
    }

    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
