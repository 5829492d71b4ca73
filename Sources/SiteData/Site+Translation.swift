import ContentModel

extension Site {
    /// Whether `key`'s `field` in this site's language comes from a translation file (in the
    /// site's own language, never: its text is the original).
    public func translates(_ key: EntryKey, field: String) -> Bool {
        translations[model.language]?[key]?.fields[field] != nil
    }

    /// The site in `language`: the model's words from its translation (`model`), each entry's
    /// text from its translation file, and everything else shared. Entries without a
    /// translated body keep the original and are listed in `untranslatedBodies`.
    public func translated(to language: String, model translatedModel: SiteModel) -> Site {
        let translations = self.translations[language] ?? [:]
        var untranslated: Set<EntryKey> = []
        var translatedEntries: [String: [Entry]] = [:]
        for (collection, list) in entries {
            translatedEntries[collection] = list.map { entry in
                guard let translation = translations[entry.key] else {
                    untranslated.insert(entry.key)
                    return entry
                }
                let fields = entry.fields.merging(translation.fields) { _, new in new }
                let titleField = translatedModel.collection(collection)?.titleField ?? ""
                var title = entry.title
                if case .string(let text)? = translation.fields[titleField] { title = text }
                if !translation.hasBody { untranslated.insert(entry.key) }
                return Entry(
                    key: entry.key, file: entry.file, title: title, fields: fields,
                    storedPositions: entry.storedPositions,
                    textSources: entry.textSources.merging(translation.textSources) { _, new in new },
                    bodyText: translation.hasBody ? StoredText(translation.body) : entry.bodyText,
                    bodyFirstLine: translation.hasBody ? translation.bodyFirstLine : entry.bodyFirstLine,
                    bodyFile: translation.hasBody ? translation.file : entry.file)
            }
        }
        var site = Site(model: translatedModel, entries: translatedEntries)
        site.lastChanged = lastChanged
        site.referenceDate = referenceDate
        site.languages = languages
        site.translations = self.translations
        site.untranslatedBodies = untranslated
        site.unreadable = unreadable
        // References, values and display order are every language's: so are descendants.
        site.descentTable = descentTable
        return site
    }
}
