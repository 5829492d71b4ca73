import Bodies
import ContentModel
import JSON
import ParallelMap
import SiteData
import SiteLayout

/// Builds the prebuilt search index that `theme/static/js/search.js` reads on the search page: a
/// folder (`search-index/`) that a query reads a little of, however large the site.
///
/// - `index.json`, the manifest: the format's version, the number of documents, the keys of the
///   shards and the folders below;
/// - `terms/<hex of key>.json`, the shards of the term index (`TermIndex`): for each term of the
///   entries (folded, so the script folds only the query), the entries it is found in;
/// - `entries/<n>.json`, one per entry (`SearchRecord.document`): what a result shows, fetched
///   only for the results shown.
///
/// Documents are numbered in the order of the collections in `site.yaml` and of the entries on
/// their index pages; results that rank alike keep that order. Each entry's terms come from its
/// title, at most `fieldsLimit` folded characters of field values and `bodyLimit` of body.
public struct SearchIndexBuilder: Sendable {
    public let site: Site
    public let bodies: RenderedBodies

    /// Folded characters of body text kept per entry: a search finds words in the first
    /// paragraphs of long texts, not in their tail.
    public static let bodyLimit = 1000
    /// Folded characters of field values kept per entry.
    public static let fieldsLimit = 1000
    /// Characters of the excerpt shown under a result.
    public static let excerptLimit = 180
    /// The version of the index format, for the script: changes when files or keys change meaning.
    /// 1 was one `search-index.json` holding every entry's folded text.
    public static let formatVersion = 2
    /// The manifest, the shards' folder and the entries' folder, inside the index's folder.
    public static let manifest = "index.json"
    public static let termsFolder = "terms/"
    public static let entriesFolder = "entries/"

    /// Creates the builder.
    public init(site: Site, bodies: RenderedBodies) {
        self.site = site
        self.bodies = bodies
    }

    /// The files of the index, in `folder`: the site's own language's at the root
    /// (`search-index/`), each translation's in its folder (`en/search-index/`), its URLs
    /// relative to that language's home page.
    public func render(folder: String = DataPaths.searchFolder) -> [OutputFile] {
        let records = records()
        let shards = TermIndex(records: records).shards()
        let entries = records.enumerated().map { number, record in
            OutputFile(
                path: folder + Self.entriesFolder + "\(number).json", bytes: record.document.serializedBytes())
        }
        let terms = shards.map { OutputFile(path: folder + Self.termsFolder + $0.fileName, bytes: $0.bytes) }
        let manifest = Self.manifestBytes(documents: records.count, shards: shards)
        return [OutputFile(path: folder + Self.manifest, bytes: manifest)] + terms + entries
    }

    /// The manifest of an index of `documents` documents cut into `shards`.
    static func manifestBytes(documents: Int, shards: [TermIndex.Shard]) -> [UInt8] {
        let manifest: JSONValue = [
            "version": .int(Self.formatVersion), "documents": .int(documents),
            "terms": .string(Self.termsFolder), "entries": .string(Self.entriesFolder),
            "shards": .string(shards.map(\.key).joined(separator: " ")),
        ]
        return manifest.serializedBytes()
    }

    /// In a translated site, the language of titles not translated yet (the site's own); `nil` in
    /// the site's own language.
    public var original: String?

    /// One record per entry of the site, made on every core.
    public func records() -> [SearchRecord] {
        let paths = PagePaths(model: site.model)
        return site.model.collections.flatMap { collection in
            site.entries(of: collection.name).concurrentMap { record(of: $0, in: collection, paths: paths) }
        }
    }

    func record(of entry: Entry, in collection: Collection, paths: PagePaths) -> SearchRecord {
        let body =
            bodies.html[entry.key].map { SearchText.plainText(fromHTML: $0.string, limit: Self.read(Self.bodyLimit)) }
            ?? ""
        let fields = collection.fields.filter { $0.name != collection.titleField }.compactMap { field in
            entry.fields[field.name].map {
                (field: field, texts: texts(of: $0, type: field.type, in: entry, field: field.name))
            }
        }
        let fieldText = fields.flatMap(\.texts).joined(separator: " ")
        let summary = fields.filter { !$0.texts.isEmpty }.map {
            "\($0.field.label): \($0.texts.joined(separator: ", "))"
        }
        var record = SearchRecord(
            title: entry.title, collection: collection.singular, url: paths.page(of: entry.key),
            excerpt: SearchText.truncated(
                body.isEmpty ? summary.joined(separator: " · ") : body, to: Self.excerptLimit, ellipsis: "…"),
            foldedTitle: SearchText.fold(entry.title),
            foldedFields: Self.folded(fieldText, limit: Self.fieldsLimit),
            foldedBody: Self.folded(body, limit: Self.bodyLimit))
        if let original, !site.translates(entry.key, field: collection.titleField) {
            record.lang = original
        }
        return record
    }

    /// How much text to read for `limit` folded characters: folding drops punctuation.
    static func read(_ limit: Int) -> Int { limit + limit / 4 }

    /// `text` folded and cut to `limit` characters at a word boundary; only a little more than
    /// `limit` characters are folded, so long bodies cost no more than short ones.
    static func folded(_ text: String, limit: Int) -> String {
        SearchText.truncated(SearchText.fold(String(text.unicodeScalars.prefix(read(limit)))), to: limit)
    }

    /// The words a value is found by: labels rather than ids, titles rather than references.
    /// Numbers, dates, booleans and URLs are left out: they are not what people type into a search.
    func texts(of value: FieldValue, type: FieldType, in entry: Entry, field: String? = nil) -> [String] {
        switch (type, value) {
        case (.enumeration(let set), .enumeration(let id)):
            return [set.value(id)?.label ?? id]
        case (.reference(let target), _), (.references(let target), _):
            return value.referencedIDs.map { site.entry(EntryKey(target, $0))?.title ?? $0 }
        case (.text, .text(let markdown)):
            let html = field.flatMap { bodies.fieldHTML[entry.key]?[$0] }
            return [html.map { SearchText.plainText(fromHTML: $0, limit: Self.read(Self.fieldsLimit)) } ?? markdown]
        case (.string, .string(let text)):
            return [text]
        case (.list(of: .string), .list(let items)):
            return items.map(\.plainText)
        case (.list(of: .record(let recordFields)), .list(let items)):
            return items.flatMap { item -> [String] in
                guard case .record(let values) = item else { return [] }
                return recordFields.flatMap { recordField in
                    values[recordField.name].map { texts(of: $0, type: recordField.type, in: entry) } ?? []
                }
            }
        default:
            return []
        }
    }
}
