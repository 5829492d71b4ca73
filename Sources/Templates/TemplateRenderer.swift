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
    /// The values entered that have no names (text, numbers, flags, lists), as their scopes
    /// index them.
    var values: [TemplateValue] = []
    /// Set when partials nest too deep: a template that includes itself.
    var tooDeep: String?
    /// The indentations of the partials being rendered, outermost first (`Frame.indentation`
    /// indexes it): a frame holds a number, so that copying it counts no reference.
    var indentations: [[UInt8]] = []
    /// The blocks overridden by the templates being rendered (`Frame.overrides` indexes it).
    var overrideSets: [[String: Nodes]] = []

    /// How deep partials may nest: far more than a theme needs, far less than the stack allows.
    static let maximumDepth = 64

    init(templates: [Nodes?], root: some TemplateObject, capacity: Int) {
        self.templates = templates
        self.stack = [.object(root)]
        output = PageBuffer(capacity: capacity)
    }

    /// A value entered, as a reader of its names: an object's own lookup, an item of a list
    /// read where it lies in the list (the list's reader at the item's index), or, with no
    /// reader, a value without names kept in `values`. Every scope is a few plain words and one
    /// closure, so walking the stack copies no view: an enum of an existential view and a list
    /// copied its payload (the view's fields, retained one by one) at every scope a name was
    /// looked for in.
    struct Scope {
        /// The value called `slot` in what was entered, at `index`; for no slot, the value itself.
        /// `nil` for text, a number, a flag or a list entered: `values[index]`.
        let read: Read?
        var index: Int
        /// For a view, its table's index by slot (`TemplateNames.positions`): a name it has not
        /// is passed over without asking the view. `nil`: every name is asked.
        let positions: UnsafeBufferPointer<Int32>?

        typealias Read = @Sendable (Int, TemplateSlot?) -> TemplateValue?

        static func object<Object: TemplateObject>(_ object: Object) -> Scope {
            // The object is kept at an address of its own, which its lookups read in place
            // (`TemplateObject.value(at:slot:)`); its type is opened once, here.
            let held = Held(object)
            let read: Read = { _, slot in
                guard let slot else { return .object(held.pointer.pointee) }
                return Object.value(at: held.pointer, slot: slot)
            }
            return Scope(read: read, index: 0, positions: Object.slotPositions)
        }

        static func item(_ list: TemplateList, _ index: Int) -> Scope {
            Scope(read: list.read, index: index, positions: list.positions)
        }

        /// Whether a name numbered `id` may be here: a view's table says; a plain value has no
        /// names; any other object is asked.
        @inline(__always)
        func mayHave(_ id: Int) -> Bool {
            guard let positions else { return read != nil }
            return id < positions.count && positions[id] >= 0
        }
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
            switch consume value {
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
            guard count > 0 else { return }
            // One scope for the whole list, moved from item to item: no reference counted per
            // item. Whatever the items' nodes push is popped before the next item.
            stack.append(.item(items, 0))
            let top = stack.count - 1
            for index in 0..<count {
                inner.position = Position(index: index, isLast: index == count - 1)
                stack[top].index = index
                render(section.nodes, inner, escapes: escapes)
            }
            _ = stack.popLast()
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
        if case .object(let object) = value {
            stack.append(.object(object))
            render(nodes, frame, escapes: escapes)
            _ = stack.popLast()
        } else {
            values.append(value)
            stack.append(Scope(read: nil, index: values.count - 1, positions: nil))
            render(nodes, frame, escapes: escapes)
            _ = stack.popLast()
            _ = values.popLast()
        }
    }

    /// The value `scope` holds.
    private func value(of scope: Scope) -> TemplateValue {
        guard let read = scope.read else { return values[scope.index] }
        // A reader answers every value without a slot.
        return read(scope.index, nil)!
    }

    /// The value a tag names, after its functions; `nil` when nothing has that name.
    private func resolve(_ reference: Reference, _ frame: Frame) -> TemplateValue? {
        let found: TemplateValue?
        switch reference.root {
        case .current:
            guard let top = stack.last else { return nil }
            found = value(of: top)
        case .scoped:
            // `.name`: the first name in the innermost value only.
            guard let top = stack.last else { return nil }
            if reference.slots.isEmpty {
                found = value(of: top)
            } else if top.mayHave(reference.slots[0].id), let read = top.read,
                let value = read(top.index, reference.slots[0])
            {
                found = reference.slots.count == 1 ? value : descend(consume value, reference.slots)
            } else {
                return nil
            }
        case .stack:
            let first = reference.slots[0]
            // Each scope is asked where it lies in the stack, and only when its table has the
            // name: the views between a tag and the one that answers are passed over by an
            // array read each.
            let value = stack.withUnsafeBufferPointer { stack -> TemplateValue? in
                var index = stack.count - 1
                while index >= 0 {
                    if stack[index].mayHave(first.id), let read = stack[index].read,
                        let found = read(stack[index].index, first)
                    {
                        return found
                    }
                    index -= 1
                }
                return nil
            }
            // Most names are one word: no slice of the rest to make.
            guard let value else { return nil }
            found = reference.slots.count == 1 ? value : descend(consume value, reference.slots)
        case .position:
            guard let position = frame.position, let function = reference.functions.first else { return nil }
            return apply(reference.functions.dropFirst(), to: function.apply(to: position))
        }
        // Most tags have no function.
        if reference.functions.isEmpty { return consume found }
        return apply(reference.functions[...], to: consume found)
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
    private func descend(_ value: consuming TemplateValue, _ slots: [TemplateSlot]) -> TemplateValue? {
        for index in 1..<slots.count {
            guard case .object(let object) = consume value, let next = object.value(slot: slots[index]) else {
                return nil
            }
            value = next
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
