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
            let empty = Message(literal: "")
            let owner = unknown.parent.map { Message("template-name-unknown.owner", ["parent": $0]) } ?? empty
            let place =
                unknown.section.map { Message("template-name-unknown.section", ["section": $0]) }
                ?? (unknown.parent == nil ? Message("template-name-unknown.view") : empty)
            let including =
                unknown.template == unknown.page
                ? empty : Message("template-name-unknown.included", ["page": unknown.page])
            let names = unknown.nearest.codeList
            let hint: Message
            if let guess = Suggestion.didYouMean(for: unknown.name, among: unknown.known) {
                hint = guess
            } else if names.isEmpty {
                hint = Message("template-name-unknown.hint.none")
            } else {
                hint = Message(
                    unknown.nearest.count < unknown.known.count
                        ? "template-name-unknown.hint.around" : "template-name-unknown.hint", ["names": names])
            }
            return .error(
                "template-name-unknown",
                Message(
                    "template-name-unknown", ["name": unknown.name],
                    parts: ["owner": owner, "place": place, "including": including]),
                at: SourceLocation(
                    file: "theme/templates/\(unknown.template).mustache", line: unknown.line, column: unknown.column),
                hint: hint)
        }
    }
}
