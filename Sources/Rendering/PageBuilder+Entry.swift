import ContentModel
import Foundation
import SiteData
import SiteLayout

/// An entry's page, in an `EntryView`.
extension PageBuilder {
    /// The page of `entry`: every field with its label, the body, references both ways.
    public func page(of entry: Entry) -> PageView {
        let page = shell.page(of: entry.key)
        guard let collection = model.collection(entry.collection) else { return layout(page: page, title: entry.title) }
        var view = layout(page: page, title: entry.title, section: collection.name)
        let fields = (shell.entryFields[collection.name] ?? []).compactMap { field -> FieldView? in
            guard entry.fields[field.name] != nil else { return nil }
            return fieldView(field, of: entry, from: page)
        }
        let toc = (bodies.headings[entry.key] ?? []).filter { $0.level <= 3 }
            .map { TOCItemView(id: $0.id, text: $0.text, level: $0.level) }
        let (rollups, named) = rollupViews(of: entry, in: collection, from: page)
        let changed = site.lastChanged[entry.key]
        var entryView = EntryView(
            id: entry.id, title: entry.title,
            collection: LinkView(
                title: collection.title, url: PagePaths.relative(paths.index(of: collection), from: page)),
            singular: collection.singular, fields: fields, body: bodies.html[entry.key]?.string ?? "", toc: toc,
            backlinks: backlinkGroups(of: entry, from: page, except: named), rollups: rollups, source: entry.file,
            updated: changed.map(format), updatedISO: changed?.description,
            stale: site.isStale(entry.key), timeline: timeline(of: entry, in: collection),
            fallbackLang: !paths.prefix.isEmpty && site.untranslatedBodies.contains(entry.key)
                && !entry.bodyText.isEmpty
                ? localization.languages.first?.code : nil, titleLang: titleLang(entry.key))
        let dataDate = site.dataDate(of: entry)
        entryView.dataDate = dataDate.map(format)
        entryView.dataDateISO = dataDate?.description
        entryView.sourceURL = model.repositoryURL.map { $0 + Self.percentEncodedPath(entry.file) }
        entryView.late = lateText(of: entry)
        entryView.series = seriesViews(of: entry, in: collection, from: page)
        entryView.measures = measures(of: entry, from: page)
        view.entry = entryView
        return view
    }

    /// "Atrasado: el fin previsto era diciembre de 2022", for an entry past its planned end
    /// without a final status; `nil` otherwise.
    func lateText(of entry: Entry) -> String? {
        guard site.isLate(entry), let end = site.plannedEnd(of: entry) else { return nil }
        return strings.format("late.text", ["date": format(end)])
    }

    /// A file path as a URL path: each segment percent-encoded, slashes kept.
    static func percentEncodedPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    /// The entries that refer to `entry`, grouped by their collection and field; a group that a
    /// roll-up on the page already lists (`named`: the same entries, through that field alone) is
    /// left out.
    func backlinkGroups(of entry: Entry, from page: String, except named: [RollupMentions] = [])
        -> [BacklinkGroupView]
    {
        var groups: [BacklinkGroupView] = []
        guard let links = site.backlinks[entry.key], !links.isEmpty else { return [] }
        for group in shell.backlinkFields[entry.collection] ?? [] {
            let sources = links.filter { $0.from.collection == group.collection && $0.field == group.field }
                .compactMap { site.entry($0.from) }
            guard !sources.isEmpty,
                !named.contains(where: { $0.collection == group.collection && $0.field == group.field })
            else { continue }
            // Display order, looked up in the site's index: no pass over the collection per page.
            let sorted = sources.sorted { (site.position(of: $0.key) ?? 0) < (site.position(of: $1.key) ?? 0) }
            groups.append(BacklinkGroupView(title: group.title, entries: sorted.map { link(to: $0, from: page) }))
        }
        return groups
    }
}
