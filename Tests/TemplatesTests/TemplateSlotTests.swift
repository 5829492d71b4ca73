import Testing

@testable import Templates

/// Names are numbered once (`TemplateSlot`) and looked up by number; lists of views are read in
/// place (`TemplateList`). Both must answer exactly as the lookup by name did.
@Suite struct TemplateSlotTests {
    static let tree = Item(
        name: "root", note: "top",
        children: [
            Item(name: "a", note: nil, children: [Item(name: "a1", note: "x", children: [])]),
            Item(name: "b", note: "<b>", children: []),
            Item(name: "c", note: nil, children: []),
        ])

    static func show(_ source: String, partials: [String: String] = [:]) throws -> String {
        var library = TemplateLibrary()
        try library.register(source, named: "main")
        for (name, text) in partials { try library.register(text, named: name) }
        let bytes = try #require(try library.render(Self.tree, template: "main"))
        return String(decoding: bytes, as: UTF8.self)
    }

    static func describe(_ value: TemplateValue?) -> String {
        switch value {
        case .none: "none"
        case .text(let text): "text \(text)"
        case .number(let number): "number \(number)"
        case .flag(let flag): "flag \(flag)"
        case .object: "object"
        case .list(let items): "list [\(items.map(describe).joined(separator: ", "))]"
        }
    }

    @Test func everyNameReadsTheSameBySlotAsByName() {
        let item = Self.tree.children[0]
        for name in Item.allNames + ["unknown", "children.name", ""] {
            #expect(
                Self.describe(item.value(slot: TemplateSlot(name))) == Self.describe(item.value(named: name)), "\(name)"
            )
        }
        #expect(Self.describe(item.value(slot: TemplateSlot("note"))) == "none")
    }

    /// A name first numbered after a view's table was made (a name only templates use) is none
    /// of the view's names, rather than an index past the end of its table.
    @Test func aNameNumberedAfterTheTableIsNoneOfItsNames() {
        _ = Item.names
        let later = TemplateSlot("a name no view has, numbered after Item's table")
        #expect(later.id >= Item.names.positions.count)
        #expect(Self.tree.value(slot: later) == nil)
        #expect(TemplateSlot(later.name).id == later.id)
    }

    @Test func aNameHasOneNumberWhicheverThreadGivesIt() async {
        let names = (0..<200).map { "concurrent-\($0)" }
        let numbers = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 { group.addTask { names.map { TemplateSlot($0).id } } }
            return await group.reduce(into: [[Int]]()) { $0.append($1) }
        }
        #expect(Set(numbers).count == 1)
        #expect(Set(numbers[0]).count == names.count)
    }

    @Test func aListOfViewsIsReadInPlace() throws {
        #expect(try Self.show("{{#children}}{{name}}({{note}}),{{/children}}") == "a(top),b(&lt;b&gt;),c(top),")
        #expect(try Self.show("{{#children}}{{.name}}{{#.note}}!{{/.note}};{{/children}}") == "a;b!;c;")
        #expect(try Self.show("{{#children}}{{#children}}{{name}}<{{note}}>{{/children}}{{/children}}") == "a1<x>")
        #expect(
            try Self.show(
                "{{#children}}{{#first()}}[{{/first()}}{{name}}{{^last()}}, {{/last()}}{{index()}}{{/children}}]")
                == "[a, 0b, 1c2]")
    }

    @Test func functionsOnAListOfViewsSeeItsItems() throws {
        #expect(try Self.show("{{#reversed(children)}}{{name}}{{/reversed(children)}}") == "cba")
        #expect(try Self.show("{{#first(children)}}{{name}}{{/first(children)}}") == "a")
        #expect(try Self.show("{{#last(children)}}{{name}}{{/last(children)}}") == "c")
        #expect(try Self.show("{{count(children)}} {{empty(children)}}") == "3 false")
        #expect(try Self.show("{{#reversed(children)}}{{#first()}}{{name}}{{/first()}}{{/reversed(children)}}") == "c")
        #expect(
            try Self.show("{{#children}}{{#children}}{{/children}}{{^children}}-{{/children}}{{/children}}") == "--")
    }

    /// `{{% CONTENT_TYPE: TEXT }}` holds to the end of its template, inside its sections and
    /// every item of a list, and not in a partial it includes, which escapes until it says
    /// otherwise: the flag now travels beside the frame instead of in it.
    @Test func textContentHoldsInSectionsAndItemsButNotInPartials() throws {
        let source = "{{x}}{{% CONTENT_TYPE: TEXT }}{{x}}{{#list}}{{x}}{{/list}}{{#yes}}{{x}}{{/yes}}{{> p}}{{x}}"
        let values: [String: TemplateValue] = [
            "x": .text("<"), "list": .list([.text("a"), .text("b")]), "yes": .flag(true),
        ]
        #expect(try render(source, values, partials: ["p": "[{{x}}]"]) == "&lt;<<<<[&lt;]<")
    }

    @Test func anItemAsAWholeIsTheItem() throws {
        // `{{.}}` of a view shows nothing, as before; of a text, the text.
        #expect(try Self.show("{{#children}}<{{.}}>{{/children}}") == "<><><>")
        #expect(
            try render("{{#list}}{{#.}}({{.}}){{/.}}{{/list}}", ["list": .list(TemplateList(["x", "y"]))]) == "(x)(y)")
        let list = TemplateList([Item(name: "only", note: nil, children: [])])
        guard case .object(let object) = list[0] else {
            Issue.record("an item of a list of views is an object")
            return
        }
        #expect(Self.describe(object.value(named: "name")) == "text only")
    }
}
