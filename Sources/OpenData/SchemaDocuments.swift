import ContentModel
import JSON
import SiteData
import SiteLayout

/// JSON Schemas (draft 2020-12) of the API documents, generated from the content model: enum
/// values as `{value, label}` pairs, references as objects, required fields required, the
/// site's own URLs anchored at `base_url`. Each schema is self-contained, so any validator can
/// use it without fetching others.
///
/// Objects do not forbid unknown keys: `v1` grows additively, and a client that validates with
/// a schema it fetched earlier must keep working when a key is added. (The tests validate with
/// a copy that forbids them, so that the documents and schemas cannot drift apart.)
public struct SchemaDocuments: Sendable {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"
    public let model: SiteModel
    /// The layout whose documents these schemas describe.
    public let version: APIVersion

    /// Creates the schemas of `model`'s documents in the layout `version`.
    public init(model: SiteModel, version: APIVersion = .current) {
        self.model = model
        self.version = version
    }

    func id(_ path: String) -> JSONValue { .string(model.baseURL + path) }

    /// A URL of the site itself: absolute, under `base_url`.
    var url: JSONValue {
        ["type": "string", "format": "uri", "pattern": .string("^" + Self.escapeRegex(model.baseURL))]
    }

    static let idPattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
    static let count: JSONValue = ["type": "integer", "minimum": 0]

    /// `{id, title, url, api}` of an entry.
    var reference: JSONValue {
        [
            "type": "object",
            "required": ["id", "title", "url", "api"],
            "properties": [
                "id": ["type": "string", "pattern": .string(Self.idPattern)],
                "title": ["type": "string"], "url": url, "api": url,
            ],
        ]
    }

    /// The schema of one entry document of `collection`.
    public func entry(of collection: Collection) -> JSONValue {
        var schema = entryBody(of: collection)
        schema["$schema"] = .string(Self.dialect)
        schema["$id"] = id(DataPaths.entrySchema(of: collection, in: version))
        schema["title"] = .string("\(collection.singular) (\(model.title))")
        return .object(schema)
    }

    /// The schema of the list document of `collection` (in `v2`, of every page of it).
    public func list(of collection: Collection) -> JSONValue {
        guard version == .v1 else { return listPage(of: collection) }
        return [
            "$schema": .string(Self.dialect),
            "$id": id(DataPaths.listSchema(of: collection, in: version)),
            "title": .string("\(collection.title) (\(model.title))"),
            "type": "object",
            "required": ["collection", "title", "expected", "documented", "url", "schema", "entries"],
            "properties": [
                "collection": ["const": .string(collection.name)],
                "title": ["type": "string"],
                "expected": ["type": ["integer", "null"], "minimum": 0],
                "documented": Self.count,
                "url": url, "schema": url,
                "entries": ["type": "array", "items": .object(entryBody(of: collection))],
            ],
        ]
    }

    /// The schema of a page of the `v2` list of `collection`: each entry's fields and links, the
    /// page's place among the others.
    func listPage(of collection: Collection) -> JSONValue {
        let entry: JSONValue = [
            "type": "object",
            "required": ["id", "title", "url", "api", "fields", "data_date", "updated", "stale", "late"],
            "properties": [
                "id": ["type": "string", "pattern": .string(Self.idPattern)],
                "title": ["type": "string"], "url": url,
                "api": [
                    "type": "string", "format": "uri", "pattern": .string("^" + Self.escapeRegex(model.baseURL)),
                    "description": "The entry's own document: its body, backlinks, roll-ups and history.",
                ],
                "fields": .object(fieldsSchema(of: collection)),
                "data_date": ["type": ["string", "null"], "pattern": .string(Self.datePattern)],
                "updated": ["type": ["string", "null"], "pattern": .string(Self.datePattern)],
                "stale": ["type": "boolean"], "late": ["type": "boolean"],
            ],
        ]
        let link: JSONValue = [
            "anyOf": [
                ["type": "null"],
                ["type": "string", "format": "uri", "pattern": .string("^" + Self.escapeRegex(model.baseURL))],
            ]
        ]
        return [
            "$schema": .string(Self.dialect),
            "$id": id(DataPaths.listSchema(of: collection, in: version)),
            "title": .string("\(collection.title) (\(model.title))"),
            "type": "object",
            "required": [
                "collection", "title", "expected", "documented", "url", "schema", "entry_schema", "page", "pages",
                "page_size", "first", "prev", "next", "entries",
            ],
            "properties": [
                "collection": ["const": .string(collection.name)],
                "title": ["type": "string"],
                "expected": ["type": ["integer", "null"], "minimum": 0],
                "documented": Self.count,
                "url": url, "schema": url, "entry_schema": url, "first": url,
                "page": ["type": "integer", "minimum": 1],
                "pages": ["type": "integer", "minimum": 1],
                "page_size": ["type": "integer", "minimum": 1],
                "prev": link, "next": link,
                "entries": [
                    "type": "array", "items": entry, "maxItems": .int(DataPaths.apiPageSize),
                    "description": "The entries of this page, in display order.",
                ],
            ],
        ]
    }

    // MARK: - Dates, enums, URLs

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with months 01–12 and each month's days (29 February
    /// in any year).
    static let datePattern =
        "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?|-(0[13-9]|1[0-2])-(29|30)|-(0[13578]|1[02])-31|-02-29)?$"

    /// `text` with every character that means something in a regular expression escaped.
    static func escapeRegex(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// Each value of `set` with its own label: one `{value, label}` pair per value.
    static func pairs(_ set: EnumSet) -> JSONValue {
        .array(
            set.values.map { value in
                ["properties": ["value": ["const": .string(value.id)], "label": ["const": .string(value.label)]]]
            })
    }

    /// `{value, label}` of a value of `set`, and `more` properties beside them.
    static func enumeration(_ set: EnumSet, more: [String: JSONValue] = [:]) -> JSONValue {
        var properties: [String: JSONValue] = [
            "value": ["enum": .array(set.values.map { .string($0.id) })], "label": ["type": "string"],
        ]
        properties.merge(more) { $1 }
        return [
            "type": "object",
            "required": .array((["value", "label"] + more.keys.sorted()).map(JSONValue.string)),
            "properties": .object(properties),
            "oneOf": pairs(set),
        ]
    }

    /// `[{value, label, count}]`: counts by value of `set`.
    static func counts(_ set: EnumSet) -> JSONValue {
        ["type": "array", "items": enumeration(set, more: ["count": count])]
    }

    /// One of `names`; any string when there are none (an empty `enum` is not allowed).
    static func oneOf(_ names: [String]) -> JSONValue {
        names.isEmpty ? ["type": "string"] : ["enum": .array(names.map(JSONValue.string))]
    }

    /// `schema` with the `allOf` of `conditions`, if any (an empty `allOf` is not allowed).
    static func allOf(_ conditions: [JSONValue], _ schema: JSONValue) -> JSONValue {
        guard !conditions.isEmpty, case .object(var members) = schema else { return schema }
        members["allOf"] = .array(conditions)
        return .object(members)
    }

    /// `if` the object's `key` is `value`, `then` the object is also `then`.
    static func when(_ key: String, is value: String, then: [String: JSONValue]) -> JSONValue {
        [
            "if": ["required": [.string(key)], "properties": [key: ["const": .string(value)]]],
            "then": ["properties": .object(then)],
        ]
    }

    // MARK: - Catalog

    /// The schema of `api/v2/index.json` (or `v1`'s).
    public func catalog() -> JSONValue {
        var collection: JSONValue = [
            "type": "object",
            "required": [
                "name", "title", "singular", "expected", "documented", "url", "api", "schema", "csv", "status",
                "snapshots",
            ],
            "properties": [
                "name": ["enum": .array(model.collections.map { .string($0.name) })],
                "title": ["type": "string"], "singular": ["type": "string"],
                "description": ["type": ["string", "null"]],
                "expected": ["type": ["integer", "null"], "minimum": 0],
                "documented": Self.count,
                "url": url, "api": url, "schema": url, "entry_schema": url, "csv": url,
                "tables": [
                    "type": "array",
                    "description": "CSV files of single fields: a list of records, or the pairs of a `refs` field.",
                    "items": [
                        "type": "object", "required": ["field", "csv"],
                        "properties": ["field": ["type": "string"], "csv": url],
                    ],
                ],
                "status": [
                    "type": ["object", "null"],
                    "description":
                        "Every entry counted by the collection's status field, as the dashboards show; null when it has none.",
                ],
                "snapshots": [
                    "type": "array",
                    "description": "Counts by status that a source published at a date (`snapshots` in site.yaml).",
                ],
            ],
            "allOf": .array(model.collections.map(dashboard(of:))),
        ]
        if version == .v2, case .object(var members) = collection,
            case .object(var properties)? = members["properties"],
            case .array(let required)? = members["required"]
        {
            properties["pages"] = [
                "type": "array", "items": url, "minItems": 1,
                "description": "Every page of the collection's list, in order; the first is `api`.",
            ]
            members["properties"] = .object(properties)
            members["required"] = .array(required + ["pages"])
            collection = .object(members)
        }
        return [
            "$schema": .string(Self.dialect),
            "$id": id(DataPaths.catalogSchema(in: version)),
            "title": .string("Catalog (\(model.title))"),
            "type": "object",
            "required": [
                "version", "title", "language", "base_url", "content_date", "license", "collections", "feeds",
            ],
            "properties": [
                "version": ["const": .string(version.rawValue)],
                "title": ["type": "string"], "description": ["type": ["string", "null"]],
                "language": ["type": "string"], "base_url": url,
                "content_date": ["type": ["string", "null"], "pattern": .string(Self.datePattern)],
                "license": [
                    "type": ["object", "null"],
                    "description":
                        "The terms under which the data may be reused (`license` in site.yaml), as a Data Package licence; null until the site declares them.",
                    "required": ["name", "path", "title"],
                    // The licence's own address, on any host (not under base_url).
                    "properties": [
                        "name": ["type": "string"], "path": ["type": "string", "format": "uri"],
                        "title": ["type": "string"],
                    ],
                ],
                "collections": ["type": "array", "items": collection],
                "schema": url, "datapackage": url,
                "periods": [
                    "description":
                        "The reporting periods' list and its schema (`periods` in site.yaml); null when the site has none.",
                    "oneOf": [
                        [
                            "type": "object", "required": ["api", "schema"],
                            "properties": ["api": url, "schema": url],
                        ],
                        ["type": "null"],
                    ],
                ],
                "feeds": [
                    "type": "object", "required": ["json", "atom"], "properties": ["json": url, "atom": url],
                ],
            ],
        ]
    }

    /// The status counts and snapshots of `collection` in the catalog, by its status values.
    func dashboard(of collection: Collection) -> JSONValue {
        guard let values = collection.statusValues, let field = collection.statusField else {
            return Self.when(
                "name", is: collection.name, then: ["status": ["type": "null"], "snapshots": ["maxItems": 0]])
        }
        let status: JSONValue = [
            "type": "object", "required": ["field", "label", "total", "unset", "counts"],
            "properties": [
                "field": ["const": .string(field)], "label": ["type": "string"],
                "total": Self.count, "unset": Self.count, "counts": Self.counts(values),
            ],
        ]
        let snapshot: JSONValue = [
            "type": "object", "required": ["title", "date", "source", "total", "counts"],
            "properties": [
                "title": ["type": "string"], "date": ["type": "string", "pattern": .string(Self.datePattern)],
                "source": ["type": "string"], "total": Self.count, "counts": Self.counts(values),
            ],
        ]
        return Self.when("name", is: collection.name, then: ["status": status, "snapshots": ["items": snapshot]])
    }

    // MARK: - Entries

    /// The schema of an entry's `fields`: every field but its title.
    func fieldsSchema(of collection: Collection) -> [String: JSONValue] {
        let fields = collection.fields.filter { $0.name != collection.titleField }
        var schema: [String: JSONValue] = [
            "type": "object",
            "required": .array(fields.filter(\.required).map { .string($0.name) }),
            "properties": .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, self.schema(of: $0)) })),
        ]
        // Fields `site.yaml` does not declare are part of the content, not a later version.
        if collection.allowsExtraFields { schema["additionalProperties"] = true }
        return schema
    }

    func entryBody(of collection: Collection) -> [String: JSONValue] {
        var backlink = reference
        if case .object(var object) = backlink, case .object(var properties)? = object["properties"] {
            properties["collection"] = ["type": "string"]
            properties["field"] = ["type": "string"]
            object["properties"] = .object(properties)
            object["required"] = ["id", "title", "url", "api", "collection", "field"]
            backlink = .object(object)
        }
        return [
            "type": "object",
            "required": [
                "id", "collection", "title", "url", "api", "source", "fields", "body_html", "backlinks", "rollups",
                "deep_rollups", "history", "data_date", "updated", "stale", "late",
            ],
            "properties": [
                "id": ["type": "string", "pattern": .string(Self.idPattern)],
                "collection": ["const": .string(collection.name)],
                "title": ["type": "string"], "url": url, "api": url, "source": ["type": "string"],
                "fields": .object(fieldsSchema(of: collection)),
                "body_html": [
                    "type": ["string", "null"], "contentMediaType": "text/html",
                    "description":
                        "The body as the page shows it; its links are relative to `url`. null when the entry has no body.",
                ],
                "backlinks": ["type": "array", "items": backlink],
                "rollups": ["type": "array", "items": rollup()],
                "deep_rollups": [
                    "type": "array", "items": rollup(paths: true),
                    "description":
                        "Every entry below this one (its children, their children…), each counted once, by collection; `paths` are the chains of reference fields that reach them.",
                ],
                "history": ["type": "array", "items": history(of: collection)],
                "data_date": [
                    "type": ["string", "null"], "pattern": .string(Self.datePattern),
                    "description":
                        "The entry's data date: its newest dated record (a history item, or the collection's `data_date` field); null when it has none.",
                ],
                "updated": [
                    "type": ["string", "null"], "pattern": .string(Self.datePattern),
                    "description":
                        "Date of the last commit that changed the entry's file (its edit date, not its data date); null when unknown.",
                ],
                "stale": [
                    "type": "boolean",
                    "description": "Its data date is older than the site's threshold; false when it has no data date.",
                ],
                "late": [
                    "type": "boolean",
                    "description":
                        "Past its planned end (`planned_end`) without a final status, at the build's reference date.",
                ],
            ],
        ]
    }

    /// Referring entries of one collection counted by its status field: counts keyed by that
    /// field's values; with `paths`, the chains of fields that reach them (`acciones.hito → hitos.eje`).
    func rollup(paths: Bool = false) -> JSONValue {
        let counted = model.collections.compactMap { collection -> JSONValue? in
            guard let values = collection.statusValues, let field = collection.statusField else { return nil }
            return Self.when(
                "collection", is: collection.name,
                then: [
                    "field": ["const": .string(field)],
                    "counts": ["propertyNames": ["enum": .array(values.values.map { .string($0.id) })]],
                ])
        }
        var required: [JSONValue] = ["collection", "field", "total", "unset", "counts"]
        var properties: [String: JSONValue] = [
            "collection": Self.oneOf(model.collections.filter { $0.statusField != nil }.map(\.name)),
            "field": ["type": "string"], "total": Self.count, "unset": Self.count,
            "counts": ["type": "object", "additionalProperties": Self.count],
        ]
        if paths {
            required.append("paths")
            properties["paths"] = ["type": "array", "items": ["type": "string"]]
        }
        return Self.allOf(
            counted, ["type": "object", "required": .array(required), "properties": .object(properties)])
    }

    /// A dated record of `collection`'s entries: where it is, its date, status and note.
    func history(of collection: Collection) -> JSONValue {
        let lists = collection.fields.filter { $0.recordDateField != nil }
        let statuses = lists.map { list -> JSONValue in
            let status: JSONValue =
                list.recordStatusField.map { ["anyOf": [["type": "null"], Self.enumeration($0.values)]] }
                ?? ["type": "null"]
            return Self.when("field", is: list.name, then: ["status": status])
        }
        return Self.allOf(
            statuses,
            [
                "type": "object", "required": ["id", "field", "date", "status", "note"],
                "properties": [
                    "id": url, "field": Self.oneOf(lists.map(\.name)),
                    "date": ["type": "string", "pattern": .string(Self.datePattern)],
                    "status": [
                        "type": ["object", "null"],
                        "description":
                            "The record's status (its first enum field) as `{value, label}`; null when it has none.",
                    ],
                    "note": [
                        "type": ["string", "null"],
                        "description": "The record's text fields, separated by blank lines; null when it has none.",
                    ],
                ],
            ])
    }

    /// The schema of one field's value, with its label and description as annotations.
    func schema(of field: Field) -> JSONValue {
        guard case .object(var schema) = type(field.type) else { return type(field.type) }
        schema["title"] = .string(field.label)
        if let description = field.description { schema["description"] = .string(description) }
        return .object(schema)
    }

    func type(_ type: FieldType) -> JSONValue {
        switch type {
        case .string, .text: ["type": "string"]
        case .int: ["type": "integer"]
        case .number: ["type": "number"]
        case .percent: ["type": "number", "minimum": 0, "maximum": 100]
        case .boolean: ["type": "boolean"]
        case .date: ["type": "string", "pattern": .string(Self.datePattern)]
        case .url: ["type": "string", "format": "uri", "pattern": "^(https?://|mailto:)"]
        case .enumeration(let set): Self.enumeration(set)
        case .reference: reference
        case .references: ["type": "array", "items": reference]
        case .list(.string): ["type": "array", "items": ["type": "string"]]
        case .list(.record(let fields)):
            [
                "type": "array",
                "items": [
                    "type": "object",
                    "required": .array(fields.filter(\.required).map { .string($0.name) }),
                    "properties": .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, schema(of: $0)) })),
                ],
            ]
        case .series: Self.series
        }
    }

    /// A series as the API writes it (`APIDocuments.json(series:)`): its points and its progress.
    static let series: JSONValue = {
        let point: JSONValue = [
            "type": "object", "required": ["date", "value"], "additionalProperties": false,
            "properties": [
                "date": ["type": "string", "pattern": .string(datePattern)], "value": ["type": "number"],
                "source": ["type": "string"], "note": ["type": "string"],
            ],
        ]
        return [
            "type": "object",
            "required": ["unit", "direction", "baseline", "targets", "values", "progress"],
            "additionalProperties": false,
            "properties": [
                "unit": ["type": "string"],
                "direction": [
                    "enum": ["up", "down"], "description": "up: a higher value is better; down: a lower one",
                ],
                "range": ["type": "array", "items": ["type": "number"], "minItems": 2, "maxItems": 2],
                "baseline": point,
                "targets": ["type": "array", "items": point],
                "values": ["type": "array", "items": point],
                "progress": [
                    "type": "object", "required": ["status", "method"], "additionalProperties": false,
                    "properties": [
                        "status": [
                            "enum": .array(SeriesProgress.Status.allCases.map { .string($0.rawValue) }),
                            "description": .string(
                                "Open SDG's progress status (Statistics Canada's method): compound annual growth "
                                    + "observed against the growth required to reach the target on time"),
                        ],
                        "share": [
                            "type": ["number", "null"],
                            "description":
                                "share of the way from the baseline to the target reached by the latest value",
                        ],
                        "target": ["oneOf": [point, ["type": "null"]]],
                        "observed_growth": ["type": ["number", "null"]],
                        "required_growth": ["type": ["number", "null"]],
                        "measure": ["type": ["number", "null"]],
                        "method": ["type": "string", "format": "uri"],
                    ],
                ],
            ],
        ]
    }()
}
