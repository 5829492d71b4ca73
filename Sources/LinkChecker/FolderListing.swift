import ParallelMap

#if canImport(Glibc)
    import Glibc
#endif

/// Lists every file under a folder with `readdir`, which tells folders from files without a
/// `stat` per file. A built site is mostly folders of one `index.html`, so the folders of each
/// level are read in parallel.
struct FolderListing: Sendable {
    /// Absolute path of the folder listed.
    let root: String
    /// `root` with symbolic links resolved, to tell links that stay inside it.
    let realRoot: String

    /// What one folder holds: its files and sub-folders (relative to `root`), or why it could
    /// not be read.
    struct Entries: Sendable {
        var files: [String] = []
        var folders: [String] = []
        var error: ReadError?
    }

    /// Every file under `root`, and the folders that could not be read.
    func all() -> (files: [String], unreadable: [ReadError]) {
        var files: [String] = []
        var unreadable: [ReadError] = []
        var level = [""]
        while !level.isEmpty {
            let listed = level.count == 1 ? [entries(of: level[0])] : level.concurrentMap { entries(of: $0) }
            level = []
            for entries in listed {
                files += entries.files
                level += entries.folders
                if let error = entries.error { unreadable.append(error) }
            }
        }
        return (files, unreadable)
    }

    /// The entries of the folder `folder` (relative to `root`; empty for `root` itself).
    func entries(of folder: String) -> Entries {
        var entries = Entries()
        let path = folder.isEmpty ? root : root + "/" + folder
        guard let directory = opendir(path) else {
            entries.error = ReadError(path: path, errno: errno)
            return entries
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let relative = folder.isEmpty ? name : folder + "/" + name
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.folders.append(relative)
            case Int32(DT_REG): entries.files.append(relative)
            default: if isFileInside(relative) { entries.files.append(relative) }
            }
        }
        return entries
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
