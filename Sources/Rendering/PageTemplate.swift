import Diagnostics
import Templates

/// The templates pages are rendered with: the one place that says which template renders which
/// page, and with which view. `SiteRenderer` renders with it; the theme check reads it.
public enum PageTemplate {
    public static let home = "home"
    public static let collection = "collection"
    public static let entry = "entry"
    public static let data = "data"
    public static let updates = "updates"
    public static let notFound = "404"
    /// The pages of reporting periods: the index and one per period, when the site has periods.
    public static let periods = "periods"
    public static let period = "period"
    /// The search page: rendered when the theme has it.
    public static let search = "search"

    /// The entry pages of one collection, when the theme has it: `entry-proyectos`.
    public static func entry(of collection: String) -> String {
        "entry-\(collection)"
    }

    /// The templates every theme needs.
    public static let required = [home, collection, entry, data, notFound, updates]

    /// The view every page template is given: the layout's values and the page's own (`home`,
    /// `collection`, `entry`, `data`, `updates`), so that a layout shared by every page can test
    /// which page it is on.
    public static let view = TemplateShape.object(PageView.self)

    /// The templates of `library` that pages are rendered with.
    public static func pages(in library: TemplateLibrary) -> [String] {
        library.names.filter {
            required.contains($0) || [search, periods, period].contains($0) || $0.hasPrefix(entry(of: ""))
        }
    }

    /// `template-name-unknown`: a tag of the theme that names a value its view does not have
    /// (`{{titel}}`), which Mustache would render as nothing, placed at the tag with a
    /// did-you-mean. Checked once per theme, not per page.
    public static func unknownNames(in library: TemplateLibrary) -> [Diagnostic] {
        library.unknownNames(rendering: pages(in: library).map { ($0, view) }).map { unknown in
            let owner = unknown.parent.map { " in `\($0)`" } ?? ""
            let place =
                unknown.section.map { " inside `\($0)`" } ?? (unknown.parent == nil ? " in the page's view" : "")
            let including = unknown.template == unknown.page ? "" : ", as the `\(unknown.page)` page includes it"
            let names = unknown.nearest.map { "`\($0)`" }.joined(separator: ", ")
            let around = unknown.nearest.count < unknown.known.count ? ", and those of the values around it" : ""
            return .error(
                "template-name-unknown", "no value `\(unknown.name)`\(owner)\(place)\(including)",
                at: SourceLocation(
                    file: "theme/templates/\(unknown.template).mustache", line: unknown.line, column: unknown.column),
                hint: Suggestion.hint(for: unknown.name, among: unknown.known)
                    ?? (names.isEmpty ? "nothing here has names" : "the names here are \(names)\(around)"))
        }
    }
}
