import Foundation

/// Prints diagnostics for people (compiler style), for machines (JSON) or for GitHub Actions.
public struct DiagnosticReport: Sendable {
    /// The output formats of `--format`.
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case github
    }

    public var diagnostics: [Diagnostic]
    /// The text of each file by its relative path, to quote the offending line.
    public var sources: [String: String]
    /// The words of messages, hints and the summary, in the reader's language.
    public var catalog: MessageCatalog

    /// Creates a report of `diagnostics`, sorted by file, line and column, in `catalog`'s language.
    public init(_ diagnostics: [Diagnostic], sources: [String: String] = [:], catalog: MessageCatalog = .english) {
        self.diagnostics = diagnostics.sorted()
        self.sources = sources
        self.catalog = catalog
    }

    /// Whether the text format should be coloured: only on a terminal, and not when `NO_COLOR`
    /// is set to a value (no-color.org: an empty `NO_COLOR` does not turn colour off).
    public static func wantsColor(environment: [String: String], terminal: Bool) -> Bool {
        terminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The whole report in `format`; `color` adds ANSI colours to the text format.
    public func formatted(_ format: Format, color: Bool = false) -> String {
        switch format {
        case .text: text(color: color)
        case .json: json()
        case .github: github()
        }
    }

    // MARK: - Text

    func text(color: Bool) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += render(diagnostic, color: color)
            out += "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        if !diagnostics.isEmpty { out += Self.summary(errors: errors, warnings: warnings, catalog: catalog) + "\n" }
        return out
    }

    /// "3 errors, 1 warning", "3 errores, 1 advertencia".
    public static func summary(errors: Int, warnings: Int, catalog: MessageCatalog) -> String {
        catalog(
            "summary",
            [
                "errors": catalog.plural("summary.errors", count: errors),
                "warnings": catalog.plural("summary.warnings", count: warnings),
            ])
    }

    func render(_ diagnostic: Diagnostic, color: Bool) -> String {
        let paint = Paint(enabled: color)
        let severityColor = diagnostic.severity == .error ? Paint.red : Paint.yellow
        var out = paint(severityColor, "\(diagnostic.severity.rawValue)[\(diagnostic.code)]")
        out += paint(Paint.bold, ": \(diagnostic.message(in: catalog).terminalSafe)") + "\n"
        let hint = diagnostic.hint(in: catalog)?.terminalSafe
        let hintLabel = catalog("report.hint")
        guard let location = diagnostic.location else {
            if let hint { out += "  = \(hintLabel) \(hint)\n" }
            return out
        }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        out += "\(gutter)\(paint(Paint.blue, "-->")) \(location.description.terminalSafe)"
        if let field = diagnostic.field { out += " (\(field.terminalSafe))" }
        out += "\n"
        if let line = sourceLine(location) {
            let visible = line.replacingOccurrences(of: "\t", with: " ").terminalSafe
            // A control character is shown as `U+0000`, six characters for one: so is the underline.
            let (before, span) = Self.shownWidths(line, column: location.column, length: location.length)
            let pad = String(repeating: " ", count: max(0, before))
            let marks = String(repeating: "^", count: max(1, span))
            out += "\(gutter) \(paint(Paint.blue, "|"))\n"
            out += "\(paint(Paint.blue, number)) \(paint(Paint.blue, "|")) \(visible)\n"
            out += "\(gutter) \(paint(Paint.blue, "|")) \(pad)\(paint(severityColor, marks))"
            if let hint { out += " \(hint)" }
            out += "\n"
        } else if let hint {
            out += "\(gutter) = \(hintLabel) \(hint)\n"
        }
        return out
    }

    /// How wide the first `column - 1` characters of `line`, and the `length` after them, are once
    /// `terminalSafe` has written each control character as its code point.
    static func shownWidths(_ line: String, column: Int, length: Int) -> (before: Int, span: Int) {
        let before = max(0, column - 1)
        guard line.unicodeScalars.contains(where: \.isForbiddenControl) else { return (before, length) }
        let scalars = Array(line.unicodeScalars)
        func extra(_ range: Range<Int>) -> Int {
            let clamped = range.clamped(to: 0..<scalars.count)
            return scalars[clamped].reduce(0) { $0 + ($1.isForbiddenControl ? $1.codePoint.count - 1 : 0) }
        }
        return (before + extra(0..<before), length + extra(before..<(before + max(0, length))))
    }

    func sourceLine(_ location: SourceLocation) -> String? {
        guard location.line > 0, let text = sources[location.file] else { return nil }
        // "\r\n" is one Character in Swift, so split on both kinds of line end.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        guard location.line <= lines.count else { return nil }
        return String(lines[location.line - 1])
    }

    // MARK: - JSON

    func json() -> String {
        struct Output: Encodable {
            let diagnostics: [Item]
            let errors: Int
            let warnings: Int
        }
        struct Item: Encodable {
            let severity: String
            let code: String
            let message: String
            let file: String?
            let line: Int?
            let column: Int?
            let field: String?
            let hint: String?
        }
        let items = diagnostics.map {
            Item(
                severity: $0.severity.rawValue, code: $0.code, message: $0.message(in: catalog),
                file: $0.location?.file, line: ($0.location?.line).flatMap { $0 > 0 ? $0 : nil },
                column: $0.location.flatMap { $0.line > 0 && $0.column > 0 ? $0.column : nil },
                field: $0.field, hint: $0.hint(in: catalog))
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try? encoder.encode(
            Output(diagnostics: items, errors: errors, warnings: diagnostics.count - errors))
        return (data.flatMap { String(decoding: $0, as: UTF8.self) } ?? "{}") + "\n"
    }

    // MARK: - GitHub Actions

    /// Workflow commands (`::error file=…,line=…::message`) that GitHub shows as annotations.
    func github() -> String {
        var out = ""
        for diagnostic in diagnostics {
            var properties = ["title=\(escapeProperty(diagnostic.code))"]
            if let location = diagnostic.location {
                // GitHub annotates the whole file when there is no line.
                var place = ["file=\(escapeProperty(location.file))"]
                if location.line > 0 { place.append("line=\(location.line)") }
                if location.line > 0, location.column > 0 { place.append("col=\(location.column)") }
                properties.insert(contentsOf: place, at: 0)
            }
            var message = diagnostic.message(in: catalog)
            if let hint = diagnostic.hint(in: catalog) { message += " (\(hint))" }
            out += "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))"
            out += "::\(escapeData(message))\n"
        }
        return out
    }

    func escapeData(_ value: String) -> String {
        value.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A").terminalSafe
    }

    func escapeProperty(_ value: String) -> String {
        escapeData(value).replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}

/// ANSI colours, or nothing when colour is off (`NO_COLOR`, not a terminal).
struct Paint {
    static let red = "31"
    static let yellow = "33"
    static let blue = "34"
    static let bold = "1"
    let enabled: Bool

    func callAsFunction(_ code: String, _ text: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
