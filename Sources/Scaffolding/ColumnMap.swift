import ContentModel
import Diagnostics

/// Where each column of a spreadsheet goes: a field, the Markdown body, or nowhere.
struct ColumnMap: Sendable {
    enum Target: Sendable, Equatable {
        case field(String)
        case body
        /// The entry's id (the file name), instead of an id made from the title.
        case id
        case skip
    }

    /// The target of each column, by index.
    var targets: [Target]

    /// The index of the column that fills `field`.
    func column(of field: String) -> Int? {
        targets.firstIndex(of: .field(field))
    }

    /// The index of the column that fills the body.
    var bodyColumn: Int? { targets.firstIndex(of: .body) }

    /// The index of the column that gives the ids.
    var idColumn: Int? { targets.firstIndex(of: .id) }

    /// Header words taken as the body when no field has that name or label: the free-text
    /// column of a spreadsheet (`observaciones`, `descripción`, `notes`…).
    static let bodyHeaders: Set<String> = [
        "body", "cuerpo", "texto", "descripcion", "description", "observaciones", "observacion", "notas", "notes",
        "comentarios", "comments",
    ]

    /// Matches each header to a field by name or label (without case or accents), applying the
    /// `--map column=field` choices first (`field` may be `body`, or `-` to skip the column).
    static func make(
        spreadsheet: Spreadsheet, collection: Collection, choices: [String], file: String
    ) -> (ColumnMap, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let header = spreadsheet.header
        let keys = header.map(NameKey.of)
        var chosen: [Int: Target] = [:]
        for choice in choices {
            switch parse(choice, keys: keys, header: header, collection: collection) {
            case .success(let (index, target)): chosen[index] = target
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        var targets: [Target] = []
        for (index, name) in header.enumerated() {
            let at = SourceLocation(file: file, line: 1, column: index + 1)
            if let target = chosen[index] {
                targets.append(target)
            } else if let field = field(matching: keys[index], in: collection) {
                if case .list(of: .record) = field.type {
                    diagnostics.append(
                        .error(
                            "column-unknown", Message("column-unknown.records", ["column": name, "field": field.name]),
                            at: at, hint: Message("column-unknown.records.hint", ["column": name, "field": field.name]))
                    )
                    targets.append(.skip)
                } else {
                    targets.append(.field(field.name))
                }
            } else if name.isEmpty {
                let used = spreadsheet.rows.contains { index < $0.cells.count && !$0.cells[index].isEmpty }
                if used {
                    diagnostics.append(
                        .error(
                            "column-unknown", Message("column-unknown.unnamed", ["column": String(index + 1)]), at: at,
                            hint: Message("column-unknown.unnamed.hint", ["column": String(index + 1)])))
                }
                targets.append(.skip)
            } else if bodyHeaders.contains(keys[index]), !targets.contains(.body), !chosen.values.contains(.body) {
                targets.append(.body)
            } else if keys[index] == "id", !targets.contains(.id), !chosen.values.contains(.id) {
                targets.append(.id)
            } else {
                let names = collection.fields.map(\.name)
                let guess = Suggestion.closest(to: keys[index], among: names.map(NameKey.of)).flatMap { key in
                    names.first { NameKey.of($0) == key }
                }
                diagnostics.append(
                    .error(
                        "column-unknown", Message("column-unknown", ["column": name, "collection": collection.name]),
                        at: at,
                        hint: guess.map { Message("column-unknown.hint.guess", ["column": name, "name": $0]) }
                            ?? Message("column-unknown.hint", ["column": name])))
                targets.append(.skip)
            }
        }
        diagnostics += checkTargets(targets, header: header, collection: collection, file: file)
        return (ColumnMap(targets: targets), diagnostics)
    }

    /// The field whose name or label is `key`.
    static func field(matching key: String, in collection: Collection) -> Field? {
        guard !key.isEmpty else { return nil }
        return collection.fields.first { NameKey.of($0.name) == key }
            ?? collection.fields.first { NameKey.of($0.label) == key }
    }

    /// `columna=campo`: the column (by header, or by number) and its target.
    static func parse(_ choice: String, keys: [String], header: [String], collection: Collection)
        -> Result<(Int, Target), Diagnostic>
    {
        guard let equals = choice.lastIndex(of: "=") else {
            return .failure(
                .error(
                    "map-invalid", Message("map-invalid", ["choice": choice]), hint: Message("map-invalid.hint")))
        }
        let column = String(choice[..<equals]).trimmingCharacters(in: .whitespaces)
        let name = String(choice[choice.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
        let key = NameKey.of(column)
        guard
            let index = keys.firstIndex(of: key)
                ?? Int(column).flatMap({ (1...keys.count).contains($0) ? $0 - 1 : nil })
        else {
            return .failure(
                .error(
                    "map-invalid", Message("map-invalid.column", ["choice": choice, "column": column]),
                    hint: Suggestion.didYouMean(for: column, among: header)
                        ?? Message("map-invalid.column.hint", ["columns": header.codeList])))
        }
        if name == "-" { return .success((index, .skip)) }
        if let field = collection.field(name) ?? field(matching: NameKey.of(name), in: collection) {
            return .success((index, .field(field.name)))
        }
        if name == "body" { return .success((index, .body)) }
        if name == "id" { return .success((index, .id)) }
        return .failure(
            .error(
                "map-invalid",
                Message("map-invalid.field", ["choice": choice, "collection": collection.name, "field": name]),
                hint: Suggestion.closest(to: name, among: collection.fields.map(\.name)).map {
                    Message("map-invalid.field.hint.guess", ["name": $0])
                } ?? Message("map-invalid.field.hint")))
    }

    /// No field filled twice, no more than one body, and every required field has a column.
    static func checkTargets(_ targets: [Target], header: [String], collection: Collection, file: String)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        var seen: [Target: Int] = [:]
        for (index, target) in targets.enumerated() where target != .skip {
            if let first = seen[target] {
                let what =
                    switch target {
                    case .field(let name): Message("column-duplicate.field", ["field": name])
                    case .id: Message("column-duplicate.id")
                    default: Message("column-duplicate.body")
                    }
                diagnostics.append(
                    .error(
                        "column-duplicate",
                        Message(
                            "column-duplicate", ["first": header[first], "column": header[index]], parts: ["what": what]
                        ),
                        at: SourceLocation(file: file, line: 1, column: index + 1),
                        hint: Message("column-duplicate.hint", ["column": header[index]])))
            } else {
                seen[target] = index
            }
        }
        for field in collection.fields where field.required && seen[.field(field.name)] == nil {
            diagnostics.append(
                .error(
                    "column-missing", Message("column-missing", ["field": field.name, "label": field.label]),
                    at: SourceLocation(file: file, line: 1, column: 1),
                    hint: Message("column-missing.hint", ["field": field.name, "label": field.label])))
        }
        return diagnostics
    }
}

extension ColumnMap.Target: Hashable {}
