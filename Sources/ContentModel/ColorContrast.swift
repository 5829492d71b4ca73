import Foundation

/// WCAG 2.1 contrast between hex colours (`#1d6b3a` or `#1d6`), used to check the colours of
/// `site.yaml` and to pick readable text on chart bars.
public enum ColorContrast {
    /// The relative luminance of a colour, or `nil` when it is not a hex colour.
    public static func luminance(_ color: String) -> Double? {
        var hex = color.hasPrefix("#") ? String(color.dropFirst()) : color
        if hex.count == 3 { hex = hex.map { "\($0)\($0)" }.joined() }
        guard hex.count == 6, let value = Int(hex, radix: 16) else { return nil }
        func channel(_ shift: Int) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The contrast ratio of two colours, from 1 to 21.
    public static func ratio(_ first: String, _ second: String) -> Double? {
        guard let a = luminance(first), let b = luminance(second) else { return nil }
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// White or near-black, whichever reads better on `background`.
    public static func text(on background: String) -> String {
        let white = ratio(background, "#ffffff") ?? 21
        let black = ratio(background, "#1b1b1b") ?? 1
        return white >= black ? "#ffffff" : "#1b1b1b"
    }
}
