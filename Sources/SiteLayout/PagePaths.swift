import ContentModel
import Validation

/// Where each page lives in the output, and the relative URLs between pages.
///
/// Pages use pretty URLs (`proyectos/rcn-visa/`) and link to each other with relative URLs, so
/// the same output works at the root of a host, under a sub-path, and opened from disk.
public struct PagePaths: Sendable {
    let model: SiteModel

    /// Creates the paths of a site.
    public init(model: SiteModel) {
        self.model = model
    }

    /// The home page.
    public static let home = ""

    /// The index page of a collection, such as `proyectos/`.
    public func index(of collection: Collection) -> String {
        collection.folder + "/"
    }

    /// The page of an entry, such as `proyectos/rcn-visa/`.
    public func page(of key: EntryKey) -> String {
        (model.collection(key.collection)?.folder ?? key.collection) + "/" + key.id + "/"
    }

    /// The output file of a page path: `proyectos/rcn-visa/index.html`.
    public static func file(of page: String) -> String {
        page + "index.html"
    }

    /// The absolute URL of a page, from `base_url`.
    public func absolute(_ page: String) -> String {
        model.baseURL + page
    }

    /// The URL of `target` relative to the page `from` (both page paths, or files for `target`).
    public static func relative(_ target: String, from page: String) -> String {
        let depth = page.split(separator: "/").count
        let up = String(repeating: "../", count: depth)
        let url = up + target
        return url.isEmpty ? "./" : url
    }
}
