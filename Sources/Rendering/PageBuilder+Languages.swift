import ContentModel
import SiteData
import SiteLayout

/// Text of a translated page that is still in the site's own language (an entry without a
/// translation, a field its translation leaves out) is marked with that language, so that
/// screen readers read it with the right voice and readers see it is not translated yet.
extension PageBuilder {
    /// The language `entry`'s field `field` is written in on this page when it is not the page's:
    /// the site's own language, on a translated page whose entry does not translate the field.
    func fallbackLang(_ key: EntryKey, field: String) -> String? {
        guard !paths.prefix.isEmpty, !site.translates(key, field: field) else { return nil }
        return localization.languages.first?.code
    }

    /// The language of `key`'s title on this page when it is not the page's.
    func titleLang(_ key: EntryKey) -> String? {
        // A page in the site's own language marks nothing: no collection to look up for each link.
        guard !paths.prefix.isEmpty, let collection = model.collection(key.collection) else { return nil }
        return fallbackLang(key, field: collection.titleField)
    }

    /// A link to the page of `entry` from `page`, its title marked when untranslated.
    func link(to entry: Entry, from page: String) -> LinkView {
        let target = shell.page(of: entry.key)
        var view = LinkView(title: entry.title, url: PagePaths.relative(target, from: page), current: target == page)
        view.lang = titleLang(entry.key)
        return view
    }

    /// True for fields whose values are words an editor wrote (not ids, numbers or dates), which a
    /// translation may or may not translate.
    static func isWritten(_ type: FieldType) -> Bool {
        switch type {
        case .string, .text, .list(of: .string), .list(of: .record): true
        default: false
        }
    }
}
