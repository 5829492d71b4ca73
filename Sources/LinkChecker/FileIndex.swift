#if canImport(Glibc)
    import Glibc
#endif

/// The folder's files by the UTF-8 bytes of their paths, so that a URL resolved on bytes finds
/// its file without making a string of the path: this runs for every URL of every page.
///
/// An open-addressing table of FNV-1a hashes; the strings are the folder's own, so a found file
/// costs no allocation.
struct FileIndex: Sendable {
    /// Every file, in the order of `starts`.
    let paths: [String]
    /// The paths' bytes, one after another; path `n` is `bytes[starts[n]..<starts[n + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    /// Path numbers (or -1 for an empty slot), and the hash of each slot's path.
    private let slots: [Int32]
    private let hashes: [UInt64]
    private let mask: Int

    init(_ files: some Collection<String>) {
        let paths = Array(files)
        var bytes: [UInt8] = []
        var starts = [0]
        for path in paths {
            bytes += path.utf8
            starts.append(bytes.count)
        }
        var capacity = 16
        while capacity < paths.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        var hashes = [UInt64](repeating: 0, count: capacity)
        bytes.withUnsafeBufferPointer { all in
            for number in paths.indices {
                let hash = Self.hash(UnsafeBufferPointer(rebasing: all[starts[number]..<starts[number + 1]]))
                var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
                while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
                slots[slot] = Int32(number)
                hashes[slot] = hash
            }
        }
        self.paths = paths
        self.bytes = bytes
        mask = capacity - 1
        self.starts = starts
        self.slots = slots
        self.hashes = hashes
    }

    /// The file whose path is exactly `key`, or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> String? {
        let hash = Self.hash(key)
        return slots.withUnsafeBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                starts.withUnsafeBufferPointer { starts in
                    bytes.withUnsafeBufferPointer { all in
                        var slot = Int(truncatingIfNeeded: hash) & mask
                        while true {
                            let number = Int(slots[slot])
                            if number < 0 { return nil }
                            let start = starts[number]
                            if hashes[slot] == hash, starts[number + 1] - start == key.count,
                                key.isEmpty || memcmp(all.baseAddress! + start, key.baseAddress!, key.count) == 0
                            {
                                return paths[number]
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
    }

    /// FNV-1a over eight bytes at a time: paths are short, and this runs for every URL.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01b3
        guard let base = key.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* prime
            hash ^= hash >> 32
            offset += 8
        }
        while offset < key.count {
            hash = (hash ^ UInt64(key[offset])) &* prime
            offset += 1
        }
        return hash ^ (hash >> 29)
    }
}
