import Diagnostics

/// Turns Mustache source into `Node`s, following the Mustache specification's rules for
/// standalone lines (a line holding only a section, comment, partial or delimiter tag leaves no
/// trace), partial indentation and inheritance (`{{< parent}}` with `{{$ block}}`s), in the
/// same bytes as swift-mustache 2 for the templates of a theme (see `TemplateLibrary`).
struct TemplateParser {
    let bytes: [UInt8]
    var position = 0
    /// The partials named so far, in order.
    private(set) var partials: [Template.PartialUse] = []

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// What a nested parse knows about where it is.
    struct Scope {
        /// The open section (or parent) this parse ends at, with where it was opened.
        var section: (name: [UInt8], tag: String, start: Int)?
        /// Whether only spaces and tabs precede the position on its line.
        var newLine = true
        /// Inside `{{< parent}}`, where block definitions are re-indented.
        var inParent = false
        var parentTopLevel = false
        var blockIndentation: [UInt8]?
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)

        func entering(_ name: [UInt8], tag: String, at start: Int, standalone: Bool) -> Scope {
            var scope = self
            scope.section = (name, tag, start)
            scope.parentTopLevel = false
            scope.newLine = standalone
            return scope
        }
    }

    mutating func parse() throws(TemplateError) -> [Node] {
        try parse(Scope())
    }

    /// What a parse has made so far on its line: the nodes, and the spaces and tabs that start
    /// the line, kept apart until we know whether the line holds a standalone tag.
    struct Line {
        var nodes: [Node] = []
        var indentation: [UInt8] = []

        /// Writes the indentation held back, before a tag that is not standalone.
        mutating func flush() {
            if !indentation.isEmpty { nodes.append(.text(indentation)) }
            indentation = []
        }
    }

    /// What a tag leaves for the next one.
    enum Outcome {
        /// Go on; the tag was alone on its line (which is then consumed) or not.
        case next(standalone: Bool)
        /// The tag closed the section this parse was for.
        case closed
    }

    /// The nodes up to the end of the template, or of the section `outer` is in.
    private mutating func parse(_ outer: Scope) throws(TemplateError) -> [Node] {
        var line = Line()
        var scope = outer
        while position < bytes.count {
            if scope.newLine { readIndentation(&scope, into: &line) }
            let (text, foundTag) = readText(scope)
            if !foundTag, let newline = newlineLength(at: position) {
                line.nodes.append(.text(line.indentation + text + bytes[position..<position + newline]))
                position += newline
                scope.newLine = true
                continue
            }
            if !text.isEmpty {
                line.nodes.append(.text(line.indentation + text))
                line.indentation = []
                scope.newLine = false
            }
            guard foundTag else { break }
            let tagStart = position - scope.open.count
            guard position < bytes.count else { throw unfinished(at: tagStart, scope) }
            switch try readTag(at: tagStart, &scope, &line) {
            case .closed: return line.nodes
            case .next(let standalone): scope.newLine = standalone
            }
        }
        if let section = scope.section {
            throw error(
                Message("template-syntax.section-open", ["tag": section.tag]), at: section.start,
                hint: Message("template-syntax.section-open.hint", ["close": tag(section.name, scope)]))
        }
        return line.nodes
    }

    /// The spaces and tabs that start a line; a block's lines lose the indentation of its first.
    private mutating func readIndentation(_ scope: inout Scope, into line: inout Line) {
        let whitespace = readSpacesAndTabs()
        guard scope.inParent, !scope.parentTopLevel else {
            line.indentation = whitespace
            return
        }
        if let blockIndentation = scope.blockIndentation {
            line.indentation = Array(whitespace.dropFirst(blockIndentation.count))
        } else {
            scope.blockIndentation = whitespace
        }
    }

    /// The tag whose opening delimiter ends at `position`, by its first character.
    private mutating func readTag(at tagStart: Int, _ scope: inout Scope, _ line: inout Line) throws(TemplateError)
        -> Outcome
    {
        let sigil = bytes[position]
        switch sigil {
        case UInt8(ascii: "#"), UInt8(ascii: "^"):
            return .next(standalone: try readSection(at: tagStart, inverted: sigil == UInt8(ascii: "^"), scope, &line))
        case UInt8(ascii: "/"):
            try readClose(at: tagStart, scope, &line)
            return .closed
        case UInt8(ascii: "!"):
            position += 1
            guard let end = find(scope.close, from: position) else {
                throw error(
                    Message("template-syntax.comment-open"), at: tagStart,
                    hint: Message("template-syntax.end-with.hint", ["close": written(scope.close)]))
            }
            position = end + scope.close.count
        case UInt8(ascii: "{"), UInt8(ascii: "&"):
            line.flush()
            position += 1
            let (_, reference) = try readName(scope, tagStart: tagStart)
            if sigil == UInt8(ascii: "{") {
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw error(
                        Message("template-syntax.triple"), at: tagStart,
                        hint: Message("template-syntax.triple.hint", ["example": "{{{name}}}"]))
                }
                position += 1
            }
            line.nodes.append(.variable(reference, escaped: false))
            return .next(standalone: false)
        case UInt8(ascii: ">"), UInt8(ascii: "<"):
            return .next(standalone: try readPartial(at: tagStart, parent: sigil == UInt8(ascii: "<"), scope, &line))
        case UInt8(ascii: "$"):
            return .next(standalone: try readBlock(at: tagStart, scope, &line))
        case UInt8(ascii: "="):
            position += 1
            try readDelimiters(&scope, tagStart: tagStart)
        case UInt8(ascii: "%"):
            position += 1
            line.nodes.append(try readPragma(scope, tagStart: tagStart))
        default:
            line.flush()
            let (_, reference) = try readName(scope, tagStart: tagStart)
            line.nodes.append(.variable(reference, escaped: true))
            return .next(standalone: false)
        }
        return .next(standalone: isStandalone(scope))
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`; whether the opening tag was standalone.
    private mutating func readSection(at tagStart: Int, inverted: Bool, _ scope: Scope, _ line: inout Line)
        throws(TemplateError) -> Bool
    {
        position += 1
        let (name, reference) = try readName(scope, tagStart: tagStart)
        let standalone = isStandalone(scope)
        if !standalone { line.flush() }
        let opening = tag((inverted ? "^" : "#") + written(name), scope)
        let body = try parse(scope.entering(name, tag: opening, at: tagStart, standalone: standalone))
        line.nodes.append(inverted ? .inverted(Section(reference, body)) : .section(Section(reference, body)))
        return standalone
    }

    /// `{{/name}}`, which must close the section this parse is in.
    private mutating func readClose(at tagStart: Int, _ scope: Scope, _ line: inout Line) throws(TemplateError) {
        position += 1
        let (name, _) = try readName(scope, tagStart: tagStart)
        guard let section = scope.section else {
            throw error(
                Message("template-syntax.close-unopened", ["tag": tag(name, scope)]), at: tagStart,
                hint: Message("template-syntax.close-unopened.hint", ["open": tag("#" + written(name), scope)]))
        }
        guard name == section.name else {
            let (line, column) = place(of: section.start)
            throw error(
                Message(
                    "template-syntax.close-mismatch",
                    ["tag": tag(name, scope), "section": section.tag, "line": String(line), "column": String(column)]),
                at: tagStart, hint: Message("template-syntax.close-mismatch.hint"))
        }
        // Alone on its line, the line is consumed, and the caller decides what the next line
        // starts as (swift-mustache's rule, kept for the same bytes).
        if !isStandalone(scope), !line.indentation.isEmpty { line.nodes.append(.text(line.indentation)) }
    }

    /// `{{> name}}`, or `{{< name}}{{$ block}}…{{/ block}}{{/ name}}`; whether it was standalone.
    private mutating func readPartial(at tagStart: Int, parent: Bool, _ scope: Scope, _ line: inout Line)
        throws(TemplateError) -> Bool
    {
        position += 1
        let name = try readPartialName(scope, tagStart: tagStart)
        let (lineNumber, column) = place(of: tagStart)
        partials.append(.init(name: name, line: lineNumber, column: column))
        if !line.indentation.isEmpty { line.nodes.append(.text(line.indentation)) }
        let standalone = isStandalone(scope)
        defer { line.indentation = [] }
        guard parent else {
            line.nodes.append(.partial(name, indentation: standalone ? line.indentation : nil, overrides: nil))
            return standalone
        }
        var parentScope = scope.entering(Array(name.utf8), tag: tag("<" + name, scope), at: tagStart, standalone: true)
        parentScope.inParent = true
        parentScope.parentTopLevel = true
        var overrides: [String: [Node]] = [:]
        for node in try parse(parentScope) {
            switch node {
            case .blockDefinition(let block, let nodes): overrides[block] = nodes
            case .text: break
            default:
                throw error(
                    Message("template-syntax.parent-content", ["parent": "{{<\(name)}}"]), at: tagStart,
                    hint: Message("template-syntax.parent-content.hint", ["name": name]))
            }
        }
        line.nodes.append(.partial(name, indentation: line.indentation, overrides: overrides))
        return standalone
    }

    /// `{{$ name}}…{{/ name}}`: a block's definition inside `{{< parent}}`, or a block a template
    /// shows (and others may override); whether it was standalone.
    private mutating func readBlock(at tagStart: Int, _ scope: Scope, _ line: inout Line) throws(TemplateError) -> Bool
    {
        position += 1
        let (name, reference) = try readName(scope, tagStart: tagStart)
        guard reference.functions.isEmpty, reference.root == .stack, reference.names.count == 1 else {
            throw error(
                Message("template-syntax.block-name", ["name": written(name)]), at: tagStart,
                hint: Message("template-syntax.block-name.hint"))
        }
        let opening = tag("$" + written(name), scope)
        if scope.parentTopLevel {
            let standalone = isStandalone(scope)
            let body = try parse(scope.entering(name, tag: opening, at: tagStart, standalone: standalone))
            line.nodes.append(.blockDefinition(reference.names[0], body))
            return standalone
        }
        if !line.indentation.isEmpty { line.nodes.append(.text(line.indentation)) }
        let standalone = isStandalone(scope)
        let body = try parse(scope.entering(name, tag: opening, at: tagStart, standalone: standalone))
        line.nodes.append(.block(reference.names[0], body, indentation: line.indentation))
        line.indentation = []
        return standalone
    }
}
