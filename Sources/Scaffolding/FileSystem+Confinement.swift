import Foundation
import Loading

/// Where a write would land once symlinks are followed, so that `new`, `import` and `schema`
/// write nothing outside the site through a symlinked folder.
extension FileSystem {
    /// `path` with its symlinks resolved as far as it exists, the rest appended as written
    /// (`..` and `.` removed first).
    func resolvedAsFarAsItExists(_ path: String) -> String {
        var head = (path as NSString).standardizingPath
        var tail: [String] = []
        while true {
            if let real = resolve(head) {
                return ([real == "/" ? "" : real] + tail.reversed()).joined(separator: "/")
            }
            let parent = (head as NSString).deletingLastPathComponent
            guard parent != head, !parent.isEmpty else { return path }
            tail.append((head as NSString).lastPathComponent)
            head = parent
        }
    }

    /// True when `path`, followed through its symlinks, is `folder` or inside it.
    func isInside(_ path: String, folder: String) -> Bool {
        let real = resolvedAsFarAsItExists(path)
        let top = resolvedAsFarAsItExists(folder)
        return real == top || real.hasPrefix(top == "/" ? "/" : top + "/")
    }
}
