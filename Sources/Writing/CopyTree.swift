import Foundation
import ParallelMap

/// Files shared between two folders by hard links (a copy where the file system refuses
/// one): the build cache keeps the last output this way, and a build takes its unchanged files
/// back from it. Neither side is ever written through a link: `FileTree.writeFile` replaces a
/// file with a new one instead of writing into it.
public enum CopyTree {
    /// Links each of `paths` (relative) from `source` into `target`, replacing what `target`
    /// had there and making its folders.
    public static func link(_ paths: [String], from source: String, to target: String) throws {
        var made: Set<String> = []
        try link(paths, from: source, to: target, made: &made)
    }

    /// `link`, where `made` holds the folders of `target` made already (`SiteStaging` keeps
    /// them across batches), and gains those it makes.
    public static func link(_ paths: [String], from source: String, to target: String, made: inout Set<String>)
        throws
    {
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        try FileTree.makeFolders(for: paths, in: target, made: &made)
        let failures = paths.concurrentMap { path in
            linkFile(source + "/" + path, to: target + "/" + path)
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Links one file, replacing `target`; copies it when the two are on different file systems.
    static func linkFile(_ source: String, to target: String) -> FileTree.Failure? {
        var from = stat()
        var to = stat()
        if lstat(source, &from) == 0, lstat(target, &to) == 0, from.st_ino == to.st_ino, from.st_dev == to.st_dev {
            return nil
        }
        unlink(target)
        if Glibc.link(source, target) == 0 { return nil }
        guard errno == EXDEV || errno == EPERM || errno == EMLINK else {
            return FileTree.Failure(path: target, code: errno)
        }
        guard let data = FileManager.default.contents(atPath: source) else {
            return FileTree.Failure(path: source, code: ENOENT)
        }
        return FileTree.writeFile(Array(data), to: target)
    }

    /// Removes `path` and everything under it.
    public static func remove(_ path: String) {
        FileTree.remove(path)
    }
}
