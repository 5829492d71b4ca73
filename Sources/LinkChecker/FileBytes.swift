#if canImport(Glibc)
    import Glibc
#endif

/// Reads whole files with one `open` and as few `read`s as it takes: tens of thousands of pages
/// go through here.
enum FileBytes {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        var buffer: [UInt8] = []
        try read(path, into: &buffer)
        return buffer
    }

    /// Replaces the contents of `buffer` (whose capacity is reused) with the file's bytes.
    static func read(_ path: String, into buffer: inout [UInt8]) throws(ReadError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(path: path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadError(path: path, errno: errno) }
        var size = 0
        var capacity = max(Int(status.st_size) + 1, 4096)
        buffer.removeAll(keepingCapacity: true)
        while true {
            if buffer.count < capacity { buffer.append(contentsOf: repeatElement(0, count: capacity - buffer.count)) }
            let count = buffer.withUnsafeMutableBytes {
                Glibc.read(descriptor, $0.baseAddress! + size, capacity - size)
            }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw ReadError(path: path, errno: errno) }
            if count == 0 { break }
            size += count
            // The usual case: the whole file in one `read`, without a second one to see the end.
            if size == Int(status.st_size) { break }
            if size == capacity { capacity *= 2 }
        }
        buffer.removeSubrange(size...)
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
}
