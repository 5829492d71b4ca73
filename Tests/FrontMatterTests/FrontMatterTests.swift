import Diagnostics
import Testing

@testable import FrontMatter

@Suite struct FrontMatterSplitterTests {
    @Test func splitsYAMLAndBodyWithTheirLines() throws {
        let split = try FrontMatterSplitter.split("---\na: 1\nb: 2\n---\n# Body\ntext\n", file: "x.md").get()
        #expect(split.yaml == "a: 1\nb: 2")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "# Body\ntext\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func acceptsDotsAndTrailingSpacesOnTheClosingLine() throws {
        let split = try FrontMatterSplitter.split("---  \na: 1\n...\nbody", file: "x.md").get()
        #expect(split.body == "body")
    }

    @Test func aDashRuleInTheBodyIsNotFrontMatter() throws {
        let split = try FrontMatterSplitter.split("---\na: 1\n---\nx\n\n---\n\ny", file: "x.md").get()
        #expect(split.body == "x\n\n---\n\ny")
    }

    @Test(arguments: [
        ("", "file-empty"), ("  \n\n", "file-empty"), ("a: 1\n", "front-matter-missing"),
        ("--\na: 1\n--\n", "front-matter-missing"), ("---\na: 1\n", "front-matter-unclosed"),
    ])
    func brokenDelimitersAreNamed(text: String, code: String) {
        guard case .failure(let diagnostic) = FrontMatterSplitter.split(text, file: "x.md") else {
            Issue.record("expected \(code)")
            return
        }
        #expect(diagnostic.code == code)
        #expect(diagnostic.location?.line == 1)
    }
}

@Suite struct YAMLReaderTests {
    @Test func positionsAreFileLinesAndColumns() throws {
        let node = try #require(try YAMLReader.parse("a: 1\nlist:\n  - x\n  - 'y'\n", file: "f.md", firstLine: 2).get())
        #expect(node["a"]?.line == 2)
        #expect(node["a"]?.column == 4)
        let items = try #require(node["list"]?.sequence)
        #expect(items.map(\.line) == [4, 5])
        #expect(items[1].value == .scalar("y", plain: false))
    }

    @Test func nullIsOnlyPlainNothing() throws {
        let node = try #require(try YAMLReader.parse("a:\nb: ~\nc: ''\nd: null\ne: 'null'\n", file: "f").get())
        #expect(["a", "b", "d"].allSatisfy { node[$0]?.isNull == true })
        #expect(["c", "e"].allSatisfy { node[$0]?.isNull == false })
    }

    @Test func aliasesResolveToTheirAnchor() throws {
        let node = try #require(try YAMLReader.parse("a: &x hola\nb: *x\n", file: "f").get())
        #expect(node["b"]?.scalar == "hola")
    }

    @Test func scalarsStayText() throws {
        let node = try #require(try YAMLReader.parse("a: 0x1F\nb: yes\nc: 2024-01-01\n", file: "f").get())
        #expect(node["a"]?.scalar == "0x1F")
        #expect(node["b"]?.scalar == "yes")
        #expect(node["c"]?.scalar == "2024-01-01")
    }

    @Test(arguments: [
        ("a: b: c\n", "yaml-syntax", 2, 5),
        ("a:\n\t- x\n", "yaml-syntax", 3, 1),
        ("a: [1, 2\n", "yaml-syntax", 2, 4),
        ("a: 1\na: 2\n", "yaml-duplicate-key", 2, 1),
    ])
    func errorsCarryTheirFilePosition(yaml: String, code: String, line: Int, column: Int) {
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, file: "f.md", firstLine: 2) else {
            Issue.record("expected \(code) for \(yaml)")
            return
        }
        #expect(diagnostic.code == code)
        #expect(diagnostic.location?.line == line)
        #expect(diagnostic.location?.column == column)
        #expect(diagnostic.location?.file == "f.md")
    }

    @Test(arguments: [
        ("a:\n\t- x\n", "indent with spaces, not tabs"),
        ("titulo: x\n\testado: y\n", "indent with spaces, not tabs"),
        ("a: [1, 2\n", "close the quote or bracket that is still open"),
        ("titulo: A: B\n", "a value that contains `: ` must be quoted, e.g. title: \"A: B\""),
    ])
    func syntaxErrorsSayHowToFixThem(yaml: String, hint: String) {
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, file: "f.md", firstLine: 2) else {
            Issue.record("expected a syntax error for \(yaml)")
            return
        }
        #expect(diagnostic.hint == hint, "\(diagnostic.message)")
    }

    /// libyaml's problems and contexts are read in the reader's language where the catalogs
    /// have them; English keeps libyaml's words.
    @Test(arguments: [
        ("titulo: A: B\n", "sintaxis YAML: aquí no puede empezar un valor (¿un `: ` sin comillas?)"),
        (
            "a: [1, 2\n",
            "sintaxis YAML: falta una `,` o el `]` que cierra la lista (al leer una lista entre corchetes en la línea 2)"
        ),
    ])
    func libyamlsWordsAreTranslated(yaml: String, spanish: String) throws {
        guard case .failure(let diagnostic) = YAMLReader.parse(yaml, file: "f.md", firstLine: 2) else {
            Issue.record("expected a syntax error for \(yaml)")
            return
        }
        #expect(diagnostic.message(in: MessageCatalog(language: "es")) == spanish)
        #expect(diagnostic.message.contains("did not find expected") || diagnostic.message.contains("mapping values"))
    }

    @Test func everyLibyamlSentenceIsInTheCatalogs() {
        for key in YAMLReader.libyamlKeys.values {
            #expect(MessageCatalog(language: "es").render(Message(key)) != key, "\(key)")
            #expect(
                MessageCatalog.english.render(Message(key)) == YAMLReader.libyamlKeys.first { $0.value == key }?.key)
        }
    }
}
