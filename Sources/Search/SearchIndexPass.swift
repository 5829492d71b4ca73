import ContentModel
import SiteData
import SiteLayout

/// The search index of every language made in the same pass over the entries as other work
/// (the open data's documents, `OpenDataRenderer`'s `EntryWork`), so that the records, the
/// costly part, are made on every core: each entry's records are made as it comes (`make`, on
/// any core), their files handed on and their terms added to the posting lists a batch at a
/// time (`take`), the shards and manifests made once every entry is done (`finish`). The files
/// are those of each language's `SearchIndexBuilder.render(folder:)`, and no more than a batch
/// of records is held at once.
public final class SearchIndexPass: @unchecked Sendable {
    /// One language's index (a class: each entry's record reads it without copying its site).
    final class Language: Sendable {
        let builder: SearchIndexBuilder
        let folder: String
        let paths: PagePaths
        /// The collections of the language's model, by name.
        let collections: [String: Collection]

        init(builder: SearchIndexBuilder, folder: String) {
            self.builder = builder
            self.folder = folder
            paths = PagePaths(model: builder.site.model)
            collections = Dictionary(
                builder.site.model.collections.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// What one entry gives each language's index, in their order: its record's file and its
    /// terms, each with the best place it is found in (`TermIndex.terms(of:)`).
    public struct Made: Sendable {
        let records: [(bytes: [UInt8], terms: [(String, Int)])]
    }

    private let languages: [Language]
    /// The documents of each index.
    private let count: Int
    /// Only touched by `take` and `finish`, which are never called at once.
    private var postings: [[String: [[Int]]]]
    private var taken = 0

    /// The pass over the entries of `site` for the index of each builder, in its folder; `nil`
    /// when a builder's site (a translation) does not list the same entries in the same order as
    /// `site` (its index is made by `SearchIndexBuilder.render(folder:)` then).
    public init?(site: Site, indexes: [(builder: SearchIndexBuilder, folder: String)]) {
        let names = site.model.collections.map(\.name)
        for (builder, _) in indexes {
            guard builder.site.model.collections.map(\.name) == names else { return nil }
            for name in names where builder.site.entries(of: name).map(\.key) != site.entries(of: name).map(\.key) {
                return nil
            }
        }
        languages = indexes.map { Language(builder: $0.builder, folder: $0.folder) }
        count = names.reduce(0) { $0 + site.entries(of: $1).count }
        postings = Array(repeating: [:], count: indexes.count)
    }

    /// What `entry` (of `site`), at `position` in the list of `collection`, gives each index:
    /// its record as each language shows it. Called on any core.
    public func make(_ entry: Entry, in collection: Collection, position: Int) -> Made {
        Made(
            records: languages.map { language in
                let shown = language.builder.site.entries(of: collection.name)[position]
                let record = language.builder.record(
                    of: shown, in: language.collections[collection.name] ?? collection, paths: language.paths)
                return (record.document.serializedBytes(), TermIndex.terms(of: record))
            })
    }

    /// The files of what was made for the next entries, in their order: each one's record,
    /// numbered in turn; their terms are kept for `finish`.
    public func take(_ made: [Made]) -> [OutputFile] {
        var files: [OutputFile] = []
        files.reserveCapacity(made.count * languages.count)
        for entry in made {
            for (index, record) in entry.records.enumerated() {
                let path = languages[index].folder + SearchIndexBuilder.entriesFolder + "\(taken).json"
                files.append(OutputFile(path: path, bytes: record.bytes))
                for (term, place) in record.terms {
                    postings[index][term, default: [[], [], []]][place].append(taken)
                }
            }
            taken += 1
        }
        return files
    }

    /// Once every entry is taken: each index's manifest and shards.
    public func finish() -> [OutputFile] {
        precondition(taken == count, "the search index was given \(taken) of \(count) entries")
        var files: [OutputFile] = []
        for (index, language) in languages.enumerated() {
            let shards = TermIndex(postings: postings[index], documents: count).shards()
            postings[index] = [:]
            let manifest = SearchIndexBuilder.manifestBytes(documents: count, shards: shards)
            files.append(OutputFile(path: language.folder + SearchIndexBuilder.manifest, bytes: manifest))
            files += shards.map {
                OutputFile(path: language.folder + SearchIndexBuilder.termsFolder + $0.fileName, bytes: $0.bytes)
            }
        }
        return files
    }
}
