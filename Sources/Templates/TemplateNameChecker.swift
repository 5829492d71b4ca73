/// Walks a theme's templates as `TemplateRenderer` would render them, with the shapes of the
/// views (`TemplateShape`) in place of values, and finds the tags whose names no value answers.
///
/// It follows the renderer's rules: a name is looked up from the innermost value outwards, and
/// past a value that may be absent (an optional); a dotted name's later parts only inside what
/// the first found; `.name` in the innermost value only; a section over a list enters its
/// element, over a flag enters nothing; a partial is checked where it is included, with the
/// blocks its includer overrides. A tag reached in several places (a partial included in two
/// sections, the layout in every page) is an error only when it resolves in none of them: a
/// shared partial may name a value that only some of its places have, and Mustache shows it
/// there alone.
struct TemplateNameChecker {
    let templates: [String: Template]
    /// Tags that resolved at least once.
    private var resolved: Set<Tag> = []
    /// The first failure of each tag, in the order found.
    private var failures: [Tag: UnknownName] = [:]

    init(templates: [String: Template]) {
        self.templates = templates
    }

    /// A tag, by its template and where it starts.
    private struct Tag: Hashable {
        let template: String
        let offset: Int
    }

    /// A value entered: what it may be (more than one shape when a lookup may find one of
    /// several), and the tag of the section that entered it.
    private struct Context {
        var shapes: [TemplateShape]
        var section: String?
    }

    /// What a level of the walk inherits from the one around it.
    private struct Frame {
        var page: String
        var template: String
        /// The blocks overridden by the templates that include this one, with where each is written.
        var overrides: [String: (nodes: [Node], template: String)] = [:]
        /// The partials being checked, outermost first: a partial that includes itself is
        /// checked once.
        var including: [String] = []
    }

    /// Checks the page template `page`, rendered with a value of shape `view`.
    mutating func check(page: String, view: TemplateShape) {
        guard let template = templates[page] else { return }
        check(template.nodes, [Context(shapes: [view])], Frame(page: page, template: page, including: [page]))
    }

    /// The tags that resolved nowhere, by template and place.
    var unknownNames: [UnknownName] {
        failures.filter { !resolved.contains($0.key) }.values.sorted {
            ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column)
        }
    }

    private mutating func check(_ nodes: [Node], _ stack: [Context], _ frame: Frame) {
        for node in nodes {
            switch node {
            case .text, .escaping, .blockDefinition:
                continue
            case .variable(let reference, _):
                _ = resolve(reference, stack, frame)
            case .section(let section):
                let (reference, body) = (section.reference, section.nodes)
                // A section whose name is unknown, or whose value never shows it, is not entered:
                // its tags would only repeat the error.
                guard let shapes = resolve(reference, stack, frame), !shapes.isEmpty else { continue }
                let entered = shapes.compactMap { shape -> TemplateShape? in
                    switch shape {
                    case .flag: nil
                    case .list(let element): element
                    default: shape
                    }
                }
                let context = Context(shapes: entered, section: "{{#\(reference.written)}}")
                check(body, entered.isEmpty ? stack : stack + [context], frame)
            case .inverted(let section):
                let (reference, body) = (section.reference, section.nodes)
                guard let shapes = resolve(reference, stack, frame) else { continue }
                // Shown for an empty list (entered, with no names), a false flag or no value.
                let lists = shapes.filter { if case .list = $0 { true } else { false } }
                let context = Context(shapes: lists, section: "{{^\(reference.written)}}")
                check(body, !shapes.isEmpty && lists.count == shapes.count ? stack + [context] : stack, frame)
            case .partial(let name, _, let overrides):
                guard let template = templates[name], !frame.including.contains(name) else { continue }
                var inner = frame
                inner.template = name
                inner.including.append(name)
                if let overrides {
                    // The outermost override of a block wins, as when rendering.
                    inner.overrides = frame.overrides.merging(
                        overrides.mapValues { ($0, frame.template) }, uniquingKeysWith: { outer, _ in outer })
                }
                check(template.nodes, stack, inner)
            case .block(let name, let defaults, _):
                guard let override = frame.overrides[name] else {
                    check(defaults, stack, frame)
                    continue
                }
                var inner = frame
                inner.template = override.template
                check(override.nodes, stack, inner)
            }
        }
    }

    /// The shapes the value of `reference` may have, after its functions (none when they mean
    /// nothing for it); `nil`, with the failure noted, when a name in it is unknown.
    private mutating func resolve(_ reference: Reference, _ stack: [Context], _ frame: Frame) -> [TemplateShape]? {
        let tag = Tag(template: frame.template, offset: reference.offset)
        var functions = reference.functions[...]
        var shapes: [TemplateShape]
        var names = reference.names[...]
        switch reference.root {
        case .current:
            shapes = stack.last?.shapes ?? []
        case .position:
            shapes = functions.popFirst().map { [$0 == .index ? .number : .flag] } ?? []
        case .scoped:
            shapes = stack.last?.shapes ?? []
            if names.isEmpty { break }
            let first = names.removeFirst()
            let found = Self.descend(shapes, first)
            guard !found.isEmpty else {
                fail(tag, reference, first, parent: nil, known: Self.names(of: shapes), stack, frame)
                return nil
            }
            shapes = found
        case .stack:
            let first = names.removeFirst()
            shapes = Self.lookUp(first, in: stack)
            guard !shapes.isEmpty else {
                let names = stack.map { Self.names(of: $0.shapes) }
                fail(
                    tag, reference, first, parent: nil, known: names.flatMap(\.self),
                    nearest: names.last { !$0.isEmpty }, stack, frame)
                return nil
            }
        }
        var path = reference.names[..<(reference.names.count - names.count)]
        for name in names {
            let found = Self.descend(shapes, name)
            guard !found.isEmpty else {
                let parent = (reference.root == .scoped ? "." : "") + path.joined(separator: ".")
                fail(tag, reference, name, parent: parent, known: Self.names(of: shapes), stack, frame)
                return nil
            }
            shapes = found
            path.append(name)
        }
        for function in functions {
            shapes = shapes.compactMap { $0.applying(function) }
        }
        resolved.insert(tag)
        return shapes
    }

    /// What `name` may be, looked up from the innermost value outwards: the lookup stops at a
    /// value that surely has it, and goes on past one that may lack it.
    private static func lookUp(_ name: String, in stack: [Context]) -> [TemplateShape] {
        var found: [TemplateShape] = []
        for context in stack.reversed() {
            var settled = !context.shapes.isEmpty
            for shape in context.shapes {
                switch shape {
                case .object(let view):
                    guard let entry = view.shape(of: name) else {
                        settled = false
                        continue
                    }
                    found.append(entry.shape)
                    if entry.optional { settled = false }
                case .anyName:
                    found.append(.text)
                    settled = false
                default:
                    settled = false
                }
            }
            if settled { break }
        }
        return found
    }

    /// What `name` may be inside a value of one of `shapes`.
    private static func descend(_ shapes: [TemplateShape], _ name: String) -> [TemplateShape] {
        shapes.compactMap { shape in
            switch shape {
            case .object(let view): view.shape(of: name)?.shape
            case .anyName: .text
            default: nil
            }
        }
    }

    private static func names(of shapes: [TemplateShape]) -> [String] {
        shapes.flatMap { shape -> [String] in
            if case .object(let view) = shape { view.allNames } else { [] }
        }
    }

    private mutating func fail(
        _ tag: Tag, _ reference: Reference, _ name: String, parent: String?, known: [String], nearest: [String]? = nil,
        _ stack: [Context], _ frame: Frame
    ) {
        guard failures[tag] == nil, let template = templates[tag.template] else { return }
        let (line, column) = template.place(of: tag.offset)
        failures[tag] = UnknownName(
            template: tag.template, line: line, column: column, written: reference.written, name: name,
            parent: parent, known: Array(Set(known)).sorted(), nearest: Array(Set(nearest ?? known)).sorted(),
            section: stack.last { $0.section != nil }?.section, page: frame.page)
    }
}

extension TemplateLibrary {
    /// The tags of `pages`' templates, and of the partials and layouts they include, that name
    /// a value their views do not have: `pages` pairs each page template with the shape of the
    /// value it is rendered with. Walks each template once per place it is included, without
    /// rendering anything.
    public func unknownNames(rendering pages: [(template: String, view: TemplateShape)]) -> [UnknownName] {
        var checker = TemplateNameChecker(templates: templates)
        for page in pages { checker.check(page: page.template, view: page.view) }
        return checker.unknownNames
    }

    /// The names of the templates, sorted.
    public var names: [String] { templates.keys.sorted() }
}
