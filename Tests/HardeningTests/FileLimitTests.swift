import AvanceKit
import Diagnostics
import Foundation
import Loading
import Testing

// A limit that stopped working would make these hang (a billion laughs, minutes of cmark-gfm):
// the time limit ends such a run. A guard, not a speed target; speed lives in `make bench`.
/// Huge files, NUL bytes and control characters end in a diagnostic that names the file, and a
/// file too large is never read.
@Suite(.timeLimit(.minutes(2))) struct FileLimitTests {
    @Test func aFileOverTheLimitIsRefusedWithoutReadingIt() throws {
        let big = Array(repeating: UInt8(ascii: "a"), count: ContentLoader.maximumFileSize + 1)
        let memory = FileSystem.memory(files: ["/s/content/notas/grande.md": big, "/s/content/site.yaml": [0x61]])
        let reads = Counter()
        let fileSystem = FileSystem(
            list: memory.list,
            read: { path in
                reads.add(path)
                return try memory.read(path)
            }, resolve: memory.resolve, size: memory.size)
        let tree = ContentLoader(root: "/s", fileSystem: fileSystem).load()
        let diagnostic = try #require(tree.diagnostics.first)
        #expect(diagnostic.code == "file-too-large")
        #expect(diagnostic.location?.file == "content/notas/grande.md")
        #expect(diagnostic.message == "the file is 1.0 MB; avance reads text files of up to 1.0 MB")
        #expect(reads.paths == ["/s/content/site.yaml"])
        #expect(tree.files.map(\.path) == ["content/site.yaml"])
    }

    @Test func aFileSystemThatCannotTellSizesIsCheckedAfterReading() throws {
        let memory = FileSystem.memory(files: [
            "/s/content/a.md": Array(repeating: 0x61, count: ContentLoader.maximumFileSize + 10)
        ])
        let blind = FileSystem(list: memory.list, read: memory.read, resolve: memory.resolve)
        let tree = ContentLoader(root: "/s", fileSystem: blind).load()
        #expect(tree.diagnostics.map(\.code) == ["file-too-large"])
    }

    @Test func aFileOfExactlyTheLimitIsRead() throws {
        let text = "---\ntitulo: Grande\n---\n"
        let body = text + String(repeating: "x", count: ContentLoader.maximumFileSize - text.utf8.count)
        let tree = ContentLoader(
            root: "/s", fileSystem: .memory(files: ["/s/content/notas/grande.md": Array(body.utf8)])
        ).load()
        #expect(tree.diagnostics.isEmpty)
    }

    /// A 100 MB Markdown file on disk (sparse, so the test writes nothing): the build fails at
    /// once with `file-too-large`, and memory stays low because the file is never read.
    @Test func aHundredMegabyteMarkdownFileFailsTheBuildAtOnce() throws {
        let root = try Workspace.site("huge")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = root + "/content/notas/enorme.md"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("---\ntitulo: x\n---\n".utf8)))
        #expect(truncate(path, 100 * 1024 * 1024) == 0)
        let result = Build.build(BuildOptions(root: root))
        #expect(!result.wrote)
        #expect(result.exitCode == 1)
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == ["file-too-large"])
        #expect(errors.first?.message == "the file is 100.0 MB; avance reads text files of up to 1.0 MB")
        #expect(errors.first?.location?.file == "content/notas/enorme.md")
    }

    @Test(arguments: [
        (Array("---\ntitulo: a\0b\n---\n".utf8), 2, 10, "a NUL byte, so it is not a text file"),
        (Array("---\ntitulo: x\n---\n\u{1B}[2J".utf8), 4, 1, "the control character U+001B"),
        (Array("---\ntitulo: x\n---\nuno\u{0C}dos".utf8), 4, 4, "the control character U+000C"),
        ([0xEF, 0xBB, 0xBF] + Array("\u{85}".utf8), 1, 1, "the control character U+0085"),
        (Array("---\n\u{FFFF}".utf8), 2, 1, "the control character U+FFFF"),
    ])
    func controlCharactersAreRefusedWhereTheyAre(bytes: [UInt8], line: Int, column: Int, what: String) throws {
        let diagnostic = try #require(TextDecoding.decode(bytes, path: "content/notas/a.md").failure)
        #expect(diagnostic.code == "file-encoding")
        #expect(diagnostic.message.contains(what))
        #expect(diagnostic.location == SourceLocation(file: "content/notas/a.md", line: line, column: column))
    }

    @Test func tabsAndBothLineEndsAreText() throws {
        let text = try TextDecoding.decode(Array("a\tb\r\nc\rd\n".utf8), path: "f").get()
        // A lone CR ends a line too (classic Mac OS), as for libyaml and cmark-gfm.
        #expect(text == "a\tb\nc\nd\n")
    }

    @Test func aNULByteInAContentFileFailsTheBuildAndNamesTheFile() throws {
        let result = Build.render(
            Workspace.memoryOptions(["content/notas/nul.md": "---\ntitulo: x\n---\nuno\0dos\n"]))
        let error = try #require(result.diagnostics.first { $0.severity == .error })
        #expect(error.code == "file-encoding")
        #expect(error.location == SourceLocation(file: "content/notas/nul.md", line: 4, column: 4))
        #expect(result.exitCode == 1)
    }
}

/// Paths read, across threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var read: [String] = []

    func add(_ path: String) {
        lock.withLock { read.append(path) }
    }

    var paths: [String] { lock.withLock { read.sorted() } }
}
