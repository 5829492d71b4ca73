import Diagnostics
import Yams

/// Parses YAML text into positioned `YAMLNode`s with Yams (libyaml), reporting syntax errors
/// at their line and column in the file.
public enum YAMLReader {
    // Resolver.basic: scalars stay strings, the content model types them. Passing `.utf8`
    // avoids Yams reading the environment on every call (RECIPES.md §5).
    static let resolver = Resolver.basic

    /// Parses `yaml`, which starts at `firstLine` of `file`. An empty document gives `nil`.
    public static func parse(_ yaml: String, file: String, firstLine: Int = 1) -> Result<
        YAMLNode?, Diagnostic
    > {
        let offset = firstLine - 1
        if let problem = YAMLLimits.check(yaml, file: file, offset: offset) { return .failure(problem) }
        do {
            guard let node = try Yams.compose(yaml: yaml, resolver, .default, .utf8) else {
                return .success(nil)
            }
            return try .success(convert(node, offset: offset, file: file, yaml: yaml))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, file: file, offset: offset, yaml: yaml))
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(
                .error(
                    "yaml-syntax", Message("yaml-syntax.other", ["problem": "\(error)"]),
                    at: SourceLocation(file: file, line: firstLine, column: 1)))
        }
    }

    static func convert(_ node: Node, offset: Int, file: String, yaml: String) throws -> YAMLNode {
        let line = (node.mark?.line ?? 1) + offset
        let column = node.mark?.column ?? 1
        switch node {
        case .scalar(let scalar):
            if let control = scalar.string.unicodeScalars.first(where: \.isForbiddenControl) {
                throw Diagnostic.error(
                    "yaml-syntax", Message("yaml-syntax.control", ["character": control.codePoint]),
                    at: SourceLocation(file: file, line: line, column: column),
                    hint: Message("yaml-syntax.control.hint"))
            }
            if let problem = BidiControls.problem(in: scalar.string) {
                throw bidiDiagnostic(problem, in: scalar.string, node: node, offset: offset, file: file, yaml: yaml)
            }
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain), line: line, column: column)
        case .sequence(let sequence):
            return YAMLNode(
                .sequence(try sequence.map { try convert($0, offset: offset, file: file, yaml: yaml) }),
                line: line, column: column)
        case .mapping(let mapping):
            let pairs = try mapping.map {
                (
                    key: try convert($0.key, offset: offset, file: file, yaml: yaml),
                    value: try convert($0.value, offset: offset, file: file, yaml: yaml)
                )
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case .alias:
            throw Diagnostic.error(
                "yaml-syntax", Message("yaml-syntax.alias"), at: SourceLocation(file: file, line: line, column: column),
                hint: Message("yaml-syntax.alias.hint"))
        }
    }

    /// `bidi-unpaired` for a scalar whose bidi controls do not pair up, at the control when it
    /// is written as itself in the value's lines, at the value when it is an escape (`\u202E`).
    static func bidiDiagnostic(
        _ problem: BidiControls.Problem, in value: String, node: Node, offset: Int, file: String, yaml: String
    ) -> Diagnostic {
        var location = SourceLocation(file: file, line: (node.mark?.line ?? 1) + offset, column: node.mark?.column ?? 1)
        var place = Message("bidi-unpaired.escape")
        // The same control earlier in the value, to pass over in the lines.
        var before = value.unicodeScalars.prefix(problem.offset).count { $0 == problem.scalar }
        let firstLine = (node.mark?.line ?? 1) - 1
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let lastLine = min(lines.count - 1, firstLine + value.utf8.count { $0 == 0x0A } + 1)
        if firstLine <= lastLine {
            search: for index in firstLine...lastLine {
                let skip = index == firstLine ? max(0, (node.mark?.column ?? 1) - 1) : 0
                for (column, scalar) in lines[index].unicodeScalars.enumerated() where column >= skip {
                    guard scalar == problem.scalar else { continue }
                    if before > 0 {
                        before -= 1
                        continue
                    }
                    location = SourceLocation(file: file, line: index + 1 + offset, column: column + 1)
                    place = Message("bidi-unpaired.value")
                    break search
                }
            }
        }
        return .error(
            "bidi-unpaired", problem.message(place: place), at: location, hint: problem.advice)
    }

    static func diagnostic(for error: YamlError, file: String, offset: Int, yaml: String = "") -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + offset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let message =
                context.map {
                    Message(
                        "yaml-syntax.context",
                        ["problem": problem, "context": $0.text, "line": String($0.mark.line + offset)])
                } ?? Message("yaml-syntax", ["problem": problem])
            // A quote or bracket left open is reported at the end of the text; point at its start.
            let unclosed = problem.contains("end of stream") || problem.contains("did not find expected")
            let place = unclosed ? context?.mark ?? mark : mark
            // libyaml calls a tab in an indentation "a character that cannot start any token".
            let tabbed = indentation(ofLine: mark.line, in: yaml).contains("\t")
            return .error(
                "yaml-syntax", message, at: at(place),
                hint: tabbed ? Message("yaml-syntax.hint.tabs") : hint(for: problem))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? "?"
            return .error(
                "yaml-duplicate-key", Message("yaml-duplicate-key", ["field": key]), at: at(context.mark),
                hint: Message("yaml-duplicate-key.hint", ["field": key]))
        case .reader(let problem, _, _, _):
            return .error(
                "yaml-syntax", Message("yaml-syntax.other", ["problem": problem]),
                at: SourceLocation(file: file, line: 1 + offset, column: 1))
        default:
            return .error(
                "yaml-syntax", Message("yaml-syntax.other", ["problem": "\(error)"]),
                at: SourceLocation(file: file, line: 1 + offset, column: 1))
        }
    }

    /// The spaces and tabs that start line `line` (1-based) of `yaml`.
    static func indentation(ofLine line: Int, in yaml: String) -> Substring {
        guard line >= 1 else { return "" }
        var rest = yaml[...]
        for _ in 1..<line {
            guard let newline = rest.firstIndex(of: "\n") else { return "" }
            rest = rest[rest.index(after: newline)...]
        }
        return rest.prefix { $0 == " " || $0 == "\t" }
    }

    static func hint(for problem: String) -> Message? {
        if problem.contains("tab") { return Message("yaml-syntax.hint.tabs") }
        if problem.contains("mapping values are not allowed") { return Message("yaml-syntax.hint.colon") }
        if problem.contains("unexpected end of stream") || problem.contains("quoted scalar")
            || problem.contains("expected ',' or")
        {
            return Message("yaml-syntax.hint.unclosed")
        }
        if problem.contains("could not find expected ':'") { return Message("yaml-syntax.hint.field") }
        return nil
    }
}
