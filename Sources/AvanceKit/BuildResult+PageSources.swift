import Rendering
import SiteData
import SiteLayout

extension BuildResult {
    /// For each page made from an entry, in every language, the content file its body comes
    /// from: `proyectos/rcn-visa/index.html` → `content/proyectos/rcn-visa.md`, and
    /// `en/proyectos/rcn-visa/index.html` → `content/proyectos/rcn-visa.en.md` when that
    /// translation has a body (else the original file, whose text the page shows).
    public var pageSources: [String: String] { pageSources(of: nil) }

    /// `pageSources`, only for the pages whose body comes from one of `files` (all when `nil`):
    /// a rebuild after a body edit asks for the pages of a few files, not for 36,000 paths.
    func pageSources(of files: Set<String>?) -> [String: String] {
        guard let site else { return [:] }
        var sources: [String: String] = [:]
        let languages = [site.model.language] + site.languages
        let wanted = files.map(PathLookup.init)
        for language in languages {
            let prefix = Localization(site: site, language: language, original: site.model.language).prefix
            let paths = PagePaths(model: site.model, prefix: prefix)
            let translations = site.translations[language] ?? [:]
            for entry in site.entries.values.joined() {
                let file =
                    if let translation = translations[entry.key], translation.hasBody { translation.file } else {
                        entry.file
                    }
                if let wanted, !wanted.contains(file) { continue }
                sources[PagePaths.file(of: paths.page(of: entry.key))] = file
            }
        }
        return sources
    }
}
