import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// The real Quito site in `content/`, tested only as what it is: published content that must
/// build clean and pass `check`, and that must keep saying honestly how much of the Strategy it
/// documents. What the tool does with a site is tested on `Tests/Fixtures/valid-site`.
@Suite struct QuitoSiteTests {
    static let result = Build.render(BuildOptions(root: Repository.root))

    /// No errors, and as warnings only what the office has yet to declare: the licence of the data
    /// and the site's real address (no source gives them, so none is invented). This build reads
    /// no git dates, so `git-unavailable` cannot arise.
    @Test func buildsWithOnlyTheWarningsOfWhatIsNotDeclaredYet() {
        #expect(
            Self.result.diagnostics.map(\.code) == Self.undeclared,
            "\(DiagnosticReport(Self.result.diagnostics).formatted(.text))")
        #expect(Self.result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(Self.result.diagnostics.last?.location?.description == "content/site.yaml:7:11")
        #expect(Self.result.exitCode == 0)
        #expect(Self.result.files.count > 0)
    }

    /// The warnings of a site whose licence and address are not declared yet.
    static let undeclared = ["license-missing", "base-url-placeholder"]

    /// `avance check` builds it into a temporary folder and follows every link of every page.
    @Test func passesCheck() throws {
        try #require(Repository.avance != nil, "build the avance product first")
        let (status, text) = try Repository.runAvance(["check", "--root", Repository.root])
        #expect(status == 0, "\(text)")
        #expect(!text.contains("error["), "\(text)")
        let warnings = text.components(separatedBy: "warning[").dropFirst().map { $0.prefix { $0 != "]" } }
        #expect(warnings.map(String.init) == Self.undeclared, "\(text)")
        #expect(text.contains(" links in "))
    }

    /// The office has not declared the terms of reuse of its data: the data page says so, in both
    /// languages, and no page claims a licence.
    @Test func theDataPageSaysTheTermsOfReuseAreNotDeclaredYet() throws {
        func page(_ path: String) throws -> String {
            let file = try #require(Self.result.files.first { $0.path == path }, "no \(path)")
            return String(decoding: file.bytes, as: UTF8.self)
        }
        #expect(
            try page("datos/index.html").contains(
                "Los términos en que se pueden reutilizar estos datos todavía no se han declarado."))
        #expect(
            try page("en/data/index.html").contains(
                "The terms under which these data may be reused have not been declared yet."))
        #expect(!(try page("index.html")).contains("rel=\"license\""))
    }

    /// Most of the Strategy's milestones, actions and projects are not documented yet: the
    /// indexes and the home page say how many are, out of how many, whatever staff add.
    @Test func pagesSayHowMuchOfTheStrategyIsDocumented() throws {
        let site = try #require(Self.result.site)
        func page(_ path: String) throws -> String {
            let file = try #require(Self.result.files.first { $0.path == path }, "no \(path)")
            return String(decoding: file.bytes, as: UTF8.self)
        }
        let home = try page("index.html")
        for collection in site.model.collections {
            guard let expected = collection.expected else { continue }
            let text = "\(site.entries(of: collection.name).count) de \(expected) entradas documentadas"
            #expect(home.contains(text), "\(collection.name): \(text)")
            #expect(try page(collection.folder + "/index.html").contains(text), "\(collection.name): \(text)")
        }
        #expect(site.model.collections.compactMap(\.expected) == [5, 16, 64, 63, 12])
    }
}
