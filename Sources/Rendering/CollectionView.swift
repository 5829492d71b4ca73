import Templates

/// A collection's index page.
public struct CollectionView: Sendable, TemplateView {
    public var name: String
    public var title: String
    public var singular: String
    public var description: String?
    public var coverage: CoverageView
    public var status: StatusView?
    public var columns: [String]
    public var rows: [RowView]
    public var breakdowns: [BreakdownView] = []
    public var snapshots: [StatusView] = []
    /// This collection's indicators counted by progress status, when it has a series field.
    public var progress: ProgressSummaryView?
    /// Links to the group-by pages of this collection (filters that need no script).
    public var filters: [FilterView] = []
    /// On a group-by page, what it lists ("Estado: Suspendido").
    public var filter: String?
    /// On a group-by page, the link back to the whole collection.
    public var allURL: String?
    /// On a group-by page, what the value means (its description in site.yaml).
    public var filterDescription: String?
    /// On a group-by page without entries: none of the N documented entries has the value.
    public var emptyText: String?
    /// On a listing split into pages (`paginate_by`), the links between them.
    public var pagination: PaginationView?
    /// On a listing split into pages, which page this is ("página 2 de 10"), beside the heading.
    public var pageTitle: String?
    /// On a values page (`acciones/hito/`), the values of the field with their counts.
    public var values: ValuesView?
    /// On a group-by or values page, the pages above it after the home page: the collection,
    /// and on a group-by page the values page of its field.
    public var breadcrumb: [LinkView] = []

    var hasRows: Bool { !rows.isEmpty }

    public static let names: TemplateNames<CollectionView> = [
        "progress": .init(\.progress),
        "name": .init(\.name),
        "breakdowns": .init(\.breakdowns),
        "snapshots": .init(\.snapshots),
        "filters": .init(\.filters),
        "filter": .init(\.filter),
        "allURL": .init(\.allURL),
        "filterDescription": .init(\.filterDescription),
        "emptyText": .init(\.emptyText),
        "pagination": .init(\.pagination),
        "pageTitle": .init(\.pageTitle),
        "values": .init(\.values),
        "breadcrumb": .init(\.breadcrumb),
        "title": .init(\.title),
        "singular": .init(\.singular),
        "description": .init(\.description),
        "coverage": .init(\.coverage),
        "status": .init(\.status),
        "columns": .init(\.columns),
        "rows": .init(\.rows),
        "hasRows": .init(\.hasRows),
    ]
}
