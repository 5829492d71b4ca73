import Diagnostics

/// What a check found: every problem as a diagnostic, and how much was checked.
public struct LinkReport: Sendable {
    /// Every problem, sorted by file, line and column.
    public var diagnostics: [Diagnostic] = []
    /// The text of each page with problems, by the path its diagnostics name, to quote lines.
    public var sources: [String: String] = [:]
    /// How many HTML pages were parsed.
    public var pages = 0
    /// How many URLs the pages hold (every `href`, `src`, `srcset` candidate…).
    public var links = 0
    /// How many distinct URLs of other sites were asked for (0 without `external`).
    public var externalURLs = 0
    /// What each step did and how long it took, for `--verbose`.
    public var log: [String] = []

    /// 0 when clean, 1 for broken links, 2 when the folder cannot be checked at all.
    public var exitCode: Int32 {
        guard diagnostics.hasErrors else { return 0 }
        return diagnostics.contains { $0.severity == .error && Self.environmentCodes.contains($0.code) } ? 2 : 1
    }

    /// Problems of the command line or the machine, not of the links (exit status 2).
    public static let environmentCodes: Set<String> = ["public-missing", "file-unreadable"]
}
