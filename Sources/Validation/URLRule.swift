import ContentModel
import Diagnostics
import Foundation

/// The URLs content may carry: `http`, `https` and `mailto`, nothing that runs or reads files,
/// and nothing a browser reads otherwise than a person does: no backslash (read as `/`), no
/// user name before the host (`https://good.example@evil.example/` goes to `evil.example`), no
/// port beyond 65535. The same rule holds for URL fields and for links and images in Markdown.
public enum URLRule {
    /// Why `text` is refused, or `nil` when it is allowed.
    public static func problem(with text: String) -> Message? {
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
            return Message("url-problem.space")
        }
        if text.contains("\\") {
            return Message("url-problem.backslash")
        }
        let lower = text.lowercased()
        if lower.hasPrefix("mailto:") {
            let address = text.dropFirst("mailto:".count)
            return address.contains("@") ? nil : Message("url-problem.mailto")
        }
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            return Message("url-problem.scheme")
        }
        if let problem = URLAuthority.problem(in: text) { return problem }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return Message("url-problem.no-host")
        }
        return nil
    }
}
