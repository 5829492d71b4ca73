import Diagnostics

/// A theme's templates by name (`entry`, `partials/value`), parsed once, rendered on any
/// thread.
///
/// The language is Mustache as swift-mustache 2 speaks it, which avance used before: the
/// specification's tags, standalone lines, partials with indentation, inheritance
/// (`{{< base}}{{$ main}}…{{/ main}}{{/ base}}`), `{{% CONTENT_TYPE: TEXT }}`, `.name` for the
/// innermost value only, and functions (`empty(name)`, `first()` inside a list). What it drops
/// is what views never need: lambdas, dynamic partials, reflection. Values come as
/// `TemplateValue`s, found in a view's table of names (`TemplateView`) rather than through a
/// chain of dynamic casts, and a page is written into one byte buffer. The same tables let the
/// theme be checked before any page is rendered (`unknownNames(rendering:)`).
public struct TemplateLibrary: Sendable {
    private(set) var templates: [String: Template] = [:]
    /// The nodes of each template by its number (`number(of:)`): what a partial tag renders,
    /// found by an index rather than by hashing its name.
    /// Pointers into the templates' trees, which `templates` keeps alive; never written while
    /// rendering.
    nonisolated(unsafe) private var byNumber: [Nodes?] = []

    public init() {}

    /// Parses `source` and keeps it as `name`; a partial tag names it as `{{> name}}`.
    public mutating func register(_ source: String, named name: String) throws(TemplateError) {
        let template = try Template(source)
        templates[name] = template
        let number = Self.number(of: name)
        if byNumber.count <= number { byNumber += Array(repeating: nil, count: number + 1 - byNumber.count) }
        byNumber[number] = template.tree.nodes
    }

    /// The number of the template called `name`, the same in every library of the process
    /// (numbered as template names are first seen, apart from tags' names).
    static func number(of name: String) -> Int {
        templateNumbers.number(of: name)
    }

    private static let templateNumbers = TemplateSlot.Numbers()

    /// Whether there is a template called `name`.
    public func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// The names of templates' partials that are not in the library, with where each is named,
    /// by template, in order.
    public func missingPartials() -> [(template: String, partial: String, line: Int, column: Int)] {
        templates.keys.sorted().flatMap { template in
            templates[template]!.partials.filter { templates[$0.name] == nil }.map {
                (template, $0.name, $0.line, $0.column)
            }
        }
    }

    /// `value` rendered through the template `name` as UTF-8; `nil` when there is no such
    /// template.
    public func render(_ value: some TemplateObject, template name: String) throws(TemplateError) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: byNumber, root: value, capacity: 16 * 1024)
        defer { renderer.output.deallocate() }
        renderer.render(template.tree.nodes, .init())
        if let partial = renderer.tooDeep {
            throw TemplateError(
                Message(
                    "template-render.too-deep", ["depth": String(TemplateRenderer.maximumDepth), "partial": partial]),
                line: 0, column: 0, hint: Message("template-render.too-deep.hint", ["tag": "{{> \(partial)}}"]))
        }
        // A page kept until it is written keeps only its bytes, not the room the buffer grew.
        return renderer.output.bytes
    }
}
