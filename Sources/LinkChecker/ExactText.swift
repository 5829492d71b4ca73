import Diagnostics

/// A string compared and hashed by its UTF-8 bytes, as browsers compare ids and servers compare
/// file names: Swift's `==` (and so `Set<String>` and `[String: …]`) takes `ó` written as one code
/// point (NFC) and as `o` plus a combining accent (NFD) for the same string, which a browser never
/// does.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (left: ExactText, right: ExactText) -> Bool {
        equal(left.text, right.text)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// True when `left` and `right` are the same code points.
    static func equal(_ left: String, _ right: String) -> Bool {
        left.hasSameBytes(as: right)
    }

    /// True when the two look the same to Swift (canonically equivalent) but differ in code points.
    static func looksAlike(_ left: String, _ right: String) -> Bool {
        left == right && !equal(left, right)
    }
}
