import Diagnostics

/// A Mustache template parsed once into nodes: names split, functions resolved, text as bytes.
public struct Template: Sendable {
    let nodes: [Node]
    /// Every `{{> partial}}` and `{{< parent}}` the template names, where it names it.
    let partials: [PartialUse]
    /// The source, to place a tag found at fault after parsing (see `TemplateLibrary.unknownNames`).
    let bytes: [UInt8]
    /// The nodes as the renderer walks them.
    let tree: RenderTree

    /// Parses `source`; the error names the line and column of the tag at fault.
    public init(_ source: String) throws(TemplateError) {
        var parser = TemplateParser(source)
        nodes = try parser.parse()
        partials = parser.partials
        bytes = parser.bytes
        tree = RenderTree(nodes)
    }

    /// Line and column (in characters) of the tag that starts at byte `offset`.
    func place(of offset: Int) -> (line: Int, column: Int) {
        TemplateParser.place(of: offset, in: bytes)
    }

    /// A partial named by a template, for the check that every one exists.
    struct PartialUse: Sendable {
        let name: String
        let line: Int
        let column: Int
    }
}

/// One piece of a parsed template. Not `indirect`: its children are in arrays already, and a
/// node read while rendering is then a copy of its fields, not a retain of a box as well.
enum Node: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(Reference, escaped: Bool)
    case section(Section)
    case inverted(Section)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides. A standalone tag
    /// indents every line of the partial as the tag is indented.
    case partial(String, indentation: [UInt8]?, overrides: [String: [Node]]?)
    /// `{{$name}}default{{/name}}` in a template that others extend.
    case block(String, [Node], indentation: [UInt8])
    /// `{{$name}}…{{/name}}` inside `{{< parent}}`: only while parsing.
    case blockDefinition(String, [Node])
    /// `{{% CONTENT_TYPE: TEXT }}` (no escaping from here on) or `HTML` (the default).
    case escaping(Bool)
}

/// A section's name and what it holds, in one class: a node hands both to the renderer with one
/// reference count, not one for the name and one for the array of nodes.
final class Section: Sendable {
    let reference: Reference
    let nodes: [Node]

    init(_ reference: Reference, _ nodes: [Node]) {
        self.reference = reference
        self.nodes = nodes
    }
}

/// A name as a tag writes it: `title`, `coverage.text`, `.url` (the current object only), `.`
/// (the current value), `empty(fields)`, `first()` (the position in the list being looped).
///
/// A class, so that a node hands it to the renderer with one reference count, not one per array.
final class Reference: Sendable {
    enum Root: Sendable {
        /// `.`: the innermost value.
        case current
        /// `.name`: looked up in the innermost value only.
        case scoped
        /// `name`: looked up from the innermost value outwards.
        case stack
        /// `first()`: the position in the innermost list.
        case position
    }

    let root: Root
    let names: [String]
    /// `names` numbered, as the renderer looks them up.
    let slots: [TemplateSlot]
    /// Functions in the order they apply: `empty(fields)` → `[.empty]`.
    let functions: [TemplateFunction]
    /// Where its tag starts in the template's source, in bytes.
    let offset: Int

    init(root: Root, names: [String], functions: [TemplateFunction], offset: Int) {
        self.root = root
        self.names = names
        self.slots = names.map(TemplateSlot.init)
        self.functions = functions
        self.offset = offset
    }

    /// The name as the tag writes it, functions included: `empty(home.pages)`.
    var written: String {
        let argument: String
        switch root {
        case .current: argument = "."
        case .scoped: argument = "." + names.joined(separator: ".")
        case .stack: argument = names.joined(separator: ".")
        case .position: argument = ""
        }
        return functions.reduce(argument) { "\($1.rawValue)(\($0))" }
    }
}

/// The functions a tag may call on a value, as `empty(fields)` or `first()`.
enum TemplateFunction: String, Sendable, CaseIterable {
    case empty, count, first, last, reversed, index, even, odd
    case lowercased, uppercased, equalzero, plusone, minusone

    /// The result for the position in a list (`first()`, `last()`, `index()`, `even()`, `odd()`).
    func apply(to position: Position) -> TemplateValue? {
        switch self {
        case .first: .flag(position.index == 0)
        case .last: .flag(position.isLast)
        case .index: .number(position.index)
        case .even: .flag(position.index & 1 == 0)
        case .odd: .flag(position.index & 1 == 1)
        default: nil
        }
    }

    /// The result for `value`, or `nil` when the function means nothing for it.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch (self, value) {
        case (.empty, .text(let text)): .flag(text.isEmpty)
        case (.count, .text(let text)): .number(text.count)
        case (.reversed, .text(let text)): .text(String(text.reversed()))
        case (.lowercased, .text(let text)): .text(text.lowercased())
        case (.uppercased, .text(let text)): .text(text.uppercased())
        case (.empty, .list(let items)): .flag(items.isEmpty)
        case (.count, .list(let items)): .number(items.count)
        case (.first, .list(let items)): items.first
        case (.last, .list(let items)): items.last
        case (.reversed, .list(let items)): .list(items.reversed())
        case (.equalzero, .number(let number)): .flag(number == 0)
        case (.plusone, .number(let number)): .number(number + 1)
        case (.minusone, .number(let number)): .number(number - 1)
        case (.even, .number(let number)): .flag(number & 1 == 0)
        case (.odd, .number(let number)): .flag(number & 1 == 1)
        default: nil
        }
    }
}

/// Where a loop is: `first()` is true for its first item.
struct Position: Sendable {
    var index: Int
    var isLast: Bool
}

/// A template that cannot be parsed or rendered, with the place of the tag at fault.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, a sentence of the catalogs (`template-syntax.unfinished`).
    public let reason: Message
    public let line: Int
    public let column: Int
    /// How to fix it, a sentence of the catalogs.
    public let advice: Message?

    public init(_ reason: Message, line: Int, column: Int, hint: Message? = nil) {
        self.reason = reason
        self.line = line
        self.column = column
        self.advice = hint
    }

    /// `reason` in English.
    public var message: String { MessageCatalog.english.render(reason) }
    /// `advice` in English.
    public var hint: String? { advice.map(MessageCatalog.english.render) }

    public var description: String { "\(line):\(column): \(message)" }
}
