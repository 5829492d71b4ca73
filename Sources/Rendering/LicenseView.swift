import ContentModel
import Templates

/// The terms under which the site's data may be reused (`license` in `site.yaml`), as the
/// footer of every page and the data page show them.
public struct LicenseView: Sendable, TemplateView {
    /// The short identifier, such as `CC-BY-4.0`.
    public var name: String
    /// The full name, such as "Creative Commons Attribution 4.0 International".
    public var title: String
    /// Where the licence's text is published.
    public var url: String
    /// "Creative Commons Attribution 4.0 International (CC-BY-4.0)", or the name alone.
    public var fullName: String

    /// The view of `license`.
    public init(_ license: License) {
        name = license.name
        title = license.title
        url = license.url
        fullName = license.fullName
    }

    public static let names: TemplateNames<LicenseView> = [
        "name": .init(\.name),
        "title": .init(\.title),
        "url": .init(\.url),
        "fullName": .init(\.fullName),
    ]
}
