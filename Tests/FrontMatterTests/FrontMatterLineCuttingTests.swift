import Testing

@testable import FrontMatter

@Suite struct FrontMatterLineCuttingTests {
    /// The splitter as it was before it cut bytes: lines cut on characters, then joined again.
    static func reference(_ text: String) -> SplitFile? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), FrontMatterSplitter.isDelimiter(first, allowDots: false) else { return nil }
        var yaml: [Substring] = []
        var lineNumber = 1
        while let line = lines.popFirst() {
            lineNumber += 1
            if FrontMatterSplitter.isDelimiter(line, allowDots: true) {
                return SplitFile(
                    yaml: yaml.joined(separator: "\n"), yamlFirstLine: 2, body: lines.joined(separator: "\n"),
                    bodyFirstLine: lineNumber + 1)
            }
            yaml.append(line)
        }
        return nil
    }

    @Test(arguments: [
        "---\ntitulo: A\n---\nBody\n", "---\n---\n", "---\n---", "---\na: 1\n...\n\nText\n\n", "---  \na: 1\n---\t\nx",
        "---\na: ñandú\n---\nAcción — 👩‍👩‍👧\n", "---\na: 1\n---\n\u{301}combining after a line end\n",
        "---\na: 1\n--- \n", "---\na: 1\n",
    ])
    func cutsExactlyAsCuttingCharactersDoes(_ text: String) {
        let split = try? FrontMatterSplitter.split(text, file: "x.md").get()
        #expect(split == Self.reference(text))
    }

    /// Text that did not come through `SourceFile` may end lines with `\r\n` or a lone `\r`
    /// (classic Mac OS): each ends a line, as for libyaml and cmark-gfm.
    @Test(
        arguments: [
            ("---\ra: 1\r---\rBody\r", "a: 1", "Body\r", 4), ("---\r\na: 1\r\r\n---\r\nbody", "a: 1\r", "body", 5),
            ("---\na: 1\r\nb: 2\r---\rx", "a: 1\r\nb: 2", "x", 5),
        ] as [(String, String, String, Int)])
    func everyKindOfLineEndEndsALine(text: String, yaml: String, body: String, bodyFirstLine: Int) throws {
        let split = try FrontMatterSplitter.split(text, file: "x.md").get()
        #expect(split.yaml == yaml)
        #expect(split.body == body)
        #expect(split.bodyFirstLine == bodyFirstLine)
    }
}
