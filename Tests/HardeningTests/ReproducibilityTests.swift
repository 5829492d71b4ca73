import AvanceKit
import Foundation
import Loading
import TestSupport
import Testing

/// The output depends on the content only: not on the order the file system lists files in,
/// nor on where the site lives. (`make reproducible-check` also varies the number of cores,
/// the time zone and the locale, on disk, with `taskset`.)
@Suite struct ReproducibilityTests {
    /// The test site (`Tests/Fixtures/valid-site`) and the theme held in memory, listed in an
    /// order chosen by `order`.
    static func site(root: String, order: @escaping @Sendable ([String]) -> [String]) -> BuildOptions {
        var files: [String: [UInt8]] = [:]
        for (folder, site) in [("content", ValidSite.root), ("theme", Repository.root)] {
            for (path, data) in Repository.snapshot(site + "/" + folder) {
                files[root + "/" + folder + "/" + path] = [UInt8](data)
            }
        }
        let memory = FileSystem.memory(files: files)
        var options = BuildOptions(root: root)
        options.fileSystem = FileSystem(
            list: { folder in
                let entries = try memory.list(folder)
                let names = order(entries.map(\.name))
                return names.compactMap { name in entries.first { $0.name == name } }
            }, read: memory.read, resolve: memory.resolve, size: memory.size)
        return options
    }

    @Test func theOrderOfFilesOnDiskDoesNotChangeTheOutput() throws {
        let sorted = Build.render(Self.site(root: "/site") { $0.sorted() })
        let reversed = Build.render(Self.site(root: "/site") { $0.sorted().reversed() })
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        let shuffled = Build.render(
            Self.site(root: "/site") { names in
                var random = SplitMix(seed: seed)
                return names.shuffled(using: &random)
            })
        #expect(!sorted.diagnostics.hasErrors)
        // With each language's search index (97 files), the theme's favicon and Open Graph image (3),
        // the 42 documents of /api/v2/ beside /api/v1/, the two CSVs of the test site's indicator and
        // the values page of each grouping (8 in each language).
        #expect(sorted.files.count == 334)
        #expect(sorted.files == reversed.files)
        #expect(sorted.files == shuffled.files, "shuffled with seed \(seed)")
    }

    @Test func whereTheSiteLivesDoesNotChangeTheOutput() throws {
        let here = Build.render(Self.site(root: "/site") { $0 })
        let there = Build.render(Self.site(root: "/srv/otro lugar/sitio") { $0 })
        #expect(here.files == there.files)
    }
}

/// A small seeded generator, so that a failing order can be replayed from its seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
