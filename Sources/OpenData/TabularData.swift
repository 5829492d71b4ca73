import ContentModel
import JSON
import SiteData
import SiteLayout

/// CSV files (RFC 4180: UTF-8, CRLF, quoted when needed) with one row per entry and references
/// as ids, one more file per list-of-records field with one row per record and per `refs` field
/// with one row per pair (a link table), and a Frictionless Data Package (`datapackage.json`)
/// that describes their fields, types and foreign keys.
public struct TabularData: Sendable {
    public let site: Site

    /// Creates the tables of `site`.
    public init(site: Site) {
        self.site = site
    }

    /// Where the data files go: under the data word of the site's own language (`datos/`).
    var paths: DataPaths { DataPaths(model: site.model) }

    /// Separates the ids of a `refs` cell and the items of a string list.
    public static let listSeparator = ";"

    /// One table: a file, its columns and rows.
    public struct Table: Sendable {
        public let path: String
        public let name: String
        public let title: String
        public let columns: [Column]
        public let rows: [[String]]
        public let primaryKey: [String]
        public let foreignKeys: [(column: String, resource: String)]
    }

    /// A column and how the Data Package describes it.
    public struct Column: Sendable {
        public let name: String
        public let title: String
        public let type: String
        public var constraints: [String: JSONValue] = [:]
        public var description: String?
    }

    /// Every table: per collection, then per list-of-records or `refs` field; then the
    /// reporting periods' counts, when the site has periods.
    public var tables: [Table] {
        collectionTables + [PeriodDocuments(site: site).table].compactMap { $0 }
    }

    var collectionTables: [Table] {
        site.model.collections.flatMap { collection in
            [entriesTable(of: collection)]
                + DataPaths.fieldTables(of: collection).map { field in
                    if case .references(let to) = field.type {
                        linksTable(of: collection, field: field, to: to)
                    } else if case .series = field.type {
                        seriesTable(of: collection, field: field, entries: site.entries(of: collection.name))
                    } else {
                        recordsTable(of: collection, field: field)
                    }
                }
        }
    }

    /// The pairs of a `refs` field, one row per entry and id in the entry's order, so that each
    /// id is a foreign key (the entries table keeps them `;`-joined, for spreadsheets).
    func linksTable(of collection: Collection, field: Field, to target: String) -> Table {
        let key = collection.name + "_id"
        // A field that refers to its own collection names its column after itself.
        let other = target == collection.name ? field.name + "_id" : target + "_id"
        let columns = [
            Column(name: key, title: collection.singular, type: "string", constraints: ["required": true]),
            Column(
                name: other, title: site.model.collection(target)?.singular ?? target, type: "string",
                constraints: ["required": true], description: field.label),
        ]
        var rows: [[String]] = []
        for entry in site.entries(of: collection.name) {
            guard case .references(let ids)? = entry.fields[field.name] else { continue }
            rows += ids.map { [entry.id, $0] }
        }
        return Table(
            path: paths.csv(of: collection, field: field), name: "\(collection.name)-\(field.name)",
            title: "\(collection.title) — \(field.label)", columns: columns, rows: rows, primaryKey: [key, other],
            foreignKeys: [(key, collection.name), (other, target)])
    }

    static let dataDateColumn = "data_date"
    static let editedColumn = "file_edited"

    func entriesTable(of collection: Collection) -> Table {
        let fields = collection.fields.filter {
            if case .series = $0.type { return false }
            return $0.recordFields.isEmpty
        }
        var columns = [
            Column(name: "id", title: "id", type: "string", constraints: ["required": true, "unique": true])
        ]
        columns += fields.map { column(for: $0, titleField: $0.name == collection.titleField) }
        // Both dates, named apart from the fields: the data date (newest dated record) and when
        // the file was last edited (git). A field of the same name keeps its column.
        let dates = [Self.dataDateColumn, Self.editedColumn].filter { name in !fields.contains { $0.name == name } }
        columns += dates.map { name in
            Column(
                name: name, title: name, type: "string",
                constraints: ["pattern": .string(SchemaDocuments.datePattern.dropFirst().dropLast().description)],
                description: name == Self.dataDateColumn
                    ? "the entry's newest dated record; empty when it has none"
                    : "when the entry's file was last changed in git; empty when unknown")
        }
        let rows = site.entries(of: collection.name).map { entry in
            [entry.id] + fields.map { cell(entry.fields[$0.name]) }
                + dates.map { name in
                    (name == Self.dataDateColumn ? site.dataDate(of: entry) : site.lastChanged[entry.key])?.description
                        ?? ""
                }
        }
        let foreignKeys = fields.compactMap { field -> (String, String)? in
            guard case .reference(let to) = field.type, let target = site.model.collection(to) else { return nil }
            return (field.name, target.name)
        }
        return Table(
            path: paths.csv(of: collection), name: collection.name, title: collection.title, columns: columns,
            rows: rows, primaryKey: ["id"], foreignKeys: foreignKeys)
    }

    /// The tidy table of a series field: one row per baseline, target and measured value of each
    /// entry (`kind`), with its date, value, unit and source. For all of a collection's entries
    /// (`datos/indicadores-serie.csv`, in the Data Package), or for one (`seriesTables`).
    func seriesTable(of collection: Collection, field: Field, entries: [Entry], path: String? = nil) -> Table {
        let key = collection.name + "_id"
        let datePattern = JSONValue.string(SchemaDocuments.datePattern.dropFirst().dropLast().description)
        let columns = [
            Column(name: key, title: collection.singular, type: "string", constraints: ["required": true]),
            Column(
                name: "kind", title: "kind", type: "string",
                constraints: ["required": true, "enum": ["baseline", "target", "value"]],
                description:
                    "baseline: the value the plan starts from; target: a value to reach by its date; value: a measured value"
            ),
            Column(
                name: "date", title: "date", type: "string",
                constraints: ["required": true, "pattern": datePattern],
                description: "YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known"),
            Column(
                name: "value", title: field.label, type: "number", constraints: ["required": true],
                description: "in the unit of the `unit` column"),
            Column(name: "unit", title: "unit", type: "string", constraints: ["required": true]),
            Column(
                name: "direction", title: "direction", type: "string", constraints: ["enum": ["up", "down"]],
                description: "up: a higher value is better; down: a lower one is"),
            Column(
                name: "source", title: "source", type: "string",
                description: "where a measured value was published (required on every measured value)"),
            Column(name: "note", title: "note", type: "string"),
        ]
        var rows: [[String]] = []
        for entry in entries {
            guard case .series(let series)? = entry.fields[field.name] else { continue }
            func row(_ kind: String, _ point: Series.Point) -> [String] {
                [
                    entry.id, kind, point.date.description, FieldValue.format(point.value), series.unit,
                    series.direction.rawValue, point.source ?? "", point.note ?? "",
                ]
            }
            rows.append(row("baseline", series.baseline))
            rows += series.targets.map { row("target", $0) }
            rows += series.values.map { row("value", $0) }
        }
        return Table(
            path: path ?? paths.csv(of: collection, field: field), name: "\(collection.name)-\(field.name)",
            title: "\(collection.title) — \(field.label)", columns: columns, rows: rows,
            primaryKey: [key, "kind", "date"], foreignKeys: [(key, collection.name)])
    }

    /// One table per entry and series field, beside the table of all: what an indicator's page
    /// links as its data.
    public var seriesTables: [Table] {
        site.model.collections.flatMap { collection in
            DataPaths.seriesFields(of: collection).flatMap { field in
                site.entries(of: collection.name).filter { $0.fields[field.name] != nil }.map { entry in
                    seriesTable(
                        of: collection, field: field, entries: [entry],
                        path: paths.csv(of: collection, entry: entry.id, field: field))
                }
            }
        }
    }

    func recordsTable(of collection: Collection, field: Field) -> Table {
        let key = collection.name + "_id"
        var columns = [
            Column(name: key, title: collection.singular, type: "string", constraints: ["required": true]),
            Column(name: "n", title: "n", type: "integer", constraints: ["required": true, "minimum": 1]),
        ]
        columns += field.recordFields.map { column(for: $0, titleField: false) }
        var rows: [[String]] = []
        for entry in site.entries(of: collection.name) {
            guard case .list(let items)? = entry.fields[field.name] else { continue }
            for (index, item) in items.enumerated() {
                guard case .record(let values) = item else { continue }
                rows.append([entry.id, String(index + 1)] + field.recordFields.map { cell(values[$0.name]) })
            }
        }
        var foreignKeys = [(column: key, resource: collection.name)]
        for recordField in field.recordFields {
            if case .reference(let to) = recordField.type { foreignKeys.append((recordField.name, to)) }
        }
        return Table(
            path: paths.csv(of: collection, field: field), name: "\(collection.name)-\(field.name)",
            title: "\(collection.title) — \(field.label)", columns: columns, rows: rows, primaryKey: [key, "n"],
            foreignKeys: foreignKeys)
    }

    func column(for field: Field, titleField: Bool) -> Column {
        var column: Column
        switch field.type {
        case .int: column = Column(name: field.name, title: field.label, type: "integer")
        case .number: column = Column(name: field.name, title: field.label, type: "number")
        case .percent:
            column = Column(
                name: field.name, title: field.label, type: "number", constraints: ["minimum": 0, "maximum": 100])
        case .boolean: column = Column(name: field.name, title: field.label, type: "boolean")
        case .date:
            column = Column(
                name: field.name, title: field.label, type: "string",
                constraints: ["pattern": .string(SchemaDocuments.datePattern.dropFirst().dropLast().description)],
                description: "YYYY-MM-DD, or YYYY-MM / YYYY when only the month or year is known")
        case .enumeration(let set):
            column = Column(
                name: field.name, title: field.label, type: "string",
                constraints: ["enum": .array(set.values.map { .string($0.id) })],
                description: set.values.map { "\($0.id): \($0.label)" }.joined(separator: "; "))
        case .references(let to):
            column = Column(
                name: field.name, title: field.label, type: "string",
                description: "ids of `\(to)` entries, separated by `\(Self.listSeparator)`")
        case .list:
            column = Column(
                name: field.name, title: field.label, type: "string",
                description: "items separated by `\(Self.listSeparator)`")
        case .url: column = Column(name: field.name, title: field.label, type: "string", constraints: [:])
        case .series: column = Column(name: field.name, title: field.label, type: "string")
        case .string, .text, .reference: column = Column(name: field.name, title: field.label, type: "string")
        }
        if field.required || titleField { column.constraints["required"] = true }
        if column.description == nil { column.description = field.description }
        return column
    }

    /// A value as one CSV cell; lists joined with `;`.
    func cell(_ value: FieldValue?) -> String {
        switch value {
        case nil: ""
        case .references(let ids)?: ids.joined(separator: Self.listSeparator)
        case .list(let items)?: items.map(\.plainText).joined(separator: Self.listSeparator)
        case let value?: value.plainText
        }
    }

    // MARK: - Output

    /// The CSV text of `table`. Cells of text columns that a spreadsheet would read as a formula
    /// are neutralised (see `neutralised`); typed columns (numbers, booleans) are written as they
    /// are, so `-3` stays a number.
    public static func csv(_ table: Table) -> String {
        var out = table.columns.map { escape($0.name) }.joined(separator: ",") + "\r\n"
        let text = table.columns.map { $0.type == "string" }
        for row in table.rows {
            let cells = row.enumerated().map { index, cell in
                escape(index < text.count && text[index] ? neutralised(cell) : cell)
            }
            out += cells.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The first characters that make Excel, LibreOffice and Google Sheets read a cell as a
    /// formula (OWASP, "CSV Injection"): `=`, `+`, `-`, `@`, tab and carriage return.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `cell` with a `'` in front when it starts like a formula (`=HYPERLINK(…)` becomes
    /// `'=HYPERLINK(…)`), so a spreadsheet shows it as text instead of running it; any other
    /// cell unchanged. Only for text: ids, enum values and dates never start that way.
    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    /// RFC 4180: quote a field with a comma, quote, CR or LF, doubling its quotes.
    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `datapackage.json` (Frictionless tabular data package).
    public func dataPackage() -> JSONValue {
        let model = site.model
        let resources: [JSONValue] = tables.map { table in
            let fields: [JSONValue] = table.columns.map { column in
                var object: [String: JSONValue] = [
                    "name": .string(column.name), "title": .string(column.title), "type": .string(column.type),
                ]
                if !column.constraints.isEmpty { object["constraints"] = .object(column.constraints) }
                if let description = column.description { object["description"] = .string(description) }
                return .object(object)
            }
            let foreignKeys: [JSONValue] = table.foreignKeys.map { key in
                [
                    "fields": .string(key.column),
                    "reference": ["resource": .string(key.resource == table.name ? "" : key.resource), "fields": "id"],
                ]
            }
            return [
                "name": .string(table.name),
                "title": .string(table.title),
                "path": .string(String(table.path.dropFirst(paths.dataFolder.count))),
                "profile": "tabular-data-resource",
                "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                "schema": [
                    "fields": .array(fields),
                    "primaryKey": .array(table.primaryKey.map(JSONValue.string)),
                    "foreignKeys": .array(foreignKeys),
                ],
            ]
        }
        var package: [String: JSONValue] = [
            "profile": "tabular-data-package",
            "name": .string(EntryID.make(from: model.title)),
            "title": .string(model.title),
            "homepage": .string(model.baseURL),
            "version": .string(DataPaths.version),
            "resources": .array(resources),
        ]
        if let description = model.description { package["description"] = .string(description) }
        if let license = model.license { package["licenses"] = [license.json] }
        return .object(package)
    }
}
