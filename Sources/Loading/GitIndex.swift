#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Git's index file (`.git/index`, versions 2 to 4, as `gitformat-index` describes it), read in
/// place of `git ls-files --stage` and `git diff-files`: each file's blob, and the file's
/// inode, size and times when git last saw its bytes be the blob's. A file whose `lstat` gives
/// the same values, and whose time is before the index was written (git's test for a "racily
/// clean" file), holds the blob's bytes, as `diff-files` would say without reading it. Two git
/// processes, one of which `lstat`s every file again, took 0.1 s of CPU of a rebuild in CI
/// at N = 10,000.
///
/// `nil` (so that git is asked) for what it does not read: another version, a split index
/// (`link`), a sparse one (`sdir`), bytes out of place.
struct GitIndex {
    /// One entry at stage 0 that may be a clean regular file (`assume-unchanged`,
    /// `skip-worktree` and `intent-to-add` entries, links and submodules are left out).
    struct Entry: Equatable {
        var blob: String
        var ctime: (seconds: UInt32, nanoseconds: UInt32)
        var mtime: (seconds: UInt32, nanoseconds: UInt32)
        var inode: UInt32
        var size: UInt32

        static func == (a: Entry, b: Entry) -> Bool {
            a.blob == b.blob && a.ctime == b.ctime && a.mtime == b.mtime && a.inode == b.inode && a.size == b.size
        }
    }

    /// The regular files at stage 0 under the folder asked for (but `.gitattributes`), by path
    /// from the top of the work tree.
    var files: [String: Entry] = [:]
    /// The blob of each `.gitattributes` (at any stage), by path from the top.
    var attributes: [String: String] = [:]

    /// The index in `bytes`, whose object names are `hashSize` bytes (20 for SHA-1, 32 for
    /// SHA-256), with the files whose path starts with `under` (the site's content folder: the
    /// index holds the whole repository's, each made a string and a blob's hex only when kept);
    /// `nil` when it is not one this reader knows.
    static func parse(_ bytes: [UInt8], hashSize: Int = 20, under: String = "") -> GitIndex? {
        bytes.withUnsafeBufferPointer { parse($0, hashSize: hashSize, under: Array(under.utf8)) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, hashSize: Int, under: [UInt8]) -> GitIndex? {
        func word(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
        let end = bytes.count - hashSize
        guard end >= 12, bytes[0..<4].elementsEqual("DIRC".utf8) else { return nil }
        let version = word(4)
        let count = Int(word(8))
        guard (2...4).contains(version) else { return nil }
        var index = GitIndex()
        index.files.reserveCapacity(count)
        var offset = 12
        var path: [UInt8] = []
        let hex = Array("0123456789abcdef".utf8)
        for _ in 0..<count {
            let start = offset
            guard offset + 40 + hashSize + 2 <= end else { return nil }
            let mode = word(offset + 24)
            let blobStart = offset + 40
            offset = blobStart + hashSize
            let flags = UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
            offset += 2
            var extended: UInt16 = 0
            if flags & 0x4000 != 0 {
                guard version >= 3, offset + 2 <= end else { return nil }
                extended = UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
                offset += 2
            }
            if version == 4 {
                // The length of the previous path to drop, then the rest of this one.
                guard offset < end else { return nil }
                var byte = Int(bytes[offset])
                var drop = byte & 0x7F
                offset += 1
                while byte & 0x80 != 0 {
                    guard offset < end, drop < Int.max >> 8 else { return nil }
                    byte = Int(bytes[offset])
                    offset += 1
                    drop = ((drop + 1) << 7) | (byte & 0x7F)
                }
                guard drop <= path.count else { return nil }
                path.removeLast(drop)
                guard let nul = bytes[offset..<end].firstIndex(of: 0) else { return nil }
                path += bytes[offset..<nul]
                offset = nul + 1
            } else {
                guard let nul = bytes[offset..<end].firstIndex(of: 0) else { return nil }
                path = Array(bytes[offset..<nul])
                // Padded with one to eight NULs to a multiple of eight bytes from the entry's start.
                offset = start + ((nul - start + 8) & ~7)
                guard offset <= end else { return nil }
            }
            let isAttributes =
                path.elementsEqual(".gitattributes".utf8) || path.suffix(15).elementsEqual("/.gitattributes".utf8)
            // A regular file (not a link or submodule) at stage 0, not marked assume-unchanged,
            // skip-worktree or intent-to-add, under the folder asked for: git vouches for its
            // stat data.
            guard
                isAttributes
                    || (mode == 0o100644 || mode == 0o100755) && flags & 0x3000 == 0 && flags & 0x8000 == 0
                        && extended & 0x6000 == 0 && path.starts(with: under)
            else { continue }
            let name = String(decoding: path, as: UTF8.self)
            var blob = [UInt8](repeating: 0, count: hashSize * 2)
            for position in 0..<hashSize {
                let byte = bytes[blobStart + position]
                blob[2 * position] = hex[Int(byte >> 4)]
                blob[2 * position + 1] = hex[Int(byte & 0xF)]
            }
            let id = String(decoding: blob, as: UTF8.self)
            guard !isAttributes else {
                index.attributes[name] = id
                continue
            }
            index.files[name] = Entry(
                blob: id, ctime: (word(start), word(start + 4)), mtime: (word(start + 8), word(start + 12)),
                inode: word(start + 20), size: word(start + 36))
        }
        // Extensions: a split or sparse index holds entries elsewhere.
        while offset + 8 <= end {
            let signature = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            guard signature != "link", signature != "sdir" else { return nil }
            let size = Int(word(offset + 4))
            guard size <= end - offset - 8 else { return nil }
            offset += 8 + size
        }
        guard offset == end else { return nil }
        return index
    }

    /// Whether the file `info` describes holds `entry`'s blob, as git would judge without reading
    /// it: the same inode, size, modification and change times as git recorded (truncated to 32
    /// bits, as git keeps them), and a modification time before the index's (`written`), so not
    /// changed in the moment git wrote the index.
    static func isClean(_ info: stat, as entry: Entry, written: timespec) -> Bool {
        guard info.st_mode & S_IFMT == S_IFREG,
            UInt32(truncatingIfNeeded: info.st_size) == entry.size,
            UInt32(truncatingIfNeeded: info.st_ino) == entry.inode,
            UInt32(truncatingIfNeeded: info.st_mtim.tv_sec) == entry.mtime.seconds,
            UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec) == entry.mtime.nanoseconds,
            UInt32(truncatingIfNeeded: info.st_ctim.tv_sec) == entry.ctime.seconds,
            UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec) == entry.ctime.nanoseconds
        else { return false }
        return (Int(entry.mtime.seconds), Int(entry.mtime.nanoseconds))
            < (Int(written.tv_sec), Int(written.tv_nsec))
    }
}
