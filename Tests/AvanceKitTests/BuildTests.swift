import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

@Suite struct BuildTests {
    @Test func aSecondSiteWithAnotherModelBuildsWithTheSameCode() throws {
        let result = Build.render(
            BuildOptions(root: Repository.fixtures + "/pmdot-site").with(themeRoot: Repository.root))
        // Only what a public release still needs: this fixture declares no licence, and its
        // address is a placeholder.
        #expect(
            result.diagnostics.map(\.code) == ["license-missing", "base-url-placeholder"],
            "\(DiagnosticReport(result.diagnostics).formatted(.text))")
        let site = try #require(result.site)
        #expect(site.model.collections.map(\.name) == ["drivers", "perspectives", "objectives"])
        #expect(site.entries(of: "drivers").count == 6)
        #expect(site.entries(of: "perspectives").count == 3)
        let paths = Set(result.files.map(\.path))
        #expect(paths.contains("strategic-objectives/index.html"))
        #expect(paths.contains("drivers/social/index.html"))
        // Cause–effect links between objectives show in both directions.
        let objective = try #require(
            site.entries(of: "objectives").first { !($0.fields["causes"]?.referencedIDs ?? []).isEmpty })
        let cause = try #require(objective.fields["causes"]?.referencedIDs.first)
        let causePage = try #require(result.files.first { $0.path == "strategic-objectives/\(cause)/index.html" })
        #expect(
            String(decoding: causePage.bytes, as: UTF8.self).contains("../\(objective.id)/"))
    }

    @Test func twoBuildsOfTheSameInputAreByteIdentical() throws {
        let first = Build.render(ValidSite.options())
        let second = Build.render(ValidSite.options())
        #expect(first.files.map(\.path) == second.files.map(\.path))
        #expect(first.files == second.files)
    }

    @Test func theFilesWrittenWhileRenderingAreExactlyTheFilesRenderedInMemory() throws {
        let output = try Repository.temporaryFolder("streamed") + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let built = Build.build(ValidSite.options(output: output))
        #expect(built.wrote)
        #expect(built.files.isEmpty)  // streamed to disk, not kept
        let rendered = ValidSite.rendered
        #expect(built.paths == rendered.files.map(\.path))
        var written = Repository.snapshot(output)
        #expect(written.removeValue(forKey: ".avance-output") != nil)
        #expect(written == Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, Data($0.bytes)) }))
    }

    @Test func aBuildOfAMissingSiteMakesNoFolder() {
        let root = "/tmp/avance-missing-\(UUID())"
        let result = Build.build(BuildOptions(root: root))
        #expect(result.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test func aTypoInAReferenceFailsTheBuildAndLeavesThePreviousSiteUntouched() throws {
        let root = try ValidSite.copy("typo")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let options = BuildOptions(root: root)
        let first = Build.build(options)
        #expect(first.wrote)
        let before = Repository.snapshot(root + "/public")
        #expect(before.count == first.paths.count + 1)  // and the marker

        let file = root + "/content/proyectos/huertos-comunitarios.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "ejecutor: municipio-de-ejemplo", with: "ejecutor: municipio-de-ejempo")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let second = Build.build(options)
        #expect(!second.wrote)
        #expect(second.exitCode == 1)
        let error = try #require(second.diagnostics.first { $0.severity == .error })
        #expect(error.code == "ref-unknown")
        #expect(error.location?.file == "content/proyectos/huertos-comunitarios.md")
        #expect(error.location?.line == 6)
        #expect(error.hint == "did you mean `municipio-de-ejemplo`?")
        #expect(Repository.snapshot(root + "/public") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["content", "public", "theme"])
    }

    @Test func exitCodesSeparateContentFromEnvironment() throws {
        let missing = Build.build(BuildOptions(root: "/nonexistent-avance-site"))
        #expect(missing.exitCode == 2)
        #expect(missing.diagnostics.map(\.code) == ["content-missing"])
        let unsafe = Build.build(ValidSite.options(output: ValidSite.root + "/content"))
        #expect(unsafe.exitCode == 2)
        #expect(unsafe.diagnostics.map(\.code) == ["output-unsafe"])
    }

    @Test func aBrokenModelStillReportsBrokenFilesInTheSameRun() throws {
        let root = try ValidSite.copy("broken-model")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let model = root + "/content/site.yaml"
        let text = try String(contentsOfFile: model, encoding: .utf8)
        let orden = try #require(text.range(of: "      orden: {type: int"))
        try text.replacingCharacters(in: orden, with: "      orden: {type: entero")
            .write(toFile: model, atomically: true, encoding: .utf8)
        try "titulo: Sin delimitadores\n".write(
            toFile: root + "/content/proyectos/sin-front-matter.md", atomically: true, encoding: .utf8)
        try "---\ntitulo: [Sin cerrar\n---\n".write(
            toFile: root + "/content/socios/yaml-roto.md", atomically: true, encoding: .utf8)
        let result = Build.render(BuildOptions(root: root))
        let found = result.diagnostics.map { "\($0.code) \($0.location?.file ?? "")" }.sorted()
        #expect(
            found == [
                "front-matter-missing content/proyectos/sin-front-matter.md",
                "model-field-type-unknown content/site.yaml",
                "yaml-syntax content/socios/yaml-roto.md",
            ])
        #expect(result.exitCode == 1)
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let root = try ValidSite.copy("strict")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try ValidSite.agreeingStatuses(in: root)
        try Data([0x89, 0x50]).write(to: URL(fileURLWithPath: root + "/content/socios/logo.png"))
        let lenient = Build.render(BuildOptions(root: root))
        #expect(lenient.diagnostics.map(\.code) == ["base-url-placeholder", "file-ignored"])
        #expect(lenient.exitCode == 0)
        let strict = Build.render(BuildOptions(root: root, strict: true))
        #expect(strict.exitCode == 1)
    }
}

extension BuildOptions {
    func with(themeRoot: String) -> BuildOptions {
        var options = self
        options.themeRoot = themeRoot
        return options
    }
}
