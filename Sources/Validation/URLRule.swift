import ContentModel
import Foundation

/// The URLs content may carry: `http`, `https` and `mailto`, nothing that runs or reads files,
/// and nothing a browser reads otherwise than a person does: no backslash (read as `/`), no
/// user name before the host (`https://good.example@evil.example/` goes to `evil.example`), no
/// port beyond 65535. The same rule holds for URL fields and for links and images in Markdown.
public enum URLRule {
    /// Why `text` is refused, or `nil` when it is allowed.
    public static func problem(with text: String) -> String? {
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains spaces or control characters"
        }
        if text.contains("\\") {
            return "it contains a backslash, which browsers read as `/`"
        }
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = text.dropFirst("mailto:".count)
            return address.contains("@") ? nil : "a mailto: link needs an address"
        }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return "the scheme must be http, https or mailto"
        }
        if let problem = URLAuthority.problem(in: text) { return problem }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return "it has no host"
        }
        return nil
    }
}
