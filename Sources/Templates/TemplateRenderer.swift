/// Renders parsed nodes into UTF-8 bytes: one buffer for the whole page, values looked up by
/// slot (`TemplateSlot`) through `TemplateObject` from the innermost value outwards, HTML
/// escaped on the way.
struct TemplateRenderer {
    /// The library's templates by number (`RenderPartial.number`): a partial is found by an
    /// index, not by hashing its name.
    let templates: [Nodes?]
    var output: PageBuffer
    /// The values entered, innermost last: the page's view, then each section's value.
    var stack: [Scope]
    /// Set when partials nest too deep: a template that includes itself.
    var tooDeep: String?
    /// The indentations of the partials being rendered, outermost first (`Frame.indentation`
    /// indexes it): a frame holds a number, so that copying it counts no reference.
    var indentations: [[UInt8]] = []
    /// The blocks overridden by the templates being rendered (`Frame.overrides` indexes it).
    var overrideSets: [[String: Nodes]] = []

    /// How deep partials may nest: far more than a theme needs, far less than the stack allows.
    static let maximumDepth = 64

    init(templates: [Nodes?], root: TemplateValue, capacity: Int) {
        self.templates = templates
        self.stack = [.value(root)]
        output = PageBuffer(capacity: capacity)
    }

    /// A value entered, as a reader of its names: an object's own lookup, an item of a list
    /// read where it lies in the list (the list's reader at the item's index), or another value
    /// that has no names. Every scope is the same two words, a closure and a number, so walking
    /// the stack copies no view: an enum of an existential view and a list copied its payload
    /// (the view's fields, retained one by one) at every scope a name was looked for in.
    struct Scope {
        /// The value called `slot` in what was entered, at `index`; for no slot, the value itself.
        let read: Read
        typealias Read = @Sendable (Int, TemplateSlot?) -> TemplateValue?
        let index: Int

        static func value(_ value: TemplateValue) -> Scope {
            guard case .object(let object) = value else {
                return Scope(read: { _, slot in slot == nil ? value : nil }, index: 0)
            }
            return Scope(read: reader(of: object), index: 0)
        }

        /// The object's lookup, its type opened once here rather than at every name, the object
        /// kept where the lookups read it in place (`TemplateObject.value(at:slot:)`).
        private static func reader<Object: TemplateObject>(of object: Object) -> Read {
            let held = Held(object)
            return { _, slot in
                guard let slot else { return .object(held.pointer.pointee) }
                return Object.value(at: held.pointer, slot: slot)
            }
        }

        static func item(_ list: TemplateList, _ index: Int) -> Scope {
            Scope(read: list.read, index: index)
        }

        /// The value itself.
        var value: TemplateValue { read(index, nil)! }

        /// Its value in `slot`, when it is an object that has one.
        @inline(__always)
        func value(_ slot: TemplateSlot) -> TemplateValue? { read(index, slot) }
    }

    /// What a level of rendering inherits from the one around it: plain numbers, copied at
    /// every section and list item without counting a reference.
    struct Frame {
        var position: Position?
        /// The index in `indentations` of what starts each line; -1 for none.
        var indentation = -1
        /// The index in `overrideSets` of the blocks overridden; -1 for none.
        var overrides = -1
        var depth = 0
    }

    /// Renders `nodes`, escaping HTML while `escapes` holds: `{{% CONTENT_TYPE: TEXT }}` turns it
    /// off from its tag to the end of these nodes, sections among them included. The frame is
    /// borrowed, not copied, so a list of a thousand items does not count references to it a
    /// thousand times.
    mutating func render(_ nodes: Nodes, _ frame: Frame, escapes: Bool = true) {
        var escapes = escapes
        let start = output.count
        guard frame.indentation >= 0 else {
            for index in nodes.indices { render(nodes[index], frame, &escapes) }
            return
        }
        let indentation = indentations[frame.indentation]
        // In an indented partial, whatever starts a line of its own output is indented.
        for index in nodes.indices {
            let before = output.count
            render(nodes[index], frame, &escapes)
            if output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: RenderNode, _ frame: Frame, _ escapes: inout Bool) {
        switch node {
        case .text(let bytes):
            output.append(bytes)
        case .variable(let reference, let escaped):
            guard let value = resolve(reference.object, frame) else { return }
            switch value {
            case .text(let text):
                if escaped && escapes { output.appendEscaped(text) } else { output.append(text) }
            case .number(let number): output.append(String(number))
            case .flag(let flag): output.append(flag ? "true" as StaticString : "false")
            case .object, .list: break
            }
        case .section(let section):
            render(section: section, frame, escapes)
        case .inverted(let section):
            render(inverted: section, frame, escapes)
        case .partial(let partial):
            render(partial: partial.object, frame)
        case .block(let block):
            render(block: block.object, frame, escapes)
        case .escaping(let html):
            escapes = html
        }
    }

    private mutating func render(section: RenderSection, _ frame: Frame, _ escapes: Bool) {
        switch resolve(section.reference.object, frame) {
        case .list(let items):
            var inner = frame
            let count = items.count
            for index in 0..<count {
                inner.position = Position(index: index, isLast: index == count - 1)
                stack.append(.item(items, index))
                render(section.nodes, inner, escapes: escapes)
                stack.removeLast()
            }
        case .flag(let flag): if flag { render(section.nodes, frame, escapes: escapes) }
        case .some(let value):
            var inner = frame
            inner.position = nil
            enter(value, section.nodes, inner, escapes)
        case .none: break
        }
    }

    private mutating func render(inverted section: RenderSection, _ frame: Frame, _ escapes: Bool) {
        switch resolve(section.reference.object, frame) {
        case .list(let items):
            guard items.isEmpty else { return }
            var inner = frame
            inner.position = nil
            enter(.list(items), section.nodes, inner, escapes)
        case .flag(let flag): if !flag { render(section.nodes, frame, escapes: escapes) }
        case .some: break
        case .none: render(section.nodes, frame, escapes: escapes)
        }
    }

    private mutating func render(partial: RenderPartial, _ frame: Frame) {
        guard partial.number < templates.count, let nodes = templates[partial.number] else { return }
        guard frame.depth < Self.maximumDepth else {
            tooDeep = partial.name
            return
        }
        var inner = Frame(depth: frame.depth + 1)
        inner.indentation = partial.indentation.map { indent($0, frame) } ?? frame.indentation
        inner.overrides = frame.overrides
        if let overrides = partial.overrides {
            // The outermost override of a block wins.
            let outer = frame.overrides >= 0 ? overrideSets[frame.overrides] : [:]
            overrideSets.append(outer.merging(overrides) { outer, _ in outer })
            inner.overrides = overrideSets.count - 1
        }
        // A partial escapes HTML until it says otherwise, whatever its includer said.
        render(nodes, inner)
        if partial.overrides != nil { overrideSets.removeLast() }
        if inner.indentation > frame.indentation { indentations.removeLast() }
    }

    private mutating func render(block: RenderBlock, _ frame: Frame, _ escapes: Bool) {
        var inner = frame
        inner.position = nil
        inner.indentation = indent(block.indentation, frame)
        let nodes = frame.overrides >= 0 ? overrideSets[frame.overrides][block.name] ?? block.nodes : block.nodes
        render(nodes, inner, escapes: escapes)
        if inner.indentation > frame.indentation { indentations.removeLast() }
    }

    /// The index of `frame`'s indentation followed by `more`, kept in `indentations` until the
    /// caller removes it (when the index is above `frame`'s); `frame`'s own when `more` is empty.
    private mutating func indent(_ more: [UInt8], _ frame: Frame) -> Int {
        guard !more.isEmpty else { return frame.indentation }
        indentations.append((frame.indentation >= 0 ? indentations[frame.indentation] : []) + more)
        return indentations.count - 1
    }

    private mutating func enter(_ value: TemplateValue, _ nodes: Nodes, _ frame: Frame, _ escapes: Bool) {
        stack.append(.value(value))
        render(nodes, frame, escapes: escapes)
        stack.removeLast()
    }

    /// The value a tag names, after its functions; `nil` when nothing has that name.
    private func resolve(_ reference: Reference, _ frame: Frame) -> TemplateValue? {
        let value: TemplateValue?
        switch reference.root {
        case .current:
            value = stack.isEmpty ? nil : stack[stack.count - 1].value
        case .scoped:
            // `.name`: the first name in the innermost value only.
            guard !stack.isEmpty else { return nil }
            guard !reference.slots.isEmpty else {
                value = stack[stack.count - 1].value
                break
            }
            value = stack[stack.count - 1].value(reference.slots[0]).flatMap { descend($0, reference.slots) }
        case .stack:
            let first = reference.slots[0]
            // Each value is asked where it lies in the stack, not copied out of it first.
            let found = stack.withUnsafeBufferPointer { stack -> TemplateValue? in
                var index = stack.count - 1
                while index >= 0 {
                    if let found = stack[index].value(first) { return found }
                    index -= 1
                }
                return nil
            }
            // Most names are one word: no slice of the rest to make.
            guard let found else { return nil }
            value = reference.slots.count == 1 ? found : descend(found, reference.slots)
        case .position:
            guard let position = frame.position, let function = reference.functions.first else { return nil }
            return apply(reference.functions.dropFirst(), to: function.apply(to: position))
        }
        // Most tags have no function.
        return reference.functions.isEmpty ? value : apply(reference.functions[...], to: value)
    }

    private func apply(_ functions: ArraySlice<TemplateFunction>, to value: TemplateValue?) -> TemplateValue? {
        var value = value
        for function in functions {
            guard let current = value else { return nil }
            value = function.apply(to: current)
        }
        return value
    }

    /// `value`'s value in each of `slots` but the first (which found `value`), in turn.
    private func descend(_ value: TemplateValue, _ slots: [TemplateSlot]) -> TemplateValue? {
        var value: TemplateValue? = value
        for slot in slots.dropFirst() {
            guard case .object(let object) = value else { return nil }
            value = object.value(slot: slot)
        }
        return value
    }
}

/// A value kept at an address of its own for as long as something holds it.
private final class Held<Value>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: value)
    }

    deinit {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
