import Foundation

#if os(Linux)
    import Glibc

    /// The kernel's word that something changed under some folders (Linux `inotify`): no need to
    /// look at every file every few hundred milliseconds, which at tens of thousands of files
    /// took a third of a core. Hidden files (editors' swap files) are left out, as the polling
    /// watcher leaves them out.
    final class FolderEvents: @unchecked Sendable {
        private let descriptor: Int32
        private let folders: [String]
        /// The names of the watched folders, and the watch of the folder that holds them, whose
        /// other files do not count.
        private let names: Set<String>
        private let rootWatch: Int32
        /// Where events are read into, kept between reads (every 20 ms while serving).
        private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        private let root: String
        /// The folder of each watch, relative to the root (`content/acciones`).
        private var watched: [Int32: String] = [:]
        /// The files changed since `takeChanges()`, relative to the root; `nil` once something
        /// changed that is not a file's text (a folder, an overflow of the kernel's queue).
        private var pending: Set<String>? = []

        static let mask = UInt32(
            IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_ATTRIB)

        /// Watches `folders` and every folder under them, and their parent (so that a folder
        /// made again is noticed); `nil` when the kernel refuses.
        init?(root: String, folders: [String]) {
            descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            guard descriptor >= 0 else { return nil }
            self.root = root
            self.folders = folders.map { root + "/" + $0 }
            self.names = Set(folders)
            rootWatch = inotify_add_watch(descriptor, root, Self.mask)
            guard rootWatch >= 0 else {
                close(descriptor)
                return nil
            }
            watchAll()
        }

        deinit { close(descriptor) }

        /// Whether anything changed since the last call; reads every waiting event.
        func changed() -> Bool {
            var changed = false
            var rewatch = false
            let size = buffer.count
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, size) }
                guard count > 0 else { break }
                var offset = 0
                while offset + 16 <= count {
                    let (watch, mask, length, name) = buffer.withUnsafeBytes { raw in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        let start = offset + 16
                        let bytes = raw[start..<min(count, start + Int(event.len))].prefix { $0 != 0 }
                        return (event.wd, event.mask, Int(event.len), String(decoding: bytes, as: UTF8.self))
                    }
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        changed = true
                        rewatch = true
                        pending = nil
                        continue
                    }
                    guard !name.hasPrefix("."), watch != rootWatch || names.contains(name) else { continue }
                    changed = true
                    if mask & UInt32(IN_ISDIR) != 0 || mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) != 0 {
                        rewatch = true
                    }
                    if watch == rootWatch || rewatch || name.isEmpty {
                        pending = nil
                    } else if let folder = watched[watch] {
                        pending?.insert(folder + "/" + name)
                    } else {
                        pending = nil
                    }
                }
            }
            if rewatch { watchAll() }
            return changed
        }

        /// The files changed since the last call, relative to the root; `nil` when not only files
        /// changed, or when the kernel could not say which.
        func takeChanges() -> Set<String>? {
            defer { pending = [] }
            return pending
        }

        /// Adds a watch to every folder under the watched ones (the kernel keeps one per folder,
        /// however often it is added).
        private func watchAll() {
            for folder in folders { watch(folder, depth: 0) }
        }

        private func watch(_ folder: String, depth: Int) {
            guard depth < 32 else { return }
            let added = inotify_add_watch(descriptor, folder, Self.mask)
            guard added >= 0 else { return }
            watched[added] = String(folder.dropFirst(root.count + 1))
            guard let stream = opendir(folder) else { return }
            defer { closedir(stream) }
            while let item = readdir(stream) {
                guard item.pointee.d_type == DT_DIR || item.pointee.d_type == DT_UNKNOWN else { continue }
                let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                    String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
                }
                guard !name.hasPrefix(".") else { continue }
                let child = folder + "/" + name
                var info = stat()
                // Folders reached through a symlink are not watched, as they are not walked.
                guard lstat(child, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { continue }
                watch(child, depth: depth + 1)
            }
        }
    }
#endif
