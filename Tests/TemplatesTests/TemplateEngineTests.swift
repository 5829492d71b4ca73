import Testing

@testable import Templates

/// The engine's own parts since it writes into a byte buffer (`PageBuffer`), finds partials by
/// number and reads an object's texts by slot (`TemplateTexts`): each must give the bytes the
/// names and arrays gave.
@Suite struct TemplateEngineTests {
    /// A page much larger than the buffer's first 16 KB, escaped where the buffer grows, and an
    /// indented partial after the growth: the lines indented where they start, the bytes moved
    /// along, none lost.
    @Test func aPageLargerThanTheBufferIsWrittenWhole() throws {
        let piece = #"<a href="x">&'é'</a>"#
        let escaped = "&lt;a href=&quot;x&quot;&gt;&amp;&#39;é&#39;&lt;/a&gt;"
        let text = String(repeating: piece, count: 5_000)
        let values: [String: TemplateValue] = ["x": .text(text), "y": .text("1\n2")]
        let shown = try render("{{x}}|{{{x}}}\n  {{> p}}\nend", values, partials: ["p": "a\n{{{y}}}\nb\n"])
        #expect(shown == String(repeating: escaped, count: 5_000) + "|" + text + "\n  a\n  1\n2\n  b\nend")
    }

    /// Template names are numbered for the whole process, but each library renders its own
    /// template of a name, and none where it has none.
    @Test func eachLibraryRendersItsOwnPartialOfAName() throws {
        #expect(try render("[{{> shared}}]", partials: ["shared": "one"]) == "[one]")
        #expect(try render("[{{> shared}}]", partials: ["shared": "two"]) == "[two]")
        #expect(try render("[{{> shared}}]") == "[]")
        var library = TemplateLibrary()
        try library.register("({{> later}})", named: "main")
        try library.register("first", named: "later")
        try library.register("replaced", named: "later")
        let bytes = try #require(try library.render(Object([:]), template: "main"))
        #expect(String(decoding: bytes, as: UTF8.self) == "(replaced)")
    }

    /// An object of texts by name (the interface strings) answers a tag by its slot as it does
    /// by name; a name it has not is none of its values, and the lookup goes on outwards.
    @Test func textsAnswerBySlotAsByName() throws {
        let texts = Texts(["hello": "hola", "a.b": "dotted"])
        for name in ["hello", "a.b", "missing", ""] {
            #expect(
                TemplateSlotTests.describe(texts.value(slot: TemplateSlot(name)))
                    == TemplateSlotTests.describe(texts.value(named: name)), "\(name)")
        }
        let values: [String: TemplateValue] = ["t": .object(texts), "other": .text("outer")]
        #expect(try render("{{t.hello}}|{{t.missing}}|{{#t}}{{hello}} {{other}}{{/t}}", values) == "hola||hola outer")
    }
}

/// Texts by name, as the theme's strings are.
struct Texts: TemplateObject {
    let values: [String: String]
    let texts: TemplateTexts

    init(_ values: [String: String]) {
        self.values = values
        texts = TemplateTexts(values)
    }

    func value(named name: String) -> TemplateValue? { values[name].map(TemplateValue.text) }
    func value(slot: TemplateSlot) -> TemplateValue? { texts.value(slot: slot) }
}
