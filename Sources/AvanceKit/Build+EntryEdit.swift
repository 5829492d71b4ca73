import Bodies
import Diagnostics
import Foundation
import Loading
import Rendering
import SiteData
import Validation

extension Build {
    /// The site after a save that changed the fields of entries' own files (`changed`: paths
    /// relative to the root), made from the last build (`previous`, which had no errors, and
    /// `prepared`) without loading, validating or converting the other files: each edited file
    /// is validated again, its entry put at its place in display order, the backlinks it touches
    /// mended, its Markdown converted again in every language, and the pages listed again when
    /// first asked for if an edited field moves an entry to another group. `nil` when the
    /// save did anything else (a file added or removed, a translation, the model, the theme),
    /// or an edited file has a problem, names an entry that does not exist or changes its
    /// headings' ids: a whole build is then needed, to find and report everything it touches.
    ///
    /// At N = 10,000 a whole build takes half a second or more even with every file cached,
    /// most of it to resolve the whole site again; this takes milliseconds.
    public static func updateEntries(
        _ previous: BuildResult, _ prepared: PreparedSite, changed: Set<String>, options: BuildOptions
    ) -> (BuildResult, PreparedSite)? {
        guard !changed.isEmpty, !previous.diagnostics.hasErrors, let first = prepared.renderers.first else {
            return nil
        }
        var clock = StageClock()
        let loader = ContentLoader(root: options.root, fileSystem: options.fileSystem)
        let content = options.fileSystem.resolve(loader.root + "/" + loader.folder)
        let site = first.site
        let months = monthNames(site.model.language, theme: first.theme, options: options)
        let files = prepared.entryFiles
        var result = previous
        result.log = []
        var edited: [Entry] = []
        for path in changed.sorted() {
            // An entry's own file that the last build read and found no problem in, read and
            // validated as a build does.
            guard path.hasSuffix(".md"), previous.sources[path] != nil,
                !previous.diagnostics.contains(where: { $0.location?.file == path }),
                let key = files[path], let collection = site.model.collection(key.collection),
                site.entry(key)?.file == path,
                let content, let real = options.fileSystem.resolve(loader.root + "/" + path),
                ContentLoader.isInside(real, content),
                case .success(let file) = loader.readText(path)
            else { return nil }
            let (entry, problems) = EntryValidator(collection: collection, months: months).validate(
                id: key.id, path: path, text: file.text)
            guard let entry, problems.isEmpty else { return nil }
            result.sources[path] = file.text
            edited.append(entry)
        }
        guard let renewed = SiteResolver.update(site, with: edited) else { return nil }
        /// `renderer`'s site and bodies with the edited entries of `site` (that renderer's
        /// language's) converted again and in place; `nil` when one has a problem.
        func update(_ renderer: SiteRenderer, site: Site) -> SiteRenderer? {
            let converter = BodyRenderer(site: site, prefix: renderer.localization.prefix, files: files)
            var bodies = renderer.bodies
            for entry in edited {
                guard let shown = site.entry(entry.key), let converted = converter.rerender(shown, in: bodies) else {
                    return nil
                }
                bodies = converted
            }
            return renderer.replacing(site: site, bodies: bodies)
        }
        guard let own = update(first, site: renewed) else { return nil }
        var renderers = [own]
        for renderer in prepared.renderers.dropFirst() {
            // A translation shows the edited fields it does not translate.
            let translated = renewed.translated(to: renderer.localization.language, model: renderer.site.model)
            guard let updated = update(renderer, site: translated) else { return nil }
            renderers.append(updated)
        }
        // The same pages when no edited entry changed a value it is grouped by, or became late
        // or stopped being late: its groups, the size of every listing and the values pages are
        // then the same. (An entry that moves in its collection's order changes which entries a
        // listing's page shows, not the pages.)
        let samePages = edited.allSatisfy { entry in
            guard let old = site.entry(entry.key), let collection = site.model.collection(entry.collection) else {
                return false
            }
            return collection.groupBy.allSatisfy { old.fields[$0] == entry.fields[$0] }
                && renewed.isLate(entry) == site.isLate(old)
        }
        let updated = prepared.renewing(
            site: renewed, bodies: own.bodies, renderers: renderers, samePages: samePages)
        // A page an edit adds (a group of a new value) must not be one of the theme's files; the
        // documents are the same (their paths come from the entries' keys).
        if OutputConflicts.mayNamePages(prepared.staticPaths) {
            guard OutputConflicts.staticFiles(prepared.staticPaths, in: updated).isEmpty else { return nil }
        }
        result.site = renewed
        result.log.append(clock.lap("update", "\(edited.count) edited entries"))
        return (result, updated)
    }
}

extension Build {
    /// The paths of `changed` that can change the site built as `previous` was: those that
    /// exist now, or that the last build read or reported, less those whose text reads as the
    /// last build read it. An editor's or `sed -i`'s temporary file, made and gone within one
    /// save, changes nothing, and must not turn the save of one entry into a whole build; nor
    /// does a second word of a save already taken in (the watcher's, after a build asked for
    /// it), which would otherwise be taken for an edit of the body that changed nothing.
    public static func relevantChanges(_ changed: Set<String>, since previous: BuildResult, options: BuildOptions)
        -> Set<String>
    {
        let reported = Set(previous.diagnostics.compactMap { $0.location?.file })
        let loader = ContentLoader(root: options.root, fileSystem: options.fileSystem)
        return changed.filter { path in
            if let read = previous.sources[path], !reported.contains(path),
                case .success(let file) = loader.readText(path), file.text == read
            {
                return false
            }
            return previous.sources[path] != nil || reported.contains(path)
                || options.fileSystem.resolve(options.root + "/" + path) != nil
        }
    }
}
