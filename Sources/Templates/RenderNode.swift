/// A parsed template as the renderer walks it: a node is plain data (a pointer to its text, an
/// unretained reference to its section), so reading one from its array counts no reference.
/// Walking `Node`s, a copy of each node retained and released what it held, a seventh of the
/// template engine's time. What the nodes point to is owned by the template (`RenderTree`),
/// which lives as long as the library that renders it.
enum RenderNode: @unchecked Sendable {
    case text(UnsafeBufferPointer<UInt8>)
    case variable(Unretained<Reference>, escaped: Bool)
    case section(RenderSection)
    case inverted(RenderSection)
    case partial(Unretained<RenderPartial>)
    case block(Unretained<RenderBlock>)
    case escaping(Bool)
}

/// An object a node points to without counting a reference: its tree keeps it.
struct Unretained<Object: AnyObject>: @unchecked Sendable {
    unowned(unsafe) let object: Object
}

/// A section's name and nodes, both owned by the tree.
struct RenderSection {
    let reference: Unretained<Reference>
    let nodes: Nodes
}

/// Nodes owned by a tree.
typealias Nodes = UnsafeBufferPointer<RenderNode>

final class RenderPartial: @unchecked Sendable {
    let name: String
    /// The number of the template it names (`TemplateLibrary.number(of:)`), by which the renderer
    /// finds it.
    let number: Int
    let indentation: [UInt8]?
    let overrides: [String: Nodes]?

    init(_ name: String, _ indentation: [UInt8]?, _ overrides: [String: Nodes]?) {
        self.name = name
        self.number = TemplateLibrary.number(of: name)
        self.indentation = indentation
        self.overrides = overrides
    }
}

final class RenderBlock: @unchecked Sendable {
    let name: String
    let nodes: Nodes
    let indentation: [UInt8]

    init(_ name: String, _ nodes: Nodes, _ indentation: [UInt8]) {
        self.name = name
        self.nodes = nodes
        self.indentation = indentation
    }
}

/// A template's nodes for rendering, with everything they point to, kept alive here and freed
/// with it.
final class RenderTree: @unchecked Sendable {
    private(set) var nodes = Nodes(start: nil, count: 0)
    /// The objects the nodes refer to without retaining them.
    private var owned: [AnyObject] = []
    /// The text of every text node, one buffer each.
    private var texts: [UnsafeMutableBufferPointer<UInt8>] = []
    /// Every list of nodes, one buffer each (plain data: nothing to deinitialize).
    private var lists: [UnsafeMutableBufferPointer<RenderNode>] = []

    init(_ parsed: [Node]) {
        nodes = convert(parsed)
    }

    deinit {
        for text in texts { text.deallocate() }
        for list in lists { list.deallocate() }
    }

    private func convert(_ parsed: [Node]) -> Nodes {
        let converted = parsed.compactMap { node -> RenderNode? in
            switch node {
            case .text(let bytes):
                let text = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
                _ = text.initialize(from: bytes)
                texts.append(text)
                return .text(UnsafeBufferPointer(text))
            case .variable(let reference, let escaped):
                return .variable(keep(reference), escaped: escaped)
            case .section(let section):
                return .section(RenderSection(reference: keep(section.reference), nodes: convert(section.nodes)))
            case .inverted(let section):
                return .inverted(RenderSection(reference: keep(section.reference), nodes: convert(section.nodes)))
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
        let list = UnsafeMutableBufferPointer<RenderNode>.allocate(capacity: converted.count)
        _ = list.initialize(from: converted)
        lists.append(list)
        return Nodes(list)
    }

    private func keep<Object: AnyObject>(_ object: Object) -> Unretained<Object> {
        owned.append(object)
        return Unretained(object: object)
    }
}
