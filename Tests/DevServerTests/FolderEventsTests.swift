import Foundation
import Testing

@testable import DevServer

#if os(Linux)
    /// The kernel's events that `avance serve` waits on instead of looking at every file.
    @Suite struct FolderEventsTests {
        let root: String
        let manager = FileManager.default

        init() throws {
            root = manager.temporaryDirectory.appendingPathComponent("avance-events-\(UUID())").path
            try manager.createDirectory(atPath: root + "/content/proyectos", withIntermediateDirectories: true)
            try manager.createDirectory(atPath: root + "/theme", withIntermediateDirectories: true)
        }

        func write(_ text: String, to path: String) throws {
            try text.write(toFile: root + "/" + path, atomically: false, encoding: .utf8)
        }

        @Test func savesAreNoticedOnceAndHiddenFilesAreNot() throws {
            defer { try? manager.removeItem(atPath: root) }
            let events = try #require(FolderEvents(root: root, folders: ["content", "theme"]))
            #expect(!events.changed())
            try write("a", to: "content/proyectos/a.md")
            #expect(events.changed())
            #expect(!events.changed())
            try write("swap", to: "content/proyectos/.a.md.swp")
            #expect(!events.changed())
            try write("x", to: "outside.txt")
            #expect(!events.changed())
        }

        @Test func foldersMadeLaterAreWatchedToo() throws {
            defer { try? manager.removeItem(atPath: root) }
            let events = try #require(FolderEvents(root: root, folders: ["content", "theme"]))
            try manager.createDirectory(atPath: root + "/content/socios", withIntermediateDirectories: true)
            #expect(events.changed())
            try write("s", to: "content/socios/s.md")
            #expect(events.changed())
            // The whole folder replaced, as `git checkout` or a copy may do.
            try manager.removeItem(atPath: root + "/theme")
            try manager.createDirectory(atPath: root + "/theme/templates", withIntermediateDirectories: true)
            #expect(events.changed())
            try write("t", to: "theme/templates/base.mustache")
            #expect(events.changed())
        }
    }
#endif
