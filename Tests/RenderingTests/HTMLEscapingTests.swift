import Mustache
import Testing

@testable import Rendering

@Suite struct HTMLEscapingTests {
    /// `{{value}}` rendered by a template with swift-mustache's own escaping, and by one that
    /// starts with the theme's pragma line.
    static func render(_ value: String, fast: Bool) throws -> String {
        let template = try MustacheTemplate(string: (fast ? HTMLEscaping.pragma : "") + "[{{value}}]")
        return template.render(["value": value])
    }

    @Test(arguments: [
        "", "plain text", "Acción — año 2024", "a < b > c & d \"e\" 'f'", "<script>alert('x')</script>",
        "?a=1&b=2", "&amp; already", "línea\r\nnueva & más", "emoji 👩‍👩‍👧 & <tag>", "«citado» & ‘comillas’ <x>",
        // A combining acute accent after `&`, `"` and `<`: one character each, left unescaped.
        "&\u{301}", "tom \"\u{301}quoted\u{301}\" <\u{301}", "a&\u{301}b&c",
        // A prepended concatenation mark before `<`, and a zero-width joiner after `'`.
        "\u{600}<x", "'\u{200D}", "x\u{0301}<", "&\u{1F3FB}",
    ])
    func escapesExactlyAsSwiftMustacheDoes(_ value: String) throws {
        #expect(try Self.render(value, fast: true) == Self.render(value, fast: false))
    }

    @Test func thePragmaLineLeavesNoTrace() throws {
        let template = try MustacheTemplate(string: HTMLEscaping.pragma + "{{#items}}\n- {{.}}\n{{/items}}\nend\n")
        #expect(template.render(["items": ["a&b", "c"]]) == "- a&amp;b\n- c\nend\n")
    }
}
