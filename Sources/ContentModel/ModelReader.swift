import Diagnostics
import Foundation
import FrontMatter

/// Stage 2b: reads `content/site.yaml` into a `SiteModel`, checking the model itself: unknown
/// settings, unknown field types, references to collections that do not exist.
public struct ModelReader {
    /// The path of the model file, relative to the site root.
    public static let path = "content/site.yaml"

    static let siteKeys = [
        "title", "description", "base_url", "language", "title_field", "enums", "collections", "stale_after_months",
        "repository_url",
        "paths",
        "license", "periods", "paginate_by", "filter_limit", "api_v1",
        "banner",
    ]
    static let collectionKeys = [
        "title", "singular", "description", "path", "expected", "title_field", "order_by", "status",
        "fields", "extra_fields", "menu", "group_by", "charts_by", "snapshots", "planned_start", "planned_end",
        "data_date", "paginate_by", "filter_limit",
    ]
    static let fieldKeys = [
        "type", "label", "required", "description", "to", "values", "of", "internal", "thresholds",
    ]
    static let valueKeys = ["label", "color", "description", "requires_note", "final"]

    let file: String
    var diagnostics: [Diagnostic] = []
    /// Fields of the collection being read whose declaration has an error of its own: settings
    /// naming them (`order_by`, `status`, `group_by`) are not reported a second time.
    var unreadableFields: Set<String> = []

    /// Reads the model from the text of `site.yaml`; `nil` when it cannot be used at all.
    public static func read(_ text: String, file: String = path) -> (SiteModel?, [Diagnostic]) {
        var reader = ModelReader(file: file)
        let model = reader.read(text)
        return (reader.diagnostics.hasErrors ? nil : model, reader.diagnostics)
    }

    /// Only `base_url` from the text of `site.yaml`, checked as `read` checks it: for
    /// `avance check --public`, which needs nothing else of the model. `nil` when it is not set
    /// or cannot be read (the diagnostics then say why).
    public static func readBaseURL(_ text: String, file: String = path) -> (String?, [Diagnostic]) {
        var reader = ModelReader(file: file)
        switch YAMLReader.parse(text, file: file) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let node?) where node.mapping != nil && node["base_url"] != nil:
            let url = reader.readBaseURL(node)
            return (reader.diagnostics.hasErrors ? nil : url, reader.diagnostics)
        case .success:
            return (nil, [])
        }
    }

    mutating func read(_ text: String) -> SiteModel? {
        let root: YAMLNode
        switch YAMLReader.parse(text, file: file) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let node?) where node.mapping != nil:
            root = node
        case .success(let node):
            error(
                "model-invalid", Message("model-invalid.site"),
                at: node ?? YAMLNode(.scalar("", plain: true), line: 1, column: 1))
            return nil
        }
        checkKeys(root, allowed: Self.siteKeys, what: Message("model-unknown-key.site"))
        let title = requiredString(root, "title") ?? ""
        let language = readLanguage(root)
        let baseURL = readBaseURL(root)
        let titleField = string(root, "title_field") ?? "title"
        let enums = readEnums(root["enums"])
        var collections: [Collection] = []
        if let node = root["collections"],
            let pairs = mapping(node, what: Message("model-invalid.setting", ["name": "collections"]))
        {
            for (key, value) in pairs {
                guard let name = identifier(key, what: Message("model-invalid.id.collection")) else { continue }
                if var collection = readCollection(name, value, enums: enums, titleField: titleField) {
                    collection.folderLocation = collection.folderLocation ?? location(of: key)
                    collections.append(collection)
                }
            }
        } else if root["collections"] == nil {
            error(
                "model-invalid", Message("model-invalid.collections-missing"), at: root,
                hint: Message("model-invalid.collections-missing.hint"))
        }
        checkReferences(collections, root: root)
        checkChartsBy(collections, root: root)
        var model = SiteModel(
            title: title, description: string(root, "description"), baseURL: baseURL,
            language: language, collections: collections, enums: enums)
        model.staleAfterMonths = readStaleAfter(root["stale_after_months"])
        model.repositoryURL = readRepositoryURL(root["repository_url"])
        if let node = root["paths"] { model.paths[language] = readPaths(node) }
        model.license = readLicense(root["license"])
        model.banner = string(root, "banner")
        model.periods = readPeriods(root["periods"])
        model.paginateBy =
            readPaginateBy(root["paginate_by"], scope: Message("paginate-invalid.site")) ?? SiteModel.defaultPageSize
        model.filterLimit =
            readFilterLimit(root["filter_limit"], scope: Message("paginate-invalid.site"))
            ?? SiteModel.defaultFilterLimit
        model.publishesAPIv1 = boolean(root, "api_v1") ?? false
        model.baseURLLocation = root["base_url"].map {
            SourceLocation(file: file, line: $0.line, column: $0.column, length: $0.width)
        }
        return model
    }

    // MARK: - Settings

    mutating func readBaseURL(_ root: YAMLNode) -> String {
        guard let node = root["base_url"] else { return "/" }
        guard let text = node.scalar, !node.isNull else {
            error("model-invalid", Message("model-invalid.base-url"), at: node)
            return "/"
        }
        if let problem = BaseURL.problem(with: text) {
            error(
                "model-invalid", Message("model-invalid.base-url.problem", parts: ["problem": problem.reason]),
                at: node, hint: problem.advice)
            return "/"
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    /// `language`: a BCP 47 tag such as `es`, `en` or `pt-BR` (letters, then subtags).
    mutating func readLanguage(_ root: YAMLNode) -> String {
        guard let node = root["language"], let text = string(root, "language") else { return "en" }
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            (2...8).contains(subtags[0].count) && subtags[0].allSatisfy { $0.isASCII && $0.isLetter }
            && subtags.dropFirst().allSatisfy {
                (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
            }
        guard valid else {
            error(
                "model-invalid", Message("model-invalid.language", ["value": text]), at: node,
                hint: Message("model-invalid.language.hint"))
            return "en"
        }
        return text
    }

    mutating func readEnums(_ node: YAMLNode?) -> [String: EnumSet] {
        guard let node, let pairs = mapping(node, what: Message("model-invalid.setting", ["name": "enums"])) else {
            return [:]
        }
        var sets: [String: EnumSet] = [:]
        for (key, value) in pairs {
            guard let name = identifier(key, what: Message("model-invalid.id.enum")) else { continue }
            sets[name] = readEnumValues(value, name: name)
        }
        return sets
    }

    /// `[a, b]`, or `{a: {label, color, description}, …}`.
    mutating func readEnumValues(_ node: YAMLNode, name: String?) -> EnumSet {
        var values: [EnumValue] = []
        if let items = node.sequence {
            for item in items {
                if let id = identifier(item, what: Message("model-invalid.id.enum-value")) {
                    values.append(EnumValue(id: id))
                }
            }
        } else if let pairs = node.mapping {
            for (key, value) in pairs {
                guard let id = identifier(key, what: Message("model-invalid.id.enum-value")) else { continue }
                if value.isNull {
                    values.append(EnumValue(id: id))
                } else if let label = value.scalar {
                    values.append(EnumValue(id: id, label: label))
                } else if value.mapping != nil {
                    checkKeys(value, allowed: Self.valueKeys, what: Message("model-unknown-key.enum-value"))
                    var enumValue = EnumValue(
                        id: id, label: string(value, "label"), color: readColor(value["color"]),
                        description: string(value, "description"))
                    enumValue.requiresNote = boolean(value, "requires_note") ?? false
                    enumValue.isFinal = boolean(value, "final") ?? false
                    values.append(enumValue)
                } else {
                    error("model-invalid", Message("model-invalid.enum-value", ["id": id]), at: value)
                }
            }
        } else {
            error("model-invalid", Message("model-invalid.enum-values"), at: node)
        }
        if values.isEmpty { error("model-invalid", Message("model-invalid.enum-empty"), at: node) }
        return EnumSet(name: name, values: values)
    }

    mutating func readColor(_ node: YAMLNode?) -> String? {
        guard let node, let text = node.scalar else { return nil }
        let hex = text.dropFirst()
        guard text.first == "#", [3, 6].contains(hex.count), hex.allSatisfy(\.isHexDigit) else {
            error(
                "model-invalid", Message("model-invalid.color", ["color": text]), at: node,
                hint: Message("model-invalid.color.hint"))
            return nil
        }
        if let ratio = ColorContrast.ratio(text, "#ffffff"), ratio < 3 {
            diagnostics.append(
                .warning(
                    "model-color-contrast",
                    Message(
                        "model-color-contrast", ["color": text, "ratio": String(format: "%.1f", ratio)]),
                    at: SourceLocation(file: file, line: node.line, column: node.column, length: node.width),
                    hint: Message("model-color-contrast.hint")))
        }
        return text.lowercased()
    }

    // MARK: - Collections

    mutating func readCollection(
        _ name: String, _ node: YAMLNode, enums: [String: EnumSet], titleField siteTitleField: String
    ) -> Collection? {
        guard mapping(node, what: Message("model-invalid.group.collection", ["name": name])) != nil else { return nil }
        checkKeys(node, allowed: Self.collectionKeys, what: Message("model-unknown-key.collection"))
        var fields: [Field] = []
        unreadableFields = []
        if let fieldsNode = node["fields"],
            let pairs = mapping(fieldsNode, what: Message("model-invalid.setting", ["name": "fields"]))
        {
            for (key, value) in pairs {
                guard let fieldName = fieldName(key) else { continue }
                if let field = readField(fieldName, value, enums: enums, allowList: true) {
                    fields.append(field)
                } else {
                    unreadableFields.insert(fieldName)
                }
            }
        }
        let titleField = string(node, "title_field") ?? siteTitleField
        if !fields.contains(where: { $0.name == titleField }) {
            fields.insert(Field(name: titleField, label: titleField, type: .string, required: true), at: 0)
        }
        var folder = name
        var folderNode: YAMLNode?
        if let pathNode = node["path"], let path = identifier(pathNode, what: Message("model-invalid.id.path")) {
            folder = path
            folderNode = pathNode
        }
        var expected: Int?
        if let expectedNode = node["expected"] {
            expected = Int(expectedNode.scalar ?? "")
            if expected == nil || expected! < 0 {
                error("model-invalid", Message("model-invalid.expected"), at: expectedNode)
            }
        }
        let orderBy = stringList(node["order_by"])
        for (index, field) in orderBy.enumerated()
        where !fields.contains(where: { $0.name == field }) && !unreadableFields.contains(field) {
            let at = node["order_by"]?.sequence?[index] ?? node["order_by"]!
            error(
                "model-field-unknown",
                Message("model-field-unknown", ["setting": "order_by", "name": field, "collection": name]),
                at: at, hint: Self.fieldHint(for: field, among: fields.map(\.name)))
        }
        let status = string(node, "status")
        if let status, let statusNode = node["status"] {
            if let field = fields.first(where: { $0.name == status }) {
                if case .enumeration = field.type {
                } else {
                    error("model-invalid", Message("model-invalid.status", ["field": status]), at: statusNode)
                }
            } else if !unreadableFields.contains(status) {
                error(
                    "model-field-unknown",
                    Message("model-field-unknown", ["setting": "status", "name": status, "collection": name]),
                    at: statusNode, hint: Self.fieldHint(for: status, among: fields.map(\.name)))
            }
        }
        var collection = Collection(
            name: name, folder: folder, title: string(node, "title"), singular: string(node, "singular"),
            description: string(node, "description"), expected: expected, titleField: titleField,
            orderBy: orderBy, statusField: status, fields: fields,
            allowsExtraFields: boolean(node, "extra_fields") ?? false, inMenu: boolean(node, "menu") ?? true,
            groupBy: readGroupBy(node["group_by"], fields: fields, collection: name),
            chartsBy: stringList(node["charts_by"]),
            snapshots: readSnapshots(node["snapshots"], fields: fields, status: status))
        collection.plannedStart = dateField(node, "planned_start", fields: fields, collection: name)
        collection.plannedEnd = dateField(node, "planned_end", fields: fields, collection: name)
        collection.dataDateField = dateField(node, "data_date", fields: fields, collection: name)
        collection.folderLocation = folderNode.map(location(of:))
        collection.paginateBy = readPaginateBy(
            node["paginate_by"], scope: Message("paginate-invalid.collection", ["collection": name]))
        collection.filterLimit = readFilterLimit(
            node["filter_limit"], scope: Message("paginate-invalid.collection", ["collection": name]))
        return collection
    }

    /// A collection setting that names one of its `date` fields (`planned_end: fin_previsto`).
    mutating func dateField(_ node: YAMLNode, _ key: String, fields: [Field], collection: String) -> String? {
        guard let name = string(node, key), let at = node[key] else { return nil }
        guard let field = fields.first(where: { $0.name == name }) else {
            if !unreadableFields.contains(name) {
                error(
                    "model-field-unknown",
                    Message("model-field-unknown", ["setting": key, "name": name, "collection": collection]),
                    at: at, hint: Self.fieldHint(for: name, among: fields.map(\.name)))
            }
            return nil
        }
        guard case .date = field.type else {
            error(
                "model-invalid", Message("model-invalid.date-field", ["setting": key, "name": name]), at: at,
                hint: Message("model-invalid.date-field.hint", ["name": name]))
            return nil
        }
        return name
    }

    /// `repository_url`: where the site's files can be read, such as
    /// `https://github.com/org/site/blob/main/`; each page links its file there.
    mutating func readRepositoryURL(_ node: YAMLNode?) -> String? {
        guard let node else { return nil }
        guard let text = node.scalar, !node.isNull, text.hasPrefix("https://") || text.hasPrefix("http://"),
            URLComponents(string: text)?.host?.isEmpty == false,
            !text.unicodeScalars.contains(where: {
                $0.value <= 0x20 || $0.value >= 0x7F || "\"'<>\\^`{|}".unicodeScalars.contains($0)
            })
        else {
            error(
                "model-invalid", Message("model-invalid.repository-url"), at: node,
                hint: Message("model-invalid.repository-url.hint"))
            return nil
        }
        return text.hasSuffix("/") ? text : text + "/"
    }

    mutating func readField(_ name: String, _ node: YAMLNode, enums: [String: EnumSet], allowList: Bool)
        -> Field?
    {
        // `field: date` is short for `field: {type: date}`.
        let spec: YAMLNode
        if node.scalar != nil {
            spec = YAMLNode(
                .mapping([(YAMLNode(.scalar("type", plain: true), line: node.line, column: node.column), node)]),
                line: node.line, column: node.column)
        } else {
            guard mapping(node, what: Message("model-invalid.group.field", ["name": name])) != nil else { return nil }
            spec = node
            checkKeys(node, allowed: Self.fieldKeys, what: Message("model-unknown-key.field"))
        }
        guard let typeNode = spec["type"], let typeName = typeNode.scalar else {
            error(
                "model-invalid", Message("model-invalid.type-missing", ["field": name]), at: node,
                hint: Message("model-invalid.type-missing.hint", ["types": FieldType.names.joined(separator: ", ")]))
            return nil
        }
        guard
            let type = readType(
                typeName, spec: spec, typeNode: typeNode, field: name, enums: enums, allowList: allowList)
        else { return nil }
        var field = Field(
            name: name, label: string(spec, "label"), type: type, required: boolean(spec, "required") ?? false,
            description: string(spec, "description"))
        field.isInternal = boolean(spec, "internal") ?? false
        return field
    }

    mutating func readType(
        _ typeName: String, spec: YAMLNode, typeNode: YAMLNode, field: String, enums: [String: EnumSet],
        allowList: Bool
    ) -> FieldType? {
        switch typeName {
        case "string": return .string
        case "text": return .text
        case "int": return .int
        case "number": return .number
        case "percent": return .percent
        case "date": return .date
        case "url": return .url
        case "bool": return .boolean
        case "enum":
            guard let values = spec["values"] else {
                error(
                    "model-invalid", Message("model-invalid.values-missing", ["field": field]), at: typeNode,
                    hint: Message("model-invalid.values-missing.hint"))
                return nil
            }
            if let shared = values.scalar, !values.isNull {
                guard let set = enums[shared] else {
                    error(
                        "model-enum-unknown", Message("model-enum-unknown", ["name": shared]), at: values,
                        hint: Suggestion.didYouMean(for: shared, among: enums.keys)
                            ?? Message("model-enum-unknown.hint", ["enums": enums.keys.sorted().codeList]))
                    return nil
                }
                return .enumeration(set)
            }
            return .enumeration(readEnumValues(values, name: nil))
        case "ref", "refs":
            guard let toNode = spec["to"], let to = toNode.scalar, !toNode.isNull else {
                error(
                    "model-invalid", Message("model-invalid.to-missing", ["field": field, "type": typeName]),
                    at: typeNode)
                return nil
            }
            return typeName == "ref" ? .reference(to: to) : .references(to: to)
        case "list":
            guard allowList else {
                error("model-invalid", Message("model-invalid.list-of-lists"), at: typeNode)
                return nil
            }
            guard let of = spec["of"] else { return .list(of: .string) }
            if of.scalar == "string" { return .list(of: .string) }
            guard let pairs = mapping(of, what: Message("model-invalid.setting", ["name": "of"])) else { return nil }
            var fields: [Field] = []
            for (key, value) in pairs {
                guard let name = fieldName(key) else { continue }
                if let item = readField(name, value, enums: enums, allowList: false) { fields.append(item) }
            }
            return .list(of: .record(fields))
        case "series":
            guard allowList else {
                error("model-invalid", Message("model-invalid.list-of-series"), at: typeNode)
                return nil
            }
            return .series(readThresholds(spec["thresholds"]))
        default:
            error(
                "model-field-type-unknown", Message("model-field-type-unknown", ["type": typeName]), at: typeNode,
                hint: Suggestion.didYouMean(for: typeName, among: FieldType.names)
                    ?? Message("model-field-type-unknown.hint", ["types": FieldType.names.joined(separator: ", ")]))
            return nil
        }
    }

    /// `thresholds: {on_track: 0.95, moderate: 0.6, growth_on_track: 0.015, growth_moderate: 0.005}`:
    /// any of them, the others keep Open SDG's defaults; each a finite number, in order.
    mutating func readThresholds(_ node: YAMLNode?) -> ProgressThresholds {
        var thresholds = ProgressThresholds.openSDG
        guard let node, mapping(node, what: Message("model-invalid.setting", ["name": "thresholds"])) != nil else {
            return thresholds
        }
        checkKeys(node, allowed: ProgressThresholds.keys, what: Message("model-unknown-key.threshold"))
        func number(_ key: String) -> Double? {
            guard let value = node[key] else { return nil }
            guard let number = Double(value.scalar ?? ""), number.isFinite else {
                error("model-invalid", Message("model-invalid.threshold", ["key": key]), at: value)
                return nil
            }
            return number
        }
        thresholds.onTrack = number("on_track") ?? thresholds.onTrack
        thresholds.moderate = number("moderate") ?? thresholds.moderate
        thresholds.growthOnTrack = number("growth_on_track") ?? thresholds.growthOnTrack
        thresholds.growthModerate = number("growth_moderate") ?? thresholds.growthModerate
        if thresholds.moderate > thresholds.onTrack || thresholds.moderate < 0
            || thresholds.growthModerate > thresholds.growthOnTrack || thresholds.growthModerate < 0
        {
            error(
                "model-invalid", Message("model-invalid.thresholds-order"), at: node,
                hint: Message("model-invalid.thresholds-order.hint"))
        }
        return thresholds
    }

    /// Every `to:` must name a declared collection.
    mutating func checkReferences(_ collections: [Collection], root: YAMLNode) {
        let names = collections.map(\.name)
        let collectionsNode = root["collections"]
        for collection in collections {
            for field in collection.fields + collection.fields.flatMap(\.recordFields) {
                guard let target = field.type.target, !names.contains(target) else { continue }
                let fieldNode = collectionsNode?[collection.name]?["fields"]?[field.name]
                let at = fieldNode?["to"] ?? collectionsNode?[collection.name] ?? root
                error(
                    "model-collection-unknown",
                    Message(
                        "model-collection-unknown",
                        ["field": "\(collection.name).\(field.name)", "collection": target]),
                    at: at, hint: Self.collectionHint(for: target, among: names))
            }
        }
    }

    // MARK: - Small readers

    /// `what` is the kind of setting, a sentence of its own: `Message("model-unknown-key.site")`.
    mutating func checkKeys(_ node: YAMLNode, allowed: [String], what: Message) {
        for (key, _) in node.mapping ?? [] {
            guard let name = key.scalar, !allowed.contains(name) else { continue }
            error(
                "model-unknown-key", Message("model-unknown-key", ["name": name], parts: ["what": what]), at: key,
                hint: Self.keyHint(for: name, among: allowed))
        }
    }

    /// "did you mean `x`?", or the settings `allowed` there.
    static func keyHint(for name: String, among allowed: [String]) -> Message {
        Suggestion.didYouMean(for: name, among: allowed)
            ?? Message("model-unknown-key.hint", ["keys": allowed.joined(separator: ", ")])
    }

    /// "did you mean `x`?", or the fields there are.
    static func fieldHint(for name: String, among fields: [String]) -> Message {
        Suggestion.didYouMean(for: name, among: fields)
            ?? Message("model-field-unknown.hint", ["fields": fields.codeList])
    }

    /// "did you mean `x`?", or the collections there are.
    static func collectionHint(for name: String, among collections: [String]) -> Message {
        Suggestion.didYouMean(for: name, among: collections)
            ?? Message("model-collection-unknown.hint", ["collections": collections.codeList])
    }

    /// `what` names the setting, a sentence of its own: `Message("model-invalid.setting", ["name": "enums"])`.
    mutating func mapping(_ node: YAMLNode, what: Message) -> [(key: YAMLNode, value: YAMLNode)]? {
        guard let pairs = node.mapping else {
            error("model-invalid", Message("model-invalid.group", parts: ["what": what, "kind": node.kind]), at: node)
            return nil
        }
        return pairs
    }

    /// `what` is the kind of name, a sentence of its own: `Message("model-invalid.id.enum")`.
    mutating func identifier(_ node: YAMLNode, what: Message) -> String? {
        guard let text = node.scalar, EntryID.isValid(text) else {
            error(
                "model-invalid", Message("model-invalid.id", ["value": node.scalar ?? ""], parts: ["what": what]),
                at: node, hint: Message("model-invalid.id.hint"))
            return nil
        }
        return text
    }

    mutating func fieldName(_ node: YAMLNode) -> String? {
        guard let text = node.scalar, !text.isEmpty,
            text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        else {
            error(
                "model-invalid", Message("model-invalid.field-name", ["value": node.scalar ?? ""]), at: node,
                hint: Message("model-invalid.field-name.hint"))
            return nil
        }
        return text
    }

    func string(_ node: YAMLNode, _ key: String) -> String? {
        guard let value = node[key], !value.isNull else { return nil }
        return value.scalar
    }

    mutating func requiredString(_ node: YAMLNode, _ key: String) -> String? {
        guard let text = string(node, key), !text.isEmpty else {
            error("model-invalid", Message("model-invalid.required", ["key": key]), at: node)
            return nil
        }
        return text
    }

    mutating func boolean(_ node: YAMLNode, _ key: String) -> Bool? {
        guard let value = node[key], let text = value.scalar else { return nil }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            error("model-invalid", Message("model-invalid.boolean", ["key": key]), at: value)
            return nil
        }
    }

    func stringList(_ node: YAMLNode?) -> [String] {
        guard let node else { return [] }
        if let items = node.sequence { return items.compactMap(\.scalar) }
        return node.scalar.map { [$0] } ?? []
    }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line, column: node.column, length: node.width)
    }

    mutating func error(_ code: String, _ message: Message, at node: YAMLNode, hint: Message? = nil) {
        diagnostics.append(.error(code, message, at: location(of: node), hint: hint))
    }
}

extension Field {
    /// The fields of a list of records, or none.
    public var recordFields: [Field] {
        if case .list(of: .record(let fields)) = type { return fields }
        return []
    }

    /// The first date field of a list of records: its records make the entry's history.
    public var recordDateField: Field? {
        recordFields.first { if case .date = $0.type { true } else { false } }
    }

    /// The first enum field of a list of records, with its values: each record's status.
    public var recordStatusField: (field: Field, values: EnumSet)? {
        for field in recordFields {
            if case .enumeration(let set) = field.type { return (field, set) }
        }
        return nil
    }
}
