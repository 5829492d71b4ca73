import AvanceKit
import Foundation
import TestSupport
import Testing

/// `avance serve` keeps validated entries and rendered bodies between builds: what it reuses
/// must never show in the output.
@Suite struct BuildCachesTests {
    /// Every file of `prepared`, by path.
    func files(_ prepared: PreparedSite?, paths: [String]) throws -> [String: [UInt8]] {
        let site = try #require(prepared)
        var files: [String: [UInt8]] = [:]
        for path in paths { files[path] = try site.file(at: path)?.get() }
        return files
    }

    @Test func unchangedFilesAreReusedAndTheResultIsTheSameAsAFreshBuild() throws {
        let root = try ValidSite.copy("caches")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var options = BuildOptions(root: root)
        options.caches = BuildCaches()
        let caches = try #require(options.caches)
        let entryCount = try #require(Build.prepare(options).0.site?.entries.values.joined().count)
        #expect(entryCount == 22)
        #expect(caches.entries.reused == 0)
        #expect(caches.bodies.reused == 0)

        // A save that changes one body and breaks a link in it.
        let file = root + "/content/proyectos/huertos-comunitarios.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\nVer [un socio](../socios/no-existe.md) y *algo nuevo*.\n").write(
            toFile: file, atomically: true, encoding: .utf8)
        let (broken, _) = Build.prepare(options)
        // Every other entry came from the cache, and every other body, in both languages (the
        // English page of the entry has a body of its own, unchanged).
        #expect(caches.sources.reused == broken.sources.count - 1)
        #expect(caches.entries.reused == entryCount - 1)
        #expect(caches.bodies.reused == 2 * entryCount - 1)
        let diagnostic = try #require(broken.diagnostics.first { $0.code == "link-broken" })
        #expect(diagnostic.location?.file == "content/proyectos/huertos-comunitarios.md")

        // Fixed: the same pages, byte for byte, as a build without caches.
        try (text + "\n*Algo nuevo*.\n").write(toFile: file, atomically: true, encoding: .utf8)
        let (fixed, prepared) = Build.prepare(options)
        #expect(!fixed.diagnostics.hasErrors)
        let fresh = Build.render(BuildOptions(root: root))
        #expect(
            try files(prepared, paths: fresh.files.map(\.path))
                == Dictionary(
                    fresh.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first }))
        let page = try #require(fresh.files.first { $0.path == "proyectos/huertos-comunitarios/index.html" })
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("<em>Algo nuevo</em>"))

        // A change of the model validates and renders everything again.
        let model = root + "/content/site.yaml"
        try (String(contentsOfFile: model, encoding: .utf8) + "\n# otro comentario\n").write(
            toFile: model, atomically: true, encoding: .utf8)
        _ = Build.prepare(options)
        #expect(caches.entries.reused == 0)
        #expect(caches.bodies.reused == 0)
    }
}
