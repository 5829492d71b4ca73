import Templates

// The values templates see. Templates stay logic-less: every figure, label, URL and flag is
// computed in Swift, in `PageBuilder`. Each view conforms to `TemplateObject`, which makes
// lookups a `switch` on the name, with no dynamic cast (see `TemplateLibrary`).

/// A link to a page: menus, references, backlinks.
public struct LinkView: Sendable, TemplateObject {
    public var title: String
    public var url: String
    public var current = false
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "current": TemplateValue(current)
        case "lang": TemplateValue(lang)
        default: nil
        }
    }
}

/// Every page: the layout's data plus exactly one of `home`, `collection`, `entry`.
public struct PageView: Sendable, TemplateObject {
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

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "lang": TemplateValue(lang)
        case "siteTitle": TemplateValue(siteTitle)
        case "siteDescription": TemplateValue(siteDescription)
        case "root": TemplateValue(root)
        case "assets": TemplateValue(assets)
        case "canonical": TemplateValue(canonical)
        case "alternates": TemplateValue(alternates)
        case "title": TemplateValue(title)
        case "description": TemplateValue(description)
        case "nav": TemplateValue(nav)
        case "footer": TemplateValue(footer)
        case "t": TemplateValue(strings)
        case "feedJSON": TemplateValue(feedJSON)
        case "feedAtom": TemplateValue(feedAtom)
        case "dataURL": TemplateValue(dataURL)
        case "searchURL": TemplateValue(searchURL)
        case "searchIndexURL": TemplateValue(searchIndexURL)
        case "home": TemplateValue(home)
        case "collection": TemplateValue(collection)
        case "entry": TemplateValue(entry)
        case "data": TemplateValue(data)
        case "updates": TemplateValue(updates)
        case "updatesURL": TemplateValue(updatesURL)
        case "notFound": TemplateValue(notFound)
        default: nil
        }
    }
}

/// One bar of a status breakdown: "En marcha: 7 (11 %)".
public struct BarView: Sendable, TemplateObject {
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

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": TemplateValue(id)
        case "label": TemplateValue(label)
        case "count": TemplateValue(count)
        case "percent": TemplateValue(percent)
        case "width": TemplateValue(width)
        case "color": TemplateValue(color)
        case "description": TemplateValue(description)
        case "url": TemplateValue(url)
        case "zero": TemplateValue(count == 0)
        default: nil
        }
    }
}

/// Entries of a collection counted by status, with how they were counted: a chart (SVG), a
/// sentence that says what it shows, and the numbers as a table.
public struct StatusView: Sendable, TemplateObject {
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
    public var source: TextView?
    public var date: String?
    /// For published figures: the figures in one sentence, largest first.
    public var headline: String?
    /// What part of the whole is counted, when not all of it is: "documented here: 2 of 63".
    public var scope: String?
    /// For roll-ups: the entries counted, each with its status.
    public var counted: [CountedEntryView] = []
    /// The language of `title` when it is not the page's (an untranslated snapshot); `source` has its own.
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "headline": TemplateValue(headline)
        case "scope": TemplateValue(scope)
        case "counted": TemplateValue(counted)
        case "hasData": TemplateValue(total > 0)
        case "lang": TemplateValue(lang)
        case "total": TemplateValue(total)
        case "bars": TemplateValue(bars)
        case "method": TemplateValue(method)
        case "svg": TemplateValue(svg)
        case "summary": TemplateValue(summary)
        case "source": TemplateValue(source)
        case "date": TemplateValue(date)
        default: nil
        }
    }
}

/// A text and, when it is not in the page's language (an untranslated citation), its language.
public struct TextView: Sendable, TemplateObject {
    public var text: String
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "text": TemplateValue(text)
        case "lang": TemplateValue(lang)
        default: nil
        }
    }
}

/// An entry counted in a roll-up: its title, page and status.
public struct CountedEntryView: Sendable, TemplateObject {
    public var title: String
    public var url: String
    public var status: String?
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "status": TemplateValue(status)
        case "lang": TemplateValue(lang)
        default: nil
        }
    }
}

/// A stacked chart of one collection's status per entry of another (actions by status, per
/// axis), or of documented against declared entries per collection.
public struct BreakdownView: Sendable, TemplateObject {
    public var id: String
    public var title: String
    public var summary: String
    public var svg: String
    /// Column headings of the data table, after the row heading.
    public var columns: [String]
    public var rows: [RowView]
    public var method: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": TemplateValue(id)
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary)
        case "svg": TemplateValue(svg)
        case "columns": TemplateValue(columns)
        case "rows": TemplateValue(rows)
        case "method": TemplateValue(method)
        default: nil
        }
    }
}

/// "Documented N of M" for a collection.
public struct CoverageView: Sendable, TemplateObject {
    public var documented: Int
    public var expected: Int?
    /// The sentence shown, such as "2 de 63 documentados".
    public var text: String
    /// Share documented for the progress bar, `0`–`100`.
    public var width: String
    public var complete: Bool

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "documented": TemplateValue(documented)
        case "expected": TemplateValue(expected)
        case "text": TemplateValue(text)
        case "width": TemplateValue(width)
        case "complete": TemplateValue(complete)
        case "partial": TemplateValue(!complete && expected != nil)
        default: nil
        }
    }
}

/// A collection as the home page summarises it.
public struct FigureView: Sendable, TemplateObject {
    public var title: String
    public var url: String
    public var description: String?
    public var coverage: CoverageView
    public var status: StatusView?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "description": TemplateValue(description)
        case "coverage": TemplateValue(coverage)
        case "status": TemplateValue(status)
        default: nil
        }
    }
}

/// The home page.
public struct HomeView: Sendable, TemplateObject {
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
    /// The newest published figure, which the page leads with.
    public var lead: StatusView?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "lead": TemplateValue(lead)
        case "statuses": TemplateValue(statuses)
        case "figures": TemplateValue(figures)
        case "pages": TemplateValue(pages)
        case "coverage": TemplateValue(coverage)
        case "breakdowns": TemplateValue(breakdowns)
        case "snapshots": TemplateValue(snapshots)
        default: nil
        }
    }
}

/// One shown value of a field: text, with a link, a colour or a date where it has one.
public struct ValueView: Sendable, TemplateObject {
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
    /// The language of `text` when it is not the page's (an untranslated title).
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "text": TemplateValue(text)
        case "url": TemplateValue(url)
        case "enumID": TemplateValue(enumID)
        case "color": TemplateValue(color)
        case "description": TemplateValue(description)
        case "datetime": TemplateValue(datetime)
        case "external": TemplateValue(external)
        case "lang": TemplateValue(lang)
        default: nil
        }
    }
}

/// A table cell: zero or more values.
public struct CellView: Sendable, TemplateObject {
    public var values: [ValueView]
    /// Its column's heading, shown beside the value where a narrow screen stacks the row.
    public var label: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "values": TemplateValue(values)
        case "label": TemplateValue(label)
        case "empty": TemplateValue(values.isEmpty)
        default: nil
        }
    }
}

/// A row of a table: an entry with a link, or a record of a list field.
public struct RowView: Sendable, TemplateObject {
    public var title: String?
    public var url: String?
    public var cells: [CellView]
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "cells": TemplateValue(cells)
        case "lang": TemplateValue(lang)
        default: nil
        }
    }
}

/// A field of an entry page: its label and values, or a table for a list of records.
public struct FieldView: Sendable, TemplateObject {
    public var name: String
    public var label: String
    public var values: [ValueView]
    /// Rendered Markdown of a `text` field.
    public var html: String?
    /// Columns and rows of a list of records.
    public var columns: [String]
    public var rows: [RowView]
    /// The language of its values when it is not the page's (text not translated yet).
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": TemplateValue(self.name)
        case "label": TemplateValue(label)
        case "values": TemplateValue(values)
        case "html": TemplateValue(html)
        case "columns": TemplateValue(columns)
        case "rows": TemplateValue(rows)
        case "lang": TemplateValue(lang)
        case "isTable": TemplateValue(!rows.isEmpty)
        case "isList": TemplateValue(values.count > 1)
        default: nil
        }
    }
}

/// The entries that refer to this one through one field: "Proyectos — Socios".
public struct BacklinkGroupView: Sendable, TemplateObject {
    public var title: String
    public var entries: [LinkView]

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "entries": TemplateValue(entries)
        default: nil
        }
    }
}

/// A heading of the body, for the table of contents.
public struct TOCItemView: Sendable, TemplateObject {
    public var id: String
    public var text: String
    public var level: Int

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": TemplateValue(id)
        case "text": TemplateValue(text)
        case "level": TemplateValue(level)
        default: nil
        }
    }
}

/// A collection's index page.
public struct CollectionView: Sendable, TemplateObject {
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
    /// On a group-by page, what the value means (its description in site.yaml).
    public var filterDescription: String?
    /// On a group-by page without entries: none of the N documented entries has the value.
    public var emptyText: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "name": TemplateValue(self.name)
        case "breakdowns": TemplateValue(breakdowns)
        case "snapshots": TemplateValue(snapshots)
        case "filters": TemplateValue(filters)
        case "filter": TemplateValue(filter)
        case "allURL": TemplateValue(allURL)
        case "filterDescription": TemplateValue(filterDescription)
        case "emptyText": TemplateValue(emptyText)
        case "title": TemplateValue(title)
        case "singular": TemplateValue(singular)
        case "description": TemplateValue(description)
        case "coverage": TemplateValue(coverage)
        case "status": TemplateValue(status)
        case "columns": TemplateValue(columns)
        case "rows": TemplateValue(rows)
        case "hasRows": TemplateValue(!rows.isEmpty)
        default: nil
        }
    }
}

/// An entry's page.
public struct EntryView: Sendable, TemplateObject {
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
    /// The language of `title` when it is not the page's (not translated yet).
    public var titleLang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "id": TemplateValue(id)
        case "title": TemplateValue(title)
        case "collection": TemplateValue(collection)
        case "singular": TemplateValue(singular)
        case "fields": TemplateValue(fields)
        case "body": TemplateValue(body)
        case "hasBody": TemplateValue(!body.isEmpty)
        case "toc": TemplateValue(toc)
        case "hasToc": TemplateValue(toc.count > 1)
        case "backlinks": TemplateValue(backlinks)
        case "rollups": TemplateValue(rollups)
        case "source": TemplateValue(source)
        case "updated": TemplateValue(updated)
        case "updatedISO": TemplateValue(updatedISO)
        case "stale": TemplateValue(stale)
        case "timeline": TemplateValue(timeline)
        case "fallbackLang": TemplateValue(fallbackLang)
        case "titleLang": TemplateValue(titleLang)
        default: nil
        }
    }
}

/// One dated record of an entry's history: "abril de 2022 — En marcha: Inicio de la …".
public struct TimelineItemView: Sendable, TemplateObject {
    /// The id of the item on the page; the feeds' item ids end with it.
    public var anchor: String
    public var date: String
    public var datetime: String
    public var label: String?
    public var note: String?
    /// The language of `note` when it is not the page's (not translated yet).
    public var noteLang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "anchor": TemplateValue(anchor)
        case "date": TemplateValue(date)
        case "datetime": TemplateValue(datetime)
        case "label": TemplateValue(label)
        case "note": TemplateValue(note)
        case "noteLang": TemplateValue(noteLang)
        default: nil
        }
    }
}

/// The page of last changes: every entry by the date its file last changed, stale ones marked.
public struct UpdatesView: Sendable, TemplateObject {
    public var rows: [UpdateRowView]
    /// False when no dates are known (not a git checkout, or a shallow clone).
    public var known: Bool
    public var threshold: String?
    public var staleCount: Int

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "rows": TemplateValue(rows)
        case "known": TemplateValue(known)
        case "threshold": TemplateValue(threshold)
        case "staleCount": TemplateValue(staleCount)
        default: nil
        }
    }
}

/// An entry on the page of last changes.
public struct UpdateRowView: Sendable, TemplateObject {
    public var title: String
    public var url: String
    public var collection: String
    public var date: String?
    public var datetime: String?
    public var stale: Bool
    /// The language of its title when it is not the page's (an untranslated title).
    public var lang: String?

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "collection": TemplateValue(collection)
        case "date": TemplateValue(date)
        case "datetime": TemplateValue(datetime)
        case "stale": TemplateValue(stale)
        case "lang": TemplateValue(lang)
        default: nil
        }
    }
}

/// A downloadable document: its label and relative URL.
public struct DownloadView: Sendable, TemplateObject {
    public var title: String
    public var url: String
    /// The absolute URL, to show and copy.
    public var absolute: String

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "absolute": TemplateValue(absolute)
        default: nil
        }
    }
}

/// What the open-data page lists for one collection.
public struct DataSetView: Sendable, TemplateObject {
    public var title: String
    public var coverage: CoverageView
    public var csv: DownloadView
    public var json: DownloadView
    public var schema: DownloadView
    public var entrySchema: DownloadView
    /// CSV files of its list-of-records fields (such as a history) and of its `refs` fields.
    public var records: [DownloadView]

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "coverage": TemplateValue(coverage)
        case "csv": TemplateValue(csv)
        case "json": TemplateValue(json)
        case "schema": TemplateValue(schema)
        case "entrySchema": TemplateValue(entrySchema)
        case "records": TemplateValue(records)
        default: nil
        }
    }
}

/// The open-data page: every feed, schema and CSV, so a journalist knows what to download.
public struct DataView: Sendable, TemplateObject {
    public var catalog: DownloadView
    public var catalogSchema: DownloadView
    public var jsonFeed: DownloadView
    public var atomFeed: DownloadView
    public var dataPackage: DownloadView
    public var sitemap: DownloadView
    public var sets: [DataSetView]
    public var version: String

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "catalog": TemplateValue(catalog)
        case "catalogSchema": TemplateValue(catalogSchema)
        case "jsonFeed": TemplateValue(jsonFeed)
        case "atomFeed": TemplateValue(atomFeed)
        case "dataPackage": TemplateValue(dataPackage)
        case "sitemap": TemplateValue(sitemap)
        case "sets": TemplateValue(sets)
        case "version": TemplateValue(version)
        default: nil
        }
    }
}

/// The values of one group-by field, each a link to its page with a count.
public struct FilterView: Sendable, TemplateObject {
    public var label: String
    public var options: [FilterOptionView]

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "label": TemplateValue(label)
        case "options": TemplateValue(options)
        default: nil
        }
    }
}

/// One value of a filter: "Suspendido (35)".
public struct FilterOptionView: Sendable, TemplateObject {
    public var title: String
    public var url: String
    public var count: Int
    public var current: Bool

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "count": TemplateValue(count)
        case "current": TemplateValue(current)
        default: nil
        }
    }
}

/// The same page in one language: for `hreflang` links and the language switcher.
public struct LanguageLinkView: Sendable, TemplateObject {
    public var lang: String
    public var name: String
    public var url: String
    public var absolute: String
    public var current: Bool

    public func value(named name: String) -> TemplateValue? {
        switch name {
        case "lang": TemplateValue(lang)
        case "name": TemplateValue(self.name)
        case "url": TemplateValue(url)
        case "absolute": TemplateValue(absolute)
        case "current": TemplateValue(current)
        default: nil
        }
    }
}
