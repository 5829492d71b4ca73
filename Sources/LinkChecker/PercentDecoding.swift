import Diagnostics

/// `%C3%B3` → `ó`: URLs reach files and ids only once decoded.
enum PercentDecoding {
    /// `text` with every `%XX` decoded as UTF-8, or `nil` when an escape is malformed or the
    /// bytes are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Why `text` cannot be decoded, for a message.
    static func problem(_ text: Substring) -> Message {
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { continue }
            guard iterator.next().flatMap(hexValue) != nil, iterator.next().flatMap(hexValue) != nil else {
                return Message("link-invalid.escape", ["text": String(text)])
            }
        }
        return Message("link-invalid.utf8", ["text": String(text)])
    }
}
