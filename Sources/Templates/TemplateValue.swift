/// A value a template can show, test or loop over. Views hand these out by name
/// (`TemplateObject`), so rendering never needs a dynamic cast or reflection.
public enum TemplateValue: Sendable {
    /// Text, escaped for HTML by `{{name}}`, written as it is by `{{{name}}}`.
    case text(String)
    case number(Int)
    /// A flag: `{{#name}}` shows its section when true, `{{^name}}` when false.
    case flag(Bool)
    /// An object with values of its own: `{{#name}}` shows its section inside it. In a box of
    /// its own (`indirect`), so that the enum holds only references and plain data: copying or
    /// testing a value is then inline code, where an existential in the enum made every copy,
    /// destroy and case test of every value a call through its value witnesses.
    indirect case object(any TemplateObject)
    /// A list: `{{#name}}` shows its section once per item, `{{^name}}` when it is empty.
    case list(TemplateList)
}

/// A value with named values of its own: a page's view, a link, a row.
public protocol TemplateObject: Sendable {
    /// The value called `name`, or `nil` when this object has none (the template then looks in
    /// the objects around it, as Mustache does).
    func value(named name: String) -> TemplateValue?

    /// The value a tag's name stands for, by its slot (the name's number, given when the
    /// template is parsed): what the renderer asks. A view (`TemplateView`) answers by index
    /// into its table; any other object by name.
    func value(slot: TemplateSlot) -> TemplateValue?

    /// The value in `slot` of the object at `object`, read where it lies (an item of a list).
    static func value(at object: UnsafePointer<Self>, slot: TemplateSlot) -> TemplateValue?

    /// For a view, its table's index by slot (`TemplateNames.positions`), which the renderer
    /// reads to pass over a view that has not a name; `nil` for an object that is asked every
    /// name.
    static var slotPositions: UnsafeBufferPointer<Int32>? { get }
}

extension TemplateObject {
    @inlinable
    public func value(slot: TemplateSlot) -> TemplateValue? { value(named: slot.name) }

    @inlinable
    public static func value(at object: UnsafePointer<Self>, slot: TemplateSlot) -> TemplateValue? {
        object.pointee.value(slot: slot)
    }

    @inlinable
    public static var slotPositions: UnsafeBufferPointer<Int32>? { nil }
}

/// The items of a list, kept as the view handed them out (an array of its rows, of its
/// strings): an item is read where it lies, not copied into a `TemplateValue` of its own, so a
/// list of a thousand rows costs one allocation, not a thousand boxes.
public struct TemplateList: @unchecked Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// The value called `slot` in the item at an index, or, for no slot, the item itself.
    @usableFromInline let read: @Sendable (Int, TemplateSlot?) -> TemplateValue?
    public let endIndex: Int
    public var startIndex: Int { 0 }
    /// For a list of views, their table's index by slot (`TemplateObject.slotPositions`), so
    /// that a name the items have not is not asked of them.
    @usableFromInline let positions: UnsafeBufferPointer<Int32>?

    @usableFromInline
    init(
        count: Int, positions: UnsafeBufferPointer<Int32>? = nil,
        read: @escaping @Sendable (Int, TemplateSlot?) -> TemplateValue?
    ) {
        self.endIndex = count
        self.positions = positions
        self.read = read
    }

    /// A list of values, each one already a `TemplateValue`.
    public init(_ values: [TemplateValue]) {
        self.init(count: values.count) { index, slot in
            guard let slot else { return values[index] }
            guard case .object(let object) = values[index] else { return nil }
            return object.value(slot: slot)
        }
    }

    public init(arrayLiteral elements: TemplateValue...) {
        self.init(elements)
    }

    /// A list of texts.
    @inlinable
    public init(_ texts: [String]) {
        // Texts have no names: an empty table, so that no name is asked of them.
        self.init(count: texts.count, positions: UnsafeBufferPointer(start: nil, count: 0)) { index, slot in
            slot == nil ? .text(texts[index]) : nil
        }
    }

    /// A list of objects, read in place.
    @inlinable
    public init<Object: TemplateObject>(_ objects: [Object]) {
        self.init(count: objects.count, positions: Object.slotPositions) { index, slot in
            guard let slot else { return .object(objects[index]) }
            // Asked where it lies: `objects[index]` would copy the item, counting a reference
            // for each of its strings and arrays, at every name a template reads in it.
            return objects.withUnsafeBufferPointer { Object.value(at: $0.baseAddress! + index, slot: slot) }
        }
    }

    /// The item at `index`; an object is boxed here, which rendering avoids (`value(at:slot:)`).
    public subscript(index: Int) -> TemplateValue {
        // `read` answers every item without a slot.
        read(index, nil)!
    }

    /// The value called `slot` in the item at `index`; `nil` when the item is no object or has
    /// no such value.
    func value(at index: Int, slot: TemplateSlot) -> TemplateValue? {
        read(index, slot)
    }

    /// The same items, last first.
    func reversed() -> TemplateList {
        let read = self.read
        let last = endIndex - 1
        return TemplateList(count: endIndex, positions: positions) { index, slot in read(last - index, slot) }
    }
}

extension TemplateValue {
    public init(_ text: String) { self = .text(text) }
    public init(_ number: Int) { self = .number(number) }
    public init(_ flag: Bool) { self = .flag(flag) }
    public init(_ object: some TemplateObject) { self = .object(object) }
    @inlinable
    public init(_ texts: [String]) { self = .list(TemplateList(texts)) }
    @inlinable
    public init(_ objects: [some TemplateObject]) { self = .list(TemplateList(objects)) }

    /// `nil` for a missing value, so that the template looks further out, as for any name it
    /// does not find.
    public init?(_ text: String?) {
        guard let text else { return nil }
        self = .text(text)
    }

    public init?(_ number: Int?) {
        guard let number else { return nil }
        self = .number(number)
    }

    public init?(_ object: (some TemplateObject)?) {
        guard let object else { return nil }
        self = .object(object)
    }
}
