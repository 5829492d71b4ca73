/// A `TemplateObject` whose names are a table declared once (`names`): the table answers the
/// lookups while a page is rendered, and tells the theme check which names the view has, so a
/// misspelt `{{titel}}` fails the build instead of rendering nothing.
public protocol TemplateView: TemplateObject {
    /// Every name a template can use on this view, each to the value it reads.
    static var names: TemplateNames<Self> { get }
}

extension TemplateView {
    public func value(named name: String) -> TemplateValue? {
        withUnsafePointer(to: self) { Self.names.table[name]?.read($0) }
    }

    /// The value in `slot`: an index into the table, specialised for each view where it is
    /// declared (hence `@inlinable`), with no hashing and no generic look-up.
    @inlinable
    public func value(slot: TemplateSlot) -> TemplateValue? {
        withUnsafePointer(to: self) { Self.names.value(slot, at: $0) }
    }

    @inlinable
    public static var slotPositions: UnsafeBufferPointer<Int32>? { names.positions }

    /// The value in `slot` of the view at `view`, read where it lies: an item of a list asked
    /// this way is not copied (all its fields retained) to be asked.
    @inlinable
    public static func value(at view: UnsafePointer<Self>, slot: TemplateSlot) -> TemplateValue? {
        names.value(slot, at: view)
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
///
/// The index by slot is kept in buffers made once and never freed: a view's table is a
/// `static let`, made once per view type and read for the life of the process, and a lookup
/// that read it from arrays retained and released both arrays at every name a template read.
public struct TemplateNames<Root>: @unchecked Sendable, ExpressibleByDictionaryLiteral {
    let table: [String: TemplateName<Root>]
    /// The position in `entries` of each slot's name (`TemplateSlot.id`), -1 for a name the view
    /// has not; a slot numbered after the table was made is none of its names.
    @usableFromInline let positions: UnsafeBufferPointer<Int32>
    @usableFromInline let entries: UnsafeBufferPointer<TemplateName<Root>>

    public init(dictionaryLiteral elements: (String, TemplateName<Root>)...) {
        table = Dictionary(elements, uniquingKeysWith: { _, last in last })
        let slots = table.map { (TemplateSlot($0.key), $0.value) }
        let positions = UnsafeMutableBufferPointer<Int32>.allocate(capacity: (slots.map(\.0.id).max() ?? -1) + 1)
        positions.initialize(repeating: -1)
        for (index, slot) in slots.enumerated() { positions[slot.0.id] = Int32(index) }
        self.positions = UnsafeBufferPointer(positions)
        let entries = UnsafeMutableBufferPointer<TemplateName<Root>>.allocate(capacity: slots.count)
        _ = entries.initialize(from: slots.map(\.1))
        self.entries = UnsafeBufferPointer(entries)
    }

    /// The value in `slot` of the view at `root`; `nil` when the view has no such name.
    @inlinable
    func value(_ slot: TemplateSlot, at root: UnsafePointer<Root>) -> TemplateValue? {
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
    /// Reads the value from the view where it lies (a pointer to it), so that asking a view in
    /// a list or in the renderer's stack does not copy the view first.
    @usableFromInline let read: @Sendable (UnsafePointer<Root>) -> TemplateValue?

    @usableFromInline
    init(
        _ shape: TemplateShape, optional: Bool = false,
        _ read: @escaping @Sendable (UnsafePointer<Root>) -> TemplateValue?
    ) {
        self.shape = shape
        self.optional = optional
        self.read = read
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> String) {
        self.init(.text) { .text(path($0.pointee)) }
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> String?) {
        self.init(.text, optional: true) { path($0.pointee).map(TemplateValue.text) }
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> Int) {
        self.init(.number) { .number(path($0.pointee)) }
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> Int?) {
        self.init(.number, optional: true) { path($0.pointee).map(TemplateValue.number) }
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> Bool) {
        self.init(.flag) { .flag(path($0.pointee)) }
    }

    @inlinable
    public init(_ path: @escaping @Sendable (Root) -> [String]) {
        self.init(.list(.text)) { TemplateValue(path($0.pointee)) }
    }

    @inlinable
    public init<View: TemplateView>(_ path: @escaping @Sendable (Root) -> View) {
        self.init(.object(View.self)) { .object(path($0.pointee)) }
    }

    @inlinable
    public init<View: TemplateView>(_ path: @escaping @Sendable (Root) -> View?) {
        self.init(.object(View.self), optional: true) { path($0.pointee).map { .object($0) } }
    }

    @inlinable
    public init<View: TemplateView>(_ path: @escaping @Sendable (Root) -> [View]) {
        self.init(.list(.object(View.self))) { TemplateValue(path($0.pointee)) }
    }

    /// An object that answers to any name, such as interface strings by key.
    @inlinable
    public init(anyName path: @escaping @Sendable (Root) -> some TemplateObject) {
        self.init(.anyName) { .object(path($0.pointee)) }
    }
}
