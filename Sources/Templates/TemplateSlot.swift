import Foundation

/// A name as the renderer asks for it: the name, and its number, the same for every template
/// and view in the process. A template's names are numbered when it is parsed, a view's when
/// its table (`TemplateNames`) is made, so a lookup while rendering is an index into the view's
/// table, not a hash of the name.
public struct TemplateSlot: Sendable {
    @usableFromInline let id: Int
    public let name: String

    init(_ name: String) {
        self.name = name
        self.id = Self.numbers.number(of: name)
    }

    /// The numbers given so far, by name.
    static let numbers = Numbers()

    final class Numbers: @unchecked Sendable {
        private let lock = NSLock()
        private var byName: [String: Int] = [:]

        /// The number of `name`, given now if it has none.
        func number(of name: String) -> Int {
            lock.lock()
            defer { lock.unlock() }
            if let number = byName[name] { return number }
            byName[name] = byName.count
            return byName.count - 1
        }
    }
}

/// Texts by name, answered by slot: an object that answers to any name it holds (such as the
/// interface strings, `{{t.footer_note}}`) reads a tag's name by its number, not by hashing it.
public struct TemplateTexts: Sendable {
    /// Each text by the number of its name (`TemplateSlot.id`); `nil` for the other numbers.
    private let bySlot: [String?]

    public init(_ texts: [String: String]) {
        var bySlot: [String?] = []
        for (name, text) in texts {
            let id = TemplateSlot(name).id
            if bySlot.count <= id { bySlot += Array(repeating: nil, count: id + 1 - bySlot.count) }
            bySlot[id] = text
        }
        self.bySlot = bySlot
    }

    /// The text whose name `slot` stands for; `nil` when there is none.
    public func value(slot: TemplateSlot) -> TemplateValue? {
        guard slot.id < bySlot.count, let text = bySlot[slot.id] else { return nil }
        return .text(text)
    }
}
