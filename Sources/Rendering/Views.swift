import Mustache

// The values templates see. Templates stay logic-less: every figure, label, URL and flag is
// computed in Swift, in `PageBuilder`. Each view conforms to `MustacheParent`, which makes
// lookups about three times faster than swift-mustache's default reflection.

/// A link to a page: menus, references, backlinks.
public struct LinkView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    public var current = false

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        default: nil
        }
    }
}

/// Every page: the layout's data plus exactly one of `home`, `collection`, `entry`.
public struct PageView: Sendable, MustacheParent {
    public var lang: String
    public var siteTitle: String
    public var siteDescription: String?
    /// The relative URL of the site root from this page (`../../`), for CSS and the home link.
    public var root: String
    public var canonical: String
    public var title: String
    public var description: String?
    public var nav: [LinkView]
    public var footer: [LinkView]
    public var strings: Strings
    /// Relative URLs of the feeds and of the open-data page, for `<link rel="alternate">` and menus.
    public var feedJSON: String
    public var feedAtom: String
    public var dataURL: String
    /// Relative URLs of the search page and of the prebuilt search index.
    public var searchURL: String
    public var searchIndexURL: String
    public var home: HomeView?
    public var collection: CollectionView?
    public var entry: EntryView?
    public var data: DataView?
    public var notFound = false

    public func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "siteDescription": siteDescription
        case "root": root
        case "canonical": canonical
        case "title": title
        case "description": description
        case "nav": nav
        case "footer": footer
        case "t": strings
        case "feedJSON": feedJSON
        case "feedAtom": feedAtom
        case "dataURL": dataURL
        case "searchURL": searchURL
        case "searchIndexURL": searchIndexURL
        case "home": home
        case "collection": collection
        case "entry": entry
        case "data": data
        case "notFound": notFound
        default: nil
        }
    }
}

/// One bar of a status breakdown: "En marcha: 7 (11 %)".
public struct BarView: Sendable, MustacheParent {
    public var id: String
    public var label: String
    public var count: Int
    /// Share of the total, rounded, for the text.
    public var percent: Int
    /// Share of the total with one decimal, for the bar's CSS width.
    public var width: String
    public var color: String?
    public var description: String?
    /// A link to the entries counted, when there is a page for them.
    public var url: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "label": label
        case "count": count
        case "percent": percent
        case "width": width
        case "color": color
        case "description": description
        case "url": url
        case "zero": count == 0
        default: nil
        }
    }
}

/// Entries of a collection counted by status, with how they were counted.
public struct StatusView: Sendable, MustacheParent {
    /// "Proyectos por estado".
    public var title: String
    public var total: Int
    public var bars: [BarView]
    /// How the figures were computed, in a sentence.
    public var method: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "total": total
        case "bars": bars
        case "method": method
        default: nil
        }
    }
}

/// "Documented N of M" for a collection.
public struct CoverageView: Sendable, MustacheParent {
    public var documented: Int
    public var expected: Int?
    /// The sentence shown, such as "2 de 63 documentados".
    public var text: String
    /// Share documented for the progress bar, `0`–`100`.
    public var width: String
    public var complete: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "documented": documented
        case "expected": expected
        case "text": text
        case "width": width
        case "complete": complete
        case "partial": !complete && expected != nil
        default: nil
        }
    }
}

/// A collection as the home page summarises it.
public struct FigureView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    public var description: String?
    public var coverage: CoverageView
    public var status: StatusView?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "description": description
        case "coverage": coverage
        case "status": status
        default: nil
        }
    }
}

/// The home page.
public struct HomeView: Sendable, MustacheParent {
    public var figures: [FigureView]
    public var pages: [LinkView]

    public func child(named name: String) -> Any? {
        switch name {
        case "figures": figures
        case "pages": pages
        default: nil
        }
    }
}

/// One shown value of a field: text, with a link, a colour or a date where it has one.
public struct ValueView: Sendable, MustacheParent {
    public var text: String
    public var url: String?
    /// For enum values: the value id (for CSS) and colour.
    public var enumID: String?
    public var color: String?
    public var description: String?
    /// For dates: the machine-readable form for `<time datetime>`.
    public var datetime: String?
    /// For URL fields: the link leaves the site.
    public var external = false

    public func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "url": url
        case "enumID": enumID
        case "color": color
        case "description": description
        case "datetime": datetime
        case "external": external
        default: nil
        }
    }
}

/// A table cell: zero or more values.
public struct CellView: Sendable, MustacheParent {
    public var values: [ValueView]

    public func child(named name: String) -> Any? {
        switch name {
        case "values": values
        case "empty": values.isEmpty
        default: nil
        }
    }
}

/// A row of a table: an entry with a link, or a record of a list field.
public struct RowView: Sendable, MustacheParent {
    public var title: String?
    public var url: String?
    public var cells: [CellView]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "cells": cells
        default: nil
        }
    }
}

/// A field of an entry page: its label and values, or a table for a list of records.
public struct FieldView: Sendable, MustacheParent {
    public var name: String
    public var label: String
    public var values: [ValueView]
    /// Rendered Markdown of a `text` field.
    public var html: String?
    /// Columns and rows of a list of records.
    public var columns: [String]
    public var rows: [RowView]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "label": label
        case "values": values
        case "html": html
        case "columns": columns
        case "rows": rows
        case "isTable": !rows.isEmpty
        case "isList": values.count > 1
        default: nil
        }
    }
}

/// The entries that refer to this one through one field: "Proyectos — Socios".
public struct BacklinkGroupView: Sendable, MustacheParent {
    public var title: String
    public var entries: [LinkView]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "entries": entries
        default: nil
        }
    }
}

/// A heading of the body, for the table of contents.
public struct TOCItemView: Sendable, MustacheParent {
    public var id: String
    public var text: String
    public var level: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "level": level
        default: nil
        }
    }
}

/// A collection's index page.
public struct CollectionView: Sendable, MustacheParent {
    public var name: String
    public var title: String
    public var singular: String
    public var description: String?
    public var coverage: CoverageView
    public var status: StatusView?
    public var columns: [String]
    public var rows: [RowView]

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "title": title
        case "singular": singular
        case "description": description
        case "coverage": coverage
        case "status": status
        case "columns": columns
        case "rows": rows
        case "hasRows": !rows.isEmpty
        default: nil
        }
    }
}

/// An entry's page.
public struct EntryView: Sendable, MustacheParent {
    public var id: String
    public var title: String
    public var collection: LinkView
    public var singular: String
    public var fields: [FieldView]
    public var body: String
    public var toc: [TOCItemView]
    public var backlinks: [BacklinkGroupView]
    public var rollups: [StatusView]
    /// The source file, relative to the site root, so readers can find what to edit.
    public var source: String

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "collection": collection
        case "singular": singular
        case "fields": fields
        case "body": body
        case "hasBody": !body.isEmpty
        case "toc": toc
        case "hasToc": toc.count > 1
        case "backlinks": backlinks
        case "rollups": rollups
        case "source": source
        default: nil
        }
    }
}

/// A downloadable document: its label and relative URL.
public struct DownloadView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    /// The absolute URL, to show and copy.
    public var absolute: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "absolute": absolute
        default: nil
        }
    }
}

/// What the open-data page lists for one collection.
public struct DataSetView: Sendable, MustacheParent {
    public var title: String
    public var coverage: CoverageView
    public var csv: DownloadView
    public var json: DownloadView
    public var schema: DownloadView
    public var entrySchema: DownloadView
    /// CSV files of its list-of-records fields (such as a history).
    public var records: [DownloadView]

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "coverage": coverage
        case "csv": csv
        case "json": json
        case "schema": schema
        case "entrySchema": entrySchema
        case "records": records
        default: nil
        }
    }
}

/// The open-data page: every feed, schema and CSV, so a journalist knows what to download.
public struct DataView: Sendable, MustacheParent {
    public var catalog: DownloadView
    public var catalogSchema: DownloadView
    public var jsonFeed: DownloadView
    public var atomFeed: DownloadView
    public var dataPackage: DownloadView
    public var sitemap: DownloadView
    public var sets: [DataSetView]
    public var version: String

    public func child(named name: String) -> Any? {
        switch name {
        case "catalog": catalog
        case "catalogSchema": catalogSchema
        case "jsonFeed": jsonFeed
        case "atomFeed": atomFeed
        case "dataPackage": dataPackage
        case "sitemap": sitemap
        case "sets": sets
        case "version": version
        default: nil
        }
    }
}
