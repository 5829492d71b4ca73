import CYaml
import Diagnostics

/// Bounds on the YAML avance reads, so that no file can exhaust the time, memory or stack of a
/// build. Yams turns an alias (`*name`) into its anchor's whole value, so a "billion laughs"
/// document of a few lines (nine levels of ten aliases each) would expand to a billion values,
/// and its composer and `YAMLReader.convert` recurse once per level of nesting. libyaml's own
/// parser needs no recursion, so its events are counted first, before Yams builds anything.
public enum YAMLLimits {
    /// The deepest nesting of lists and mappings, aliases expanded. An entry needs three levels
    /// (a list of records), `site.yaml` about eight.
    public static let maximumDepth = 32
    /// The most values (scalars, lists and mappings) a document may hold once every alias is
    /// expanded. The Quito `site.yaml` holds under 1,000.
    public static let maximumNodes = 100_000

    /// A `yaml-too-complex` diagnostic when `yaml` goes past a limit, else `nil`: also when the
    /// YAML does not parse, which Yams then reports with its own message.
    static func check(_ yaml: String, file: String, offset: Int) -> Diagnostic? {
        let bytes = Array(yaml.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress, !buffer.isEmpty else { return nil }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, buffer.count)
            var counter = Counter()
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    // libyaml stops at 1,000 levels of brackets by itself (its scanner reads ahead,
                    // so that comes before the events reach this count); other errors are Yams's.
                    let problem = parser.problem.map { String(cString: $0) } ?? ""
                    guard problem.contains("nesting level") else { return nil }
                    let mark = parser.problem_mark
                    return Problem.tooDeep.diagnostic(
                        at: SourceLocation(file: file, line: Int(mark.line) + 1 + offset, column: Int(mark.column) + 1))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let problem = counter.count(event) {
                    let location = SourceLocation(
                        file: file, line: Int(event.start_mark.line) + 1 + offset,
                        column: Int(event.start_mark.column) + 1)
                    return problem.diagnostic(at: location)
                }
            }
        }
    }

    /// Which limit a document went past.
    enum Problem {
        case tooDeep
        case tooManyNodes

        func diagnostic(at location: SourceLocation) -> Diagnostic {
            switch self {
            case .tooDeep:
                .error(
                    "yaml-too-complex", Message("yaml-too-complex.depth", ["count": String(maximumDepth)]),
                    at: location, hint: Message("yaml-too-complex.depth.hint"))
            case .tooManyNodes:
                .error(
                    "yaml-too-complex", Message("yaml-too-complex.nodes", ["count": String(maximumNodes)]),
                    at: location, hint: Message("yaml-too-complex.nodes.hint"))
            }
        }
    }

    /// Counts a document's values and depth event by event, with the size and height of every
    /// anchored value, so that an alias costs what its expansion will.
    struct Counter {
        struct Open {
            var anchor: String?
            var size = 1
            var height = 0
        }

        var open: [Open] = []
        var anchors: [String: (size: Int, height: Int)] = [:]
        var total = 0

        mutating func count(_ event: yaml_event_t) -> Problem? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                total += 1
                return close(size: 1, height: 0, anchor: Self.name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor =
                    event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                total += 1
                open.append(Open(anchor: Self.name(anchor)))
                if open.count > maximumDepth { return .tooDeep }
                return total > maximumNodes ? .tooManyNodes : nil
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                return close(size: closed.size, height: closed.height + 1, anchor: closed.anchor)
            case YAML_ALIAS_EVENT:
                // An unknown alias is an error Yams reports; count it as one value meanwhile.
                let anchored = Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? (1, 0)
                total += anchored.size
                return close(size: anchored.size, height: anchored.height, anchor: nil)
            default:
                return nil
            }
        }

        /// Adds a finished value of `size` values (already in `total`) and `height` levels to the
        /// collection it is in.
        mutating func close(size: Int, height: Int, anchor: String?) -> Problem? {
            if let anchor { anchors[anchor] = (size, height) }
            if open.count + height > maximumDepth { return .tooDeep }
            if total > maximumNodes { return .tooManyNodes }
            if !open.isEmpty {
                open[open.count - 1].size += size
                open[open.count - 1].height = max(open[open.count - 1].height, height)
            }
            return nil
        }

        static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
