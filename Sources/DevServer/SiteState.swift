import AvanceKit
import Diagnostics

/// Holds what the server shows and changes it after each build: a build without errors replaces
/// the site; a build with errors keeps the last good site and adds its errors.
actor SiteState {
    private(set) var snapshot: SiteSnapshot

    init(generation: String) {
        snapshot = SiteSnapshot(generation: generation)
    }

    func update(with result: BuildResult, site: PreparedSite?, generation: String, words: ServeWords = .fallback) {
        snapshot.words = words
        if result.diagnostics.hasErrors || site == nil {
            snapshot.failure = ErrorPage(diagnostics: result.diagnostics, sources: result.sources, words: words)
        } else {
            snapshot.site = site
            snapshot.failure = nil
        }
        snapshot.generation = generation
        snapshot.built = true
    }
}
