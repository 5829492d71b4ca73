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
        "---\r\na: 1\r\r\n---\r\nbody\r\r\n", "---\na: 1\r\n---\nb\r", "---\na: 1\n--- \n", "---\na: 1\n",
    ])
    func cutsExactlyAsCuttingCharactersDoes(_ text: String) {
        let split = try? FrontMatterSplitter.split(text, file: "x.md").get()
        #expect(split == Self.reference(text))
    }
}
