import ContentModel
import Foundation
import SiteLayout

/// Horizontal bar charts as inline SVG, drawn at build time: no script, no external file.
///
/// The SVG is decoration for sighted readers (`aria-hidden`): every chart is shown with a
/// sentence that summarises it and a data table, and each bar carries its number as text, so
/// nothing depends on colour alone.
public struct ChartSVG: Sendable {
    /// One bar: a label and its stacked segments.
    public struct Row: Sendable {
        public var label: String
        public var segments: [Segment]

        public init(label: String, segments: [Segment]) {
            self.label = label
            self.segments = segments
        }

        public var total: Int { segments.reduce(0) { $0 + $1.count } }
    }

    /// A part of a bar, such as the 7 projects "en marcha".
    public struct Segment: Sendable {
        public var label: String
        public var count: Int
        /// A hex colour; `nil` draws an outlined, unfilled segment (for "missing" parts).
        public var color: String?

        public init(label: String, count: Int, color: String?) {
            self.label = label
            self.count = count
            self.color = color
        }
    }

    public var rows: [Row]
    /// The value that fills a whole bar; the largest row total by default.
    public var scale: Int?

    static let width = 640.0
    static let labelWidth = 230.0
    static let barWidth = 350.0
    static let rowHeight = 32.0
    static let barHeight = 22.0
    /// Colours for values that declare none, each at least 4.5:1 against white.
    public static let palette = ["#0b3d6e", "#1d6b3a", "#8a4b00", "#6b3a7a", "#a3262a", "#2f4b8f"]

    /// Creates a chart.
    public init(rows: [Row], scale: Int? = nil) {
        self.rows = rows
        self.scale = scale
    }

    /// The SVG element.
    public func render() -> String {
        let maximum = Double(max(1, scale ?? rows.map(\.total).max() ?? 1))
        let height = Double(rows.count) * Self.rowHeight + 8
        var svg =
            "<svg class=\"chart-svg\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.format(Self.width)) "
        svg += "\(Self.format(height))\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" aria-hidden=\"true\" "
        svg += "focusable=\"false\">"
        for (index, row) in rows.enumerated() {
            let y = Double(index) * Self.rowHeight + 4
            let textY = Self.format(y + Self.barHeight / 2 + 5)
            svg +=
                "<text x=\"\(Self.format(Self.labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\" class=\"chart-label\">"
            svg += XMLText.escape(Self.truncate(row.label, to: 25)) + "</text>"
            svg +=
                "<rect x=\"\(Self.format(Self.labelWidth))\" y=\"\(Self.format(y))\" width=\"\(Self.format(Self.barWidth))\" "
            svg += "height=\"\(Self.format(Self.barHeight))\" class=\"chart-track\"/>"
            var x = Self.labelWidth
            for segment in row.segments where segment.count > 0 {
                let width = Double(segment.count) / maximum * Self.barWidth
                svg += segmentSVG(segment, x: x, y: y, width: width)
                x += width
            }
            svg +=
                "<text x=\"\(Self.format(min(x, Self.labelWidth + Self.barWidth) + 8))\" y=\"\(textY)\" class=\"chart-total\">"
            svg += "\(row.total)</text>"
        }
        return svg + "</svg>"
    }

    func segmentSVG(_ segment: Segment, x: Double, y: Double, width: Double) -> String {
        var svg = "<rect x=\"\(Self.format(x))\" y=\"\(Self.format(y))\" width=\"\(Self.format(width))\" "
        svg += "height=\"\(Self.format(Self.barHeight))\" "
        if let color = segment.color {
            svg += "fill=\"\(XMLText.escape(color))\" class=\"chart-segment\">"
        } else {
            svg += "class=\"chart-segment chart-missing\">"
        }
        svg += "<title>\(XMLText.escape(segment.label)): \(segment.count)</title></rect>"
        // The number inside the segment when it fits, so colours are never the only cue.
        if width >= 26 {
            let fill = segment.color ?? "#ffffff"
            svg += "<text x=\"\(Self.format(x + width / 2))\" y=\"\(Self.format(y + Self.barHeight / 2 + 5))\" "
            svg += "text-anchor=\"middle\" fill=\"\(ColorContrast.text(on: fill))\" class=\"chart-count\">"
            svg += "\(segment.count)</text>"
        }
        return svg
    }

    /// One decimal, `.` as separator, whatever the locale. Written by hand: Foundation's
    /// `String(format:locale:)` goes through ICU and was the costliest call of a whole build.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    static func truncate(_ text: String, to length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
