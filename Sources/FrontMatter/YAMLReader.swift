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

    /// libyaml's most common problems and contexts, by the catalogs' keys: "mapping values are not
    /// allowed in this context" reads in Spanish too. A problem not listed is quoted as libyaml says it.
    static let libyamlKeys = [
        "mapping values are not allowed in this context": "yaml.mapping-values",
        "did not find expected key": "yaml.expected-key",
        "found character that cannot start any token": "yaml.bad-character",
        "could not find expected ':'": "yaml.expected-colon",
        "did not find expected '-' indicator": "yaml.expected-dash",
        "found unexpected end of stream": "yaml.end-of-stream",
        "did not find expected ',' or ']'": "yaml.expected-bracket",
        "did not find expected ',' or '}'": "yaml.expected-brace",
        "did not find expected node content": "yaml.expected-content",
        "found a tab character that violates indentation": "yaml.tab",
        "block sequence entries are not allowed in this context": "yaml.sequence-entries",
        "found unknown escape character": "yaml.escape",
        "while scanning a simple key": "yaml.context.simple-key",
        "while parsing a block mapping": "yaml.context.block-mapping",
        "while parsing a block collection": "yaml.context.block-collection",
        "while scanning a quoted scalar": "yaml.context.quoted",
        "while parsing a flow sequence": "yaml.context.flow-sequence",
        "while parsing a flow mapping": "yaml.context.flow-mapping",
        "while scanning a plain scalar": "yaml.context.plain",
        "while parsing a block node": "yaml.context.block-node",
        "while parsing a flow node": "yaml.context.flow-node",
    ]

    /// The sentences of the catalogs for libyaml's `problem` and `context`, where it has them.
    static func libyamlWords(problem: String, context: String?) -> [String: Message] {
        var parts: [String: Message] = [:]
        if let key = libyamlKeys[problem] { parts["problem"] = Message(key) }
        if let context, let key = libyamlKeys[context] { parts["context"] = Message(key) }
        return parts
    }

    static func diagnostic(for error: YamlError, file: String, offset: Int, yaml: String = "") -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + offset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml's own words, in the reader's language where the catalogs have them.
            let message =
                context.map {
                    Message(
                        "yaml-syntax.context",
                        ["problem": problem, "context": $0.text, "line": String($0.mark.line + offset)],
                        parts: libyamlWords(problem: problem, context: $0.text))
                } ?? Message("yaml-syntax", ["problem": problem], parts: libyamlWords(problem: problem, context: nil))
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
