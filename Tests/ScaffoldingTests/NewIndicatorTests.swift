import ContentModel
import Diagnostics
import Foundation
import Loading
import TestSupport
import Testing
import Validation

@testable import Scaffolding

/// `avance new` for an indicator: the series is written as a commented example that validates
/// once uncommented, and left empty until then, so the build says what to fill in.
@Suite struct NewIndicatorTests {
    @Test func theSeriesSkeletonValidatesOnceUncommented() throws {
        let root = try Repository.copySite(from: Repository.root + "/examples/demo", name: "new-indicator")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "indicadores", id: "calidad-del-aire", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.isEmpty)
        #expect(result.unfilled.map(\.name) == ["serie"])
        let text = try #require(result.text)
        let lines = text.components(separatedBy: "\n")
        let field = try #require(lines.firstIndex(of: "serie:"))
        #expect(lines[field + 1] == "#   unit: \"%\"")
        #expect(text.contains("#     - {date: 2023, value: 0, source: \"…\"}"))
        // Uncommented, as an editor would, the entry is valid.
        var filled = lines
        var index = field + 1
        while index < filled.count, filled[index].hasPrefix("#   ") {
            filled[index] = String(filled[index].dropFirst(2))
            index += 1
        }
        let modelText = try #require(TestSites.read(root, ModelReader.path))
        let model = try #require(ModelReader.read(modelText).0)
        let (entry, diagnostics) = EntryValidator(collection: try #require(model.collection("indicadores")))
            .validate(
                id: "calidad-del-aire", path: "content/indicadores/calidad-del-aire.md",
                text: filled.joined(separator: "\n"))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(entry?.fields["serie"] != nil)
    }

    @Test func theSchemaDescribesASeries() throws {
        let schema = FrontMatterSchema(
            content: try #require(ExistingContent.load(root: Repository.root + "/examples/demo").0))
        let value = schema.value(of: .series(.openSDG))
        #expect(value["required"] == ["unit", "direction", "baseline"])
        #expect(value["properties"]?["direction"]?["enum"] == ["up", "down"])
        #expect(value["properties"]?["values"]?["items"]?["required"] == ["date", "value", "source"])
    }
}
