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
    /// The relative URL of this language's home page from this page (`../../`).
    public var root: String
    /// The relative URL of the site's root, where CSS, scripts and data files live.
    public var assets: String
    public var canonical: String
    /// This page in every language of the site (none when it has one language).
    public var alternates: [LanguageLinkView]
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
    public var updatesURL: String
    public var home: HomeView?
    public var collection: CollectionView?
    public var entry: EntryView?
    public var data: DataView?
    public var updates: UpdatesView?
    public var notFound = false

    public func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "siteDescription": siteDescription
        case "root": root
        case "assets": assets
        case "canonical": canonical
        case "alternates": alternates
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
        case "updates": updates
        case "updatesURL": updatesURL
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

/// Entries of a collection counted by status, with how they were counted: a chart (SVG), a
/// sentence that says what it shows, and the numbers as a table.
public struct StatusView: Sendable, MustacheParent {
    /// "Proyectos por estado".
    public var title: String
    public var total: Int
    public var bars: [BarView]
    /// How the figures were computed, in a sentence.
    public var method: String?
    /// The chart, drawn at build time; hidden from screen readers, which get `summary` and `bars`.
    public var svg = ""
    /// The chart in one sentence: "2 proyectos: En marcha 1 (50 %), …".
    public var summary = ""
    /// For published figures: the citation and the date they describe.
    public var source: String?
    public var date: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "total": total
        case "bars": bars
        case "method": method
        case "svg": svg
        case "summary": summary
        case "source": source
        case "date": date
        default: nil
        }
    }
}

/// A stacked chart of one collection's status per entry of another (actions by status, per
/// axis), or of documented against declared entries per collection.
public struct BreakdownView: Sendable, MustacheParent {
    public var id: String
    public var title: String
    public var summary: String
    public var svg: String
    /// Column headings of the data table, after the row heading.
    public var columns: [String]
    public var rows: [RowView]
    public var method: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "summary": summary
        case "svg": svg
        case "columns": columns
        case "rows": rows
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
    /// Documented against declared entries, per collection.
    public var coverage: BreakdownView?
    /// Status charts per parent entry (actions by status per axis), from `charts_by`.
    public var breakdowns: [BreakdownView] = []
    /// Published figures (`snapshots`), dated and sourced.
    public var snapshots: [StatusView] = []
    /// Documented entries by status, per collection with a status field.
    public var statuses: [StatusView] = []

    public func child(named name: String) -> Any? {
        switch name {
        case "statuses": statuses
        case "figures": figures
        case "pages": pages
        case "coverage": coverage
        case "breakdowns": breakdowns
        case "snapshots": snapshots
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
    public var breakdowns: [BreakdownView] = []
    public var snapshots: [StatusView] = []
    /// Links to the group-by pages of this collection (filters that need no script).
    public var filters: [FilterView] = []
    /// On a group-by page, what it lists ("Estado: Suspendido").
    public var filter: String?
    /// On a group-by page, the link back to the whole collection.
    public var allURL: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "breakdowns": breakdowns
        case "snapshots": snapshots
        case "filters": filters
        case "filter": filter
        case "allURL": allURL
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
    /// When the file last changed (from git), in words and as `YYYY-MM-DD`.
    public var updated: String?
    public var updatedISO: String?
    /// Not updated for longer than `stale_after_months`.
    public var stale = false
    /// The dated records of its history, newest first.
    public var timeline: [TimelineItemView] = []
    /// On a translated page whose text is not translated yet: the language the text is in.
    public var fallbackLang: String?

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
        case "updated": updated
        case "updatedISO": updatedISO
        case "stale": stale
        case "timeline": timeline
        case "fallbackLang": fallbackLang
        default: nil
        }
    }
}

/// One dated record of an entry's history: "abril de 2022 — En marcha: Inicio de la …".
public struct TimelineItemView: Sendable, MustacheParent {
    /// The id of the item on the page; the feeds' item ids end with it.
    public var anchor: String
    public var date: String
    public var datetime: String
    public var label: String?
    public var note: String?

    public func child(named name: String) -> Any? {
        switch name {
        case "anchor": anchor
        case "date": date
        case "datetime": datetime
        case "label": label
        case "note": note
        default: nil
        }
    }
}

/// The page of last changes: every entry by the date its file last changed, stale ones marked.
public struct UpdatesView: Sendable, MustacheParent {
    public var rows: [UpdateRowView]
    /// False when no dates are known (not a git checkout, or a shallow clone).
    public var known: Bool
    public var threshold: String?
    public var staleCount: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "known": known
        case "threshold": threshold
        case "staleCount": staleCount
        default: nil
        }
    }
}

/// An entry on the page of last changes.
public struct UpdateRowView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    public var collection: String
    public var date: String?
    public var datetime: String?
    public var stale: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "collection": collection
        case "date": date
        case "datetime": datetime
        case "stale": stale
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

/// The values of one group-by field, each a link to its page with a count.
public struct FilterView: Sendable, MustacheParent {
    public var label: String
    public var options: [FilterOptionView]

    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "options": options
        default: nil
        }
    }
}

/// One value of a filter: "Suspendido (35)".
public struct FilterOptionView: Sendable, MustacheParent {
    public var title: String
    public var url: String
    public var count: Int
    public var current: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "count": count
        case "current": current
        default: nil
        }
    }
}

/// The same page in one language: for `hreflang` links and the language switcher.
public struct LanguageLinkView: Sendable, MustacheParent {
    public var lang: String
    public var name: String
    public var url: String
    public var absolute: String
    public var current: Bool

    public func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "name": self.name
        case "url": url
        case "absolute": absolute
        case "current": current
        default: nil
        }
    }
}
