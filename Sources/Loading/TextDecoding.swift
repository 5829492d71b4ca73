import Diagnostics
import Foundation

/// Turns a file's bytes into normalised text, or a diagnostic saying where it is not UTF-8.
public enum TextDecoding {
    /// Decodes `bytes` as UTF-8, dropping a byte-order mark and turning CRLF and lone CRs into LF.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            return .failure(invalidUTF8(body, path: path))
        }
        if mayHoldForbiddenControl(body), let control = text.unicodeScalars.firstIndex(where: \.isForbiddenControl) {
            let before = text.unicodeScalars[..<control]
            let line = before.filter { $0 == "\n" }.count + 1
            let column = before.reversed().prefix { $0 != "\n" }.count + 1
            let scalar = text.unicodeScalars[control]
            let message =
                scalar == "\0"
                ? Message("file-encoding.nul") : Message("file-encoding.control", ["character": scalar.codePoint])
            return .failure(
                .error(
                    "file-encoding", message, at: SourceLocation(file: path, line: line, column: column),
                    hint: Message("file-encoding.control.hint")))
        }
        let hasCarriageReturn = body.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { memchr($0, 13, buffer.count) != nil } ?? false
        }
        guard hasCarriageReturn else { return .success(text) }
        // CRLF (Windows) and a lone CR (classic Mac OS, some exports) both end a line, as they
        // do for cmark-gfm and libyaml: every later stage then counts the lines the same way.
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// Whether valid UTF-8 `bytes` hold a forbidden control character (`isForbiddenControl`):
    /// a C0 byte but tab and line ends, DEL, `C2 80`–`C2 9F` (C1) or `EF BF BE`/`EF BF BF`
    /// (U+FFFE, U+FFFF). A byte scan, far faster than one over scalars.
    static func mayHoldForbiddenControl(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer(mayHoldForbiddenControl)
    }

    private static func mayHoldForbiddenControl(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in bytes {
            // Most bytes are printable ASCII: one comparison, then the next byte.
            if byte >= 0x20, byte < 0x7F {
                beforePrevious = previous
                previous = byte
                continue
            }
            switch byte {
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xBE...0xBF where previous == 0xBF && beforePrevious == 0xEF: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Where the first byte that is not UTF-8 is, as line and column.
    static func invalidUTF8(_ bytes: ArraySlice<UInt8>, path: String) -> Diagnostic {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        var firstBad = bytes.endIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            let end = index + length
            let valid =
                length > 0 && end <= bytes.endIndex
                && String(validating: bytes[index..<end], as: UTF8.self) != nil
            if !valid {
                firstBad = index
                break
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        let prefix = bytes[lineStart..<firstBad]
        let column = (String(validating: prefix, as: UTF8.self)?.unicodeScalars.count ?? 0) + 1
        let byte = firstBad < bytes.endIndex ? bytes[firstBad] : 0
        let hex = String(byte, radix: 16, uppercase: true)
        // UTF-16 starts with its byte-order mark, FF FE or FE FF.
        let utf16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        return .error(
            "file-encoding", Message("file-encoding", ["byte": "0x" + hex]),
            at: SourceLocation(file: path, line: line, column: column),
            hint: Message(utf16 ? "file-encoding.hint.utf16" : "file-encoding.hint.latin1"))
    }
}
