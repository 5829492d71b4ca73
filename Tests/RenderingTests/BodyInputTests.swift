import SiteData
import Testing

@testable import Bodies

/// What a stored body was rendered from, digested: the same input gives the same digest,
/// whether its body is a string or a store's bytes, and any field changed gives another.
@Suite struct BodyInputTests {
    static func input(
        file: String = "content/proyectos/rcn.md", bodyFile: String = "content/proyectos/rcn.md",
        body: StoredText = "## Avances\n\nLa red de [Visa](../socios/visa.md).\n", bodyFirstLine: Int = 9,
        texts: [String: String] = ["resumen": "*Corto*"], untranslated: Bool = false
    ) -> BodyCache.BodyInput {
        BodyCache.BodyInput(
            file: file, bodyFile: bodyFile, body: body, bodyFirstLine: bodyFirstLine, texts: texts,
            sources: [
                "resumen": TextSource(file: file, line: 4, column: 10, yaml: "resumen: \"*Corto*\"\n", yamlFirstLine: 4)
            ],
            untranslated: untranslated)
    }

    @Test func theSameInputHasTheSameDigestAsStringOrStoredBytes() throws {
        let base = Self.input()
        var writer = ArchiveWriter()
        writer.string("## Avances\n\nLa red de [Visa](../socios/visa.md).\n")
        let archive = ArchiveBytes(writer.bytes)
        var reader = ArchiveReader(archive.bytes, owner: archive)
        let stored = Self.input(body: try reader.text())
        #expect(stored.digest == base.digest)
        #expect(stored == base)
    }

    @Test func everyFieldChangesTheDigest() {
        let base = Self.input().digest
        let changed = [
            Self.input(file: "content/proyectos/otro.md"),
            Self.input(bodyFile: "content/proyectos/rcn.en.md"),
            Self.input(body: "## Avances\n\nLa red de [Visa](../socios/visa.md)!\n"),
            Self.input(body: ""),
            Self.input(bodyFirstLine: 10),
            Self.input(texts: ["resumen": "*Largo*"]),
            Self.input(texts: [:]),
            Self.input(untranslated: true),
            // Composed and decomposed: the same text to Swift, other bytes and heading ids.
            Self.input(body: "## Año\n"), Self.input(body: "## An\u{0303}o\n"),
        ].map(\.digest)
        #expect(!changed.contains(base))
        #expect(Set(changed).count == changed.count)
    }

    /// The body's length comes before it: bytes moved between the fields and the body do not
    /// give the same digest.
    @Test func theBodyIsNotConfusedWithTheFieldsBeforeIt() {
        let one = Self.input(bodyFile: "a", body: "bc").digest
        let two = Self.input(bodyFile: "ab", body: "c").digest
        #expect(one != two)
    }
}
