import Foundation
import ParallelMap

#if canImport(Glibc)
    import Glibc
#endif

/// Lists every file under a folder with `readdir`, which tells folders from files without a
/// `stat` per file. A built site is mostly folders of one `index.html`: every core lists folders,
/// taking the next from one shared queue as it finishes one, so a folder of ten thousand
/// entries does not hold the others back as a level-by-level walk would.
struct FolderListing: Sendable {
    /// Absolute path of the folder listed.
    let root: String
    /// `root` with symbolic links resolved, to tell links that stay inside it.
    let realRoot: String

    /// What a worker found: files (relative to `root`), and the folders that could not be read.
    struct Found: Sendable {
        var files: [String] = []
        var unreadable: [ReadError] = []
    }

    /// Every file under `root`, and the folders that could not be read (by path). The files come
    /// in no particular order.
    func all() -> (files: [String], unreadable: [ReadError]) {
        let queue = FolderQueue(first: "")
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let found = ResultSlots<Found>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var mine = Found()
            var folders: [String] = []
            while let folder = queue.take() {
                list(folder, into: &mine, folders: &folders)
                queue.finish(adding: &folders)
            }
            found[worker] = mine
        }
        var files: [String] = []
        var unreadable: [ReadError] = []
        for worker in found.values {
            files += worker.files
            unreadable += worker.unreadable
        }
        return (files, unreadable.sorted { $0.path < $1.path })
    }

    /// Lists the folder `folder` (relative to `root`; empty for `root` itself): its files go to
    /// `found`, its sub-folders to `folders`.
    func list(_ folder: String, into found: inout Found, folders: inout [String]) {
        let path = folder.isEmpty ? root : root + "/" + folder
        guard let directory = opendir(path) else {
            found.unreadable.append(ReadError(path: path, errno: errno))
            return
        }
        defer { closedir(directory) }
        var prefix = folder.isEmpty ? "" : folder + "/"
        prefix.withUTF8 { prefix in
            while let entry = readdir(directory) {
                let type = Int32(entry.pointee.d_type)
                let relative = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> String? in
                    let name = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    let length = strnlen(raw.baseAddress!.assumingMemoryBound(to: CChar.self), raw.count)
                    let dot = UInt8(ascii: ".")
                    if name[0] == dot, length == 1 || (length == 2 && name[1] == dot) { return nil }
                    // One string for the path: the prefix's bytes, then the name's, checked as UTF-8 once.
                    return String(unsafeUninitializedCapacity: prefix.count + length) { buffer in
                        _ = buffer.initialize(fromContentsOf: prefix)
                        _ = UnsafeMutableBufferPointer(rebasing: buffer[prefix.count...])
                            .initialize(fromContentsOf: UnsafeBufferPointer(start: name, count: length))
                        return prefix.count + length
                    }
                }
                guard let relative else { continue }
                switch type {
                case Int32(DT_DIR): folders.append(relative)
                case Int32(DT_REG): found.files.append(relative)
                default: if isFileInside(relative) { found.files.append(relative) }
                }
            }
        }
    }

    /// For links, and entries of file systems that do not give the type: a regular file, or a
    /// link to a regular file inside `root`. Folders behind links are not entered, so a link
    /// loop cannot hang the check.
    func isFileInside(_ relative: String) -> Bool {
        let path = root + "/" + relative
        var status = stat()
        var link = stat()
        guard lstat(path, &link) == 0, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return false
        }
        guard link.st_mode & S_IFMT == S_IFLNK else { return true }
        return SiteFolder.realPath(path)?.hasPrefix(realRoot + "/") == true
    }
}

/// The folders still to list, shared by the workers of `FolderListing.all`: a worker takes one,
/// lists it, and hands back its sub-folders; the listing is over when none is left and no worker
/// is listing one (which could still find more).
final class FolderQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [String]
    private var listing = 0

    init(first: String) {
        pending = [first]
    }

    /// The next folder to list, waiting while others are being listed; nil when all are listed.
    func take() -> String? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty, listing > 0 { condition.wait() }
        guard let folder = pending.popLast() else { return nil }
        listing += 1
        return folder
    }

    /// Ends the listing of a folder taken, queueing its sub-folders (`folders` is emptied).
    func finish(adding folders: inout [String]) {
        condition.lock()
        defer { condition.unlock() }
        pending += folders
        folders.removeAll(keepingCapacity: true)
        listing -= 1
        if !pending.isEmpty || listing == 0 { condition.broadcast() }
    }
}
