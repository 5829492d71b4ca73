/// A `TemplateObject` whose names are a table declared once (`names`): the table answers the
/// lookups while a page is rendered, and tells the theme check which names the view has, so a
/// misspelt `{{titel}}` fails the build instead of rendering nothing.
public protocol TemplateView: TemplateObject {
    /// Every name a template can use on this view, each to the value it reads.
    static var names: TemplateNames<Self> { get }
}

extension TemplateView {
    public func value(named name: String) -> TemplateValue? {
        Self.names.table[name]?.read(self)
    }

    /// The value in `slot`: an index into the table, specialised for each view where it is
    /// declared (hence `@inlinable`), with no hashing and no generic look-up.
    @inlinable
    public func value(slot: TemplateSlot) -> TemplateValue? {
        Self.names.value(slot, of: self)
    }

    /// The shape of the value called `name`, for the theme check; `nil` when the view has none.
    static func shape(of name: String) -> TemplateShape.Name? {
        Self.names.table[name].map { TemplateShape.Name(shape: $0.shape, optional: $0.optional) }
    }

    /// Every name of the view, sorted.
    public static var allNames: [String] {
        Self.names.table.keys.sorted()
    }
}

/// A view's names, written as a dictionary literal: `["title": .init(\.title), …]`.
public struct TemplateNames<Root>: Sendable, ExpressibleByDictionaryLiteral {
    let table: [String: TemplateName<Root>]
    /// The position in `entries` of each slot's name (`TemplateSlot.id`), -1 for a name the view
    /// has not; a slot numbered after the table was made is none of its names.
    @usableFromInline let positions: [Int32]
    @usableFromInline let entries: [TemplateName<Root>]

    public init(dictionaryLiteral elements: (String, TemplateName<Root>)...) {
        table = Dictionary(elements, uniquingKeysWith: { _, last in last })
        let slots = table.map { (TemplateSlot($0.key), $0.value) }
        var positions = [Int32](repeating: -1, count: (slots.map(\.0.id).max() ?? -1) + 1)
        for (index, slot) in slots.enumerated() { positions[slot.0.id] = Int32(index) }
        self.positions = positions
        entries = slots.map(\.1)
    }

    /// The value of `root` in `slot`; `nil` when the view has no such name.
    @inlinable
    func value(_ slot: TemplateSlot, of root: Root) -> TemplateValue? {
        guard slot.id < positions.count else { return nil }
        let position = Int(positions[slot.id])
        return position < 0 ? nil : entries[position].read(root)
    }
}

/// One name of a view: what it reads, as a `TemplateValue`, and its shape. Written with a key
/// path, `.init(\.title)`, which Swift turns into a function that reads the property directly:
/// as fast as the `switch` it replaces, where applying a `KeyPath` value is about three times
/// slower per lookup.
///
/// An optional property reads as no value when it is `nil`, so that the template looks further
/// out, as for any name it does not find.
public struct TemplateName<Root>: Sendable {
    let shape: TemplateShape
    let optional: Bool
    @usableFromInline let read: @Sendable (Root) -> TemplateValue?

    @usableFromInline
    init(_ shape: TemplateShape, optional: Bool = false, _ read: @escaping @Sendable (Root) -> TemplateValue?) {
        self.shape = shape
        self.optional = optional
        self.read = read
    }

    public init(_ path: @escaping @Sendable (Root) -> String) {
        self.init(.text) { .text(path($0)) }
    }

    public init(_ path: @escaping @Sendable (Root) -> String?) {
        self.init(.text, optional: true) { path($0).map(TemplateValue.text) }
    }

    public init(_ path: @escaping @Sendable (Root) -> Int) {
        self.init(.number) { .number(path($0)) }
    }

    public init(_ path: @escaping @Sendable (Root) -> Int?) {
        self.init(.number, optional: true) { path($0).map(TemplateValue.number) }
    }

    public init(_ path: @escaping @Sendable (Root) -> Bool) {
        self.init(.flag) { .flag(path($0)) }
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> [String]) {
        self.init(.list(.text)) { TemplateValue(path($0)) }
    }

    public init<View: TemplateView>(_ path: @escaping @Sendable (Root) -> View) {
        self.init(.object(View.self)) { .object(path($0)) }
    }

    public init<View: TemplateView>(_ path: @escaping @Sendable (Root) -> View?) {
        self.init(.object(View.self), optional: true) { path($0).map { .object($0) } }
    }

    @inlinable
    public init<View: TemplateView>(_ path: @escaping @Sendable (Root) -> [View]) {
        self.init(.list(.object(View.self))) { TemplateValue(path($0)) }
    }

    /// An object that answers to any name, such as interface strings by key.
    public init(anyName path: @escaping @Sendable (Root) -> some TemplateObject) {
        self.init(.anyName) { .object(path($0)) }
    }
}
