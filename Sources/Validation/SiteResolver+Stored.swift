import ContentModel
import Diagnostics
import Loading
import SiteData

/// What resolving a site decided beyond each file's own validation: which file is which entry,
/// in what order each collection shows them, and what the resolver reported. Kept by the build
/// cache with the last build (`.avance/cache/resolution`), so that a build after an edit of
/// bodies alone neither lists nor places 18,000 files again, nor checks their references and
/// sorts them: none of that depends on a body.
public struct Resolution: Sendable, Equatable {
    /// For each collection (by name), its entries' files in display order.
    public var order: [String: [String]]
    /// Every problem the resolver reported: each file's own, and the site's.
    public var diagnostics: [Diagnostic]
    /// The text files that are no entry's own (the model and its translations, entries'
    /// translations, files that are not where entries go): read again when resolving from this.
    public var others: [String]

    public init(order: [String: [String]], diagnostics: [Diagnostic], others: [String]) {
        self.order = order
        self.diagnostics = diagnostics
        self.others = others
    }

    /// What resolving `files` (every text file's path) into `site` decided, with the resolver's
    /// `diagnostics`; `nil` when some file could not be read as an entry (the site has errors).
    public init?(site: Site, diagnostics: [Diagnostic], files: [String]) {
        guard site.unreadable.isEmpty else { return nil }
        order = site.entries.mapValues { $0.map(\.file) }
        let entries = Set(order.values.joined())
        others = files.filter { !entries.contains($0) }
        self.diagnostics = diagnostics
    }
}

extension SiteResolver {
    /// The site `resolution` made, after a save that changed only the Markdown bodies of the
    /// files `changed` (the same files, each one's front matter byte for byte; the build cache's
    /// plan says so): the entries in the same order, each taken from `cache` (whose stored
    /// result must be of the file's bytes now, under this generation) but the changed ones,
    /// validated again from `tree` (which holds them and `resolution.others`, read).
    ///
    /// Returns the site and the diagnostics the resolver gave: `resolution.diagnostics`, since
    /// a body changes none of them but its own file's. So `nil` when a changed file had one, or
    /// has one now, or is not where the resolution says: a whole resolve then says it all.
    public static func resolve(
        _ resolution: Resolution, changed: Set<String>, tree: ContentTree, model: SiteModel, cache: EntryCache,
        months: [String] = []
    ) -> (Site, [Diagnostic])? {
        func inChanged(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.location.map { changed.contains($0.file) } ?? false
        }
        guard tree.diagnostics.isEmpty, !resolution.diagnostics.contains(where: inChanged) else { return nil }
        let languages = Set(tree.files.compactMap { ModelTranslation.language(ofPath: $0.path) })
        let placed = classify(tree.files, model: model, languages: languages)
        var read: [String: (collection: Collection, id: String, file: SourceFile)] = [:]
        for item in placed.found where changed.contains(item.file.path) { read[item.file.path] = item }
        // Each entry's file, in order, by its collection's place in the model; the unchanged
        // ones' results are the store's, the changed ones validated again.
        var files: [(collection: Int, path: String)] = []
        var unchanged: [String] = []
        for (index, collection) in model.collections.enumerated() {
            for path in resolution.order[collection.name] ?? [] {
                files.append((index, path))
                if read[path] == nil {
                    guard !changed.contains(path) else { return nil }
                    unchanged.append(path)
                }
            }
        }
        // Every collection the resolution names is the model's, and every changed file one it placed.
        guard files.count == resolution.order.values.reduce(0, { $0 + $1.count }) else { return nil }
        let translated = Set(placed.translationFiles.map(\.file.path))
        guard changed.allSatisfy({ read[$0] != nil || translated.contains($0) }),
            var storedResults = cache.storedResults(unchanged)?.makeIterator()
        else { return nil }
        var entries: [String: [Entry]] = [:]
        var ids: [String: Set<String>] = [:]
        var kept: [String: (text: String, result: (Entry?, [Diagnostic]))] = [:]
        kept.reserveCapacity(files.count)
        for (index, path) in files {
            let collection = model.collections[index]
            let result: (Entry?, [Diagnostic])
            if let item = read[path] {
                // A changed file: validated again, and without a problem (it had none).
                result = EntryValidator(collection: collection, months: months).validate(
                    id: item.id, path: path, text: item.file.text)
                guard result.0?.key == EntryKey(collection.name, item.id), result.1.isEmpty else { return nil }
                kept[path] = (item.file.text, result)
            } else {
                // An unchanged one's problems are among the resolution's.
                guard let next = storedResults.next(), let entry = next.0, entry.file == path,
                    entry.collection == collection.name
                else { return nil }
                result = next
                kept[path] = ("", result)
            }
            guard let entry = result.0 else { return nil }
            entries[collection.name, default: []].append(entry)
            ids[collection.name, default: []].insert(entry.id)
        }
        cache.keep(kept)
        let (translations, problems) = readTranslations(placed.translationFiles, ids: ids)
        guard !problems.contains(where: inChanged) else { return nil }
        var site = Site(model: model, entries: entries)
        site.translations = translations
        site.languages = languages.sorted()
        return (site, resolution.diagnostics)
    }
}
