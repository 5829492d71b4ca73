import TestSupport
import Testing

@testable import AvanceKit

/// `avance serve` renders each page when it is asked for: the same bytes as a whole build.
@Suite struct PreparedSiteTests {
    @Test func everyFileRenderedOnRequestIsTheFileABuildMakes() throws {
        let options = ValidSite.options()
        let built = ValidSite.rendered
        let (result, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        #expect(!result.diagnostics.hasErrors)
        // With each language's search index (97 files), the theme's favicon and Open Graph image (3),
        // the reporting periods (12 pages, 8 JSON documents and a CSV), the 42 documents of
        // /api/v2/ beside /api/v1/, the two CSVs of the goal `agua-segura`'s indicator and the values
        // page of each grouping (8 in each language).
        #expect(built.files.count == 355)
        // Pages, in every language, are listed before anything is rendered.
        #expect(result.paths == built.files.map(\.path).filter { $0.hasSuffix(".html") }.sorted())
        for file in built.files {
            #expect(site.contains(file.path), "\(file.path)")
            let served = try #require(site.file(at: file.path), "\(file.path)")
            #expect(try served.get() == file.bytes, "\(file.path)")
        }
        for path in ["proyectos/nada/index.html", "index.htm", "../content/site.yaml", ""] {
            #expect(!site.contains(path))
            #expect((site.file(at: path)).map { _ in true } == nil)
        }
    }
}

/// A whole build makes each entry's search records with its open data documents, a batch at a
/// time (`SearchIndexPass`): the same files as each language's index made whole.
@Suite struct SearchIndexPassTests {
    @Test(arguments: [1, 5, 512])
    func theIndexMadeWithTheDocumentsIsTheIndexMadeWhole(batchSize: Int) throws {
        let (_, prepared) = Build.prepare(ValidSite.options())
        let site = try #require(prepared)
        var made: [String: [UInt8]] = [:]
        site.dataFiles(pages: site.pagePaths, batchSize: batchSize) { batch in
            for file in batch { made[file.path] = file.bytes }
        }
        var whole: [String: [UInt8]] = [:]
        for (builder, folder) in site.searchBuilders {
            for file in builder.render(folder: folder) { whole[file.path] = file.bytes }
        }
        // Both languages: a manifest, the shards and 22 entries each.
        #expect(whole.count == 97)
        #expect(Set(site.searchFolders) == ["search-index/", "en/search-index/"])
        let searched = made.filter { file in site.searchFolders.contains { file.key.hasPrefix($0) } }
        #expect(searched.keys.sorted() == whole.keys.sorted())
        for (path, bytes) in whole { #expect(searched[path] == bytes, "\(path)") }
    }
}
