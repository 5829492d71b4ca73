import ContentModel
import JSON
import SiteData
import SiteLayout

/// The JSON Schemas (2020-12) of the periods' documents (`PeriodDocuments`).
struct PeriodSchemas: Sendable {
    let site: Site
    var base: SchemaDocuments { SchemaDocuments(model: site.model) }
    var paths: DataPaths { DataPaths(model: site.model) }

    static let day: JSONValue = ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"]
    static let ids: JSONValue = [
        "type": "array", "items": ["type": "string", "pattern": .string(SchemaDocuments.idPattern)],
    ]

    /// The fields every period has, in the list and in its own document.
    var summary: [String: JSONValue] {
        [
            "id": ["type": "string", "pattern": .string(SchemaDocuments.idPattern)],
            "label": ["type": "string"],
            "start": ["oneOf": [Self.day, ["type": "null"]]],
            "end": Self.day,
            "closed": ["type": "boolean"],
            "url": base.url, "api": base.url,
        ]
    }

    /// The schema of `api/v1/periodos.json`.
    func list() -> JSONValue {
        [
            "$schema": .string(SchemaDocuments.dialect),
            "$id": base.id(paths.periodsListSchema),
            "title": .string("Reporting periods (\(site.model.title))"),
            "type": "object",
            "required": ["schema", "reference_date", "periods"],
            "properties": [
                "schema": base.url,
                "reference_date": ["type": ["string", "null"]],
                "periods": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["id", "label", "start", "end", "closed", "url", "api"],
                    ],
                ],
            ],
        ]
    }

    /// The schema of `api/v1/periodos/<id>.json`.
    func period() -> JSONValue {
        let enumeration: JSONValue = [
            "type": "object", "required": ["value", "label"],
            "properties": ["value": ["type": "string"], "label": ["type": "string"]],
        ]
        let counts: JSONValue = [
            "type": "array",
            "items": [
                "type": "object", "required": ["value", "label", "count"],
                "properties": [
                    "value": ["type": "string"], "label": ["type": "string"], "count": SchemaDocuments.count,
                ],
            ],
        ]
        let change: JSONValue = [
            "type": "object", "required": ["entry", "title", "url", "date", "kind", "from", "to", "note"],
            "properties": [
                "entry": ["type": "string"], "title": ["type": "string"], "url": base.url,
                "date": ["type": "string", "pattern": .string(SchemaDocuments.datePattern)],
                "kind": ["enum": .array(PeriodChange.Kind.allCases.map { .string($0.rawValue) })],
                "from": ["oneOf": [enumeration, ["type": "null"]]], "to": enumeration,
                "note": ["type": ["string", "null"]],
            ],
        ]
        let snapshot: JSONValue = [
            "type": "object", "required": ["title", "date", "source", "total", "counts"],
            "properties": [
                "title": ["type": "string"],
                "date": ["type": "string", "pattern": .string(SchemaDocuments.datePattern)],
                "source": ["type": "string"], "total": SchemaDocuments.count, "counts": counts,
            ],
        ]
        let collection: JSONValue = [
            "type": "object",
            "required": [
                "collection", "title", "counts", "without_record", "without_record_entries", "documented", "expected",
                "changes", "no_record_in_period", "first_record_in_period", "late", "snapshots", "previous",
            ],
            "properties": [
                "collection": ["enum": .array(site.periodCollections.map { .string($0.collection.name) })],
                "title": ["type": "string"],
                "counts": counts,
                "without_record": [
                    "type": "integer", "minimum": 0,
                    "description": "Entries with no dated status on or before the period's end (docs/periods.md).",
                ],
                "without_record_entries": Self.ids,
                "documented": SchemaDocuments.count,
                "expected": ["type": ["integer", "null"], "minimum": 0],
                "changes": ["type": "array", "items": change],
                "no_record_in_period": Self.ids, "first_record_in_period": Self.ids, "late": Self.ids,
                "snapshots": ["type": "array", "items": snapshot],
                "previous": [
                    "oneOf": [
                        [
                            "type": "object", "required": ["counts", "without_record"],
                            "properties": ["counts": counts, "without_record": SchemaDocuments.count],
                        ],
                        ["type": "null"],
                    ]
                ],
            ],
        ]
        var properties = summary
        properties["schema"] = base.url
        properties["reference_date"] = ["type": ["string", "null"]]
        properties["previous"] = ["type": ["string", "null"]]
        properties["collections"] = ["type": "array", "items": collection]
        return [
            "$schema": .string(SchemaDocuments.dialect),
            "$id": base.id(paths.periodSchema),
            "title": .string("Reporting period (\(site.model.title))"),
            "type": "object",
            "required": [
                "id", "label", "start", "end", "closed", "url", "api", "schema", "reference_date", "previous",
                "collections",
            ],
            "properties": .object(properties),
        ]
    }
}
