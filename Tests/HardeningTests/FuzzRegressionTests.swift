import ContentModel
import Markdown
import Rendering
import Testing
import Validation

/// Inputs the fuzz targets (`Sources/FuzzEntry`, `Sources/FuzzMarkdown`) found, each once a crash.
@Suite struct FuzzRegressionTests {
    /// FuzzMarkdown, first minute: cmark-gfm ends lines at a lone `\r` too, the link locator split
    /// only at `\n`, so a link after lone carriage returns was on a line past the last one, and
    /// `start...min(end, lines.count)` trapped ("Range requires lowerBound <= upperBound").
    @Test func aLinkAfterLoneCarriageReturnsIsLocatedOnItsLine() throws {
        var links: [MarkdownLink] = []
        let rendered = MarkdownRenderer().render("uno\rdos\r\r[enlace](otra.md)\r\n[b](c.md)") { link in
            links.append(link)
            return nil
        }
        #expect(rendered.html.contains("<a href=\"otra.md\">enlace</a>"))
        #expect(links.map(\.line) == [4, 5])
        #expect(links.map(\.column) == [10, 5])
    }

    /// The same crash through a `text` field, whose YAML escapes can hold a lone `\r`.
    @Test func aTextFieldWithEscapedCarriageReturnsRendersItsLinks() throws {
        let model = try #require(
            ModelReader.read(
                "title: T\ncollections:\n  notas:\n    fields:\n      title: string\n      resumen: text\n"
            ).0)
        let collection = try #require(model.collection("notas"))
        let (entry, diagnostics) = EntryValidator(collection: collection).validate(
            id: "a", path: "content/notas/a.md",
            text: "---\ntitle: A\nresumen: \"uno\\r\\r\\r[roto](nada.md)\"\n---\n")
        #expect(diagnostics.isEmpty)
        let site = Site(model: model, entries: ["notas": [try #require(entry)]])
        let bodies = BodyRenderer(site: site).render()
        let broken = try #require(bodies.diagnostics.first)
        #expect(broken.code == "link-broken")
        #expect(broken.location?.file == "content/notas/a.md")
    }
}
