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
    /// What is wrong, as a sentence of the message catalogs (`messages/<language>.yaml`).
    public var text: Message
    /// Where the problem is; `nil` for problems that belong to no file.
    public var location: SourceLocation?
    /// The field path inside the front matter, such as `historial[2].fecha`.
    public var field: String?
    /// How to fix it, such as "did you mean `h07`?", as a sentence of the catalogs.
    public var hintText: Message?

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, code: String, text: Message, at location: SourceLocation? = nil,
        field: String? = nil, hint: Message? = nil
    ) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
        self.field = field
        self.hintText = hint
    }

    /// Creates an error.
    public static func error(
        _ code: String, _ text: Message, at location: SourceLocation? = nil, field: String? = nil,
        hint: Message? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code: code, text: text, at: location, field: field, hint: hint)
    }

    /// Creates a warning.
    public static func warning(
        _ code: String, _ text: Message, at location: SourceLocation? = nil, field: String? = nil,
        hint: Message? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, text: text, at: location, field: field, hint: hint)
    }

    /// The message in English (tests read it).
    public var message: String { MessageCatalog.english.render(text) }
    /// The hint in English.
    public var hint: String? { hintText.map(MessageCatalog.english.render) }

    /// The message in `catalog`'s language.
    public func message(in catalog: MessageCatalog) -> String { catalog.render(text) }
    /// The hint in `catalog`'s language.
    public func hint(in catalog: MessageCatalog) -> String? { hintText.map(catalog.render) }
}

/// The old style, with the words written in Swift in English: it still compiles, so that work
/// begun before the catalogs merges, but its words are the same in every language and the
/// catalog test names each code that still uses it. Write `Message("code", [...])` instead and
/// add the sentence to every `messages/<language>.yaml` (docs/diagnostics.md, "Adding a code").
extension Diagnostic {
    /// Creates a diagnostic from English words.
    @available(*, deprecated, message: "put the words in messages/*.yaml and pass a Message")
    public init(
        _ severity: Severity, code: String, message: String, at location: SourceLocation? = nil,
        field: String? = nil, hint: String? = nil
    ) {
        self.init(
            severity, code: code, text: Message(literal: message), at: location, field: field,
            hint: hint.map(Message.init(literal:)))
    }

    /// Creates an error from English words.
    @available(*, deprecated, message: "put the words in messages/*.yaml and pass a Message")
    public static func error(
        _ code: String, _ message: String, at location: SourceLocation? = nil, field: String? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .error, code: code, text: Message(literal: message), at: location, field: field,
            hint: hint.map(Message.init(literal:)))
    }

    /// Creates a warning from English words.
    @available(*, deprecated, message: "put the words in messages/*.yaml and pass a Message")
    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation? = nil, field: String? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            .warning, code: code, text: Message(literal: message), at: location, field: field,
            hint: hint.map(Message.init(literal:)))
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
