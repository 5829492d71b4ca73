#if canImport(Glibc)
    import Glibc
#endif

/// Reads whole files with one `open` and as few `read`s as it takes: tens of thousands of pages
/// go through here.
enum FileBytes {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let buffer = ByteBuffer(capacity: 4096)
        try read(path, into: buffer)
        return Array(buffer.bytes)
    }

    /// Replaces the contents of `buffer` with the file's bytes, in memory kept from the last
    /// file: the usual page takes one `open`, one `fstat` and one `read`, and nothing is zeroed.
    /// A relative `path` is relative to the folder open as `folder` (the working folder unless
    /// given).
    static func read(_ path: String, relativeTo folder: Int32 = AT_FDCWD, into buffer: ByteBuffer) throws(ReadError) {
        let descriptor = openat(folder, path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(path: path, errno: errno) }
        buffer.removeAll()
        // One byte more than the size, to see the end of a file that grew since `fstat`.
        var room = max(Int(status.st_size) + 1, 4096)
        while true {
            let count = buffer.appendUninitialized(upTo: room) { Glibc.read(descriptor, $0, room) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(path: path, errno: errno) }
            if count == 0 { break }
            // The usual case: the whole file in one `read`, without a second one to see the end.
            if buffer.count == Int(status.st_size) { break }
            room = count == room ? room * 2 : room - count
        }
    }
}

/// A file that could not be read, with the system's reason.
struct ReadError: Error, Sendable {
    var path: String
    var reason: String

    init(path: String, errno code: Int32) {
        self.path = path
        self.reason = String(cString: strerror(code))
    }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}
