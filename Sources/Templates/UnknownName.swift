/// A tag that names a value its view does not have, wherever the template is rendered: `{{titel}}`
/// inside `{{#entry}}`. Mustache would render nothing there; the theme check makes it an error.
public struct UnknownName: Sendable, Equatable {
    /// The template the tag is in (`entry`, `partials/value`).
    public let template: String
    public let line: Int
    public let column: Int
    /// The name as the tag writes it: `titel`, `collection.titel`, `empty(feilds)`.
    public let written: String
    /// The part of it not found: `titel`.
    public let name: String
    /// The dotted name before it, when the missing part follows one: `collection` in
    /// `collection.titel`.
    public let parent: String?
    /// The names that were there to find, sorted: the candidates of a did-you-mean.
    public let known: [String]
    /// The names of the innermost value that has names, sorted: what the tag most likely meant
    /// to name (a subset of `known`, which adds the values around it).
    public let nearest: [String]
    /// The innermost section whose value the lookup started in, as its tag: `{{#entry}}`;
    /// `nil` at the top of the page.
    public let section: String?
    /// The page template whose rendering reaches the tag: `home` for `partials/status`.
    public let page: String
}
