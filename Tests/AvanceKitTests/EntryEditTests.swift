import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// `avance serve` takes a save that changed the fields of entries' own files into its last
/// build (`Build.updateEntries`) instead of resolving the whole site again: the site it serves
/// then must be, file for file, the site a whole build makes, wherever the edit moves the
/// entry (its place in order, its groups, the backlinks of the entries it names, the late
/// list); any other save must be left to a whole build.
@Suite struct EntryEditTests {
    let root: String
    let options: BuildOptions

    init() throws {
        root = try ValidSite.copy("entry-edit")
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
        self.options = options
    }

    typealias Edit = (path: String, change: @Sendable (String) -> String)

    /// Saves that the last build takes, each with the files it edits.
    static let takenEdits: [String: [Edit]] = [
        "a title that moves a partner in order": [
            (
                "content/socios/cooperativa-luz.md",
                { $0.replacingOccurrences(of: "titulo: Cooperativa Luz", with: "titulo: Zeta Cooperativa") }
            )
        ],
        "a title that keeps its place: the label of the groups of the projects it executes": [
            (
                "content/socios/municipio-de-ejemplo.md",
                {
                    $0.replacingOccurrences(
                        of: "titulo: Municipio de Villa Ejemplo", with: "titulo: Municipio de Villa Ejemplo (MVE)")
                }
            )
        ],
        "a start date that moves a project in order": [
            (
                "content/proyectos/parque-lineal.md",
                { $0.replacingOccurrences(of: "inicio: 2021-09", with: "inicio: 2019-01") }
            )
        ],
        "a status": [
            ("content/acciones/a01.md", { $0.replacingOccurrences(of: "estado: en-curso", with: "estado: cumplida") })
        ],
        "references: a new partner, new backlinks and a new group": [
            (
                "content/proyectos/parque-lineal.md",
                {
                    $0.replacingOccurrences(
                        of: "socios: [municipio-de-ejemplo]", with: "socios: [municipio-de-ejemplo, cooperativa-luz]")
                }
            )
        ],
        "references taken out: backlinks and a group gone": [
            (
                "content/proyectos/parque-lineal.md",
                {
                    $0.replacingOccurrences(of: "socios: [municipio-de-ejemplo]\n", with: "")
                        .replacingOccurrences(of: "ejecutor: empresa-de-aguas", with: "ejecutor: cooperativa-luz")
                }
            )
        ],
        "a planned end that is no longer late": [
            (
                "content/proyectos/parque-lineal.md",
                { $0.replacingOccurrences(of: "fin_previsto: 2022-12", with: "fin_previsto: 2040-12") }
            )
        ],
        "a text field with a link, in a translated entry": [
            (
                "content/proyectos/huertos-comunitarios.md",
                { $0.replacingOccurrences(of: "y *los vecinos*", with: "y [el parque](../proyectos/parque-lineal.md)") }
            ),
            (
                "content/proyectos/huertos-comunitarios.md",
                { $0.replacingOccurrences(of: "avance: 40", with: "avance: 45") }
            ),
        ],
        "two files, fields and body": [
            (
                "content/acciones/a01.md",
                {
                    $0.replacingOccurrences(of: "titulo: Recuperar", with: "titulo: Cuidar y recuperar")
                        + "\nUna línea más.\n"
                }
            ),
            (
                "content/socios/fundacion-semilla.md",
                { $0.replacingOccurrences(of: "tipo: sociedad-civil", with: "tipo: academia") }
            ),
        ],
    ]

    @Test(arguments: takenEdits.keys.sorted())
    func anEditedEntryServesTheBytesOfAWholeBuild(what: String) throws {
        try servesTheBytesOfAWholeBuild(what, descentTable: false)
    }

    /// The same with the site's descent table made before the edit, as a whole build makes it:
    /// the table is made again where the edit changes it.
    @Test(arguments: takenEdits.keys.sorted())
    func anEditedEntryWithItsDescentTableServesTheBytesOfAWholeBuild(what: String) throws {
        try servesTheBytesOfAWholeBuild(what, descentTable: true)
    }

    func servesTheBytesOfAWholeBuild(_ what: String, descentTable: Bool) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let edits = try #require(Self.takenEdits[what])
        let (first, prepared) = Build.prepare(options)
        let made = try #require(prepared)
        let site = descentTable ? made.withDescentTable() : made
        #expect((site.site.descentTable != nil) == descentTable)
        #expect(!first.diagnostics.hasErrors)
        _ = site.file(at: "index.html")  // the pages' index is made, as by serve's first request
        for (path, change) in edits {
            #expect(try Repository.edit(root + "/" + path, change), "\(what): the edit of \(path) changes nothing")
        }
        let changed = Set(edits.map(\.path))
        #expect(Build.updateBodies(first, site, changed: changed, options: options) == nil, "fields changed")
        let (result, updated) = try #require(
            Build.updateEntries(first, site, changed: changed, options: options), "\(what) is taken")
        #expect((updated.site.descentTable != nil) == descentTable)
        #expect(updated.renderers.allSatisfy { ($0.site.descentTable != nil) == descentTable })
        #expect(result.log.count == 1 && result.log[0].hasPrefix("update: \(changed.count) edited entries"))

        // Every file a whole build makes: every page in every language, the open data, the search index.
        let whole = Build.render(options)
        #expect(!whole.diagnostics.hasErrors)
        #expect(result.diagnostics == whole.diagnostics)
        #expect(result.sources == whole.sources)
        #expect(whole.files.count > 300)
        var differing: [String] = []
        for file in whole.files {
            guard let served = try updated.file(at: file.path)?.get(), served == file.bytes else {
                differing.append(file.path)
                continue
            }
        }
        #expect(differing.isEmpty, "\(what): differs from a whole build's: \(differing.prefix(8))")
        let pages = Set(whole.paths)
        for path in pages where path.hasSuffix(".html") { #expect(updated.contains(path), "\(path) is served") }
    }

    /// A save that a whole build must read and report.
    static let otherEdits: [String: Edit] = [
        "an unknown reference": (
            "content/proyectos/parque-lineal.md",
            { $0.replacingOccurrences(of: "socios: [municipio-de-ejemplo]", with: "socios: [nadie]") }
        ),
        "a reference to another collection": (
            "content/proyectos/parque-lineal.md",
            { $0.replacingOccurrences(of: "ejecutor: empresa-de-aguas", with: "ejecutor: a01") }
        ),
        "a value not in the list": (
            "content/proyectos/parque-lineal.md",
            { $0.replacingOccurrences(of: "estado: en-marcha\neje", with: "estado: terminado\neje") }
        ),
        "a status the history disagrees with (a warning)": (
            "content/proyectos/parque-lineal.md",
            { $0.replacingOccurrences(of: "estado: en-marcha\neje", with: "estado: finalizado\neje") }
        ),
        "a field the model lacks": (
            "content/acciones/a01.md", { $0.replacingOccurrences(of: "orden: 1", with: "orden: 1\ncolor: rojo") }
        ),
        "a field and a new heading": (
            "content/acciones/a01.md",
            { $0.replacingOccurrences(of: "orden: 1", with: "orden: 7") + "\n## Un título nuevo\n" }
        ),
        "a field and a broken link": (
            "content/acciones/a01.md",
            { $0.replacingOccurrences(of: "orden: 1", with: "orden: 7") + "\n[roto](../proyectos/nada.md)\n" }
        ),
        "a translation's front matter": (
            "content/proyectos/huertos-comunitarios.en.md",
            { $0.replacingOccurrences(of: "titulo: ", with: "titulo: Our ") }
        ),
        "the model": ("content/site.yaml", { $0 + "\n# un comentario\n" }),
        "the English model": ("content/site.en.yaml", { $0 + "\n# a comment\n" }),
    ]

    /// An edit that adds a page (a group of a value no entry had) where the theme has a static
    /// file is left to a whole build, which reports the conflict.
    @Test func aNewPageOnAThemeFileIsLeftToAWholeBuild() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let folder = root + "/theme/static/proyectos/socios/cooperativa-luz"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "<p>static</p>".write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        let (first, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        #expect(!first.diagnostics.hasErrors)
        let path = "content/proyectos/parque-lineal.md"
        #expect(
            try Repository.edit(root + "/" + path) {
                $0.replacingOccurrences(
                    of: "socios: [municipio-de-ejemplo]", with: "socios: [municipio-de-ejemplo, cooperativa-luz]")
            })
        #expect(Build.updateEntries(first, site, changed: [path], options: options) == nil)
        #expect(Build.render(options).diagnostics.contains { $0.code == "output-conflict" })
    }

    @Test(arguments: otherEdits.keys.sorted())
    func anythingElseIsLeftToAWholeBuild(what: String) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (path, change) = try #require(Self.otherEdits[what])
        let (first, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        #expect(try Repository.edit(root + "/" + path, change), "the edit of \(path) changes nothing")
        #expect(Build.updateEntries(first, site, changed: [path], options: options) == nil, "\(what)")
    }

    /// Both ways of taking a save into the last build (`Build.updateBodies`, `Build.updateEntries`)
    /// leave a new or removed file, a file outside `content/` and a last build with errors to a
    /// whole build, and take the same save from a last build without errors.
    @Test(arguments: ["bodies", "fields"])
    func aNewOrRemovedFileOrALastBuildWithErrorsIsLeftToAWholeBuild(kind: String) throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let update = kind == "bodies" ? Build.updateBodies : Build.updateEntries
        let (first, prepared) = Build.prepare(options)
        let site = try #require(prepared)
        try "---\ntitulo: Nueva\neje: ambiente\nestado: planificada\n---\nTexto.\n".write(
            toFile: root + "/content/acciones/a09.md", atomically: true, encoding: .utf8)
        #expect(update(first, site, ["content/acciones/a09.md"], options) == nil)
        try FileManager.default.removeItem(atPath: root + "/content/acciones/a02.md")
        #expect(update(first, site, ["content/acciones/a02.md"], options) == nil)
        #expect(update(first, site, [], options) == nil)
        // A file replaced by a link to a file outside the content folder is not read.
        try "---\ntitulo: x\neje: ambiente\n---\n".write(toFile: root + "/fuera.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/content/acciones/a03.md")
        try FileManager.default.createSymbolicLink(
            atPath: root + "/content/acciones/a03.md", withDestinationPath: root + "/fuera.md")
        #expect(update(first, site, ["content/acciones/a03.md"], options) == nil)
        // A last build with errors: its site is not the whole site.
        var failed = first
        failed.diagnostics.append(.error("ref-unknown", Message("ref-unknown", ["id": "x", "collection": "ejes"])))
        try Repository.edit(root + "/content/acciones/a01.md") {
            kind == "bodies" ? $0 + "\nUna línea.\n" : $0.replacingOccurrences(of: "orden: 1", with: "orden: 7")
        }
        #expect(update(failed, site, ["content/acciones/a01.md"], options) == nil)
        #expect(update(first, site, ["content/acciones/a01.md"], options) != nil)
    }
}

/// Which paths of a save `avance serve` looks at (`Build.relevantChanges`).
@Suite struct RelevantChangesTests {
    @Test func aFileMadeAndGoneWithinTheSaveOrReadAsBeforeIsLeftOutAndAnyOtherKept() throws {
        let root = try ValidSite.copy("relevant-changes")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "ignorada".write(toFile: root + "/content/acciones/nota.txt", atomically: true, encoding: .utf8)
        let options = BuildOptions(root: root)
        let (first, _) = Build.prepare(options)
        #expect(first.diagnostics.contains { $0.code == "file-ignored" })
        try FileManager.default.removeItem(atPath: root + "/content/acciones/nota.txt")
        try FileManager.default.removeItem(atPath: root + "/content/acciones/a02.md")
        try "---\ntitulo: x\n---\n".write(toFile: root + "/content/acciones/a09.md", atomically: true, encoding: .utf8)
        let a03 = root + "/content/acciones/a03.md"
        try (String(contentsOfFile: a03, encoding: .utf8) + "\nOtra línea.\n").write(
            toFile: a03, atomically: true, encoding: .utf8)
        let saved: Set<String> = [
            "content/acciones/a01.md",  // read, the same text: a second word of a save already taken
            "content/acciones/a03.md",  // read, edited
            "content/acciones/a02.md",  // read, gone
            "content/acciones/a09.md",  // new
            "content/acciones/nota.txt",  // reported, gone
            "content/acciones/.a01.md.swp",  // never read, gone
            "content/acciones/sedX1b2c3",  // never read, gone
        ]
        #expect(
            Build.relevantChanges(saved, since: first, options: options)
                == [
                    "content/acciones/a02.md", "content/acciones/a03.md", "content/acciones/a09.md",
                    "content/acciones/nota.txt",
                ])
    }
}
