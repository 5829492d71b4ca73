import ContentModel
import Diagnostics
import Testing

@testable import SiteData
@testable import Validation

@Suite struct TranslationTests {
    static let model = """
        title: T
        title_field: titulo
        collections:
          proyectos:
            fields:
              titulo: string
              estado: {type: enum, values: {activo: Activo}}
              nota: text
        """

    func validate(_ extra: [String: String]) -> (Site?, [Diagnostic]) {
        TestSite.validate(
            [
                "content/site.yaml": Self.model, "content/site.en.yaml": "title: T en\n",
                "content/proyectos/p1.md": "---\ntitulo: Uno\nestado: activo\nnota: Hola\n---\nTexto.\n",
            ].merging(extra) { $1 }, replacingModel: true)
    }

    @Test func translationsOverrideTextAndKeepTheRest() throws {
        let (validated, diagnostics) = validate([
            "content/proyectos/p1.en.md": "---\ntitulo: One\nnota: Hello\n---\nText.\n"
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let site = try #require(validated)
        #expect(site.languages == ["en"])
        #expect(site.entries(of: "proyectos").count == 1)
        let english = site.translated(to: "en", model: site.model)
        let entry = try #require(english.entry(EntryKey("proyectos", "p1")))
        #expect(entry.title == "One")
        #expect(entry.fields["nota"] == .text("Hello"))
        #expect(entry.fields["estado"] == .enumeration("activo"))
        #expect(entry.body == "Text.\n")
        #expect(entry.bodyFile == "content/proyectos/p1.en.md")
        #expect(english.untranslatedBodies.isEmpty)
    }

    @Test func anEntryWithoutTranslationKeepsItsTextAndIsMarked() throws {
        let english = try #require(validate([:]).0).translated(to: "en", model: try #require(validate([:]).0).model)
        #expect(english.entry(EntryKey("proyectos", "p1"))?.title == "Uno")
        #expect(english.untranslatedBodies == [EntryKey("proyectos", "p1")])
    }

    @Test(arguments: [
        ("content/proyectos/p1.en.md", "---\ntitulo: One\nestado: activo\n---\n", "translation-field", 3),
        ("content/proyectos/p2.en.md", "---\ntitulo: Two\n---\n", "translation-orphan", 1),
        ("content/proyectos/p1.en.md", "---\ntitulo: One\nnote: x\n---\n", "field-unknown", 3),
        ("content/proyectos/p1.fr.md", "---\ntitulo: Un\n---\n", "id-invalid", 1),
    ])
    func brokenTranslationsAreReported(path: String, text: String, code: String, line: Int) {
        let (_, diagnostics) = validate([path: text])
        #expect(diagnostics.map(\.code) == [code], "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.location?.line == line)
        #expect(diagnostics.first?.location?.file == path)
    }

    @Test func theModelTranslationRenamesWhatReadersSee() throws {
        let base = try #require(ModelReader.read(Self.model).0)
        let (english, diagnostics) = ModelTranslation.apply(
            "title: Tee\ncollections:\n  proyectos:\n    title: Projects\n    fields:\n      estado: {label: Status, values: {activo: Active}}\n",
            language: "en", to: base)
        #expect(diagnostics.isEmpty)
        #expect(english.title == "Tee")
        #expect(english.language == "en")
        #expect(english.collection("proyectos")?.title == "Projects")
        #expect(english.collection("proyectos")?.field("estado")?.label == "Status")
        guard case .enumeration(let set)? = english.collection("proyectos")?.field("estado")?.type else {
            Issue.record("not an enum")
            return
        }
        #expect(set.value("activo")?.label == "Active")
        let (_, problems) = ModelTranslation.apply(
            "collections:\n  proyecto:\n    title: X\n", language: "en", to: base)
        #expect(problems.map(\.code) == ["translation-unknown"])
        #expect(problems.first?.hint == "did you mean `proyectos`?")
    }
}

/// A snapshot's title and source are translated one by one; what is left marks its language.
@Suite struct SnapshotTranslationTests {
    static func snapshots(_ item: String) -> String {
        "collections:\n  proyectos:\n    snapshots:\n      - \(item)\n"
    }

    @Test(
        arguments: [
            (Self.snapshots("{title: Matrix, source: Report}"), "Matrix", nil, "Report", nil),
            (Self.snapshots("{title: Matrix}"), "Matrix", nil, "Informe", "es"),
            (Self.snapshots("{source: Report}"), "Matriz", "es", "Report", nil),
            ("title: T\n", "Matriz", "es", "Informe", "es"),
        ] as [(String, String, String?, String, String?)])
    func eachPartKeepsItsOwnLanguage(
        yaml: String, title: String, titleLang: String?, source: String, sourceLang: String?
    )
        throws
    {
        let model = """
            title: T
            language: es
            collections:
              proyectos:
                status: estado
                snapshots:
                  - {date: 2022-04, title: Matriz, source: Informe, counts: {activo: 3}}
                fields:
                  title: string
                  estado: {type: enum, values: [activo]}
            """
        let base = try #require(ModelReader.read(model).0)
        let (english, _) = ModelTranslation.apply(yaml, language: "en", to: base)
        let snapshot = try #require(english.collection("proyectos")?.snapshots.first)
        #expect(snapshot.title == title)
        #expect(snapshot.lang == titleLang)
        #expect(snapshot.source == source)
        #expect(snapshot.sourceLang == sourceLang)
    }
}

/// Which files are translations (`<id>.<language>.md`), by their path alone.
@Suite struct TranslationNameTests {
    @Test(
        arguments: [
            ("content/proyectos/rcn-visa.en.md", "rcn-visa", "en"), ("content/proyectos/rcn-visa.md", nil, nil),
            ("content/a/b.EN.md", nil, nil), ("content/a/x.y.z.md", nil, nil), ("content/a/.en.md", nil, nil),
            ("content/a/b.eng.md", "b", "eng"), ("rcn.en.md", "rcn", "en"), ("content/a.en/c.md", nil, nil),
            ("content/a/b.english.md", nil, nil), ("content/a/b.en.txt", nil, nil), ("content/a/b.e.md", nil, nil),
        ] as [(String, String?, String?)])
    func aTranslationIsNamedIdDotLanguageDotMd(path: String, id: String?, language: String?) {
        let name = SiteResolver.translationName(path)
        #expect(name?.0 == id)
        #expect(name?.1 == language)
    }
}
