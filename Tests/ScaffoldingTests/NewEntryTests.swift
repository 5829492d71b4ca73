import ContentModel
import Diagnostics
import Foundation
import Loading
import Scaffolding
import SiteData
import TestSupport
import Testing
import Validation

/// `avance new`: the file it writes, what the build says about it, and every refusal.
@Suite struct NewEntryTests {
    /// The build's validation of the site at `root`, limited to `file`.
    func validate(_ root: String, file: String) throws -> [Diagnostic] {
        let tree = ContentLoader(root: root).load()
        let (model, _) = ModelReader.read(try #require(TestSites.read(root, ModelReader.path)))
        let (_, diagnostics) = SiteResolver.resolve(tree, model: try #require(model))
        return diagnostics.filter { $0.location?.file == file }
    }

    @Test func aNewProjectValidatesAsWritten() throws {
        let root = try TestSites.quito("new-project")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "proyectos", id: "huertos-urbanos", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.isEmpty)
        #expect(result.path == "content/proyectos/huertos-urbanos.md")
        #expect(result.unfilled.isEmpty)
        let text = try #require(TestSites.read(root, "content/proyectos/huertos-urbanos.md"))
        #expect(text == result.text)
        #expect(text.contains("\ntitulo: Huertos urbanos\n"))
        #expect(text.contains("\nestado: no-iniciado\n"))
        // Every enum value is listed, with its label.
        #expect(text.contains("#   en-marcha: En marcha. El proyecto se está ejecutando."))
        // References list the ids that exist; optional fields are comments.
        #expect(text.contains("conquito, datil"))
        #expect(text.contains("\n# ejecutor:\n"))
        #expect(text.contains("#   - fecha: 2024-05-31\n#     estado: no-iniciado\n#     nota:\n"))
        #expect(try validate(root, file: "content/proyectos/huertos-urbanos.md").isEmpty)
    }

    @Test func aRequiredReferenceIsLeftForTheEditorAndTheBuildSaysSo() throws {
        let root = try TestSites.quito("new-milestone")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "hitos", id: "h01", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.unfilled.map(\.name) == ["eje"])
        let text = try #require(result.text)
        #expect(text.contains("\neje:\n"))
        #expect(text.contains("Existen: ambiente-sostenible-y-robusto, ciudad-compacta-e-integrada"))
        let diagnostics = try validate(root, file: "content/hitos/h01.md")
        let closing = text.split(separator: "\n", omittingEmptySubsequences: false).lastIndex(of: "---")! + 1
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "field-missing")
        #expect(diagnostics.first?.field == "eje")
        #expect(diagnostics.first?.location == SourceLocation(file: "content/hitos/h01.md", line: closing, column: 1))
        // Filling it in is all it takes.
        try TestSites.write(
            root, "content/hitos/h01.md",
            text.replacingOccurrences(of: "\neje:\n", with: "\neje: ciudad-compacta-e-integrada\n"))
        #expect(try validate(root, file: "content/hitos/h01.md").isEmpty)
    }

    @Test func avanceBuildReportsOnlyTheFieldsToFillIn() throws {
        try #require(TestSites.executable != nil, "build the avance product first")
        let root = try TestSites.quito("new-cli")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let created = try TestSites.run(["new", "proyectos", "huertos-urbanos", "--root", root])
        #expect(created.status == 0)
        #expect(created.err.contains("created content/proyectos/huertos-urbanos.md"))
        let clean = try TestSites.run(["build", "--root", root, "--output", root + "/out"])
        #expect(clean.status == 0, "\(clean.err)")
        #expect(!clean.err.contains("huertos-urbanos"))

        let milestone = try TestSites.run(["new", "hitos", "h01", "--root", root])
        #expect(milestone.status == 0)
        #expect(milestone.err.contains("fill in `eje` (Eje)"))
        let build = try TestSites.run(["build", "--root", root, "--output", root + "/out"])
        #expect(build.status == 1)
        #expect(build.err.contains("error[field-missing]: missing required field `eje` (Eje)"))
        #expect(build.err.contains("--> content/hitos/h01.md:"))
        #expect(build.err.contains("1 error"))
    }

    @Test func everyRequiredFieldGetsAValueOrIsLeftEmpty() throws {
        let root = try TestSites.make(
            "new-types",
            files: [
                "content/site.yaml": TestSites.everyType,
                "content/items/first.md":
                    "---\ntitle: First\nrank: 4\nweight: 1\nprogress: 5\nactive: true\nstarted: 2020\nstate: open\narea: north\nweb: https://example.org\nsummary: S\n---\n",
                "content/areas/north.md": "---\ntitle: North\n---\n",
            ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "items", id: "second-item", root: root, today: "2024-05-31", words: TestSites.words)
        let text = try #require(result.text)
        #expect(text.contains("\ntitle: Second item\n"))
        #expect(text.contains("\nrank: 5\n"))  // one more than the largest rank
        #expect(text.contains("\nweight: 0\n"))
        #expect(text.contains("\nprogress: 0\n"))
        #expect(text.contains("\nactive: false\n"))
        #expect(text.contains("\nstarted: 2024-05-31\n"))
        #expect(text.contains("\nstate: open\n"))
        #expect(text.contains("#   open: Open. Work goes on."))
        #expect(text.contains("# Item: a new entry."))  // the site's language is English
        #expect(result.unfilled.map(\.name) == ["area", "web", "summary"])
        let codes = try validate(root, file: "content/items/second-item.md").map { "\($0.code) \($0.field ?? "")" }
            .sorted()
        #expect(codes == ["field-missing area", "field-missing web", "field-missing summary"].sorted())
    }

    /// `avance new` in an English site writes the English comments of the site's theme (not of
    /// Swift: a theme that words them otherwise is obeyed), and a language the theme lacks gets
    /// the theme's English.
    @Test(arguments: ["en", "pt"])
    func newWritesTheThemesWordsOfTheSitesLanguage(language: String) throws {
        let model = TestSites.everyType.replacingOccurrences(of: "language: en", with: "language: \(language)")
        #expect(model.contains("language: \(language)\n"))
        let root = try TestSites.make(
            "new-words-\(language)",
            files: ["content/site.yaml": model, "content/areas/north.md": "---\ntitle: North\n---\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Repository.root + "/theme", toPath: root + "/theme")
        let english = root + "/theme/i18n/en.yaml"
        let words = try String(contentsOfFile: english, encoding: .utf8)
        let changed = words.replacingOccurrences(
            of: "Fill in the fields and delete the comments you do not need.", with: "Fill in what you know.")
        #expect(changed != words)
        try changed.write(toFile: english, atomically: true, encoding: .utf8)
        let (status, err) = try TestSites.run(["new", "items", "second", "--root", root])
        #expect(status == 0, "\(err)")
        let text = try #require(TestSites.read(root, "content/items/second.md"))
        #expect(text.contains("# Item: a new entry. Fill in what you know.\n"))
        #expect(text.contains("# Lines that start with # are comments: avance does not read them.\n"))
        #expect(text.contains("# state (required). Allowed values:\n"))
        #expect(text.contains("#   Existing: north\n"))
        #expect(!text.contains("obligatorio") && !text.contains("new."))
    }

    @Test(arguments: [
        ("Huertos Urbanos", "`Huertos Urbanos` is not a valid entry id", "such as `huertos-urbanos`"),
        ("gestión-de-riesgo", "`gestión-de-riesgo` is not a valid entry id", "such as `gestion-de-riesgo`"),
        ("-inicio", "`-inicio` is not a valid entry id", "such as `inicio`"),
        ("a--b", "`a--b` is not a valid entry id", "such as `a-b`"),
    ])
    func anInvalidIDIsRefusedWithTheIDToUse(id: String, message: String, hint: String) throws {
        let root = try TestSites.quito("new-bad-id")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "proyectos", id: id, root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.map(\.code) == ["argument-id-invalid"])
        #expect(result.diagnostics.first?.message == message)
        #expect(result.diagnostics.first?.hint?.hasSuffix(hint) == true)
        #expect(result.exitCode == 2)
        #expect(result.path == nil)
        #expect(!FileManager.default.fileExists(atPath: root + "/content/proyectos/\(id).md"))
    }

    @Test func anUnknownCollectionGetsADidYouMean() throws {
        let root = try TestSites.quito("new-bad-collection")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "proyecto", id: "x", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.map(\.code) == ["argument-collection-unknown"])
        #expect(result.diagnostics.first?.hint == "did you mean `proyectos`?")
        #expect(result.exitCode == 2)
        let far = NewEntry.create(collection: "zzz", id: "x", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(far.diagnostics.first?.hint?.hasPrefix("the collections are `ejes`, `hitos`") == true)
    }

    @Test func anExistingFileIsNeverReplaced() throws {
        let root = try TestSites.quito("new-exists")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = TestSites.read(root, "content/proyectos/rcn-visa.md")
        let result = NewEntry.create(
            collection: "proyectos", id: "rcn-visa", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.map(\.code) == ["argument-entry-exists"])
        #expect(
            result.diagnostics.first?.message
                == "`content/proyectos/rcn-visa.md` already exists: its title is "
                + "`Ciudades Resilientes Formando un Mundo Digital (RCN-Visa)`")
        #expect(result.exitCode == 2)
        #expect(TestSites.read(root, "content/proyectos/rcn-visa.md") == before)
    }

    @Test func aFolderWithoutASiteIsAnEnvironmentError() throws {
        let root = try TestSites.temporaryFolder("new-nothing")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(
            collection: "proyectos", id: "x", root: root, today: "2024-05-31", words: TestSites.words)
        #expect(result.diagnostics.map(\.code) == ["content-missing"])
        #expect(result.exitCode == 2)
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        #expect(
            NewEntry.create(collection: "x", id: "x", root: root, today: "", words: TestSites.words).diagnostics.map(
                \.code) == [
                    "model-missing"
                ])
    }

    @Test func aBrokenModelIsAContentError() throws {
        let root = try TestSites.make(
            "new-broken-model",
            files: ["content/site.yaml": "title: X\ncollections: {a: {fields: {x: {type: nope}}}}\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = NewEntry.create(collection: "a", id: "x", root: root, today: "", words: TestSites.words)
        #expect(result.diagnostics.map(\.code) == ["model-field-type-unknown"])
        #expect(result.exitCode == 1)
    }

    @Test func todayIsWrittenAsYearMonthDay() {
        let date = Date(timeIntervalSince1970: 1_717_000_000)  // 2024-05-29 or -30 depending on the zone
        #expect(NewEntry.today(date).hasPrefix("2024-05-"))
        #expect(NewEntry.today(date).count == 10)
    }
}
