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
