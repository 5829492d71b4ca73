/// One problem found in the content, the theme or the command line, with where and what.
public struct Diagnostic: Error, Sendable, Hashable, Codable {
    /// How bad a problem is: errors fail the build, warnings do not (unless `--strict`).
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public var severity: Severity
    /// A stable, kebab-case code such as `ref-unknown`; docs/diagnostics.md lists every code.
    public var code: String
    public var message: String
    /// Where the problem is; `nil` for problems that belong to no file.
    public var location: SourceLocation?
    /// The field path inside the front matter, such as `historial[2].fecha`.
    public var field: String?
    /// How to fix it, such as "did you mean `h07`?".
    public var hint: String?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, message: String, at location: SourceLocation? = nil,
        field: String? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.field = field
        self.hint = hint
    }

    /// Creates an error.
    public static func error(
        _ code: String, _ message: String, at location: SourceLocation? = nil, field: String? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, at: location, field: field, hint: hint)
    }

    /// Creates a warning.
    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation? = nil, field: String? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, at: location, field: field, hint: hint)
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line and column, so every report reads top to bottom.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let left = lhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        let right = rhs.location ?? SourceLocation(file: "", line: 0, column: 0)
        if left != right { return left < right }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.message < rhs.message
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
