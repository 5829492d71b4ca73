import ContentModel

/// Fills in the settings `avance init` was given into the starter's `site.yaml`. The starter
/// leaves each one as a commented example, `# base_url: …` and `# license: …`, which the city
/// uncomments when it knows the value; given on the command line, the line is replaced.
enum SiteSettings {
    /// `text` with the line starting `# <key>:` replaced by `replacement`; `nil` when there is no
    /// such line (a starter that lost it, which a test keeps from happening).
    static func set(_ key: String, to replacement: String, in text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("# \(key):") }) else { return nil }
        lines[index] = replacement
        return lines.joined(separator: "\n")
    }

    /// A YAML double-quoted string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The `base_url` line.
    static func baseURLLine(_ url: String) -> String {
        "base_url: " + quoted(url)
    }

    /// The `license` line.
    static func licenseLine(_ license: License) -> String {
        "license: {name: \(quoted(license.name)), title: \(quoted(license.title)), url: \(quoted(license.url))}"
    }
}
