import Templates

/// The open-data page: every feed, schema and CSV, so a journalist knows what to download.
public struct DataView: Sendable, TemplateView {
    public var catalog: DownloadView
    public var catalogSchema: DownloadView
    public var jsonFeed: DownloadView
    public var atomFeed: DownloadView
    public var dataPackage: DownloadView
    public var sitemap: DownloadView
    public var sets: [DataSetView]
    public var version: String

    public static let names: TemplateNames<DataView> = [
        "catalog": .init(\.catalog),
        "catalogSchema": .init(\.catalogSchema),
        "jsonFeed": .init(\.jsonFeed),
        "atomFeed": .init(\.atomFeed),
        "dataPackage": .init(\.dataPackage),
        "sitemap": .init(\.sitemap),
        "sets": .init(\.sets),
        "version": .init(\.version),
    ]
}

/// What the open-data page lists for one collection.
public struct DataSetView: Sendable, TemplateView {
    public var title: String
    public var coverage: CoverageView
    public var csv: DownloadView
    public var json: DownloadView
    public var schema: DownloadView
    public var entrySchema: DownloadView
    /// CSV files of its list-of-records fields (such as a history) and of its `refs` fields.
    public var records: [DownloadView]

    public static let names: TemplateNames<DataSetView> = [
        "title": .init(\.title),
        "coverage": .init(\.coverage),
        "csv": .init(\.csv),
        "json": .init(\.json),
        "schema": .init(\.schema),
        "entrySchema": .init(\.entrySchema),
        "records": .init(\.records),
    ]
}

/// A downloadable document: its label and relative URL.
public struct DownloadView: Sendable, TemplateView {
    public var title: String
    public var url: String
    /// The absolute URL, to show and copy.
    public var absolute: String

    public static let names: TemplateNames<DownloadView> = [
        "title": .init(\.title),
        "url": .init(\.url),
        "absolute": .init(\.absolute),
    ]
}
