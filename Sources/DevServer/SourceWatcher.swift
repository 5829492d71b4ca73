import Foundation

/// Notices saves under `content/` and `theme/`: on Linux the kernel says when something changed
/// (`FolderEvents`, inotify); elsewhere every file's modification time and size are compared
/// every `interval` (polling: portable, and cheap for a few hundred files). A change counts once
/// the files have stayed the same for one more interval, so an editor that writes a file in
/// several steps causes one build, not three.
struct SourceWatcher: Sendable {
    /// A file's path, modification time (nanoseconds) and size.
    struct Stamp: Sendable, Hashable {
        var path: String
        var modified: Int
        var size: Int
    }

    let root: String
    let folders: [String]
    let interval: Duration
    /// Whether to use the kernel's events where there are some; off, every file is looked at
    /// every `interval`, as where there are none (tests run that way too).
    var kernelEvents = true

    init(root: String, folders: [String] = ["content", "theme"], interval: Duration) {
        self.root = root
        self.folders = folders
        self.interval = interval
    }

    /// Calls `onChange` after every settled change, until the task is cancelled, with the files
    /// changed (relative to the root), or `nil` when not only files changed (a folder was made,
    /// removed or renamed) or the kernel could not say which.
    /// `onTick` hears the number of every poll, for work done now and then.
    func watch(
        onChange: @Sendable (Set<String>?) async -> Void, onTick: @Sendable (Int) async -> Void = { _ in }
    ) async {
        #if os(Linux)
            if kernelEvents, let events = FolderEvents(root: root, folders: folders) {
                await watch(events, onChange: onChange, onTick: onTick)
                return
            }
        #endif
        var last = stamps()
        var tick = 0
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            tick += 1
            await onTick(tick)
            var now = stamps()
            guard now != last else { continue }
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                let again = stamps()
                if again == now { break }
                now = again
            }
            let changed = Self.changes(from: last, to: now, root: root)
            last = now
            guard !Task.isCancelled else { return }
            await onChange(changed)
        }
    }

    #if os(Linux)
        /// `watch` with the kernel's events instead of a look at every file. Reading them costs
        /// one system call (200 a second take about a thousandth of a core), so they are read
        /// every 5 ms, and a change counts once 20 ms pass without another (an editor's save in
        /// several writes is one change): a save shows about a quarter of a second sooner than by
        /// polling, and 18 ms sooner on average than with reads every 20 ms and 30 ms to settle.
        private func watch(
            _ events: FolderEvents, onChange: @Sendable (Set<String>?) async -> Void,
            onTick: @Sendable (Int) async -> Void
        ) async {
            let step = min(interval, .milliseconds(5))
            var sinceTick = Duration.zero
            var tick = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: step)
                sinceTick += step
                if sinceTick >= interval {
                    sinceTick = .zero
                    tick += 1
                    await onTick(tick)
                }
                guard events.changed() else { continue }
                while !Task.isCancelled {
                    try? await Task.sleep(for: min(interval, .milliseconds(20)))
                    if !events.changed() { break }
                }
                guard !Task.isCancelled else { return }
                await onChange(events.takeChanges())
            }
        }
    #endif

    /// The files whose stamp differs between two looks, relative to `root`; `nil` when a file
    /// appeared or went away (a build must look at the whole tree then).
    static func changes(from old: [Stamp], to new: [Stamp], root: String) -> Set<String>? {
        guard old.map(\.path) == new.map(\.path) else { return nil }
        var changed: Set<String> = []
        for (before, after) in zip(old, new) where before != after {
            changed.insert(String(after.path.dropFirst(root.count + 1)))
        }
        return changed
    }

    /// Every file under the watched folders, hidden ones (editors' swap files) left out.
    func stamps() -> [Stamp] {
        var found: [Stamp] = []
        for folder in folders { walk(root + "/" + folder, into: &found, depth: 0) }
        return found.sorted { $0.path < $1.path }
    }

    private func walk(_ path: String, into found: inout [Stamp], depth: Int) {
        guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where !name.hasPrefix(".") {
            let child = path + "/" + name
            var link = stat()
            var info = stat()
            guard lstat(child, &link) == 0, stat(child, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                // Folders reached through a symlink are not walked, to stay out of loops.
                if link.st_mode & S_IFMT == S_IFDIR { walk(child, into: &found, depth: depth + 1) }
                continue
            }
            found.append(Stamp(path: child, modified: Self.nanoseconds(info), size: Int(info.st_size)))
        }
    }

    static func nanoseconds(_ info: stat) -> Int {
        #if canImport(Darwin)
            Int(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int(info.st_mtimespec.tv_nsec)
        #else
            Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        #endif
    }
}
