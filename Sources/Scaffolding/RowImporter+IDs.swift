import ContentModel
import Diagnostics

/// Each row's id, and the rows that repeat an entry: a row whose title is the title of an
/// existing entry, or of an earlier row, is that entry again, not a new one.
extension RowImporter {
    /// The longest id made from a title; longer ones are cut at a hyphen. File names have a
    /// limit (255 bytes on most disks), and a URL of 278 characters helps nobody.
    static let maximumIDLength = 80

    /// What a row's title says about the entries that exist.
    enum Repeat: Equatable {
        case none
        /// The title of an existing entry: its id.
        case entry(String)
        /// The title of an earlier row: its number.
        case row(Int)
    }

    /// Each row's id from its title: lowercase, accents removed, hyphens, at most
    /// `maximumIDLength` characters. A row that repeats an existing entry gets that entry's id
    /// (and replaces it with `--force`, else it is an error); a row that repeats an earlier row
    /// is an error. Other ids get `-2`, `-3` when taken by an earlier row or, without
    /// `--force`, by an existing file.
    mutating func assignIDs(_ rows: [Spreadsheet.Row]) -> [Draft] {
        let titleColumn = columns.column(of: collection.titleField)
        let existing = content.ids[collection.name] ?? []
        let repeats = self.repeats(rows, titleColumn: titleColumn)
        let replaced = Set(repeats.compactMap { if case .entry(let id) = $0 { id } else { nil } })
        var taken = (options.force ? [] : existing).union(replaced)
        var drafts: [Draft] = []
        for (row, repeated) in zip(rows, repeats) {
            let title = CellConverter.oneLine(cell(row, titleColumn))
            let at = location(row: row.number, column: (titleColumn ?? 0) + 1)
            switch repeated {
            case .entry(let id):
                if !options.force { diagnostics.append(entryExists(id, title: title, row: row.number, at: at)) }
                drafts.append(Draft(row: row, id: id, title: title, replaces: options.force))
                continue
            case .row(let first):
                diagnostics.append(
                    .error(
                        "row-duplicate", "row \(row.number) repeats the title of row \(first), `\(title)`", at: at,
                        field: collection.titleField,
                        hint:
                            "delete one of the two rows, or give them different titles; --skip-invalid imports the others"
                    ))
            case .none: break
            }
            if let given = givenID(row, taken: taken, existing: existing) {
                taken.insert(given.id)
                drafts.append(Draft(row: row, id: given.id, title: title, replaces: given.replaces))
                continue
            }
            let base = baseID(title, row: row.number, at: at)
            var id = base
            var suffix = 2
            while taken.contains(id) {
                id = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(id)
            if id != base, existing.contains(base), !options.force, repeated == .none {
                diagnostics.append(
                    .warning(
                        "id-taken",
                        "`\(content.path(of: base, in: collection))` already exists: row \(row.number) becomes `\(id)`",
                        at: at, field: collection.titleField,
                        hint: "if the row is that entry, import with --force to replace the file"))
            }
            drafts.append(Draft(row: row, id: id, title: title, replaces: options.force && existing.contains(id)))
        }
        return drafts
    }

    /// For each row, the existing entry or the earlier row with the same title, compared without
    /// case, accents or punctuation.
    func repeats(_ rows: [Spreadsheet.Row], titleColumn: Int?) -> [Repeat] {
        var entries: [String: String] = [:]
        for (id, title) in content.titles(of: collection).sorted(by: { $0.key < $1.key }) {
            let key = NameKey.of(title)
            if !key.isEmpty, entries[key] == nil { entries[key] = id }
        }
        var earlier: [String: Int] = [:]
        return rows.map { row in
            let key = NameKey.of(cell(row, titleColumn))
            guard !key.isEmpty else { return .none }
            if let first = earlier[key] { return .row(first) }
            earlier[key] = row.number
            return entries[key].map { .entry($0) } ?? .none
        }
    }

    func entryExists(_ id: String, title rowTitle: String, row: Int, at location: SourceLocation) -> Diagnostic {
        // The entry's own title, which the row's matches without case, accents or punctuation.
        let title = content.titles(of: collection)[id] ?? rowTitle
        return .error(
            "entry-exists",
            "row \(row) is already an entry: `\(content.path(of: id, in: collection))` has the title `\(title)`",
            at: location, field: collection.titleField,
            hint: "delete the row, or import with --force to replace that file with the row; "
                + "--skip-invalid imports the other rows; "
                + content.howToRefer(to: id, in: collection, title: title))
    }

    /// The id written in the row's `id` cell, when there is one: an invalid id is `id-invalid`,
    /// the id of an existing file (without `--force`) or of an earlier row is `entry-exists`,
    /// both at that cell (the row then gets `row-N`, to be reported once).
    mutating func givenID(_ row: Spreadsheet.Row, taken: Set<String>, existing: Set<String>)
        -> (id: String, replaces: Bool)?
    {
        guard let column = columns.idColumn else { return nil }
        let id = cell(row, column).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !id.isEmpty else { return nil }
        let at = location(row: row.number, column: column + 1)
        if !EntryID.isValid(id) || id.count > Self.maximumIDLength {
            let suggestion = Self.id(from: id)
            diagnostics.append(
                .error(
                    "id-invalid", "`\(id)` is not a valid entry id", at: at,
                    hint: "ids use lowercase letters a–z, digits and single hyphens, at most "
                        + "\(Self.maximumIDLength) characters" + (suggestion.isEmpty ? "" : ", such as `\(suggestion)`")
                ))
            return ("row-\(row.number)", false)
        }
        if taken.contains(id) {
            let path = content.path(of: id, in: collection)
            let isFile = existing.contains(id) && !options.force
            let title = isFile ? content.titles(of: collection)[id] : nil
            diagnostics.append(
                .error(
                    "entry-exists",
                    isFile
                        ? "row \(row.number) gives the id `\(id)`, and `\(path)` already exists"
                            + (title.map { " (its title is `\($0)`)" } ?? "")
                        : "row \(row.number) gives the id `\(id)`, which an earlier row gives too",
                    at: at,
                    hint: "give the row another id; --force replaces an existing file, --skip-invalid imports "
                        + "the other rows"
                        + (isFile ? "; " + content.howToRefer(to: id, in: collection, title: title) : "")
                ))
            return ("row-\(row.number)", false)
        }
        return (id, options.force && existing.contains(id))
    }

    /// The id a row's title gives, or `row-N` (with an `id-invalid` error) when it gives none:
    /// a title without letters or digits, or one whose letters are all of a script other than
    /// Latin, since ids are ASCII.
    mutating func baseID(_ title: String, row: Int, at location: SourceLocation) -> String {
        let id = Self.id(from: title)
        if EntryID.hasLettersOutsideIDs(title) {
            diagnostics.append(
                .error(
                    "id-invalid",
                    "the title `\(title)` gives no id: ids use the Latin letters a–z, digits and hyphens, "
                        + "and the title has no Latin letters",
                    at: location, field: collection.titleField,
                    hint: "write the entry's file name in a column `id` (such as `\(exampleID)`), "
                        + "or send a column there with --map '<column>=id'"))
            return "row-\(row)"
        }
        guard id.isEmpty else { return id }
        if !title.isEmpty {
            diagnostics.append(
                .error(
                    "id-invalid", "the title `\(title)` gives no id: it has no letters or digits", at: location,
                    field: collection.titleField,
                    hint: "write a title with letters, or add a column `id` with the file name of each entry"))
        }
        return "row-\(row)"
    }

    /// An id to show in hints: `proyecto-1`.
    var exampleID: String {
        let stem = Self.id(from: collection.singular)
        return (stem.isEmpty ? collection.name : stem) + "-1"
    }

    /// `title` as an id of at most `maximumIDLength` characters, cut after a whole word when
    /// there is one to cut after.
    static func id(from title: String) -> String {
        let id = EntryID.make(from: title)
        guard id.count > maximumIDLength else { return id }
        let head = id.prefix(maximumIDLength + 1)
        if let hyphen = head.lastIndex(of: "-") { return String(head[..<hyphen]) }
        return String(id.prefix(maximumIDLength))
    }
}
