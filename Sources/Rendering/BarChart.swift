import ContentModel
import Foundation
import SiteLayout

/// Horizontal bar charts drawn at build time: no script, no external file.
///
/// Labels and numbers are HTML text, so they keep the page's font size on any screen (an SVG
/// drawn 640 wide and shrunk to a phone made them 7 px); only each bar is an SVG, stretched to
/// the width left for it. The chart is decoration for sighted readers (`aria-hidden`): every
/// chart is shown with a sentence that summarises it and a data table. Each row carries its
/// numbers as text (the parts of a stacked bar are written under it) and stacked charts have a
/// legend, so nothing depends on colour alone.
public struct BarChart: Sendable {
    /// One bar: a label and its stacked segments.
    public struct Row: Sendable {
        public var label: String
        public var segments: [Segment]
        /// The page listing what the bar counts; its label and number link there.
        public var url: String?
        /// False when the page at `url` lists other entries than the number counts (a published
        /// figure: 35 suspended according to the source, 0 documented here): only the label links.
        public var numberLinks: Bool

        public init(label: String, segments: [Segment], url: String? = nil, numberLinks: Bool = true) {
            self.label = label
            self.segments = segments
            self.url = url
            self.numberLinks = numberLinks
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

    /// What a whole bar stands for.
    public enum Scale: Sendable, Equatable {
        /// The largest row total: bars compare counts (a breakdown per parent entry).
        case largest
        /// A fixed number, such as the total of a status chart: each bar is its share of it.
        case fixed(Int)
        /// Each row on its own total: a bar of 5 out of 5 is full whatever the other rows hold
        /// (the coverage chart, documented of declared).
        case eachRow
    }

    public var rows: [Row]
    /// The value that fills a whole bar.
    public var scale: Scale

    /// Width of a bar's coordinate space; the SVG is stretched to the room it has.
    static let barWidth = 1000.0
    static let barHeight = 20.0
    /// Colours for values that declare none, each at least 4.5:1 against white.
    public static let palette = ["#0b3d6e", "#1d6b3a", "#8a4b00", "#6b3a7a", "#a3262a", "#2f4b8f"]

    /// Creates a chart.
    public init(rows: [Row], scale: Scale = .largest) {
        self.rows = rows
        self.scale = scale
    }

    /// True when rows have several segments: the chart then has a legend and writes each
    /// row's parts under its bar.
    var isStacked: Bool {
        rows.contains { $0.segments.count > 1 }
    }

    /// The chart's HTML: a legend for stacked charts, then one row per bar.
    public func render() -> String {
        var html = "<div class=\"chart-bars\" aria-hidden=\"true\">"
        if isStacked, let first = rows.first {
            html += "<ul class=\"chart-legend\">"
            for segment in first.segments {
                html += "<li>" + Self.swatch(segment.color) + XMLText.escape(segment.label) + "</li>"
            }
            html += "</ul>"
        }
        for row in rows {
            // The chart is hidden from assistive technology (its table says the same), so its
            // links are for pointers only (`tabindex="-1"`); the table's links serve keyboards.
            let open = row.url.map { "<a href=\"\(XMLText.escape($0))\" tabindex=\"-1\">" } ?? ""
            let close = row.url == nil ? "" : "</a>"
            html += "<div class=\"chart-row\"><span class=\"chart-row-label\">" + open + XMLText.escape(row.label)
            let (openNumber, closeNumber) = row.numberLinks ? (open, close) : ("", "")
            html += close + "</span><span class=\"chart-row-total\">" + openNumber + "\(row.total)" + closeNumber
            html += "</span>"
            html += bar(row, maximum: Double(max(1, fullBar(of: row))))
            if isStacked {
                let parts = row.segments.filter { $0.count > 0 }
                    .map { XMLText.escape($0.label) + " \($0.count)" }
                if !parts.isEmpty {
                    html += "<span class=\"chart-row-parts\">" + parts.joined(separator: " · ") + "</span>"
                }
            }
            html += "</div>"
        }
        return html + "</div>"
    }

    /// The count that fills the whole bar of `row`.
    func fullBar(of row: Row) -> Int {
        switch scale {
        case .largest: rows.map(\.total).max() ?? 1
        case .fixed(let total): total
        case .eachRow: row.total
        }
    }

    /// The bar of one row: a track and its segments, in a coordinate space the CSS stretches.
    /// Written short, as it repeats on every row of every chart: no `xmlns` (the HTML parser
    /// puts an inline `<svg>` in its namespace), no coordinate that is the default 0, and whole
    /// numbers without their `.0`.
    func bar(_ row: Row, maximum: Double) -> String {
        let (width, height) = (Self.coordinate(Self.barWidth), Self.coordinate(Self.barHeight))
        var svg = "<svg class=\"chart-bar\" viewBox=\"0 0 \(width) \(height)\" preserveAspectRatio=\"none\">"
        svg += "<rect class=\"chart-track\" width=\"\(width)\" height=\"\(height)\"/>"
        var x = 0.0
        for segment in row.segments where segment.count > 0 {
            let length = Double(segment.count) / maximum * Self.barWidth
            svg += x == 0 ? "<rect " : "<rect x=\"\(Self.coordinate(x))\" "
            svg += "width=\"\(Self.coordinate(length))\" height=\"\(height)\" "
            if let color = segment.color {
                svg += "fill=\"\(XMLText.escape(color))\" class=\"chart-segment\"/>"
            } else {
                svg += "class=\"chart-segment chart-missing\"/>"
            }
            x += length
        }
        return svg + "</svg>"
    }

    /// The legend's sample of a segment's colour (outlined and dashed when it has none).
    static func swatch(_ color: String?) -> String {
        var svg = "<svg class=\"chart-swatch\" viewBox=\"0 0 16 16\"><rect x=\"1\" y=\"1\" width=\"14\" height=\"14\" "
        if let color {
            svg += "fill=\"\(XMLText.escape(color))\" class=\"chart-segment\"/>"
        } else {
            svg += "class=\"chart-segment chart-missing\"/>"
        }
        return svg + "</svg>"
    }

    /// `format` without a trailing `.0`: "250", "12.5".
    static func coordinate(_ value: Double) -> String {
        let text = format(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// One decimal, `.` as separator, whatever the locale. Written by hand: Foundation's
    /// `String(format:locale:)` goes through ICU and was the costliest call of a whole build.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }
}
