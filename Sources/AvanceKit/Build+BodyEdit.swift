import Bodies
import Diagnostics
import Foundation
import Loading
import Rendering
import SiteData
import Validation

extension Build {
    /// The site after a save that changed only the Markdown bodies of entries' files
    /// (`changed`: paths relative to the root), made from the last build (`previous`, which had
    /// no errors, and `prepared`) without loading, validating or converting the other files:
    /// the edited bodies are converted again and put in place, in every language that shows
    /// them. `nil` when the save changed anything else (a field, a file added or removed, the
    /// model, the theme, a translation) or the new body has a problem: a whole build is then
    /// needed, to find and report everything it touches.
    ///
    /// At N = 10,000 this is what lets `avance serve` show an edit of a body in milliseconds,
    /// where a whole build takes a second or more even with every other file cached.
    public static func updateBodies(
        _ previous: BuildResult, _ prepared: PreparedSite, changed: Set<String>, options: BuildOptions
    ) -> (BuildResult, PreparedSite)? {
        guard !changed.isEmpty, !previous.diagnostics.hasErrors else { return nil }
        var clock = StageClock()
        let loader = ContentLoader(root: options.root, fileSystem: options.fileSystem)
        let content = options.fileSystem.resolve(loader.root + "/" + loader.folder)
        var result = previous
        result.log = []
        var renderers = prepared.renderers
        var translations = prepared.site.translations
        // The entry of each file, in the site's own language (a translation's file is not one);
        // the same in every language.
        let entries = prepared.entryFiles
        /// `renderer` with `entry`'s new body converted and in place; `nil` when it has a problem.
        func update(_ renderer: SiteRenderer, _ entry: Entry) -> SiteRenderer? {
            guard let renewed = renderer.site.replacing(entry),
                let rendered = BodyRenderer(site: renewed, prefix: renderer.localization.prefix, files: entries)
                    .rerender(entry, in: renderer.bodies)
            else { return nil }
            return renderer.replacing(site: renewed, bodies: rendered)
        }
        for path in changed.sorted() {
            // A file the last build read and found no problem in, read as a build reads it.
            guard path.hasSuffix(".md"), let old = previous.sources[path],
                !previous.diagnostics.contains(where: { $0.location?.file == path }),
                let content, let real = options.fileSystem.resolve(loader.root + "/" + path),
                ContentLoader.isInside(real, content),
                case .success(let file) = loader.readText(path)
            else { return nil }
            result.sources[path] = file.text
            if let key = entries[path] {
                // An entry's own file: its body in the site's language, and in every translation
                // that shows it (those without a body of their own).
                guard let entry = renderers[0].site.entry(key), entry.bodyFile == path,
                    let edited = BodyEdit.entry(entry, old: old, new: file.text),
                    let updated = update(renderers[0], edited)
                else { return nil }
                renderers[0] = updated
                for index in renderers.indices.dropFirst() {
                    guard let shown = renderers[index].site.entry(key), shown.bodyFile == path else { continue }
                    guard let translated = update(renderers[index], shown.with(body: edited.body)) else { return nil }
                    renderers[index] = translated
                }
            } else {
                // A translation's file (`rcn-visa.en.md`) with a body of its own, which stays one:
                // that language's pages.
                guard
                    let (language, key) = translations.lazy.compactMap({ language, list in
                        list.first { $0.value.file == path }.map { (language, $0.key) }
                    }).first,
                    let translation = translations[language]?[key],
                    let index = renderers.firstIndex(where: { $0.localization.language == language }), index > 0,
                    let shown = renderers[index].site.entry(key), shown.bodyFile == path,
                    let edited = BodyEdit.entry(shown, old: old, new: file.text),
                    case let renewed = translation.with(body: edited.body), renewed.hasBody,
                    let updated = update(renderers[index], edited)
                else { return nil }
                renderers[index] = updated
                translations[language]?[key] = renewed
            }
        }
        var site = renderers[0].site
        site.translations = translations
        renderers[0] = renderers[0].replacing(site: site, bodies: renderers[0].bodies)
        result.site = site
        result.log.append(clock.lap("update", "\(changed.count) edited bodies"))
        return (result, prepared.replacing(site: site, bodies: renderers[0].bodies, renderers: renderers))
    }
}
