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

        /// Which files changed, for `avance serve` to take an edit of a body without a whole build.
        @Test func theChangedFilesAreNamedUnlessAFolderChanged() throws {
            defer { try? manager.removeItem(atPath: root) }
            try write("a", to: "content/proyectos/a.md")
            let events = try #require(FolderEvents(root: root, folders: ["content", "theme"]))
            try write("a, longer", to: "content/proyectos/a.md")
            try write("b", to: "content/proyectos/b.md")
            #expect(events.changed())
            #expect(events.takeChanges() == ["content/proyectos/a.md", "content/proyectos/b.md"])
            #expect(events.takeChanges() == [])
            try manager.createDirectory(atPath: root + "/content/socios", withIntermediateDirectories: true)
            try write("c", to: "content/proyectos/a.md")
            #expect(events.changed())
            #expect(events.takeChanges() == nil)
            try write("d", to: "content/socios/s.md")
            #expect(events.changed())
            #expect(events.takeChanges() == ["content/socios/s.md"])
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

/// The watcher where the kernel gives no events (or with them turned off): a look at every file.
@Suite struct PollingWatcherTests {
    /// Counts the changes the watcher reports.
    final class Changes: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    func waitFor(_ changes: Changes, above count: Int) async -> Bool {
        for _ in 0..<200 where changes.value <= count { try? await Task.sleep(for: .milliseconds(20)) }
        return changes.value > count
    }

    @Test func aSaveIsNoticedOnceAndAHiddenFileIsNot() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-poll-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/notas", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/content/notas/a.md", atomically: false, encoding: .utf8)
        var watcher = SourceWatcher(root: root, folders: ["content"], interval: .milliseconds(20))
        watcher.kernelEvents = false
        let changes = Changes()
        let task = Task { await watcher.watch(onChange: { _ in changes.add() }) }
        defer { task.cancel() }
        try await Task.sleep(for: .milliseconds(100))  // the first look at the files
        #expect(changes.value == 0)
        try "b, longer".write(toFile: root + "/content/notas/a.md", atomically: false, encoding: .utf8)
        #expect(await waitFor(changes, above: 0))
        try await Task.sleep(for: .milliseconds(200))
        #expect(changes.value == 1)
        try "swap".write(toFile: root + "/content/notas/.a.md.swp", atomically: false, encoding: .utf8)
        try await Task.sleep(for: .milliseconds(200))
        #expect(changes.value == 1)
        try "new".write(toFile: root + "/content/notas/b.md", atomically: false, encoding: .utf8)
        #expect(await waitFor(changes, above: 1))
    }

    @Test func theChangedFilesAreNamedUnlessAFileCameOrWent() {
        let root = "/sitio"
        let before = [
            SourceWatcher.Stamp(path: "/sitio/content/a.md", modified: 1, size: 1),
            SourceWatcher.Stamp(path: "/sitio/content/b.md", modified: 1, size: 1),
        ]
        var after = before
        after[1].modified = 2
        #expect(SourceWatcher.changes(from: before, to: after, root: root) == ["content/b.md"])
        #expect(SourceWatcher.changes(from: before, to: before, root: root) == [])
        #expect(SourceWatcher.changes(from: before, to: Array(before.prefix(1)), root: root) == nil)
        after[1].path = "/sitio/content/c.md"
        #expect(SourceWatcher.changes(from: before, to: after, root: root) == nil)
    }
}
