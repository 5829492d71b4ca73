import Templates

/// "Documented N of M" for a collection.
public struct CoverageView: Sendable, TemplateView {
    public var documented: Int
    public var expected: Int?
    /// The sentence shown, such as "2 de 63 documentados".
    public var text: String
    /// Share documented for the progress bar, `0`–`100`.
    public var width: String
    public var complete: Bool

    var partial: Bool { !complete && expected != nil }

    public static let names: TemplateNames<CoverageView> = [
        "documented": .init(\.documented),
        "expected": .init(\.expected),
        "text": .init(\.text),
        "width": .init(\.width),
        "complete": .init(\.complete),
        "partial": .init(\.partial),
    ]
}
