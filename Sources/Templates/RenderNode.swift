/// A parsed template as the renderer walks it: a node is plain data (a pointer to its text, an
/// unretained reference to its section), so reading one from its array counts no reference.
/// Walking `Node`s, a copy of each node retained and released what it held, a seventh of the
/// template engine's time. What the nodes point to is owned by the template (`RenderTree`),
/// which lives as long as the library that renders it.
enum RenderNode: @unchecked Sendable {
    case text(UnsafeBufferPointer<UInt8>)
    case variable(Unretained<Reference>, escaped: Bool)
    case section(Unretained<RenderSection>)
    case inverted(Unretained<RenderSection>)
    case partial(Unretained<RenderPartial>)
    case block(Unretained<RenderBlock>)
    case escaping(Bool)
}

/// An object a node points to without counting a reference: its tree keeps it.
struct Unretained<Object: AnyObject>: @unchecked Sendable {
    unowned(unsafe) let object: Object
}

final class RenderSection: Sendable {
    let reference: Reference
    let nodes: [RenderNode]

    init(_ reference: Reference, _ nodes: [RenderNode]) {
        self.reference = reference
        self.nodes = nodes
    }
}

final class RenderPartial: Sendable {
    let name: String
    let indentation: [UInt8]?
    let overrides: [String: [RenderNode]]?

    init(_ name: String, _ indentation: [UInt8]?, _ overrides: [String: [RenderNode]]?) {
        self.name = name
        self.indentation = indentation
        self.overrides = overrides
    }
}

final class RenderBlock: Sendable {
    let name: String
    let nodes: [RenderNode]
    let indentation: [UInt8]

    init(_ name: String, _ nodes: [RenderNode], _ indentation: [UInt8]) {
        self.name = name
        self.nodes = nodes
        self.indentation = indentation
    }
}

/// A template's nodes for rendering, with everything they point to, kept alive here and freed
/// with it.
final class RenderTree: @unchecked Sendable {
    private(set) var nodes: [RenderNode] = []
    /// The objects the nodes refer to without retaining them.
    private var owned: [AnyObject] = []
    /// The text of every text node, one buffer each.
    private var texts: [UnsafeMutableBufferPointer<UInt8>] = []

    init(_ parsed: [Node]) {
        nodes = convert(parsed)
    }

    deinit {
        for text in texts { text.deallocate() }
    }

    private func convert(_ parsed: [Node]) -> [RenderNode] {
        parsed.compactMap { node -> RenderNode? in
            switch node {
            case .text(let bytes):
                let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
                _ = text.initialize(from: bytes)
                texts.append(text)
                return .text(UnsafeBufferPointer(text))
            case .variable(let reference, let escaped):
                return .variable(keep(reference), escaped: escaped)
            case .section(let section):
                return .section(keep(RenderSection(section.reference, convert(section.nodes))))
            case .inverted(let section):
                return .inverted(keep(RenderSection(section.reference, convert(section.nodes))))
            case .partial(let name, let indentation, let overrides):
                return .partial(keep(RenderPartial(name, indentation, overrides?.mapValues(convert))))
            case .block(let name, let nodes, let indentation):
                return .block(keep(RenderBlock(name, convert(nodes), indentation)))
            case .blockDefinition:
                // Only while parsing; the renderer passes over it.
                return nil
            case .escaping(let html):
                return .escaping(html)
            }
        }
    }

    private func keep<Object: AnyObject>(_ object: Object) -> Unretained<Object> {
        owned.append(object)
        return Unretained(object: object)
    }
}
