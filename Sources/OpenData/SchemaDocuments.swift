import ContentModel
import SiteLayout

/// JSON Schemas (draft 2020-12) of the API documents, generated from the content model: enum
/// values as `enum`, references as objects, required fields required. Each schema is
/// self-contained, so any validator can use it without fetching others.
public struct SchemaDocuments: Sendable {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"
    public let model: SiteModel

    /// Creates the schemas of `model`.
    public init(model: SiteModel) {
        self.model = model
    }

    func id(_ path: String) -> JSONValue { .string(model.baseURL + path) }

    static let url: JSONValue = ["type": "string", "minLength": 1]
    static let reference: JSONValue = [
        "type": "object",
        "required": ["id", "title", "url", "api"],
        "additionalProperties": false,
        "properties": [
            "id": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"],
            "title": ["type": "string"], "url": url, "api": url,
        ],
    ]

    /// The schema of one entry document of `collection`.
    public func entry(of collection: Collection) -> JSONValue {
        var schema = entryBody(of: collection)
        schema["$schema"] = .string(Self.dialect)
        schema["$id"] = id(DataPaths.entrySchema(of: collection))
        schema["title"] = .string("\(collection.singular) (\(model.title))")
        return .object(schema)
    }

    /// The schema of the list document of `collection`.
    public func list(of collection: Collection) -> JSONValue {
        [
            "$schema": .string(Self.dialect),
            "$id": id(DataPaths.listSchema(of: collection)),
            "title": .string("\(collection.title) (\(model.title))"),
            "type": "object",
            "required": ["collection", "title", "expected", "documented", "url", "schema", "entries"],
            "additionalProperties": false,
            "properties": [
                "collection": ["const": .string(collection.name)],
                "title": ["type": "string"],
                "expected": ["type": ["integer", "null"], "minimum": 0],
                "documented": ["type": "integer", "minimum": 0],
                "url": Self.url, "schema": Self.url,
                "entries": ["type": "array", "items": .object(entryBody(of: collection))],
            ],
        ]
    }

    /// The schema of `api/v1/index.json`.
    public func catalog() -> JSONValue {
        let collection: JSONValue = [
            "type": "object",
            "required": ["name", "title", "singular", "expected", "documented", "url", "api", "schema", "csv"],
            "additionalProperties": false,
            "properties": [
                "name": ["enum": .array(model.collections.map { .string($0.name) })],
                "title": ["type": "string"], "singular": ["type": "string"],
                "description": ["type": ["string", "null"]],
                "expected": ["type": ["integer", "null"], "minimum": 0],
                "documented": ["type": "integer", "minimum": 0],
                "url": Self.url, "api": Self.url, "schema": Self.url, "entry_schema": Self.url, "csv": Self.url,
            ],
        ]
        return [
            "$schema": .string(Self.dialect),
            "$id": id(DataPaths.catalogSchema),
            "title": .string("Catalog (\(model.title))"),
            "type": "object",
            "required": ["version", "title", "language", "base_url", "content_date", "collections", "feeds"],
            "additionalProperties": false,
            "properties": [
                "version": ["const": .string(DataPaths.version)],
                "title": ["type": "string"], "description": ["type": ["string", "null"]],
                "language": ["type": "string"], "base_url": Self.url,
                "content_date": ["type": ["string", "null"], "pattern": .string(Self.datePattern)],
                "collections": ["type": "array", "items": collection],
                "schema": Self.url, "datapackage": Self.url,
                "feeds": [
                    "type": "object", "required": ["json", "atom"], "additionalProperties": false,
                    "properties": ["json": Self.url, "atom": Self.url],
                ],
            ],
        ]
    }

    static let datePattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"

    func entryBody(of collection: Collection) -> [String: JSONValue] {
        let fields = collection.fields.filter { $0.name != collection.titleField }
        let history: JSONValue = [
            "type": "object", "required": ["id", "field", "date"], "additionalProperties": false,
            "properties": [
                "id": Self.url, "field": ["type": "string"],
                "date": ["type": "string", "pattern": .string(Self.datePattern)],
            ],
        ]
        var backlink = Self.reference
        if case .object(var object) = backlink, case .object(var properties)? = object["properties"] {
            properties["collection"] = ["type": "string"]
            properties["field"] = ["type": "string"]
            object["properties"] = .object(properties)
            object["required"] = ["id", "title", "url", "api", "collection", "field"]
            backlink = .object(object)
        }
        let rollup: JSONValue = [
            "type": "object", "required": ["collection", "field", "total", "unset", "counts"],
            "additionalProperties": false,
            "properties": [
                "collection": ["type": "string"], "field": ["type": "string"],
                "total": ["type": "integer", "minimum": 0], "unset": ["type": "integer", "minimum": 0],
                "counts": ["type": "object", "additionalProperties": ["type": "integer", "minimum": 0]],
            ],
        ]
        return [
            "type": "object",
            "required": [
                "id", "collection", "title", "url", "api", "source", "fields", "backlinks", "rollups", "history",
            ],
            "additionalProperties": false,
            "properties": [
                "id": ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"],
                "collection": ["const": .string(collection.name)],
                "title": ["type": "string"], "url": Self.url, "api": Self.url, "source": ["type": "string"],
                "fields": [
                    "type": "object",
                    "required": .array(fields.filter(\.required).map { .string($0.name) }),
                    "additionalProperties": collection.allowsExtraFields ? true : false,
                    "properties": .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, schema(of: $0)) })),
                ],
                "backlinks": ["type": "array", "items": backlink],
                "rollups": ["type": "array", "items": rollup],
                "history": ["type": "array", "items": history],
                "updated": [
                    "type": ["string", "null"], "pattern": .string(Self.datePattern),
                    "description": "Date of the last commit that changed the entry's file; null when unknown.",
                ],
                "stale": ["type": "boolean", "description": "Not changed for longer than the site's threshold."],
            ],
        ]
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
        case .url: ["type": "string", "pattern": "^(https?://|mailto:)"]
        case .enumeration(let set):
            [
                "type": "object", "required": ["value", "label"], "additionalProperties": false,
                "properties": [
                    "value": ["enum": .array(set.values.map { .string($0.id) })],
                    "label": ["enum": .array(Array(Set(set.values.map(\.label))).sorted().map { .string($0) })],
                ],
            ]
        case .reference: Self.reference
        case .references: ["type": "array", "items": Self.reference]
        case .list(.string): ["type": "array", "items": ["type": "string"]]
        case .list(.record(let fields)):
            [
                "type": "array",
                "items": [
                    "type": "object",
                    "required": .array(fields.filter(\.required).map { .string($0.name) }),
                    "additionalProperties": false,
                    "properties": .object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, schema(of: $0)) })),
                ],
            ]
        }
    }
}
