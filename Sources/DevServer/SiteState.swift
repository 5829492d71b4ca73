import AvanceKit
import Diagnostics

/// Holds what the server shows and changes it after each build: a build without errors replaces
/// the site; a build with errors keeps the last good site and adds its errors.
actor SiteState {
    private(set) var snapshot: SiteSnapshot

    init(generation: String) {
        snapshot = SiteSnapshot(generation: generation)
    }

    func update(with result: BuildResult, generation: String) {
        if result.diagnostics.hasErrors {
            snapshot.failure = ErrorPage(diagnostics: result.diagnostics, sources: result.sources)
        } else {
            snapshot.files = Dictionary(
                result.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { _, last in last })
            snapshot.failure = nil
        }
        snapshot.generation = generation
        snapshot.built = true
    }
}
