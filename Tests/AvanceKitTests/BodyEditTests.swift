import AvanceKit
import Diagnostics
import Foundation
import TestSupport
import Testing

/// `avance serve` takes a save that changed only Markdown bodies into its last build
/// (`Build.updateBodies`) instead of building again: the site it serves then must be, file for
/// file, the site a whole build makes; any other save must be left to a whole build.
@Suite struct BodyEditTests {
    let root: String
    let options: BuildOptions

    init() throws {
        root = try ValidSite.copy("body-edit")
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
        self.options = options
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        #expect(try Repository.edit(root + "/" + path, change), "the edit of \(path) changes nothing")
    }

    @Test func anEditedBodyServesTheBytesOfAWholeBuild() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (first, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        #expect(!first.diagnostics.hasErrors)
        let before = try #require(site.file(at: "acciones/a01/index.html")).get()
        // `a01` has no English translation: its body shows on /en/ too, with English links.
        try edit("content/acciones/a01.md") {
            $0 + "\nUna línea nueva, con [un proyecto](../proyectos/parque-lineal.md).\n"
        }
        try edit("content/proyectos/parque-lineal.md") { $0 + "\nOtra línea, *nueva*.\n" }
        // A translation with a body of its own: its language's page only.
        try edit("content/proyectos/huertos-comunitarios.en.md") { $0 + "\nOne more line, in English.\n" }
        let changed: Set<String> = [
            "content/acciones/a01.md", "content/proyectos/parque-lineal.md",
            "content/proyectos/huertos-comunitarios.en.md",
        ]
        let (result, updated) = try #require(
            Build.updateBodies(first, site, changed: changed, options: options), "a body-only edit is taken")
        #expect(result.log.count == 1 && result.log[0].hasPrefix("update: 3 edited bodies"))
        let english = try #require(updated.file(at: "en/proyectos/huertos-comunitarios/index.html")).get()
        #expect(String(decoding: english, as: UTF8.self).contains("One more line, in English."))
        let page = String(decoding: try #require(updated.file(at: "acciones/a01/index.html")).get(), as: UTF8.self)
        #expect(page.contains("Una línea nueva"))
        #expect(try #require(site.file(at: "acciones/a01/index.html")).get() == before, "the last site is unchanged")

        // Every file a whole build makes: every page in every language, the open data, the search index.
        let whole = Build.render(options)
        #expect(result.diagnostics == whole.diagnostics)
        #expect(result.sources == whole.sources)
        #expect(whole.files.count > 300)
        for file in whole.files {
            let served = try #require(updated.file(at: file.path), "\(file.path)").get()
            let same = served == file.bytes
            #expect(same, "\(file.path) differs from a whole build's")
        }
    }

    /// A save that changes anything but a body, or gives a body a problem, is a whole build's
    /// to read and report.
    static let otherEdits: [String: (path: String, change: @Sendable (String) -> String)] = [
        "front matter": (
            "content/acciones/a01.md", { $0.replacingOccurrences(of: "titulo: ", with: "titulo: Otro, ") }
        ),
        "a broken link": ("content/acciones/a01.md", { $0 + "\n[roto](../proyectos/nada.md)\n" }),
        "a new heading": ("content/acciones/a01.md", { $0 + "\n## Un título nuevo\n" }),
        "a missing anchor": ("content/acciones/a01.md", { $0 + "\n[aquí](#no-existe)\n" }),
        "a bidi control": ("content/acciones/a01.md", { $0 + "\nabc\u{202E}def\n" }),
        "a translation's front matter": (
            "content/proyectos/huertos-comunitarios.en.md",
            { $0.replacingOccurrences(of: "titulo: ", with: "titulo: Our ") }
        ),
        "a translation's body emptied": (
            "content/proyectos/huertos-comunitarios.en.md",
            { $0.components(separatedBy: "---\n").prefix(2).joined(separator: "---\n") + "---\n\n" }
        ),
        "the model": ("content/site.yaml", { $0 + "\n# un comentario\n" }),
    ]

    @Test(arguments: otherEdits.keys.sorted())
    func anythingElseIsLeftToAWholeBuild(what: String) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (path, change) = try #require(Self.otherEdits[what])
        let (first, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        try edit(path, change)
        #expect(Build.updateBodies(first, site, changed: [path], options: options) == nil, "\(what)")
    }
}
