import Diagnostics

/// What a check found: every problem as a diagnostic, and how much was checked.
public struct LinkReport: Sendable, DiagnosedResult {
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
}
