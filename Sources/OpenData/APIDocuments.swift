import ContentModel
import JSON
import SiteData
import SiteLayout

/// The documents of the JSON API (`/api/v2/`, and the deprecated `/api/v1/`): the catalog, one
/// list per collection (in `v2`, lean and split into pages) and one document per entry, all with
/// absolute URLs built from `base_url`.
public struct APIDocuments: Sendable {
    public let site: Site
    /// The HTML of each entry's body, as its page shows it (the rendering stage's bodies).
    public let bodies: [EntryKey: StoredText]
    /// The layout these documents are in.
    public let version: APIVersion
    let pages: PagePaths

    /// Creates the documents of `site` in the layout `version`, whose entries' bodies rendered
    /// to `bodies`.
    public init(site: Site, bodies: [EntryKey: StoredText], version: APIVersion = .current) {
        self.site = site
        self.bodies = bodies
        self.version = version
        self.pages = PagePaths(model: site.model)
    }

    var model: SiteModel { site.model }

    func absolute(_ path: String) -> JSONValue {
        .string(model.baseURL + path)
    }

    // MARK: - Catalog

    /// `api/v2/index.json`: the site, its collections with counts, and a link to every document.
    public func catalog() -> JSONValue {
        let collections: [JSONValue] = model.collections.map { collection in
            var members: [String: JSONValue] = [
                "name": .string(collection.name),
                "title": .string(collection.title),
                "singular": .string(collection.singular),
                "description": .optional(collection.description),
                "expected": collection.expected.map(JSONValue.int) ?? .null,
                "documented": .int(site.entries(of: collection.name).count),
                "url": absolute(pages.index(of: collection)),
                "api": absolute(DataPaths.list(of: collection, in: version)),
                "schema": absolute(DataPaths.listSchema(of: collection, in: version)),
                "entry_schema": absolute(DataPaths.entrySchema(of: collection, in: version)),
                "csv": absolute(pages.data.csv(of: collection)),
                "tables": .array(
                    DataPaths.fieldTables(of: collection).map { field in
                        ["field": .string(field.name), "csv": absolute(pages.data.csv(of: collection, field: field))]
                    }),
                "status": status(of: collection),
                "snapshots": .array(snapshots(of: collection)),
            ]
            if version == .v2 {
                // Every page of the list, in order: the first is `api`.
                let count = DataPaths.apiPageCount(entries: site.entries(of: collection.name).count)
                members["pages"] = .array(
                    (1...count).map { absolute(DataPaths.list(of: collection, page: $0, in: version)) })
            }
            return .object(members)
        }
        let catalog: JSONValue = [
            "version": .string(version.rawValue),
            "title": .string(model.title),
            "description": .optional(model.description),
            "language": .string(model.language),
            "base_url": .string(model.baseURL),
            "content_date": .optional(site.contentDate?.description),
            "license": model.license?.json ?? .null,
            "collections": .array(collections),
            "schema": absolute(DataPaths.catalogSchema(in: version)),
            "feeds": ["json": absolute(DataPaths.jsonFeed), "atom": absolute(DataPaths.atomFeed)],
            "datapackage": absolute(pages.data.dataPackage),
        ]
        return catalog.adding("periods", PeriodDocuments(site: site).catalogEntry())
    }

    /// The dashboard's count of every entry of `collection` by its status field, `null` when
    /// it has none.
    func status(of collection: Collection) -> JSONValue {
        guard let counts = site.statusCounts(of: collection) else { return .null }
        return [
            "field": .string(counts.field),
            "label": .string(collection.field(counts.field)?.label ?? counts.field),
            "total": .int(counts.total),
            "unset": .int(counts.unset),
            "counts": Self.counts(counts.counts),
        ]
    }

    /// The published counts of `collection` (`snapshots` in `site.yaml`), dated and sourced.
    func snapshots(of collection: Collection) -> [JSONValue] {
        guard let values = collection.statusValues else { return [] }
        return collection.snapshots.map { snapshot in
            [
                "title": .string(snapshot.title),
                "date": .string(snapshot.date),
                "source": .string(snapshot.source),
                "total": .int(snapshot.total),
                "counts": Self.counts(snapshot.labelledCounts(in: values)),
            ]
        }
    }

    /// Counts by enum value, in the set's order: `[{value, label, count}]`.
    static func counts(_ counts: [(value: EnumValue, count: Int)]) -> JSONValue {
        .array(
            counts.map { item in
                ["value": .string(item.value.id), "label": .string(item.value.label), "count": .int(item.count)]
            })
    }

    // MARK: - Collections and entries

    /// `api/v1/<collection>.json`: every entry of a collection whole, in display order (`v1` only).
    public func list(of collection: Collection) -> JSONValue {
        guard case .object(var members) = listHeader(of: collection) else { return .null }
        members["entries"] = .array(site.entries(of: collection.name).map { document(for: $0, in: collection) })
        return .object(members)
    }

    /// The bytes of `list(of:)`, each entry's document made and written in turn: the list of a
    /// big collection is never held as one tree.
    public func listBytes(of collection: Collection) -> [UInt8] {
        let entries = site.entries(of: collection.name)
        return listHeader(of: collection).serializedBytes(streaming: "entries", count: entries.count) {
            document(for: entries[$0], in: collection)
        }
    }

    /// `list(of:)` without its entries.
    func listHeader(of collection: Collection) -> JSONValue {
        [
            "collection": .string(collection.name),
            "title": .string(collection.title),
            "expected": collection.expected.map(JSONValue.int) ?? .null,
            "documented": .int(site.entries(of: collection.name).count),
            "url": absolute(pages.index(of: collection)),
            "schema": absolute(DataPaths.listSchema(of: collection, in: version)),
        ]
    }

    /// Page `number` (from 1) of the `v2` list of `collection`: each entry's fields and the link
    /// to its own document (`api`), `DataPaths.apiPageSize` entries a page, linked to the pages
    /// around it by `prev` and `next` (`null` at the ends).
    public func listPage(_ number: Int, of collection: Collection) -> JSONValue {
        guard case .object(var members) = listHeader(of: collection) else { return .null }
        let entries = site.entries(of: collection.name)
        let count = DataPaths.apiPageCount(entries: entries.count)
        let size = DataPaths.apiPageSize
        let shown = entries[min(entries.count, (number - 1) * size)..<min(entries.count, number * size)]
        func page(_ other: Int) -> JSONValue {
            (1...count).contains(other) ? absolute(DataPaths.list(of: collection, page: other, in: version)) : .null
        }
        members["entry_schema"] = absolute(DataPaths.entrySchema(of: collection, in: version))
        members["page"] = .int(number)
        members["pages"] = .int(count)
        members["page_size"] = .int(size)
        members["first"] = page(1)
        members["prev"] = page(number - 1)
        members["next"] = page(number + 1)
        members["entries"] = .array(shown.map { summary(of: $0, in: collection) })
        return .object(members)
    }

    /// An entry in a `v2` list: its fields, dates and flags, and the links to its page and to its
    /// own document, which holds the rest (body, backlinks, roll-ups, history).
    func summary(of entry: Entry, in collection: Collection) -> JSONValue {
        [
            "id": .string(entry.id),
            "title": .string(entry.title),
            "url": absolute(pages.page(of: entry.key)),
            "api": absolute(DataPaths.entry(entry.id, of: collection, in: version)),
            "fields": .object(fields(of: entry, in: collection)),
            "data_date": .optional(site.dataDate(of: entry)?.description),
            "updated": .optional(site.lastChanged[entry.key]?.description),
            "stale": .bool(site.isStale(entry.key)),
            "late": .bool(site.isLate(entry)),
        ]
    }

    /// The fields of `entry` as JSON, by name, without its title.
    func fields(of entry: Entry, in collection: Collection) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        for field in collection.fields where field.name != collection.titleField {
            if let value = entry.fields[field.name] { fields[field.name] = json(value, type: field.type) }
        }
        return fields
    }

    /// `api/v2/<collection>/<id>.json`: one entry with everything its page shows.
    public func document(for entry: Entry, in collection: Collection) -> JSONValue {
        document(for: entry, in: collection, facts: facts(of: entry, in: collection))
    }

    /// `document(for:in:)` with the members that are the same in every layout made already
    /// (`facts(of:in:)`): a build that publishes `v1` and `v2` makes them once an entry.
    public func document(for entry: Entry, in collection: Collection, facts: EntryFacts) -> JSONValue {
        let backlinks: [JSONValue] = (site.backlinks[entry.key] ?? []).compactMap { link in
            guard var reference = reference(link.from) else { return nil }
            reference["collection"] = .string(link.from.collection)
            reference["field"] = .string(link.field)
            return .object(reference)
        }
        var members = facts.members
        members["id"] = .string(entry.id)
        members["collection"] = .string(entry.collection)
        members["title"] = .string(entry.title)
        members["url"] = absolute(pages.page(of: entry.key))
        members["api"] = absolute(DataPaths.entry(entry.id, of: collection, in: version))
        members["source"] = .string(entry.file)
        members["fields"] = .object(fields(of: entry, in: collection))
        members["body_html"] = .optional(bodyHTML(of: entry.key))
        members["backlinks"] = .array(backlinks)
        return .object(members)
    }

    /// The members of an entry's document that no layout changes (they hold no link to a
    /// document of the API): its roll-ups, history, dates and flags.
    public func facts(of entry: Entry, in collection: Collection) -> EntryFacts {
        let rollups: [JSONValue] = site.rollups(of: entry.key).map { .object(Self.rollup($0)) }
        let deepRollups: [JSONValue] = site.deepRollups(of: entry.key).map { deep in
            var rollup = Self.rollup(deep.counts)
            rollup["paths"] = .array(deep.paths.map { .string($0.description) })
            return .object(rollup)
        }
        let page = model.baseURL + pages.page(of: entry.key) + "#"
        let history: [JSONValue] = site.history(of: entry).map { event in
            let field = collection.field(event.field)
            return [
                "id": .string(page + event.anchor),
                "field": .string(event.field),
                "date": .string(event.date.description),
                "status": field.flatMap(event.status).map(Self.enumeration) ?? .null,
                "note": .optional(field.flatMap(event.note)),
            ]
        }
        return EntryFacts(members: [
            "rollups": .array(rollups),
            "deep_rollups": .array(deepRollups),
            "history": .array(history),
            "data_date": .optional(site.dataDate(of: entry)?.description),
            "updated": .optional(site.lastChanged[entry.key]?.description),
            "stale": .bool(site.isStale(entry.key)),
            "late": .bool(site.isLate(entry)),
        ])
    }

    /// The body's HTML, `nil` when the entry has no body. Its links are relative to the entry's
    /// page, as on the page.
    func bodyHTML(of key: EntryKey) -> String? {
        guard let html = bodies[key]?.string, html.contains(where: { !$0.isWhitespace }) else { return nil }
        return html
    }

    /// `{id, title, url, api}` of an entry.
    func reference(_ key: EntryKey) -> [String: JSONValue]? {
        guard let collection = model.collection(key.collection) else { return nil }
        return [
            "id": .string(key.id),
            "title": .string(site.title(of: key) ?? key.id),
            "url": absolute(pages.page(of: key)),
            "api": absolute(DataPaths.entry(key.id, of: collection, in: version)),
        ]
    }

    /// Entries of one collection counted by status.
    static func rollup(_ counts: StatusCounts) -> [String: JSONValue] {
        [
            "collection": .string(counts.collection),
            "field": .string(counts.field),
            "total": .int(counts.total),
            "unset": .int(counts.unset),
            "counts": .object(
                Dictionary(uniqueKeysWithValues: counts.counts.map { ($0.value.id, JSONValue.int($0.count)) })),
        ]
    }

    /// `{value, label}` of an enum value.
    static func enumeration(_ value: EnumValue) -> JSONValue {
        ["value": .string(value.id), "label": .string(value.label)]
    }

    /// A field value as JSON: enums with their label, references resolved, records as objects.
    func json(_ value: FieldValue, type: FieldType) -> JSONValue {
        switch (value, type) {
        case (.enumeration(let id), .enumeration(let set)):
            return Self.enumeration(set.value(id) ?? EnumValue(id: id))
        case (.reference(let id), .reference(let to)):
            return reference(EntryKey(to, id)).map(JSONValue.object) ?? .string(id)
        case (.references(let ids), .references(let to)):
            return .array(ids.compactMap { reference(EntryKey(to, $0)).map(JSONValue.object) })
        case (.list(let items), .list(of: .record(let fields))):
            return .array(
                items.map { item in
                    guard case .record(let values) = item else { return .null }
                    var object: [String: JSONValue] = [:]
                    for field in fields {
                        if let value = values[field.name] { object[field.name] = json(value, type: field.type) }
                    }
                    return .object(object)
                })
        case (.list(let items), _): return .array(items.map { .string($0.plainText) })
        case (.series(let series), .series(let thresholds)): return Self.json(series, thresholds: thresholds)
        case (.int(let number), _): return .int(number)
        case (.number(let number), _), (.percent(let number), _): return .number(number)
        case (.boolean(let flag), _): return .bool(flag)
        default: return .string(value.plainText)
        }
    }
}

/// The members of an entry's document that are the same in every layout of the API
/// (`APIDocuments.facts(of:in:)`).
public struct EntryFacts: Sendable {
    let members: [String: JSONValue]
}

extension APIDocuments {
    /// A series with its points and its progress status.
    static func json(_ series: Series, thresholds: ProgressThresholds) -> JSONValue {
        func point(_ point: Series.Point) -> JSONValue {
            var object: [String: JSONValue] = ["date": .string(point.date.description), "value": .number(point.value)]
            if let source = point.source { object["source"] = .string(source) }
            if let note = point.note { object["note"] = .string(note) }
            return .object(object)
        }
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        let progress = series.progress(thresholds)
        var object: [String: JSONValue] = [
            "unit": .string(series.unit),
            "direction": .string(series.direction.rawValue),
            "baseline": point(series.baseline),
            "targets": .array(series.targets.map(point)),
            "values": .array(series.values.map(point)),
            "progress": [
                "status": .string(progress.status.rawValue),
                "share": number(progress.share),
                "target": progress.target.map(point) ?? .null,
                "observed_growth": number(progress.observedGrowth),
                "required_growth": number(progress.requiredGrowth),
                "measure": number(progress.measure),
                "method": .string(SeriesProgress.methodSource),
            ],
        ]
        if let lower = series.lowerBound, let upper = series.upperBound {
            object["range"] = [.number(lower), .number(upper)]
        }
        return .object(object)
    }
}

extension JSONValue {
    /// This object with `value` under `key`, unless `value` is `null` (a site without periods
    /// keeps the catalog it had).
    func adding(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var members) = self, value != .null else { return self }
        members[key] = value
        return .object(members)
    }
}
