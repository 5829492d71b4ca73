import Diagnostics
import Foundation
import FrontMatter

// The settings a public release needs: the licence of the data (`license`) and where the site
// is published (`base_url`), with the warnings of a site that has not declared them yet.

extension ModelReader {
    static let licenseKeys = ["name", "url", "title"]

    /// `license: {name, url, title}`; `nil` when absent or malformed (an error at its line).
    mutating func readLicense(_ node: YAMLNode?) -> License? {
        guard let node, !node.isNull else { return nil }
        guard node.mapping != nil else {
            error(
                "model-invalid", Message("model-invalid.license", parts: ["kind": node.kind]), at: node,
                hint: Message("model-invalid.license.hint"))
            return nil
        }
        checkKeys(node, allowed: Self.licenseKeys, what: Message("model-unknown-key.license"))
        var missing = false
        for key in ["name", "url"] where (string(node, key) ?? "").isEmpty {
            error("model-invalid", Message("model-invalid.license.key", ["key": key]), at: node[key] ?? node)
            missing = true
        }
        guard !missing, let name = string(node, "name"), let url = string(node, "url"), let urlNode = node["url"]
        else { return nil }
        guard Self.isSafeAbsoluteURL(url) else {
            error(
                "model-invalid", Message("model-invalid.license.url"), at: urlNode,
                hint: Message("model-invalid.license.url.hint"))
            return nil
        }
        return License(name: name, url: url, title: string(node, "title"))
    }

    /// An absolute http(s) URL with a host, and none of the characters that could break out of
    /// an attribute or a feed.
    static func isSafeAbsoluteURL(_ text: String) -> Bool {
        guard text.hasPrefix("https://") || text.hasPrefix("http://") else { return false }
        let unsafe = text.unicodeScalars.contains {
            $0.value <= 0x20 || $0.value >= 0x7F || "\"'<>\\^`{|}".unicodeScalars.contains($0)
        }
        return !unsafe && URLComponents(string: text)?.host?.isEmpty == false && URLAuthority.problem(in: text) == nil
    }
}

extension SiteModel {
    /// Host names reserved for examples and tests (RFC 2606, RFC 6761): a site published there
    /// is not published yet.
    static let placeholderHosts = ["example.com", "example.net", "example.org", "localhost"]
    static let placeholderSuffixes = [".test", ".example", ".invalid", ".localhost"]

    /// Whether `url` is a placeholder address: a reserved example or test host, or no host at all.
    public static func isPlaceholder(baseURL url: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased(), !host.isEmpty else { return true }
        let name = host.hasSuffix(".") ? String(host.dropLast()) : host
        return placeholderHosts.contains { name == $0 || name.hasSuffix("." + $0) }
            || placeholderSuffixes.contains { name.hasSuffix($0) } || ["test", "example", "invalid"].contains(name)
    }

    /// Warnings for what a public release still lacks: the site's address (`base_url` missing, a
    /// path only, or a placeholder such as example.org) and the licence of its data. `checkBaseURL`
    /// is false when the command line chose the address (`--base-url`), which then is not
    /// `site.yaml`'s concern.
    public func publicationWarnings(checkBaseURL: Bool = true) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        let file = ModelReader.path
        if checkBaseURL {
            if let location = baseURLLocation, baseURL.hasPrefix("/") {
                warnings.append(
                    .warning(
                        "base-url-missing", Message("base-url-missing.path"), at: location,
                        hint: Message("base-url-missing.path.hint")))
            } else if let location = baseURLLocation, Self.isPlaceholder(baseURL: baseURL) {
                warnings.append(
                    .warning(
                        "base-url-placeholder", Message("base-url-placeholder", ["url": baseURL]), at: location,
                        hint: Message("base-url-placeholder.hint")))
            } else if baseURLLocation == nil {
                warnings.append(
                    .warning(
                        "base-url-missing", Message("base-url-missing"),
                        at: SourceLocation(file: file, line: 0, column: 0),
                        hint: Message("base-url-missing.hint")))
            }
        }
        if license == nil {
            warnings.append(
                .warning(
                    "license-missing", Message("license-missing"), at: SourceLocation(file: file, line: 0, column: 0),
                    hint: Message("license-missing.hint")))
        }
        return warnings
    }
}
