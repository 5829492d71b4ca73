import AvanceKit
import ContentModel
import Diagnostics
import Foundation
import Loading
import SiteLayout
import TestSupport
import Testing
import Writing

/// Nothing is read from outside the site's folder, and nothing is written outside the output
/// folder (but its staging folder beside it, `.public.staging-<pid>`).
@Suite struct ConfinementTests {
    static let manager = FileManager.default

    /// Every spelling of a dangerous `--output`: refused before anything is read or written.
    /// `enlace-a-content/x` and `enlace-a-notas/../x` (symlinks, then a folder that does not
    /// exist yet) were written into `content/` before `SiteWriter.canonical` used `realpath`.
    @Test(arguments: [
        "/", "{root}", "{root}/..", "{root}/content", "{root}/content/notas", "{root}/theme", "{root}/theme/static",
        "{root}/.git", "{root}/public/../content", "{root}/./theme/", "{root}/enlace-a-content",
        "{root}/enlace-a-content/x", "{root}/enlace-a-notas/../x", "{root}/nuevo/../content/x", "{root}/ajena",
        "{root}/archivo",
    ])
    func anUnsafeOutputIsRefusedAndNothingIsWritten(output: String) throws {
        let root = try Workspace.site("unsafe-output")
        defer { try? Self.manager.removeItem(atPath: root) }
        try Self.manager.createDirectory(atPath: root + "/.git", withIntermediateDirectories: true)
        try Self.manager.createSymbolicLink(atPath: root + "/enlace-a-content", withDestinationPath: root + "/content")
        try Self.manager.createSymbolicLink(atPath: root + "/enlace-a-notas", withDestinationPath: "content/notas")
        try Workspace.write("not avance's", to: root + "/ajena/notas.txt")
        try Workspace.write("a file", to: root + "/archivo")
        let before = Repository.snapshot(root)
        let result = Build.build(
            BuildOptions(root: root, output: output.replacingOccurrences(of: "{root}", with: root)))
        #expect(result.diagnostics.map(\.code) == ["output-unsafe"])
        #expect(result.exitCode == 2)
        #expect(!result.wrote)
        #expect(Repository.snapshot(root) == before)
        #expect(
            try Self.manager.contentsOfDirectory(atPath: root).sorted() == [
                ".git", "ajena", "archivo", "content", "enlace-a-content", "enlace-a-notas", "theme",
            ])
    }

    @Test func anOutputOutsideTheSiteGetsTheSiteAndNothingElseChanges() throws {
        let root = try Workspace.site("outside-output")
        let elsewhere = try Repository.temporaryFolder("elsewhere")
        defer {
            try? Self.manager.removeItem(atPath: root)
            try? Self.manager.removeItem(atPath: elsewhere)
        }
        let before = Repository.snapshot(root)
        let result = Build.build(BuildOptions(root: root, output: elsewhere + "/sitio"))
        #expect(result.wrote)
        #expect(Repository.snapshot(root) == before)
        #expect(try Self.manager.contentsOfDirectory(atPath: elsewhere) == ["sitio"])
    }

    /// A symlink planted in the previous output (or as a leftover staging folder) is removed as
    /// a link: the folder it points to is never written into nor emptied.
    @Test func symlinksInThePreviousOutputAreNeverFollowed() throws {
        let root = try Workspace.site("planted")
        let victim = try Repository.temporaryFolder("victim")
        defer {
            try? Self.manager.removeItem(atPath: root)
            try? Self.manager.removeItem(atPath: victim)
        }
        try Workspace.write("precious", to: victim + "/precious.txt")
        #expect(Build.build(BuildOptions(root: root)).wrote)
        try Self.manager.removeItem(atPath: root + "/public/notas")
        try Self.manager.createSymbolicLink(atPath: root + "/public/notas", withDestinationPath: victim)
        try Self.manager.removeItem(atPath: root + "/public/index.html")
        try Self.manager.createSymbolicLink(
            atPath: root + "/public/index.html", withDestinationPath: victim + "/x.html")
        try Self.manager.createSymbolicLink(atPath: root + "/.public.staging-999999999", withDestinationPath: victim)
        try Self.manager.createSymbolicLink(atPath: root + "/.public.old-999999998", withDestinationPath: victim)

        let result = Build.build(BuildOptions(root: root))
        #expect(result.wrote)
        #expect(try Self.manager.contentsOfDirectory(atPath: victim) == ["precious.txt"])
        #expect(try String(contentsOfFile: victim + "/precious.txt", encoding: .utf8) == "precious")
        let notes = try Self.manager.attributesOfItem(atPath: root + "/public/notas")[.type] as? FileAttributeType
        #expect(notes == .typeDirectory)
        #expect(
            try Self.manager.contentsOfDirectory(atPath: root).sorted() == [
                ".public.previous", "content", "public", "theme",
            ])
        // The swapped-out site, links and all, is recycled by the next build: the links are
        // removed as links.
        #expect(Build.build(BuildOptions(root: root)).wrote)
        #expect(try Self.manager.contentsOfDirectory(atPath: victim) == ["precious.txt"])
        #expect(try String(contentsOfFile: victim + "/precious.txt", encoding: .utf8) == "precious")
        for folder in ["/public", "/.public.previous"] {
            let paths = try Self.manager.subpathsOfDirectory(atPath: root + folder)
            let links = try paths.filter {
                try Self.manager.attributesOfItem(atPath: root + folder + "/" + $0)[.type] as? FileAttributeType
                    == .typeSymbolicLink
            }
            #expect(links.isEmpty, "\(folder): \(links)")
        }
    }

    @Test func aContentOrThemeFolderThatLinksOutsideTheSiteIsRefused() throws {
        let outside = try Workspace.site("outside-folders")
        let root = try Repository.temporaryFolder("linked-folders")
        defer {
            try? Self.manager.removeItem(atPath: root)
            try? Self.manager.removeItem(atPath: outside)
        }
        try Self.manager.createSymbolicLink(atPath: root + "/content", withDestinationPath: outside + "/content")
        try Self.manager.createSymbolicLink(atPath: root + "/theme", withDestinationPath: outside + "/theme")
        let tree = ContentLoader(root: root).load()
        #expect(tree.files.isEmpty)
        #expect(tree.diagnostics.map(\.code) == ["symlink-outside"])
        #expect(tree.diagnostics.first?.message.contains("`content/` is a symlink to") == true)
        let result = Build.build(BuildOptions(root: root))
        #expect(!result.wrote)
        #expect(result.diagnostics.contains { $0.code == "symlink-outside" })
    }

    @Test func aContentFolderThatLinksInsideTheSiteIsRead() throws {
        let root = try Workspace.site("inside-link")
        defer { try? Self.manager.removeItem(atPath: root) }
        try Self.manager.moveItem(atPath: root + "/content", toPath: root + "/fuentes")
        try Self.manager.createSymbolicLink(atPath: root + "/content", withDestinationPath: "fuentes")
        let tree = ContentLoader(root: root).load()
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.files.map(\.path) == ["content/notas/una.md", "content/site.yaml"])
    }

    @Test func aSymlinkToASecretIsRefusedAndTheSecretNeverReachesTheOutput() throws {
        let root = try Workspace.site("secret")
        let outside = try Repository.temporaryFolder("secret-outside")
        defer {
            try? Self.manager.removeItem(atPath: root)
            try? Self.manager.removeItem(atPath: outside)
        }
        try Workspace.write("---\ntitulo: SECRETO-123\n---\nSECRETO-456\n", to: outside + "/secreto.md")
        try Self.manager.createSymbolicLink(
            atPath: root + "/content/notas/secreto.md", withDestinationPath: outside + "/secreto.md")
        try Self.manager.createSymbolicLink(atPath: root + "/theme/static/etc", withDestinationPath: "/etc")
        let result = Build.render(BuildOptions(root: root))
        #expect(result.diagnostics.filter { $0.code == "symlink-outside" }.count == 2)
        #expect(!result.sources.keys.contains { $0.contains("secreto") })
        #expect(!result.files.contains { String(decoding: $0.bytes, as: UTF8.self).contains("SECRETO") })
        #expect(!result.files.contains { $0.path.hasPrefix("etc/") })
    }

    @Test func linksThatLeaveTheSiteAreBrokenLinksAndNothingIsRead() throws {
        let result = Build.render(
            Workspace.memoryOptions([
                "content/notas/fuera.md": """
                ---
                titulo: Fuera
                ---
                [a](../../../../../../etc/passwd.md) [b](/etc/passwd.md) [c](../../theme/templates/base.md)
                [d](..%2F..%2F..%2Fetc%2Fpasswd.md) [e](file:///etc/passwd)
                """
            ]))
        let broken = result.diagnostics.filter { $0.code == "link-broken" }
        #expect(broken.count == 3)
        #expect(broken.allSatisfy { $0.location?.file == "content/notas/fuera.md" })
        #expect(result.sources.keys.allSatisfy { $0.hasPrefix("content/") })
    }

    @Test(arguments: ["../fuera", "notas/../../x", "/etc", ".", "..", "a/b"])
    func aCollectionPathOutsideContentIsRefused(path: String) throws {
        let yaml = "title: T\ncollections:\n  notas:\n    path: \"\(path)\"\n    fields:\n      title: string\n"
        let (model, diagnostics) = ModelReader.read(yaml)
        #expect(model == nil)
        #expect(diagnostics.map(\.code) == ["model-invalid"])
    }

    @Test(arguments: ["..", ".hidden", "a..b", "A", "a b", "ñandú", "a/b", "-a", "a-"])
    func fileNamesThatAreNoIdsNeverBecomePaths(name: String) throws {
        let result = Build.render(Workspace.memoryOptions(["content/notas/\(name).md": "---\ntitulo: x\n---\n"]))
        #expect(result.files.allSatisfy { !$0.path.contains(name) })
        #expect(!result.files.contains { $0.path.contains("..") })
    }

    @Test(arguments: ["../x", "/etc/x", "a/../../x", "a//b", "./a", "a/./b", "a/", "a\u{0}b", ""])
    func outputPathsThatLeaveTheFolderAreRefused(path: String) throws {
        let folder = try Repository.temporaryFolder("paths")
        defer { try? Self.manager.removeItem(atPath: folder) }
        let writer = SiteWriter(output: folder + "/public")
        #expect(throws: Diagnostic.self) { try writer.write([OutputFile(path: path, bytes: [0x61])]) }
        #expect(try Self.manager.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
