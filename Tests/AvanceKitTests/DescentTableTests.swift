import AvanceKit
import Foundation
import TestSupport
import Testing

@testable import SiteData

/// The descent table a whole build makes (`DescentTable.numbered`: the site's entries numbered,
/// walked on every core) holds what each entry's own walk finds (`Site.computedDescent(of:)`,
/// what `avance serve` finds for an entry after an edit), on real sites.
@Suite struct DescentTableTests {
    @Test(arguments: ["valid-site", "pmdot-site", "quito"])
    func theNumberedWalkGivesWhatEachEntryFindsAlone(name: String) throws {
        let root = name == "quito" ? Repository.root : Repository.fixtures + "/" + name
        var options = BuildOptions(root: root)
        options.gitHistory = false
        // The site as validated (the fixtures have no theme of their own: not needed here).
        let site = try #require(Build.prepare(options).0.site)
        let numbered = DescentTable.numbered(site)
        #expect(numbered.count > 5, "\(name): \(numbered.count) entries with something below")
        #expect(numbered.values.contains { !$0.isEmpty }, "\(name): a roll-up")
        #expect(numbered == DescentTable.oneByOne(site), "\(name)")
    }
}
