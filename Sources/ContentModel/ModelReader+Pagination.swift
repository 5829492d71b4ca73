import Diagnostics
import FrontMatter

// `paginate_by:`, the number of entries a listing page shows (site-wide and per collection),
// `filter_limit:`, the most values a filter lists inline (site-wide and per collection), and
// `api_v1:`, whether the first layout of the JSON API is still published beside `/api/v2/`.

extension ModelReader {
    /// `paginate_by: 100`: a whole number of entries, 0 to keep every listing on one page; `nil`
    /// when absent or wrong (a `paginate-invalid` error at its line). `scope` says whose setting it
    /// is in messages (`site.yaml`, or the collection `acciones`).
    mutating func readPaginateBy(_ node: YAMLNode?, scope: Message) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar, !node.isNull, let size = Int(text), size >= 0 else {
            let shown = node.isNull ? node.kind : node.scalar.map { Message("paginate-invalid.value", ["value": $0]) }
            error(
                "paginate-invalid", Message("paginate-invalid", parts: ["scope": scope, "shown": shown ?? node.kind]),
                at: node, hint: Message("paginate-invalid.hint"))
            return nil
        }
        return size
    }

    /// `filter_limit: 30`: a whole number of values, 1 or more; `nil` when absent or wrong (a
    /// `filter-limit-invalid` error at its line). `scope` as in `readPaginateBy`.
    mutating func readFilterLimit(_ node: YAMLNode?, scope: Message) -> Int? {
        guard let node else { return nil }
        guard let text = node.scalar, !node.isNull, let limit = Int(text), limit >= 1 else {
            let shown = node.isNull ? node.kind : node.scalar.map { Message("paginate-invalid.value", ["value": $0]) }
            error(
                "filter-limit-invalid",
                Message("filter-limit-invalid", parts: ["scope": scope, "shown": shown ?? node.kind]),
                at: node, hint: Message("filter-limit-invalid.hint"))
            return nil
        }
        return limit
    }
}

extension SiteModel {
    /// The number of entries each page of `collection`'s listings shows (its index and its group
    /// pages): its own `paginate_by`, or the site's; `nil` when pagination is off (`0`).
    public func pageSize(of collection: Collection) -> Int? {
        let size = collection.paginateBy ?? paginateBy
        return size > 0 ? size : nil
    }

    /// How many pages a listing of `count` entries of `collection` has: at least one.
    public func pageCount(of collection: Collection, entries count: Int) -> Int {
        guard let size = pageSize(of: collection), count > size else { return 1 }
        return (count + size - 1) / size
    }

    /// The most values a filter of `collection`'s listings shows inline (`filter_limit`): its own,
    /// or the site's. A field with more values shows the current one and a link to its values page.
    public func filterLimit(of collection: Collection) -> Int {
        collection.filterLimit ?? filterLimit
    }
}
