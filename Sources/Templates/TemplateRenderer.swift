/// Renders parsed nodes into UTF-8 bytes: one buffer for the whole page, values looked up by
/// name through `TemplateObject` from the innermost value outwards, HTML escaped on the way.
struct TemplateRenderer {
    let templates: [String: Template]
    var output: [UInt8] = []
    /// The values entered, innermost last: the page's view, then each section's value.
    var stack: [TemplateValue]
    /// Set when partials nest too deep: a template that includes itself.
    var tooDeep: String?

    /// How deep partials may nest: far more than a theme needs, far less than the stack allows.
    static let maximumDepth = 64

    init(templates: [String: Template], root: TemplateValue, capacity: Int) {
        self.templates = templates
        self.stack = [root]
        output.reserveCapacity(capacity)
    }

    /// What a level of rendering inherits from the one around it.
    struct Frame {
        var position: Position?
        var indentation: [UInt8]?
        var overrides: [String: [Node]]?
        var escapes = true
        var depth = 0
    }

    mutating func render(_ nodes: [Node], _ frame: Frame) {
        var frame = frame
        let start = output.count
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, &frame) }
            return
        }
        // In an indented partial, whatever starts a line of its own output is indented.
        for node in nodes {
            let before = output.count
            render(node, &frame)
            if output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: Node, _ frame: inout Frame) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let reference, let escaped):
            guard let value = resolve(reference, frame) else { return }
            switch value {
            case .text(let text):
                if escaped && frame.escapes { appendEscaped(text) } else { output.append(contentsOf: text.utf8) }
            case .number(let number): output.append(contentsOf: String(number).utf8)
            case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .object, .list: break
            }
        case .section(let reference, let nodes):
            switch resolve(reference, frame) {
            case .list(let items):
                var inner = frame
                for (index, item) in items.enumerated() {
                    inner.position = Position(index: index, isLast: index == items.count - 1)
                    enter(item, nodes, inner)
                }
            case .flag(let flag): if flag { render(nodes, frame) }
            case .some(let value):
                var inner = frame
                inner.position = nil
                enter(value, nodes, inner)
            case .none: break
            }
        case .inverted(let reference, let nodes):
            switch resolve(reference, frame) {
            case .list(let items):
                guard items.isEmpty else { return }
                var inner = frame
                inner.position = nil
                enter(.list(items), nodes, inner)
            case .flag(let flag): if !flag { render(nodes, frame) }
            case .some: break
            case .none: render(nodes, frame)
            }
        case .partial(let name, let indentation, let overrides):
            guard let template = templates[name] else { return }
            guard frame.depth < Self.maximumDepth else {
                tooDeep = name
                return
            }
            var inner = Frame(depth: frame.depth + 1)
            inner.indentation = indentation.map { (frame.indentation ?? []) + $0 } ?? frame.indentation
            // The outermost override of a block wins.
            inner.overrides =
                overrides.map { frame.overrides?.merging($0) { outer, _ in outer } ?? $0 } ?? frame.overrides
            render(template.nodes, inner)
        case .block(let name, let defaultNodes, let indentation):
            var inner = frame
            inner.position = nil
            inner.indentation = (frame.indentation ?? []) + indentation
            render(frame.overrides?[name] ?? defaultNodes, inner)
        case .blockDefinition:
            break
        case .escaping(let escapes):
            frame.escapes = escapes
        }
    }

    private mutating func enter(_ value: TemplateValue, _ nodes: [Node], _ frame: Frame) {
        stack.append(value)
        render(nodes, frame)
        stack.removeLast()
    }

    /// The value a tag names, after its functions; `nil` when nothing has that name.
    private func resolve(_ reference: Reference, _ frame: Frame) -> TemplateValue? {
        var functions = reference.functions[...]
        var value: TemplateValue?
        switch reference.root {
        case .current:
            value = stack.last
        case .scoped:
            value = descend(stack.last, reference.names[...])
        case .stack:
            let first = reference.names[0]
            for candidate in stack.reversed() {
                guard case .object(let object) = candidate, let found = object.value(named: first) else { continue }
                value = descend(found, reference.names.dropFirst())
                break
            }
        case .position:
            guard let position = frame.position, let function = functions.popFirst() else { return nil }
            value = function.apply(to: position)
        }
        for function in functions {
            guard let current = value else { return nil }
            value = function.apply(to: current)
        }
        return value
    }

    private func descend(_ value: TemplateValue?, _ names: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for name in names {
            guard case .object(let object) = value else { return nil }
            value = object.value(named: name)
        }
        return value
    }

    /// `text` with `<`, `>`, `&`, `"` and `'` escaped for HTML text and attribute values.
    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
