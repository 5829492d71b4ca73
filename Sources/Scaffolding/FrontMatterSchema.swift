import ContentModel
import JSON
import SiteData

/// JSON Schemas (draft-07) of the front matter of each collection, for editors that check YAML
/// against a schema: field names to complete, enum values with their labels, the ids of the
/// entries a reference can name. Draft-07 because it is the version the YAML language server
/// (Red Hat's VS Code extension, and the editors built on it) implements; its support of
/// 2019-09 and 2020-12 is partial.
///
/// The schemas follow what avance accepts, so an editor never flags a file the build accepts,
/// with one exception: a reference to an entry created after the schemas were written. Run
/// `avance schema` again after adding entries.
public struct FrontMatterSchema: Sendable {
    public static let dialect = "http://json-schema.org/draft-07/schema#"
    public let content: ExistingContent

    /// Creates the schemas of the site read in `content`.
    public init(content: ExistingContent) {
        self.content = content
    }

    /// The schema of the front matter of `collection`'s entries.
    public func schema(of collection: Collection) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in collection.fields { properties[field.name] = schema(of: field) }
        var schema: [String: JSONValue] = [
            "$schema": .string(Self.dialect),
            "title": .string("\(collection.singular) (\(content.model.title))"),
            "description": .string(
                collection.description ?? "The front matter of an entry of `\(collection.name)`."),
            "type": "object",
            "properties": .object(properties),
            "additionalProperties": .bool(collection.allowsExtraFields),
        ]
        let required = collection.fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }

    /// The schema of a translation of `collection`'s entries into `language`
    /// (`content/<collection>/<id>.<language>.md`): only the fields a translation may set, none
    /// of them required, as the build reads translations.
    public func translationSchema(of collection: Collection, language: String) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for var field in EntryTranslation.translatable(collection) {
            field.required = false
            properties[field.name] = schema(of: field)
        }
        return [
            "$schema": .string(Self.dialect),
            "title": .string("\(collection.singular), translation `\(language)` (\(content.model.title))"),
            "description": .string(
                "The front matter of a translation into `\(language)` of an entry of `\(collection.name)`: "
                    + "its text fields; everything else is taken from the entry."),
            "type": "object",
            "properties": .object(properties),
            "additionalProperties": false,
        ]
    }

    /// A field: its value's schema, its label as `title`, its description; `null` allowed when
    /// the field is optional (avance treats `field:` with no value as absent).
    func schema(of field: Field) -> JSONValue {
        var schema = value(of: field.type)
        if !field.required { schema = ["anyOf": [schema, ["type": "null"]]] }
        guard case .object(var members) = schema else { return schema }
        members["title"] = .string(field.label)
        let what = field.description.map { "\(field.label): \($0)" } ?? field.label
        let need = field.required ? "required" : "optional"
        members["description"] = .string("\(what) (\(need), \(field.type.name))")
        members["markdownDescription"] = .string(
            "**\(field.label)** (`\(field.name)`, \(need))." + (field.description.map { " \($0)" } ?? ""))
        return .object(members)
    }

    /// The schema of a value of `type`, matching what the validator accepts.
    func value(of type: FieldType) -> JSONValue {
        switch type {
        // Any scalar is text to avance: a title may be `2022`.
        case .string, .text: ["type": ["string", "number", "boolean"]]
        case .int: ["type": "integer"]
        case .number: ["type": "number"]
        case .percent:
            ["type": ["number", "string"], "minimum": 0, "maximum": 100, "pattern": "^[0-9]+(\\.[0-9]+)? ?%$"]
        // YAML reads `2022` as a number and `2022-04` as text.
        case .date:
            [
                "type": ["string", "integer"], "minimum": 1000, "maximum": 9999,
                "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$",
            ]
        case .url: ["type": "string", "pattern": "^(https?://[^\\s/]+[^\\s]*|mailto:[^\\s@]+@[^\\s]+)$"]
        case .boolean: ["enum": [true, false, "yes", "no"]]
        case .enumeration(let set): enumeration(set)
        case .reference(let target): reference(to: target)
        case .references(let target):
            // One id alone counts as a list of one.
            ["anyOf": [["type": "array", "items": reference(to: target)], reference(to: target)]]
        case .list(of: .string): ["type": "array", "items": value(of: .string)]
        case .list(of: .record(let fields)):
            ["type": "array", "items": record(fields)]
        case .series: series
        }
    }

    /// A `series`: what `EntryValidator+Series` accepts.
    var series: JSONValue {
        let number: JSONValue = ["type": "number"]
        let point: (Bool) -> JSONValue = { needsSource in
            var required: [JSONValue] = ["date", "value"]
            if needsSource { required.append("source") }
            return [
                "type": "object", "additionalProperties": false, "required": .array(required),
                "properties": [
                    "date": value(of: .date), "value": number, "source": ["type": "string", "minLength": 1],
                    "note": ["type": "string"],
                ],
            ]
        }
        return [
            "type": "object", "additionalProperties": false, "required": ["unit", "direction", "baseline"],
            "properties": [
                "unit": ["type": ["string", "number"]],
                "direction": ["enum": ["up", "down"]],
                "range": ["type": "array", "items": number, "minItems": 2, "maxItems": 2],
                "baseline": point(false),
                "targets": ["type": "array", "items": point(false)],
                "values": ["type": "array", "items": point(true)],
            ],
        ]
    }

    func enumeration(_ set: EnumSet) -> JSONValue {
        [
            "enum": .array(set.values.map { .string($0.id) }),
            "enumDescriptions": .array(set.values.map { .string(describe($0)) }),
            "markdownEnumDescriptions": .array(
                set.values.map { .string("**\($0.label)**" + ($0.description.map { ": \($0)" } ?? "")) }),
        ]
    }

    func describe(_ value: EnumValue) -> String {
        value.label + (value.description.map { ": \($0)" } ?? "")
    }

    /// The ids of the entries of `target` as an `enum`, with their titles as descriptions; the
    /// id pattern when the collection has no entries yet.
    func reference(to target: String) -> JSONValue {
        let ids = content.sortedIDs(of: target)
        guard !ids.isEmpty else { return ["type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"] }
        let titles = Dictionary(
            content.site.entries(of: target).map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        return [
            "enum": .array(ids.map { .string($0) }),
            "enumDescriptions": .array(ids.map { .string(titles[$0] ?? $0) }),
        ]
    }

    func record(_ fields: [Field]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for field in fields { properties[field.name] = schema(of: field) }
        var schema: [String: JSONValue] = [
            "type": "object", "properties": .object(properties), "additionalProperties": false,
        ]
        let required = fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { schema["required"] = .array(required) }
        return .object(schema)
    }
}
