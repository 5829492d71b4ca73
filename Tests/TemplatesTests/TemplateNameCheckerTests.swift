import Testing

@testable import Templates

/// A view with a table of names, for the checker alone.
struct Item: TemplateView {
    var name: String
    var note: String?
    var children: [Item]

    static let names: TemplateNames<Item> = [
        "name": .init(\.name), "note": .init(\.note), "children": .init(\.children),
    ]
}

@Suite struct TemplateNameCheckerTests {
    static func unknown(_ templates: [String: String]) throws -> [UnknownName] {
        var library = TemplateLibrary()
        for (name, text) in templates { try library.register(text, named: name) }
        return library.unknownNames(rendering: [("main", .object(Item.self))])
    }

    /// A tree drawn by a partial that includes itself is checked once, not forever.
    @Test func aPartialThatIncludesItselfIsCheckedOnce() throws {
        let found = try Self.unknown([
            "main": "{{> node}}", "node": "{{name}}{{#children}}{{> node}}{{nmae}}{{/children}}",
        ])
        #expect(found.map(\.written) == ["nmae"])
        let first = try #require(found.first)
        #expect(first.template == "node" && first.line == 1 && first.column == 32)
        #expect(found.first?.known == ["children", "name", "note"])
    }

    /// The table answers lookups: an absent optional is no value, so the renderer looks further out.
    @Test func theTableReadsValuesAndAbsentOptionalsAsNone() throws {
        let item = Item(name: "outer", note: "n", children: [Item(name: "inner", note: nil, children: [])])
        var library = TemplateLibrary()
        try library.register("{{#children}}{{name}}:{{note}}{{/children}}", named: "main")
        let bytes = try #require(try library.render(item, template: "main"))
        #expect(String(decoding: bytes, as: UTF8.self) == "inner:n")
        #expect(Item.allNames == ["children", "name", "note"])
    }

    @Test func namesAreWrittenBackAsTheTagWroteThem() throws {
        let found = try Self.unknown([
            "main": "{{a.b}}{{.c}}{{^empty(d)}}{{/empty(d)}}{{#first(count(e))}}{{/first(count(e))}}"
        ])
        #expect(found.map(\.written) == ["a.b", ".c", "empty(d)", "first(count(e))"])
    }
}
