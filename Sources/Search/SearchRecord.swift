import JSON

/// One entry of the search index: what a result shows, and the folded text it is found by.
public struct SearchRecord: Sendable, Hashable {
    /// The entry's title as shown.
    public var title: String
    /// The singular name of its collection, such as "Proyecto".
    public var collection: String
    /// Its page, relative to the site root: `proyectos/rcn-visa/`.
    public var url: String
    /// A short plain-text summary shown under the result.
    public var excerpt: String
    /// The title, folded (see `SearchText.fold`); matches here rank first.
    public var foldedTitle: String
    /// The searchable values of its fields, folded: enum labels, titles of referenced entries,
    /// strings, list items and `text` fields.
    public var foldedFields: String
    /// The start of its body, folded (at most `SearchIndexBuilder.bodyLimit` characters).
    public var foldedBody: String
    /// The language of `title` when it is not the index's (an untranslated title).
    public var lang: String?

    /// Creates a record.
    public init(
        title: String, collection: String, url: String, excerpt: String, foldedTitle: String,
        foldedFields: String, foldedBody: String
    ) {
        self.title = title
        self.collection = collection
        self.url = url
        self.excerpt = excerpt
        self.foldedTitle = foldedTitle
        self.foldedFields = foldedFields
        self.foldedBody = foldedBody
    }

    /// What the script shows of the record, the file of one entry of the index
    /// (`entries/12.json`): its title, collection, URL and excerpt, and its `lang` when set. The
    /// folded text is in the shards, as terms.
    public var document: JSONValue {
        var fields: [String: JSONValue] = [
            "title": .string(title), "collection": .string(collection), "url": .string(url),
            "excerpt": .string(excerpt),
        ]
        if let lang { fields["lang"] = .string(lang) }
        return .object(fields)
    }
}
