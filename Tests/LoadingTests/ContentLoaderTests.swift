import Diagnostics
import Foundation
import Testing

@testable import Loading

@Suite struct ContentLoaderTests {
    @Test func readsTextFilesSortedAndListsOthers() {
        let fs = FileSystem.memory(files: [
            "/s/content/site.yaml": Array("title: x\n".utf8),
            "/s/content/b/z.md": Array("---\n---\n".utf8),
            "/s/content/a/y.md": Array("---\n---\n".utf8),
            "/s/content/a/photo.png": [0x89, 0x50],
            "/s/content/.hidden.md": Array("x".utf8),
        ])
        let tree = ContentLoader(root: "/s", fileSystem: fs).load()
        #expect(tree.files.map(\.path) == ["content/a/y.md", "content/b/z.md", "content/site.yaml"])
        #expect(tree.otherFiles == ["content/a/photo.png"])
        #expect(tree.diagnostics.isEmpty)
    }

    @Test func normalisesByteOrderMarkAndWindowsLineEnds() throws {
        let fs = FileSystem.memory(files: [
            "/s/content/a.md": [0xEF, 0xBB, 0xBF] + Array("---\r\nx: 1\r\n---\r\n".utf8)
        ])
        let file = try #require(ContentLoader(root: "/s", fileSystem: fs).load().files.first)
        #expect(file.text == "---\nx: 1\n---\n")
    }

    @Test func reportsNULBytesAtTheirPosition() throws {
        let fs = FileSystem.memory(files: ["/s/content/a.md": Array("---\nab\0c\n".utf8)])
        let diagnostic = try #require(ContentLoader(root: "/s", fileSystem: fs).load().diagnostics.first)
        #expect(diagnostic.code == "file-encoding")
        #expect(diagnostic.location == SourceLocation(file: "content/a.md", line: 2, column: 3))
    }

    @Test func aFileSavedAsUTF16IsNamedSo() throws {
        let text = Array("---\ntitulo: Año\n---\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + text
        let latin1: [UInt8] = Array("---\ntitulo: A".utf8) + [0xF1] + Array("o\n---\n".utf8)
        let fs = FileSystem.memory(files: ["/s/content/a.md": utf16, "/s/content/b.md": latin1])
        let diagnostics = ContentLoader(root: "/s", fileSystem: fs).load().diagnostics
        #expect(diagnostics.map(\.code) == ["file-encoding", "file-encoding"])
        #expect(diagnostics[0].hint?.contains("UTF-16") == true)
        #expect(diagnostics[1].hint?.contains("Latin-1") == true)
        #expect(diagnostics[1].location == SourceLocation(file: "content/b.md", line: 2, column: 10))
    }

    @Test func aMissingContentFolderIsAnEnvironmentError() {
        let tree = ContentLoader(root: "/nowhere", fileSystem: .memory(files: [:])).load()
        #expect(tree.diagnostics.map(\.code) == ["content-missing"])
    }

    @Test func symlinksLeavingContentAreRefusedOnDisk() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-loader-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/content/socios", withIntermediateDirectories: true)
        try "secret".write(toFile: root + "/secret.md", atomically: true, encoding: .utf8)
        try "---\ntitulo: A\n---\n".write(toFile: root + "/content/socios/a.md", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: root + "/content/socios/b.md", withDestinationPath: root + "/secret.md")
        try manager.createSymbolicLink(atPath: root + "/content/socios/c.md", withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: root + "/content/etc", withDestinationPath: "/etc")
        let tree = ContentLoader(root: root).load()
        #expect(tree.diagnostics.map(\.code) == ["symlink-outside", "symlink-outside"])
        #expect(tree.diagnostics.map { $0.location?.file } == ["content/etc", "content/socios/b.md"])
        // A link that stays inside content/ is read like the file it points to.
        #expect(tree.files.map(\.path) == ["content/socios/a.md", "content/socios/c.md"])
        #expect(!tree.files.contains { $0.text.contains("secret") })
    }
}

/// The byte scan that spares most files the scalar-by-scalar search for control characters.
@Suite struct ControlCharacterScanTests {
    @Test(arguments: [
        "", "título: Acción\n", "¿Qué? ¡Sí! «citado» — año 2024 ñ °C \u{A0}nbsp", "tab\tand\r\nlines",
        "emoji 👩‍👩‍👧 and \u{FFFD} and \u{FFFC} and \u{EFBF}", "\u{0}", "a\u{1B}[31m", "del\u{7F}",
        "c1 \u{80}", "c1 \u{9F}", "\u{A0}not c1", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}\u{FFFE}", "\u{BF}\u{FFFF}",
        "\u{0B}", "\u{0C}", "\u{1F}",
    ])
    func theByteScanFindsExactlyTheForbiddenCharacters(text: String) {
        let expected = text.unicodeScalars.contains(where: \.isForbiddenControl)
        #expect(TextDecoding.mayHoldForbiddenControl(Array(text.utf8)[...]) == expected)
    }
}

/// The disk as the loaders see it: `readdir` kinds, and files read whole with plain calls.
@Suite struct DiskFileSystemTests {
    @Test func listsKindsAndReadsWholeFilesOfAnySize() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-disk-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/folder", withIntermediateDirectories: true)
        let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(big).write(to: URL(fileURLWithPath: root + "/big.bin"))
        try Data().write(to: URL(fileURLWithPath: root + "/empty.md"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/big.bin")
        let disk = FileSystem.disk
        let kinds = Dictionary(uniqueKeysWithValues: try disk.list(root).map { ($0.name, $0.kind) })
        #expect(kinds == ["folder": .directory, "big.bin": .file, "empty.md": .file, "link": .symlink])
        #expect(try disk.read(root + "/big.bin") == big)
        #expect(try disk.read(root + "/empty.md") == [])
        #expect(try disk.read(root + "/link") == big)
        #expect(throws: (any Error).self) { try disk.read(root + "/folder") }
        #expect(throws: (any Error).self) { try disk.read(root + "/missing") }
        #expect(throws: (any Error).self) { try disk.list(root + "/missing") }
        let stamp = try #require(disk.stamp(root + "/big.bin"))
        #expect(stamp.size == 100_000)
        try Data(big.reversed()).write(to: URL(fileURLWithPath: root + "/big.bin"))
        #expect(disk.stamp(root + "/big.bin") != stamp)
        #expect(disk.stamp(root + "/missing") == nil)
    }
}
