import ContentModel
import JSON
import SiteData
import SiteLayout

/// The change feeds: one item per dated history record of any collection (a project moving
/// from "no iniciado" to "en marcha") and per measured value of any series (an indicator's new
/// figure), newest first, as JSON Feed 1.1 and Atom (RFC 4287).
public struct ChangeFeeds: Sendable {
    public let site: Site
    let pages: PagePaths

    /// Creates the feeds of `site`.
    public init(site: Site) {
        self.site = site
        self.pages = PagePaths(model: site.model)
    }

    /// One item of both feeds.
    struct Item {
        let id: String
        let url: String
        let title: String
        let text: String
        let date: String
    }

    var items: [Item] {
        // Each closed period is an item dated the day after its end, when it closed; history
        // records and periods together, newest first (a period before the records of its day).
        // Each measured value of a series is an item too, dated as measured.
        (periodItems + historyItems + seriesItems).enumerated().sorted {
            ($1.element.date, $0.offset) < ($0.element.date, $1.offset)
        }
        .map(\.element)
    }

    /// "2023 — Proyectos: En marcha 2, Suspendido 2, Finalizado 1 (5 of 6 with a record)".
    var periodItems: [Item] {
        let documents = PeriodDocuments(site: site)
        return site.periods.filter(\.closed).map { period in
            let url = site.model.baseURL + pages.periodPage(period.id)
            let text = zip(site.periodCollections, site.report(for: period)).map { item, report in
                let counts = report.counts.filter { $0.count > 0 }.map { "\($0.value.label): \($0.count)" }
                let total = report.documented + report.withoutRecord.count
                return "\(item.collection.title) — \(counts.joined(separator: ", ")) (\(report.documented)/\(total))"
            }
            return Item(
                id: url, url: url, title: documents.label(of: period), text: text.joined(separator: "\n"),
                date: Self.timestamp(SiteDate(period.end.next)))
        }
    }

    var historyItems: [Item] {
        site.history.compactMap { event in
            guard let entry = site.entry(event.entry), let collection = site.model.collection(event.entry.collection),
                let field = collection.field(event.field)
            else { return nil }
            let url = site.model.baseURL + pages.page(of: entry.key)
            return Item(
                id: url + "#" + event.anchor, url: url, title: title(of: event, entry: entry, field: field),
                text: text(of: event, field: field), date: Self.timestamp(event.date))
        }
    }

    /// One item per measured value of every series: "Residuos reciclados: 9.2 % (2022)", with
    /// its source (and note) as text, linked to the series on the entry's page.
    var seriesItems: [Item] {
        var items: [Item] = []
        for collection in site.model.collections {
            for field in collection.fields {
                guard case .series = field.type else { continue }
                for entry in site.entries(of: collection.name) {
                    guard case .series(let series)? = entry.fields[field.name] else { continue }
                    let url = site.model.baseURL + pages.page(of: entry.key)
                    for point in series.values {
                        items.append(
                            Item(
                                id: url + "#serie-\(field.name)-\(point.date)", url: url + "#serie-\(field.name)",
                                title:
                                    "\(entry.title): \(FieldValue.format(point.value)) \(series.unit) (\(point.date))",
                                text: [point.source, point.note].compactMap { $0 }.joined(separator: "\n\n"),
                                date: Self.timestamp(point.date)))
                    }
                }
            }
        }
        return items
    }

    /// "RCN-Visa: En marcha": the entry's title and the record's status, if any.
    func title(of event: HistoryEvent, entry: Entry, field: Field) -> String {
        "\(entry.title): \(event.status(in: field)?.label ?? field.label)"
    }

    /// The record's text values, such as its note.
    func text(of event: HistoryEvent, field: Field) -> String {
        event.note(in: field) ?? field.label
    }

    /// RFC 3339 for a date that may lack its day or month: the first instant it covers.
    static func timestamp(_ date: SiteDate) -> String {
        let month = date.month.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "01"
        let day = date.day.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "01"
        return "\(date.year)-\(month)-\(day)T00:00:00Z"
    }

    var updated: String {
        // The newest history record, or the newest measured value of a series if it is newer.
        let newestValue = site.model.collections.flatMap { collection in
            site.entries(of: collection.name).flatMap { entry in
                entry.fields.values.compactMap { value -> SiteDate? in
                    if case .series(let series) = value { return series.values.last?.date }
                    return nil
                }
            }
        }.max()
        let newest = [site.contentDate, newestValue].compactMap { $0 }.max()
        return newest.map(Self.timestamp) ?? "1970-01-01T00:00:00Z"
    }

    // MARK: - JSON Feed 1.1

    /// `feed.json`. JSON Feed has no field for a licence: it goes in an extension object
    /// (`_avance`, whose `about` is the data page that describes the site's open data).
    public func jsonFeed() -> JSONValue {
        let model = site.model
        var feed: JSONValue = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": .string(model.title),
            "home_page_url": .string(model.baseURL),
            "feed_url": .string(model.baseURL + DataPaths.jsonFeed),
            "description": .optional(model.description),
            "language": .string(model.language),
            "items": .array(
                items.map { item in
                    [
                        "id": .string(item.id), "url": .string(item.url), "title": .string(item.title),
                        "content_text": .string(item.text), "date_published": .string(item.date),
                    ]
                }),
        ]
        if let license = model.license, case .object(var members) = feed {
            members["_avance"] = [
                "about": .string(model.baseURL + DataPaths(model: model).dataPage), "license": license.json,
            ]
            feed = .object(members)
        }
        return feed
    }

    // MARK: - Atom

    /// `feed.xml`.
    public func atomFeed() -> String {
        let model = site.model
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(XMLText.escape(model.language))">
              <id>\(XMLText.escape(model.baseURL))</id>
              <title>\(XMLText.escape(model.title))</title>
              <updated>\(updated)</updated>
              <link rel="self" type="application/atom+xml" href="\(XMLText.escape(model.baseURL + DataPaths.atomFeed))"/>
              <link rel="alternate" type="text/html" href="\(XMLText.escape(model.baseURL))"/>
              <author><name>\(XMLText.escape(model.title))</name></author>
              <generator>avance</generator>

            """
        // RFC 4287's <rights>, and the licence's own address (RFC 4946).
        if let license = model.license {
            xml += """
                  <rights>\(XMLText.escape(license.fullName + ": " + license.url))</rights>
                  <link rel="license" href="\(XMLText.escape(license.url))"/>

                """
        }
        for item in items {
            xml += """
                  <entry>
                    <id>\(XMLText.escape(item.id))</id>
                    <title>\(XMLText.escape(item.title))</title>
                    <updated>\(item.date)</updated>
                    <link rel="alternate" type="text/html" href="\(XMLText.escape(item.url))"/>
                    <content type="text">\(XMLText.escape(item.text))</content>
                  </entry>

                """
        }
        return xml + "</feed>\n"
    }
}
