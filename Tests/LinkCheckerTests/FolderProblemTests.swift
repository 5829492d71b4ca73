import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// Folders and files that cannot be checked: exit status 2, never a crash or a hang.
@Suite struct FolderProblemTests {
    @Test func aMissingFolderIsAnEnvironmentError() async {
        let report = await Fixtures.check("/nonexistent/avance-public")
        #expect(report.diagnostics.map(\.code) == ["public-missing"])
        #expect(report.diagnostics.first?.message == "no folder `/nonexistent/avance-public` to check")
        #expect(report.exitCode == 2)
    }

    @Test func aFileIsNotAFolder() async {
        let report = await Fixtures.check(Fixtures.linkSites + "/valid/index.html")
        #expect(report.diagnostics.map(\.message) == ["`\(Fixtures.linkSites)/valid/index.html` is not a folder"])
        #expect(report.exitCode == 2)
    }

    @Test func aPageThatCannotBeReadIsAnEnvironmentError() async throws {
        let root = Fixtures.linkSites + "/valid"
        // As root every file is readable: list a page that is not there instead.
        let folder = SiteFolder(root: root, files: ["gone.html"], pages: ["gone.html"], unreadable: [])
        var options = LinkCheckOptions(folder: root, displayPath: "public")
        options.address = SiteAddress(baseURL: Fixtures.baseURL)
        let pages = LinkChecker(options).checkPages(of: folder)
        let report = LinkDiagnostics(options: options, folder: folder).report(pages)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.code == "file-unreadable")
        #expect(diagnostic.message == "cannot read `public/gone.html`: No such file or directory")
        #expect(diagnostic.location?.file == "public/gone.html")
        #expect(report.exitCode == 2)
    }

    @Test func aFolderThatCannotBeReadIsAnEnvironmentError() {
        let root = Fixtures.linkSites + "/valid"
        let error = ReadError(path: root + "/privado", errno: EACCES)
        let folder = SiteFolder(root: root, files: [], pages: [], unreadable: [error])
        let report = LinkDiagnostics(options: LinkCheckOptions(folder: root), folder: folder).report([])
        #expect(report.diagnostics.map(\.message) == ["cannot read `privado`: Permission denied"])
        #expect(report.exitCode == 2)
    }

    @Test func symbolicLinksCountOnlyInsideTheFolder() async throws {
        let folder = try Repository.temporaryFolder("symlinks")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Repository.write(
            [
                "index.html": Fixtures.page(
                    #"<a href="dentro.html">a</a> <a href="fuera.html">b</a> <a href="bucle/">c</a>"#)
            ],
            into: folder)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: folder + "/dentro.html", withDestinationPath: "index.html")
        try manager.createSymbolicLink(atPath: folder + "/fuera.html", withDestinationPath: "/etc/hostname")
        try manager.createSymbolicLink(atPath: folder + "/bucle", withDestinationPath: ".")
        let report = await Fixtures.check(folder, baseURL: nil)
        #expect(report.pages == 2)  // index.html and dentro.html; the loop is not entered
        #expect(
            report.diagnostics.map(\.message) == [
                "no file `fuera.html`", "no file `bucle/index.html` for `bucle/`", "no file `fuera.html`",
                "no file `bucle/index.html` for `bucle/`",
            ])
    }

    /// Every core lists folders from one queue: each file comes once, at every depth, from a
    /// folder of hundreds of sub-folders as from a deep one.
    @Test func theListingFindsEveryFileOnce() throws {
        let root = try Repository.temporaryFolder("listing")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var files: [String: String] = ["index.html": "", "css/site.css": "", "a/b/c/d/e/f.txt": ""]
        for number in 0..<400 { files["acciones/accion-\(number)/index.html"] = "" }
        for number in 0..<40 { files["hitos/hito-\(number)/pagina/\(number % 3)/index.html"] = "" }
        files["acción/ñandú.html"] = ""
        try Repository.write(files, into: root)
        try FileManager.default.createDirectory(atPath: root + "/vacia/tambien", withIntermediateDirectories: true)
        let folder = try SiteFolder.read(root + "/")
        #expect(folder.root == root)
        #expect(folder.files.count == files.count)
        #expect(Set(folder.files) == Set(files.keys))
        #expect(folder.pages == files.keys.filter { $0.hasSuffix(".html") }.sorted())
        #expect(folder.unreadable.isEmpty)
        for file in files.keys { #expect(folder.file(file) == file) }
    }

    /// Pages are opened relative to the open site folder; a folder that cannot be opened has
    /// its files opened by their absolute paths, and either way a file that cannot be read is
    /// named by its absolute path.
    @Test func aFileThatCannotBeReadIsNamedByItsAbsolutePath() throws {
        let root = Fixtures.linkSites + "/valid"
        let buffer = ByteBuffer()
        let open = SiteFolder(root: root, files: ["index.html"], pages: ["index.html"], unreadable: [])
        #expect(open.opened != nil)
        try open.read("index.html", into: buffer)
        #expect(buffer.count == (try FileManager.default.attributesOfItem(atPath: root + "/index.html")[.size] as? Int))
        #expect(throws: ReadError.self) { try open.read("gone.html", into: buffer) }
        do {
            try open.read("gone.html", into: buffer)
        } catch {
            #expect(error.path == root + "/gone.html")
            #expect(error.reason == "No such file or directory")
        }
        let missing = SiteFolder(root: root + "/no-existe", files: [], pages: [], unreadable: [])
        #expect(missing.opened == nil)
        do {
            try missing.read("index.html", into: buffer)
            Issue.record("the read should fail")
        } catch {
            #expect(error.path == root + "/no-existe/index.html")
        }
    }

    @Test func anEmptyFolderHasNothingToReport() async throws {
        let folder = try Repository.temporaryFolder("empty")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = await Fixtures.check(folder)
        #expect(report.diagnostics.isEmpty)
        #expect(report.pages == 0)
    }
}
