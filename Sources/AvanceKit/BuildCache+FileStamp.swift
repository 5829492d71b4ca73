import Foundation

extension BuildCache {
    /// An output file's inode, size and modification time, as `lstat` gives them: what tells a
    /// file changed or replaced since the manifest was written. Numbers, not text: a restored
    /// pair's 54,000 stamps were each a string made by its check, parsed from the manifest,
    /// copied into the restamped manifest and written again, on every rebuild in CI. In the
    /// manifest, `inode:size:seconds.nanoseconds`, as before.
    struct FileStamp: Equatable, Sendable, CustomStringConvertible {
        var inode: UInt64
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64

        init(inode: UInt64, size: Int64, seconds: Int64, nanoseconds: Int64) {
            (self.inode, self.size, self.seconds, self.nanoseconds) = (inode, size, seconds, nanoseconds)
        }

        /// The stamp of a file whose `lstat` is `info`.
        init(_ info: stat) {
            self.init(
                inode: UInt64(info.st_ino), size: Int64(info.st_size), seconds: Int64(info.st_mtim.tv_sec),
                nanoseconds: Int64(info.st_mtim.tv_nsec))
        }

        /// Whether `other` has the same size and time, whatever its inode: an archive restores a
        /// file's size and time, never its inode.
        func isSameAfterInode(as other: FileStamp) -> Bool {
            size == other.size && seconds == other.seconds && nanoseconds == other.nanoseconds
        }

        /// Whether the file's time is before `time`.
        func isBefore(_ time: timespec) -> Bool {
            (seconds, nanoseconds) < (Int64(time.tv_sec), Int64(time.tv_nsec))
        }

        /// The stamp written as `text` (its manifest form); `nil` unless it is exactly that, each
        /// number in range.
        init?(text: UnsafeBufferPointer<UInt8>) {
            var index = 0
            /// The decimal number at `index` (with a leading `-` when `signed`), up to `end` (or the
            /// text's end when `nil`), which is passed over.
            func number(signed: Bool = false, then end: UInt8?) -> (magnitude: UInt64, negative: Bool)? {
                let negative = signed && index < text.count && text[index] == UInt8(ascii: "-")
                if negative { index += 1 }
                let start = index
                var value: UInt64 = 0
                while index < text.count, text[index] != end {
                    let digit = text[index] &- UInt8(ascii: "0")
                    guard digit < 10 else { return nil }
                    let (times, overflow) = value.multipliedReportingOverflow(by: 10)
                    let (sum, carry) = times.addingReportingOverflow(UInt64(digit))
                    guard !overflow, !carry else { return nil }
                    value = sum
                    index += 1
                }
                // At least one digit, and the separator asked for (none: the text's end).
                guard index > start, (end == nil) == (index == text.count) else { return nil }
                if end != nil { index += 1 }
                return (value, negative)
            }
            let colon = UInt8(ascii: ":")
            guard let inode = number(then: colon), let size = number(then: colon),
                let seconds = number(signed: true, then: UInt8(ascii: ".")), let nanoseconds = number(then: nil),
                size.magnitude <= UInt64(Int64.max), seconds.magnitude <= UInt64(Int64.max),
                nanoseconds.magnitude < 1_000_000_000
            else { return nil }
            self.init(
                inode: inode.magnitude, size: Int64(size.magnitude),
                seconds: seconds.negative ? -Int64(seconds.magnitude) : Int64(seconds.magnitude),
                nanoseconds: Int64(nanoseconds.magnitude))
        }

        /// Appends the stamp's text to `bytes`, digit by digit.
        func write(into bytes: inout [UInt8]) {
            Self.append(inode, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.append(UInt64(size.magnitude), negative: size < 0, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            Self.append(seconds.magnitude, negative: seconds < 0, to: &bytes)
            bytes.append(UInt8(ascii: "."))
            Self.append(nanoseconds.magnitude, negative: nanoseconds < 0, to: &bytes)
        }

        var description: String {
            var bytes: [UInt8] = []
            write(into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }

        private static func append(_ value: UInt64, negative: Bool = false, to bytes: inout [UInt8]) {
            if negative { bytes.append(UInt8(ascii: "-")) }
            var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: the 20 digits of UInt64.max
            let count = withUnsafeMutableBytes(of: &digits) { room in
                var (magnitude, count) = (value, 0)
                repeat {
                    room[room.count - 1 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                    count += 1
                    magnitude /= 10
                } while magnitude > 0
                return count
            }
            withUnsafeBytes(of: &digits) { bytes.append(contentsOf: $0[($0.count - count)...]) }
        }
    }
}
