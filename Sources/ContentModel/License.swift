/// The terms under which the site's data may be reused (`license` in `site.yaml`): published on
/// the data page, in every page's footer, in `datapackage.json`, the API catalog and the feeds.
public struct License: Sendable, Hashable {
    /// A short identifier, an SPDX id where there is one: `CC-BY-4.0`, `ODbL-1.0`.
    public var name: String
    /// Where the licence's text is published.
    public var url: String
    /// Its full name, such as "Creative Commons Attribution 4.0 International"; the name when not given.
    public var title: String

    /// Creates a licence; `title` defaults to `name`.
    public init(name: String, url: String, title: String? = nil) {
        self.name = name
        self.url = url
        self.title = title ?? name
    }

    /// "Creative Commons Attribution 4.0 International (CC-BY-4.0)", or the name alone when it
    /// has no other title.
    public var fullName: String {
        title == name ? name : "\(title) (\(name))"
    }
}
