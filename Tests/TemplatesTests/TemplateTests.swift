import Testing

@testable import Templates

/// An object made of a table, for tests.
struct Object: TemplateObject {
    let values: [String: TemplateValue]

    init(_ values: [String: TemplateValue]) { self.values = values }

    func value(named name: String) -> TemplateValue? { values[name] }
}

/// `source` (as template `main`, beside `partials`) rendered with `values`.
func render(
    _ source: String, _ values: [String: TemplateValue] = [:], partials: [String: String] = [:]
) throws -> String {
    var library = TemplateLibrary()
    try library.register(source, named: "main")
    for (name, text) in partials { try library.register(text, named: name) }
    let bytes = try #require(try library.render(Object(values), template: "main"))
    return String(decoding: bytes, as: UTF8.self)
}

func object(_ values: [String: TemplateValue]) -> TemplateValue { .object(Object(values)) }

@Suite struct TemplateVariableTests {
    @Test func valuesAreEscapedForHTMLUnlessTripleOrAmpersand() throws {
        let values: [String: TemplateValue] = ["x": .text(#"<a href="?a=1&b='2'">é</a>"#)]
        #expect(try render("{{x}}", values) == "&lt;a href=&quot;?a=1&amp;b=&#39;2&#39;&quot;&gt;é&lt;/a&gt;")
        #expect(try render("{{{x}}}|{{& x}}", values) == #"<a href="?a=1&b='2'">é</a>|<a href="?a=1&b='2'">é</a>"#)
    }

    /// A special character followed by a combining mark is still escaped (swift-mustache left
    /// `&́` alone, as one character).
    @Test func specialCharactersAreEscapedByteByByte() throws {
        #expect(try render("{{x}}", ["x": .text("&\u{301}<\u{301}")]) == "&amp;\u{301}&lt;\u{301}")
    }

    @Test func numbersFlagsAndMissingNames() throws {
        #expect(
            try render("{{n}} {{f}} {{t}} [{{missing}}]", ["n": .number(-12), "f": .flag(false), "t": .flag(true)])
                == "-12 false true []")
    }

    @Test func textOnlyPragmaStopsEscapingForTheRestOfTheTemplate() throws {
        #expect(try render("{{x}}\n{{% CONTENT_TYPE: TEXT }}\n{{x}}", ["x": .text("<b>")]) == "&lt;b&gt;\n<b>")
    }

    @Test func commentsAndSetDelimitersLeaveNoTrace() throws {
        #expect(
            try render("a{{! note }}b\n{{=<% %>=}}\n<% x %>{{x}}<%={{ }}=%>{{x}}", ["x": .text("1")]) == "ab\n1{{x}}1")
    }
}

@Suite struct TemplateLookupTests {
    @Test func namesAreLookedUpFromTheInnermostValueOutwards() throws {
        let values: [String: TemplateValue] = [
            "title": .text("page"), "item": object(["name": .text("inner")]),
        ]
        #expect(try render("{{#item}}{{name}} in {{title}}{{/item}}", values) == "inner in page")
    }

    @Test func aLeadingDotLooksInTheInnermostValueOnly() throws {
        let values: [String: TemplateValue] = ["url": .text("outer"), "item": object([:])]
        #expect(try render("{{#item}}[{{.url}}][{{url}}]{{/item}}", values) == "[][outer]")
    }

    @Test func dottedNamesDescendAndStopWhereAValueIsMissing() throws {
        let values: [String: TemplateValue] = [
            "a": object(["b": object(["c": .text("deep")])]), "c": .text("outer"),
        ]
        #expect(try render("{{a.b.c}}|{{a.x.c}}|{{a.b.c.d}}", values) == "deep||")
    }

    @Test func aDotIsTheCurrentValue() throws {
        #expect(try render("{{#items}}<{{.}}>{{/items}}", ["items": .list([.text("a"), .number(2)])]) == "<a><2>")
    }
}

@Suite struct TemplateSectionTests {
    static let values: [String: TemplateValue] = [
        "list": .list([.text("a"), .text("b"), .text("c")]), "none": .list([]), "yes": .flag(true),
        "no": .flag(false), "text": .text(""), "zero": .number(0),
    ]

    @Test(arguments: [
        ("{{#list}}{{.}}{{/list}}", "abc"),
        ("{{#none}}x{{/none}}{{^none}}empty{{/none}}", "empty"),
        ("{{#yes}}y{{/yes}}{{#no}}n{{/no}}{{^no}}not{{/no}}{{^yes}}x{{/yes}}", "ynot"),
        ("{{#missing}}m{{/missing}}{{^missing}}absent{{/missing}}", "absent"),
        // As in swift-mustache: empty text and zero are values, so their sections show.
        ("{{#text}}[{{.}}]{{/text}}{{#zero}}({{.}}){{/zero}}{{^zero}}z{{/zero}}", "[](0)"),
        ("{{#list}}{{^first()}}, {{/first()}}{{.}}{{#last()}}.{{/last()}}{{/list}}", "a, b, c."),
        ("{{#list}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/list}}", "0e1o2e"),
        ("{{^empty(list)}}{{count(list)}} items, first {{first(list)}}{{/empty(list)}}", "3 items, first a"),
        (
            "{{#reversed(list)}}{{.}}{{/reversed(list)}} {{plusone(zero)}}{{#equalzero(zero)}}!{{/equalzero(zero)}}",
            "cba 1!"
        ),
        ("{{uppercased(first(list))}}", "A"),
        // `first()` means nothing outside a list.
        ("{{#first()}}f{{/first()}}{{^first()}}not in a list{{/first()}}", "not in a list"),
    ])
    func sectionsShowForTheirValues(source: String, expected: String) throws {
        #expect(try render(source, Self.values) == expected)
    }

    @Test func aPartialSeesTheValuesAroundIt() throws {
        let values: [String: TemplateValue] = [
            "rows": .list([object(["name": .text("x")]), object(["name": .text("y")])])
        ]
        #expect(try render("{{#rows}}{{> row}}{{/rows}}", values, partials: ["row": "<{{name}}>"]) == "<x><y>")
    }
}

@Suite struct TemplateWhitespaceTests {
    @Test func standaloneTagsLeaveNoLineBehind() throws {
        let source = "<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n  {{! comment }}\n</ul>\n"
        #expect(
            try render(source, ["list": .list([.text("a"), .text("b")])]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n"
        )
    }

    @Test func windowsLineEndingsAreKept() throws {
        #expect(try render("{{#yes}}\r\nline\r\n{{/yes}}\r\nend", ["yes": .flag(true)]) == "line\r\nend")
    }

    @Test func tagsSharingALineAreNotStandalone() throws {
        #expect(try render("  {{#yes}}a{{/yes}}\n", ["yes": .flag(true)]) == "  a\n")
    }

    @Test func aStandalonePartialIsIndentedAsItsTag() throws {
        let partials = ["card": "<div>\n{{x}}\n</div>\n"]
        #expect(
            try render("<main>\n    {{> card}}\n</main>\n", ["x": .text("1")], partials: partials)
                == "<main>\n    <div>\n    1\n    </div>\n</main>\n")
    }
}

@Suite struct TemplateInheritanceTests {
    static let base = "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n"

    @Test func aTemplateFillsTheBlocksOfTheOneItExtends() throws {
        let page = "{{<base}}\n{{$main}}\n<p>{{x}}</p>\n{{/main}}\n{{/base}}\n"
        let rendered = try render(page, ["x": .text("body")], partials: ["base": Self.base])
        #expect(rendered == "<title>Default</title>\n<main>\n<p>body</p>\n\n</main>\n", "\(rendered.debugDescription)")
    }

    @Test func theOutermostOverrideWins() throws {
        let middle = "{{<base}}{{$title}}Middle{{/title}}{{/base}}"
        let page = "{{<middle}}{{$title}}Page{{/title}}{{/middle}}"
        #expect(try render(page, partials: ["base": Self.base, "middle": middle]).hasPrefix("<title>Page</title>"))
    }
}

@Suite struct TemplateErrorTests {
    @Test(arguments: [
        ("a\n  {{#list}}\nb", "`{{#list}}` is opened here but never closed", 2, 3),
        ("{{#a}}\n{{/b}}", "`{{/b}}` closes `{{#a}}`, opened at line 1, column 1", 2, 1),
        ("x {{/a}}", "`{{/a}}` closes a section that was never opened", 1, 3),
        ("ok\nsí {{title", "this tag is never closed", 2, 4),
        ("{{ti tle}}", "unexpected `t` in a tag", 1, 6),
        ("{{{x}}", "`{{{` must end with `}}}`", 1, 1),
        ("{{! never", "this comment is never closed", 1, 1),
        ("{{#nope(list)}}{{/nope(list)}}", "unknown function `nope`", 1, 1),
        ("{{empty(list}}", "cannot read `empty(list`", 1, 1),
        ("{{<base}}{{x}}{{/base}}", "only `{{$block}}` definitions can be inside `{{<base}}`", 1, 1),
        ("{{$a.b}}{{/a.b}}", "a block is named by a plain name, not `a.b`", 1, 1),
        ("{{=<% =}}", "cannot read these delimiters", 1, 1),
        ("{{% CONTENT_TYPE: XML }}", "unknown setting", 1, 1),
        ("{{>}}", "a partial needs a name", 1, 1),
    ])
    func aBrokenTemplateIsReportedAtTheTagAtFault(source: String, message: String, line: Int, column: Int) {
        #expect(throws: TemplateError.self) { try Template(source) }
        do {
            _ = try Template(source)
        } catch {
            #expect(error.message == message)
            #expect(error.line == line)
            #expect(error.column == column)
            #expect(error.hint?.isEmpty == false)
        }
    }

    @Test func partialsThatDoNotExistAreListedWithWhereTheyAreNamed() throws {
        var library = TemplateLibrary()
        try library.register("{{> header}}\n\n  {{> partials/missing}}", named: "page")
        try library.register("h", named: "header")
        let missing = library.missingPartials()
        #expect(missing.count == 1)
        #expect(missing.first?.template == "page")
        #expect(missing.first?.partial == "partials/missing")
        #expect(missing.first?.line == 3)
        #expect(missing.first?.column == 3)
    }

    @Test func aPartialThatIncludesItselfFailsInsteadOfRecursingForever() throws {
        var library = TemplateLibrary()
        try library.register("a{{> loop}}", named: "loop")
        #expect(throws: TemplateError.self) { try library.render(Object([:]), template: "loop") }
        #expect(try library.render(Object([:]), template: "absent") == nil)
    }
}
