import ContentModel
import Diagnostics
import Foundation
import FrontMatter
import Loading
import ParallelMap
import SiteData

/// Stage 3, **validate + resolve**: turns the loaded files into a `Site`, checking each entry
/// against the model and every reference against the entries that exist. All problems of all
/// files are collected; the site is returned even when some files failed, so that later stages
/// can still report their own problems in the same run.
public enum SiteResolver {
    /// Validates `tree` against `model`; with a `cache`, files unchanged since an earlier build
    /// are not validated again. `progress` hears how many files have been validated.
    /// `months`, the site's language's month names, read dates written in words for hints.
    public static func resolve(
        _ tree: ContentTree, model: SiteModel, cache: EntryCache? = nil, progress: ProgressHandler? = nil,
        months: [String] = []
    ) -> (Site, [Diagnostic]) {
        let languages = Set(tree.files.compactMap { ModelTranslation.language(ofPath: $0.path) })
        let placed = classify(tree.files, model: model, languages: languages)
        var diagnostics = placed.diagnostics
        for path in tree.otherFiles {
            diagnostics.append(
                .warning(
                    "file-ignored", Message("file-ignored", ["file": path]),
                    at: SourceLocation(file: path, line: 0, column: 0), hint: Message("file-ignored.hint")))
        }
        var misnamedEntries: [String: [Entry]] = [:]
        for (entry, problems) in validateAll(placed.misnamed, months: months) {
            diagnostics += problems
            if let entry { misnamedEntries[entry.collection, default: []].append(entry) }
        }
        let found = placed.found
        let validated = validateAll(found, cache: cache, progress: progress, months: months)
        var entries: [String: [Entry]] = [:]
        for (entry, problems) in validated {
            diagnostics += problems
            if let entry { entries[entry.collection, default: []].append(entry) }
        }
        // Files that exist but failed validation still count as existing ids: one broken file
        // must not make every reference to it an error too.
        var ids: [String: Set<String>] = [:]
        for item in found { ids[item.collection.name, default: []].insert(item.id) }
        diagnostics += checkReferences(entries, ids: ids, model: model)
        diagnostics += checkReferences(misnamedEntries, ids: ids, model: model)
        diagnostics += checkCounts(entries, model: model)
        let byCollection = entries
        let sortedLists = model.collections.concurrentMap { sorted(byCollection[$0.name] ?? [], by: $0) }
        for (collection, list) in zip(model.collections, sortedLists) { entries[collection.name] = list }
        let (translations, translationProblems) = readTranslations(placed.translationFiles, ids: ids)
        diagnostics += translationProblems
        var site = Site(model: model, entries: entries)
        for (item, (entry, _)) in zip(found, validated) where entry == nil {
            site.unreadable[item.file.path] = EntryKey(item.collection.name, item.id)
        }
        site.translations = translations
        site.languages = languages.sorted()
        return (site, diagnostics)
    }

    /// Where each of `files` goes: an entry's own file (`found`), a translation's, a file whose
    /// name is no id (`misnamed`: still validated, so that all its problems show at once), or
    /// nowhere (a diagnostic). `languages`: those of the model's translations.
    static func classify(_ files: [SourceFile], model: SiteModel, languages: Set<String>) -> (
        found: [(collection: Collection, id: String, file: SourceFile)],
        translationFiles: [(collection: Collection, id: String, language: String, file: SourceFile)],
        misnamed: [(collection: Collection, id: String, file: SourceFile)], diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var found: [(collection: Collection, id: String, file: SourceFile)] = []
        var translationFiles: [(collection: Collection, id: String, language: String, file: SourceFile)] = []
        var misnamed: [(collection: Collection, id: String, file: SourceFile)] = []
        // Where each file goes, worked out on every core: a pure function of its path.
        let placements = files.concurrentMap { file in
            (claimed: claimedTranslationName(file.path), placed: place(file.path, model: model))
        }
        for (file, placement) in zip(files, placements)
        where file.path != ModelReader.path && ModelTranslation.language(ofPath: file.path) == nil {
            if let problem = ModelTranslation.languageProblem(ofPath: file.path) {
                diagnostics.append(problem)
                continue
            }
            if let (id, language) = placement.claimed {
                if ModelTranslation.isLanguageCode(language), languages.contains(language) {
                    switch place(file.path.replacingOccurrences(of: ".\(language).md", with: ".md"), model: model) {
                    case .success(let placed): translationFiles.append((placed.collection, id, language, file))
                    case .failure(let diagnostic): diagnostics.append(diagnostic)
                    }
                    continue
                }
                if !ModelTranslation.isLanguageCode(language), languages.contains(language.lowercased()) {
                    diagnostics.append(
                        .error(
                            "language-invalid", Message("language-invalid", ["language": language]),
                            at: SourceLocation(file: file.path, line: 1, column: 1),
                            hint: ModelTranslation.languageHint(language, file: "\(id).{}.md")))
                    continue
                }
            }
            switch placement.placed {
            case .success(let placed): found.append((placed.collection, placed.id, file))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                let parts = file.path.split(separator: "/")
                if diagnostic.code == "id-invalid", parts.count == 3,
                    let collection = model.collection(inFolder: String(parts[1]))
                {
                    misnamed.append((collection, String(parts[2].dropLast(3)), file))
                }
            }
        }
        return (found, translationFiles, misnamed, diagnostics)
    }

    /// The translations of `files`, of entries whose ids are `ids` (by collection), and their problems.
    static func readTranslations(
        _ files: [(collection: Collection, id: String, language: String, file: SourceFile)],
        ids: [String: Set<String>]
    ) -> ([String: [EntryKey: EntryTranslation]], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var translations: [String: [EntryKey: EntryTranslation]] = [:]
        for item in files {
            let key = EntryKey(item.collection.name, item.id)
            guard ids[item.collection.name]?.contains(item.id) == true else {
                diagnostics.append(
                    .error(
                        "translation-orphan",
                        Message("translation-orphan", ["file": item.file.path, "id": item.id]),
                        at: SourceLocation(file: item.file.path, line: 1, column: 1),
                        hint: Suggestion.didYouMean(for: item.id, among: ids[item.collection.name] ?? [])
                            ?? Message("translation-orphan.hint")))
                continue
            }
            let (translation, problems) = EntryTranslation.read(
                item.file.text, path: item.file.path, key: key, language: item.language, collection: item.collection)
            diagnostics += problems
            if let translation { translations[item.language, default: [:]][key] = translation }
        }
        return (translations, diagnostics)
    }

    /// `(id, language)` of a translation's file name, `content/proyectos/rcn-visa.en.md`.
    static func translationName(_ path: String) -> (String, String)? {
        guard let (id, language) = claimedTranslationName(path), ModelTranslation.isLanguageCode(language) else {
            return nil
        }
        return (id, language)
    }

    /// `(id, language)` of a file named like a translation, whether or not the language is a
    /// code (`rcn-visa.EN.md`, `rcn-visa.v2.md`).
    static func claimedTranslationName(_ path: String) -> (String, String)? {
        // Most files are not translations: one look for a second dot in the file name first.
        let start = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard path.hasSuffix(".md"), path[start...].dropLast(3).contains(".") else { return nil }
        guard let name = path.split(separator: "/").last, name.hasSuffix(".md") else { return nil }
        let parts = name.dropLast(3).split(separator: ".")
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }

    /// The collection and id of a file, from its path `content/<folder>/<id>.md`.
    static func place(_ path: String, model: SiteModel) -> Result<(collection: Collection, id: String), Diagnostic> {
        let parts = path.split(separator: "/").map(String.init)
        let location = SourceLocation(file: path, line: 0, column: 0)
        let folders = model.collections.map(\.folder)
        guard parts.count == 3, parts[2].hasSuffix(".md") else {
            if parts.count == 3 || parts.count == 2, !path.hasSuffix(".md") {
                return .failure(
                    .warning("file-ignored", Message("file-ignored", ["file": path]), at: location))
            }
            return .failure(
                .error(
                    "file-misplaced", Message("file-misplaced", ["file": path]), at: location,
                    hint: Message("file-misplaced.hint", ["folders": folders.map { $0 + "/" }.codeList])))
        }
        guard let collection = model.collection(inFolder: parts[1]) else {
            return .failure(
                .error(
                    "collection-unknown", Message("collection-unknown", ["folder": String(parts[1])]), at: location,
                    hint: Suggestion.didYouMean(for: parts[1], among: folders) ?? Message("collection-unknown.hint")))
        }
        let id = String(parts[2].dropLast(3))
        guard EntryID.isValid(id) else {
            let suggestion = EntryID.make(from: id)
            return .failure(
                .error(
                    "id-invalid", Message("id-invalid", ["id": id]), at: SourceLocation(file: path, line: 1, column: 1),
                    hint: Message("id-invalid.hint.file", ["id": suggestion.isEmpty ? "entry" : suggestion])))
        }
        return .success((collection, id))
    }

    /// Validates every file, in parallel: each file is independent of the others.
    static func validateAll(
        _ found: [(collection: Collection, id: String, file: SourceFile)], cache: EntryCache? = nil,
        progress: ProgressHandler? = nil, months: [String] = []
    ) -> [(Entry?, [Diagnostic])] {
        let counter = ProgressCounter("validating", total: found.count, handler: progress)
        let validated = found.concurrentMap { item in
            defer { counter.step() }
            return cache?.result(path: item.file.path, text: item.file.text)
                ?? EntryValidator(collection: item.collection, months: months).validate(
                    id: item.id, path: item.file.path, text: item.file.text)
        }
        if let cache {
            var kept: [String: (text: String, result: (Entry?, [Diagnostic]))] = [:]
            for (item, result) in zip(found, validated) { kept[item.file.path] = (item.file.text, result) }
            cache.keep(kept)
        }
        return validated
    }

    /// Every `ref`/`refs` must name an entry of its target collection.
    static func checkReferences(_ entries: [String: [Entry]], ids: [String: Set<String>], model: SiteModel)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        for collection in model.collections {
            for entry in entries[collection.name] ?? [] {
                for field in collection.fields {
                    diagnostics += checkReferences(in: entry, field: field, ids: ids, model: model)
                }
            }
        }
        return diagnostics
    }

    static func checkReferences(in entry: Entry, field: Field, ids: [String: Set<String>], model: SiteModel)
        -> [Diagnostic]
    {
        var diagnostics: [Diagnostic] = []
        if case .list(of: .record(let recordFields)) = field.type, case .list(let items)? = entry.fields[field.name] {
            // References inside records: checked, but reported at the list field.
            for (index, item) in items.enumerated() {
                guard case .record(let values) = item else { continue }
                for recordField in recordFields {
                    guard let target = recordField.type.target, let value = values[recordField.name] else { continue }
                    for id in value.referencedIDs where ids[target]?.contains(id) != true {
                        let path = "\(field.name)[\(index + 1)].\(recordField.name)"
                        diagnostics.append(
                            unknown(
                                id, target: target, entry: entry, field: path,
                                at: entry.positions[path], ids: ids, model: model))
                    }
                }
            }
        }
        guard let target = field.type.target, let value = entry.fields[field.name] else { return diagnostics }
        for (index, id) in value.referencedIDs.enumerated() where ids[target]?.contains(id) != true {
            let itemPath = "\(field.name)[\(index + 1)]"
            let path = entry.positions[itemPath] != nil ? itemPath : field.name
            diagnostics.append(
                unknown(
                    id, target: target, entry: entry, field: path,
                    at: entry.positions[path], ids: ids, model: model))
        }
        return diagnostics
    }

    static func unknown(
        _ id: String, target: String, entry: Entry, field: String, at location: SourceLocation?,
        ids: [String: Set<String>],
        model: SiteModel
    ) -> Diagnostic {
        let others = model.collections.filter { $0.name != target && ids[$0.name]?.contains(id) == true }.map(\.name)
        if let other = others.first {
            return .error(
                "ref-wrong-collection",
                Message("ref-wrong-collection", ["id": id, "other": other, "field": field, "collection": target]),
                at: location, field: field,
                hint: Suggestion.didYouMean(for: id, among: ids[target] ?? [])
                    ?? Message("ref-wrong-collection.hint", ["folder": model.collection(target)?.folder ?? target]))
        }
        return .error(
            "ref-unknown", Message("ref-unknown", ["id": id, "collection": target]), at: location, field: field,
            hint: Suggestion.didYouMean(for: id, among: ids[target] ?? [])
                ?? Message("ref-unknown.hint", ["folder": model.collection(target)?.folder ?? target, "id": id]))
    }

    /// Warns when more entries are documented than the collection declares.
    static func checkCounts(_ entries: [String: [Entry]], model: SiteModel) -> [Diagnostic] {
        model.collections.compactMap { collection in
            guard let expected = collection.expected, (entries[collection.name]?.count ?? 0) > expected else {
                return nil
            }
            return .warning(
                "count-exceeds-expected",
                Message(
                    "count-exceeds-expected",
                    [
                        "collection": collection.name, "count": String(entries[collection.name]!.count),
                        "expected": String(expected),
                    ]),
                at: SourceLocation(file: ModelReader.path, line: 0, column: 0),
                hint: Message("count-exceeds-expected.hint"))
        }
    }

    /// Display order: the collection's `order_by` fields, then title, then id.
    static func sorted(_ entries: [Entry], by collection: Collection) -> [Entry] {
        // Titles are folded once each, not once per comparison; indices are sorted, not entries.
        let titles = entries.concurrentMap { sortingTitle($0) }
        let order = entries.indices.sorted { i, j in
            precedes(entries[i], titles[i], entries[j], titles[j], in: collection)
        }
        return order.map { entries[$0] }
    }

    /// The title as display order compares it: without case or accents.
    static func sortingTitle(_ entry: Entry) -> String {
        entry.title.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// Whether `a` (whose folded title is `aTitle`) comes before `b` in `collection`'s display
    /// order: a total order, since ids are unique.
    static func precedes(_ a: Entry, _ aTitle: String, _ b: Entry, _ bTitle: String, in collection: Collection)
        -> Bool
    {
        for field in collection.orderBy {
            if let ordered = FieldValue.ordered(a.fields[field], b.fields[field]) { return ordered }
        }
        return aTitle != bTitle ? aTitle < bTitle : a.id < b.id
    }

    /// `site` with `edited` entries in place of the entries of their keys, each at its place in
    /// display order (`avance serve`'s save of a file whose fields changed), the backlinks they
    /// touch mended (`Site.replacing(_:order:)`). Each edited entry must have validated without a problem; `nil` when one is
    /// not in the site or refers to an entry that does not exist, for a whole build to report.
    public static func update(_ site: Site, with edited: [Entry]) -> Site? {
        var entries = site.entries
        // The ids of the collections the edited entries may name (a whole build's `ids` has
        // every collection's, which only the wording of a problem needs).
        var ids: [String: Set<String>] = [:]
        for name in Set(edited.map(\.collection)) {
            for field in site.model.collection(name)?.fields ?? [] {
                for target in ([field] + field.recordFields).compactMap(\.type.target) where ids[target] == nil {
                    ids[target] = Set(site.entries(of: target).lazy.map(\.id))
                }
            }
        }
        for key in site.unreadable.values where ids[key.collection] != nil { ids[key.collection]?.insert(key.id) }
        for entry in edited {
            guard let collection = site.model.collection(entry.collection),
                let old = site.entry(entry.key),
                let position = entries[entry.collection]?.firstIndex(where: { $0.key == entry.key }),
                collection.fields.allSatisfy({
                    checkReferences(in: entry, field: $0, ids: ids, model: site.model).isEmpty
                })
            else { return nil }
            let moves = old.title != entry.title || collection.orderBy.contains { old.fields[$0] != entry.fields[$0] }
            // Changed in place, so that the array is not copied for each edit.
            guard moves else {
                entries[entry.collection]![position] = entry
                continue
            }
            // Taken out and put back where the order puts it: the others keep their order.
            var list = entries.removeValue(forKey: entry.collection)!
            list.remove(at: position)
            let title = sortingTitle(entry)
            var low = 0
            var high = list.count
            while low < high {
                let middle = (low + high) / 2
                if precedes(list[middle], sortingTitle(list[middle]), entry, title, in: collection) {
                    low = middle + 1
                } else {
                    high = middle
                }
            }
            list.insert(entry, at: low)
            entries[entry.collection] = list
        }
        return site.replacing(edited, order: entries)
    }
}
