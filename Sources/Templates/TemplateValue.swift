/// A value a template can show, test or loop over. Views hand these out by name
/// (`TemplateObject`), so rendering never needs a dynamic cast or reflection.
public enum TemplateValue: Sendable {
    /// Text, escaped for HTML by `{{name}}`, written as it is by `{{{name}}}`.
    case text(String)
    case number(Int)
    /// A flag: `{{#name}}` shows its section when true, `{{^name}}` when false.
    case flag(Bool)
    /// An object with values of its own: `{{#name}}` shows its section inside it.
    case object(any TemplateObject)
    /// A list: `{{#name}}` shows its section once per item, `{{^name}}` when it is empty.
    case list([TemplateValue])
}

/// A value with named values of its own: a page's view, a link, a row.
public protocol TemplateObject: Sendable {
    /// The value called `name`, or `nil` when this object has none (the template then looks in
    /// the objects around it, as Mustache does).
    func value(named name: String) -> TemplateValue?
}

extension TemplateValue {
    public init(_ text: String) { self = .text(text) }
    public init(_ number: Int) { self = .number(number) }
    public init(_ flag: Bool) { self = .flag(flag) }
    public init(_ object: some TemplateObject) { self = .object(object) }
    public init(_ texts: [String]) { self = .list(texts.map(TemplateValue.text)) }
    public init(_ objects: [some TemplateObject]) { self = .list(objects.map { .object($0) }) }

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
