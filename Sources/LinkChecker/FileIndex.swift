#if canImport(Glibc)
    import Glibc
#endif

/// The folder's files by the UTF-8 bytes of their paths, so that a URL resolved on bytes finds
/// its file without making a string of the path: this runs for every URL of every page.
///
/// An open-addressing table of FNV-1a hashes. Each slot holds what a lookup needs (hash, where
/// the path's bytes are, the file's number) so that one lookup reads one slot and one path; the
/// folder's own strings are touched only when a caller asks for one.
struct FileIndex: Sendable {
    /// Every file, by number.
    let paths: [String]
    /// The paths' bytes, one after another.
    private let bytes: [UInt8]
    private let slots: [Slot]
    private let mask: Int

    struct Slot: Sendable {
        /// The low half of the path's hash; `number` is -1 in an empty slot.
        var hash: UInt32 = 0
        var number: Int32 = -1
        var start: Int32 = 0
        var count: Int32 = 0
    }

    init(_ files: some Collection<String>) {
        let paths = Array(files)
        var bytes: [UInt8] = []
        var capacity = 16
        while capacity < paths.count * 2 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(), count: capacity)
        for (number, path) in paths.enumerated() {
            let start = bytes.count
            bytes += path.utf8
            let hash = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start...])) }
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot].number >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Slot(
                hash: UInt32(truncatingIfNeeded: hash), number: Int32(number), start: Int32(start),
                count: Int32(bytes.count - start))
        }
        self.paths = paths
        self.bytes = bytes
        self.slots = slots
        mask = capacity - 1
    }

    /// The number of the file whose path is exactly `key` (its path is `paths[number]`), or `nil`.
    func number(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = Self.hash(key)
        let low = UInt32(truncatingIfNeeded: hash)
        return slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { all in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry.number < 0 { return nil }
                    if entry.hash == low, Int(entry.count) == key.count,
                        key.isEmpty || memcmp(all.baseAddress! + Int(entry.start), key.baseAddress!, key.count) == 0
                    {
                        return Int(entry.number)
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The file whose path is exactly `key`, or `nil`.
    func find(_ key: UnsafeBufferPointer<UInt8>) -> String? {
        number(of: key).map { paths[$0] }
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
