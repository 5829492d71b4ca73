import Bodies
import ContentModel
import Rendering
import SiteData
import Testing
import Validation

/// Inputs the fuzz targets (`Fuzz/FuzzEntry`, `Fuzz/FuzzMarkdown`) found, each once a crash.
@Suite struct FuzzRegressionTests {
    /// FuzzMarkdown, first minute: cmark-gfm ends lines at a lone `\r` too, and locating a link
    /// after such lines trapped (the Markdown case is `LoneCarriageReturnTests`, beside the
    /// renderer). Here the same crash through a `text` field, whose YAML escapes can hold one.
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
