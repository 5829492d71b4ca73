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

    /// No errors and no warnings (this build reads no git dates, so `git-unavailable` cannot arise).
    @Test func buildsClean() {
        #expect(Self.result.diagnostics.isEmpty, "\(DiagnosticReport(Self.result.diagnostics).formatted(.text))")
        #expect(Self.result.exitCode == 0)
        #expect(Self.result.files.count > 0)
    }

    /// `avance check` builds it into a temporary folder and follows every link of every page.
    @Test func passesCheck() throws {
        try #require(Repository.avance != nil, "build the avance product first")
        let (status, text) = try Repository.runAvance(["check", "--root", Repository.root])
        #expect(status == 0, "\(text)")
        #expect(!text.contains("error["), "\(text)")
        #expect(!text.contains("warning["), "\(text)")
        #expect(text.contains(" links in "))
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
