/// The exit status of every command (`build`, `check`, `serve`'s start-up, `new`, `import`,
/// `schema`), by one rule: 0 when there is no error, 1 for problems in the content, the links or
/// the spreadsheet, 2 for a wrong command line or a machine the command cannot work on. Each code
/// has one cause, declared once in `Diagnostic.causes`; docs/exit-codes.md explains the table.
extension Diagnostic {
    /// What a problem is about, which decides the exit status of the command that found it.
    public enum Cause: String, Sendable, Hashable, CaseIterable {
        /// The site's sources (entries, the content model, the theme), the links of the built
        /// pages, or the rows of a spreadsheet: fixed by editing them. Exit status 1.
        case content
        /// The command line: an argument or option that names nothing or is malformed. Exit status 2.
        case usage
        /// The machine: a missing folder or tool, a file that cannot be read or written, a busy
        /// port. Exit status 2.
        case environment

        /// 1 for content, 2 for usage and environment.
        public var exitStatus: Int32 { self == .content ? 1 : 2 }
    }

    /// The cause of every code the sources emit, and only of those (a test reads the sources to
    /// keep it so). A code means one thing: where the same words named a wrong argument and a
    /// problem in the content, the argument got a code of its own (`argument-collection-unknown`
    /// beside `collection-unknown`).
    public static let causes: [String: Cause] = [
        // Loading, front matter and YAML
        "file-empty": .content, "file-encoding": .content, "file-ignored": .content, "file-misplaced": .content,
        "file-too-large": .content, "symlink-outside": .content, "symlink-loop": .content, "bidi-unpaired": .content,
        "front-matter-invalid": .content,
        "front-matter-missing": .content, "front-matter-unclosed": .content, "yaml-duplicate-key": .content,
        "yaml-syntax": .content, "yaml-too-complex": .content, "markdown-too-complex": .content,
        // The content model and its translations
        "model-collection-unknown": .content, "model-color-contrast": .content, "model-enum-unknown": .content,
        "model-field-type-unknown": .content, "model-field-unknown": .content, "model-invalid": .content,
        "model-unknown-key": .content, "path-reserved": .content, "translation-unknown": .content,
        "language-invalid": .content, "period-invalid": .content, "periods-undated": .content,
        "paginate-invalid": .content,
        "filter-limit-invalid": .content,
        // What a public release still lacks (warnings; content under --strict)
        "base-url-missing": .content, "base-url-placeholder": .content, "license-missing": .content,
        // Entries and references
        "collection-unknown": .content, "id-invalid": .content, "field-missing": .content, "field-type": .content,
        "field-unknown": .content, "field-blank": .content, "date-invalid": .content, "enum-unknown": .content,
        "url-invalid": .content,
        "count-exceeds-expected": .content, "ref-ambiguous": .content, "ref-duplicate": .content,
        "ref-invalid": .content, "ref-unknown": .content, "ref-wrong-collection": .content,
        "translation-field": .content, "translation-orphan": .content, "note-missing": .content,
        "status-disagrees": .content,
        "series-invalid": .content, "series-unit-missing": .content, "series-number-invalid": .content,
        "series-date-order": .content, "series-date-duplicate": .content, "series-before-baseline": .content,
        "series-source-missing": .content, "series-out-of-range": .content,
        // Bodies, the theme and the pages
        "link-anchor": .content, "link-broken": .content, "i18n-missing": .content, "i18n-path-invalid": .content,
        "template-missing": .content,
        "template-render": .content, "template-syntax": .content, "template-name-unknown": .content,
        "output-conflict": .content,
        // The links of the built pages (`avance check`)
        "link-external": .content, "link-external-throttled": .content, "link-fragment": .content,
        "link-invalid": .content, "link-mailto": .content, "link-missing": .content, "link-outside": .content,
        "link-tel": .content,
        // The rows of a spreadsheet (`avance import`)
        "csv-syntax": .content, "column-duplicate": .content, "column-missing": .content, "column-unknown": .content,
        "entry-exists": .content, "id-taken": .content, "row-duplicate": .content, "cell-formula": .content,
        // The command line
        "argument-collection-unknown": .usage, "argument-entry-exists": .usage, "argument-id-invalid": .usage,
        "map-invalid": .usage, "argument-base-url-invalid": .usage, "output-unsafe": .usage, "output-outside": .usage,
        "output-in-site": .usage,
        "output-exists": .usage, "init-folder-not-empty": .usage, "init-file-kept": .usage,
        "init-language-unknown": .usage, "argument-field-invalid": .usage, "argument-entry-unknown": .usage,
        "argument-period-unknown": .usage, "init-license-unknown": .usage, "init-base-url-invalid": .usage,
        // The machine
        "content-missing": .environment, "theme-missing": .environment, "model-missing": .environment,
        "public-missing": .environment, "file-unreadable": .environment, "output-failed": .environment,
        "output-path-invalid": .environment, "port-unavailable": .environment, "git-unavailable": .environment,
        "git-shallow": .environment, "link-cache": .environment, "init-git-unavailable": .environment,
        "init-starter-broken": .environment, "chromium-missing": .environment, "chromium-failed": .environment,
    ]

    /// The cause of this diagnostic's code; a code missing from `causes` counts as content.
    public var cause: Cause { Self.causes[code] ?? .content }
}

extension Array where Element == Diagnostic {
    /// The exit status of a command that found these diagnostics: 0 without errors (warnings
    /// allowed; `--strict` has already made them errors), 2 when any error is of usage or
    /// environment (the command could not look at everything, so its other errors may be
    /// incomplete), else 1.
    public var exitStatus: Int32 {
        lazy.filter { $0.severity == .error }.map(\.cause.exitStatus).max() ?? 0
    }
}

/// The result of a command: its diagnostics, from which its exit status follows.
public protocol DiagnosedResult {
    var diagnostics: [Diagnostic] { get }
}

extension DiagnosedResult {
    /// The exit status by the one rule (`[Diagnostic].exitStatus`).
    public var exitCode: Int32 { diagnostics.exitStatus }
}
