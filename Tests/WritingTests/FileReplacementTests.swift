import Foundation
import Testing

@testable import Writing

/// `FileReplacement`: a file replaced whole, through a file beside it renamed over it.
@Suite struct FileReplacementTests {
    let root: String
    let manager = FileManager.default

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-replace-\(UUID())").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    /// The temporary files left anywhere under the root.
    func leftovers() -> [String] {
        (manager.subpaths(atPath: root) ?? []).filter { $0.contains(".tmp-") }
    }

    @Test func aFileIsReplacedWholeNotWrittenThrough() throws {
        defer { try? manager.removeItem(atPath: root) }
        let path = root + "/manifest"
        try Data("the old bytes".utf8).write(to: URL(fileURLWithPath: path))
        // Another link to the old file (as the build cache's copy links the output's files)
        // keeps the old bytes: the file is replaced, not written through.
        try manager.linkItem(atPath: path, toPath: root + "/link")
        #expect(FileReplacement.write(Array("new".utf8), to: path))
        #expect(manager.contents(atPath: path) == Data("new".utf8))
        #expect(manager.contents(atPath: root + "/link") == Data("the old bytes".utf8))
        // A file that was not there is made.
        #expect(FileReplacement.write([], to: root + "/empty"))
        #expect(manager.contents(atPath: root + "/empty") == Data())
        #expect(leftovers().isEmpty)
    }

    @Test(arguments: ["a folder that does not exist", "a folder in the way"])
    func aFileThatCannotBeWrittenLeavesWhatWasThere(_ what: String) throws {
        defer { try? manager.removeItem(atPath: root) }
        let path: String
        if what == "a folder in the way" {
            // The rename fails: a folder that holds a file is not replaced by a file.
            path = root + "/manifest"
            try manager.createDirectory(atPath: path, withIntermediateDirectories: false)
            try Data("kept".utf8).write(to: URL(fileURLWithPath: path + "/inside"))
        } else {
            // The file beside it cannot be made.
            path = root + "/missing/manifest"
        }
        #expect(!FileReplacement.write(Array("new".utf8), to: path))
        #expect(leftovers().isEmpty)
        if what == "a folder in the way" {
            #expect(manager.contents(atPath: path + "/inside") == Data("kept".utf8))
        } else {
            #expect(!manager.fileExists(atPath: root + "/missing"))
        }
    }
}
