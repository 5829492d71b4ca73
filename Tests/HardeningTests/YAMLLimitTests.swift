import ContentModel
import Diagnostics
import FrontMatter
import SiteData
import TestSupport
import Testing
import Validation

// A limit that stopped working would make these hang (a billion laughs, minutes of cmark-gfm):
// the time limit ends such a run. A guard, not a speed target; speed lives in `make bench`.
/// Alias bombs and deep nesting end in `yaml-too-complex`, at once and without recursion.
@Suite(.timeLimit(.minutes(2))) struct YAMLLimitTests {
    /// "Billion laughs": nine levels of ten aliases, 10⁹ values once expanded.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func anAliasBombIsRefusedBeforeItExpands() throws {
        let result = YAMLReader.parse(Self.billionLaughs, file: "f.md", firstLine: 2)
        let diagnostic = try #require(result.failure)
        #expect(diagnostic.code == "yaml-too-complex")
        #expect(diagnostic.message.contains("100000 values"))
        // The fifth line (`a4`, 111,111 values) goes past the limit; the YAML starts on line 2.
        #expect(diagnostic.location?.line == 6)
    }

    @Test func anAliasBombInAnEntryOrSiteYAMLFailsItsFile() throws {
        let entry = EntryValidator(collection: try #require(Self.notes)).validate(
            id: "bomba", path: "content/notas/bomba.md", text: "---\ntitulo: x\n" + Self.billionLaughs + "---\n")
        #expect(entry.0 == nil)
        #expect(entry.1.map(\.code) == ["yaml-too-complex"])
        #expect(ModelReader.read(Self.billionLaughs).1.map(\.code) == ["yaml-too-complex"])
    }

    static let deepDocuments = [
        "flow lists": String(repeating: "[", count: 100_000),
        "flow mappings": String(repeating: "{a: ", count: 50_000),
        "block lists": String(repeating: "- ", count: 50_000) + "x",
        "block mappings": (0..<2_000).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n"),
    ]

    @Test(arguments: ["flow lists", "flow mappings", "block lists", "block mappings"])
    func deepNestingIsRefusedWithoutRecursion(shape: String) throws {
        let yaml = try #require(Self.deepDocuments[shape])
        let result = YAMLReader.parse(yaml, file: "f.md")
        let diagnostic = try #require(result.failure, "\(shape)")
        #expect(diagnostic.code == "yaml-too-complex")
        #expect(diagnostic.message == "the YAML is nested more than 32 levels deep")
    }

    @Test func nestingThroughAnAliasCountsTheAnchorsDepth() throws {
        let deep = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        let yaml = "a: &a \(deep)\nb: " + String(repeating: "[", count: 15) + "*a" + String(repeating: "]", count: 15)
        #expect(YAMLReader.parse(yaml, file: "f").failure?.code == "yaml-too-complex")
    }

    @Test func realisticYAMLWithAliasesStillReads() throws {
        let yaml = "comun: &comun {fecha: 2022-04, estado: en-marcha}\nhistorial: [*comun, *comun]\n"
        let node = try #require(try YAMLReader.parse(yaml, file: "f").get())
        #expect(node["historial"]?.sequence?.count == 2)
        #expect(node["historial"]?.sequence?.last?["estado"]?.scalar == "en-marcha")
        let nested = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
        #expect(YAMLReader.parse(nested, file: "f").failure == nil)
    }

    @Test func tooManyValuesWithoutAliasesIsRefused() throws {
        let yaml = "lista: [" + String(repeating: "a, ", count: 100_001) + "a]\n"
        #expect(YAMLReader.parse(yaml, file: "f").failure?.code == "yaml-too-complex")
    }

    @Test func theQuitoModelIsFarBelowTheLimits() throws {
        let text = try String(contentsOfFile: Repository.root + "/content/site.yaml", encoding: .utf8)
        let (model, diagnostics) = ModelReader.read(text)
        #expect(model != nil)
        #expect(!diagnostics.contains { $0.code == "yaml-too-complex" })
    }

    @Test(arguments: ["\"\\0\"", "\"a\\eb\"", "\"\\x1B[31m\"", "\"\\u0085\"", "\"\\N\"", "\"\\uFFFF\""])
    func escapedControlCharactersAreRefused(value: String) throws {
        let diagnostic = try #require(YAMLReader.parse("titulo: \(value)\n", file: "f.md", firstLine: 2).failure)
        #expect(diagnostic.code == "yaml-syntax")
        #expect(diagnostic.message.contains("control character U+"))
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 9)
    }

    @Test func tabsAndLineBreaksInQuotedValuesAreKept() throws {
        let node = try #require(try YAMLReader.parse("a: \"x\\ty\\nz\\r\"\n", file: "f").get())
        #expect(node["a"]?.scalar == "x\ty\nz\r")
    }

    static let notes = ModelReader.read(
        "title: T\ntitle_field: titulo\ncollections:\n  notas:\n    fields:\n      titulo: string\n"
    ).0?.collection("notas")
}

extension Result {
    /// The error of a failure, or `nil`.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
