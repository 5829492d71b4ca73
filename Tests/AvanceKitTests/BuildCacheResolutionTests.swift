import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// The build cache's resolution (`.avance/cache/resolution`): after an edit of bodies alone, the
/// site is made from the last build's placing, order and diagnostics, and the stored entries,
/// and is the site a build without the cache makes; anything it cannot vouch for is resolved
/// whole again.
@Suite struct BuildCacheResolutionTests {
    typealias Site = BuildCacheTests.Site

    /// Whether the build made its site from the last build's resolution.
    func resolvedAsBefore(_ result: BuildResult) -> Bool {
        result.log.contains { $0.hasPrefix("validate:") && $0.contains("placed and ordered as the last build's") }
    }

    /// A build of the site without the cache, at the same date: what every build must report.
    func clean(_ site: Site) -> BuildResult {
        Build.prepare(site.options(cache: false)).0
    }

    @Test func aBodyEditIsResolvedAsTheLastBuildWasAndMakesTheSameSite() throws {
        // Not quiet: the fixture warns about some files, and those warnings must still be
        // reported, with their lines quoted, though the files are not read.
        let site = try Site("resolution")
        defer { site.remove() }
        let first = try site.build()
        #expect(!resolvedAsBefore(first))
        #expect(!first.diagnostics.isEmpty)
        let named = Set(first.diagnostics.compactMap { $0.location?.file })
        let path = try #require(
            ["content/metas/agua-segura.md", "content/metas/aire-limpio.md", "content/acciones/a01.md"].first {
                !named.contains($0)
            })
        // An entry's body, then a translation's body.
        for (file, line) in [
            (path, "Una línea *nueva*."), ("content/proyectos/huertos-comunitarios.en.md", "A new line."),
        ] {
            try site.edit(file) { $0 + "\n\(line)\n" }
            let result = try site.build()
            #expect(resolvedAsBefore(result), "\(file): \(result.log)")
            try site.expectSameAsClean(baseURL: nil, "\(file)")
            let expected = clean(site)
            #expect(result.diagnostics == expected.diagnostics, "\(file)")
            for name in named where name.hasPrefix("content/") {
                #expect(result.sources[name] == expected.sources[name], "\(name) quoted after the edit of \(file)")
            }
            // The entries in the same order as a whole resolve puts them.
            let order = try #require(result.site).entries.mapValues { $0.map(\.file) }
            #expect(order == (try #require(expected.site)).entries.mapValues { $0.map(\.file) })
        }
        // A field: everything is resolved again, and the next body edit takes that resolution.
        try site.edit(path) { $0.replacingOccurrences(of: "\ntitulo: ", with: "\ntitulo: Otra, ") }
        #expect(!resolvedAsBefore(try site.build()))
        try site.expectSameAsClean()
        try site.edit(path) { $0 + "\nY otra.\n" }
        #expect(resolvedAsBefore(try site.build()))
        try site.expectSameAsClean()
    }

    @Test func aBrokenLinkInTheEditedBodyIsReportedAsAWholeBuildReportsIt() throws {
        // The Markdown stage finds it, not the resolver: the resolution still holds.
        let site = try Site("resolution-link")
        defer { site.remove() }
        try site.build()
        let path = "content/metas/agua-segura.md"
        try site.edit(path) { $0 + "\nVer [la nada](../metas/no-existe.md).\n" }
        let result = Build.build(site.options())
        #expect(resolvedAsBefore(result))
        #expect(result.diagnostics == clean(site).diagnostics)
        #expect(result.diagnostics.contains { $0.code == "link-broken" && $0.location?.file == path })
        #expect(!result.wrote)
    }

    @Test(arguments: [
        "a body with a problem", "a body that is not UTF-8", "a file the last build warned about",
        "a resolution damaged", "a resolution gone", "a manifest without one",
    ])
    func whatTheResolutionCannotVouchForIsResolvedWhole(what: String) throws {
        let site = try Site("resolution-" + what.replacingOccurrences(of: " ", with: "-"))
        defer { site.remove() }
        var path = "content/metas/agua-segura.md"
        if what == "a file the last build warned about" {
            // The fixture's project whose status disagrees with its history (a warning at its
            // front matter), given a body to edit.
            path = "content/proyectos/portal-de-datos.md"
            try site.edit(path) { $0 + "Un cuerpo.\n" }
        }
        let first = try site.build()
        let resolution = site.cache + "/resolution"
        #expect(FileManager.default.fileExists(atPath: resolution))
        let original = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        // The two cases whose build fails: the file's problem reported as a whole build does.
        let failing = what.hasPrefix("a body")
        switch what {
        case "a body with a problem":
            // A bidi control that turns the text around: a problem of the file's validation.
            try site.edit(path) { $0 + "\nUn texto \u{202E}al revés.\n" }
        case "a body that is not UTF-8":
            // The changed file cannot be read as text: the few files read for the resolution
            // fail, and every file is read again to say so.
            let file = try FileHandle(forWritingTo: URL(fileURLWithPath: site.root + "/" + path))
            try file.seekToEnd()
            try file.write(contentsOf: Data([0x0A, 0x4F, 0x74, 0x72, 0x61, 0x20, 0xFF, 0xFE, 0x0A]))
            try file.close()
        case "a file the last build warned about":
            #expect(first.diagnostics.contains { $0.location?.file == path })
            try site.edit(path) { $0 + "\nOtra línea.\n" }
        case "a resolution damaged":
            var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: resolution)))
            bytes[bytes.count / 2] ^= 0x5a
            try Data(bytes).write(to: URL(fileURLWithPath: resolution))
            try site.edit(path) { $0 + "\nOtra línea.\n" }
        case "a resolution gone":
            try FileManager.default.removeItem(atPath: resolution)
            try site.edit(path) { $0 + "\nOtra línea.\n" }
        default:
            // The manifest names no resolution (a cache saved by a build that made none).
            let manifest = site.cache + "/manifest"
            var text = try String(contentsOfFile: manifest, encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("resolution\t") })
            text = text.replacingOccurrences(of: line, with: "resolution\t-")
            // The manifest's last line is the hash of the rest: a manifest changed otherwise is
            // not read at all.
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while lines.last == "" { lines.removeLast() }
            lines.removeLast()
            let body = lines.joined(separator: "\n")
            try (body + "\nend " + BuildCache.hash(Array(body.utf8)) + "\n").write(
                toFile: manifest, atomically: true, encoding: .utf8)
            try site.edit(path) { $0 + "\nOtra línea.\n" }
        }
        let result = Build.build(site.options())
        #expect(!resolvedAsBefore(result), "\(result.log)")
        #expect(result.log.contains { $0.hasPrefix("cache: only the body of") }, "the plan is still a body's")
        let expected = clean(site)
        #expect(result.diagnostics == expected.diagnostics)
        if what == "a body with a problem" {
            #expect(result.diagnostics.contains { $0.location?.file == path && $0.code.hasPrefix("bidi") })
        } else if what == "a body that is not UTF-8" {
            #expect(result.diagnostics.contains { $0.location?.file == path && $0.severity == .error })
            #expect(!result.wrote)
        } else {
            #expect(result.wrote)
            try site.expectSameAsClean()
        }
        if what != "a file the last build warned about" {
            // The next body edit takes the resolution this build saved (the last one made none:
            // it failed, and its cache is the first build's).
            if failing {
                try (original + "\nY otra más.\n").write(
                    toFile: site.root + "/" + path, atomically: true, encoding: .utf8)
            } else {
                try site.edit(path) { $0 + "\nY otra más.\n" }
            }
            #expect(resolvedAsBefore(try site.build()))
            try site.expectSameAsClean()
        }
    }
}
