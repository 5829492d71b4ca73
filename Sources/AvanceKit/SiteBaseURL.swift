import ContentModel
import Diagnostics
import Loading

/// Where a site is served, as its `content/site.yaml` says: the base URL `avance check --public`
/// checks a built folder against when `--base-url` is not given.
public struct SiteBaseURL: Sendable {
    /// `base_url`, ending with `/`; `nil` when the site root has no `site.yaml`, or it sets none.
    public var url: String?
    /// Why `base_url` cannot be used (a YAML error, a value that is not a URL).
    public var diagnostics: [Diagnostic] = []
    /// The text of `site.yaml`, to quote it in diagnostics.
    public var sources: [String: String] = [:]

    /// Reads `base_url` from `<root>/content/site.yaml`, if the file exists.
    public static func read(root: String, fileSystem: FileSystem = .disk) -> SiteBaseURL {
        let loader = ContentLoader(root: root, folder: "content", fileSystem: fileSystem)
        guard fileSystem.resolve(root + "/" + ModelReader.path) != nil else { return SiteBaseURL() }
        switch loader.readText(ModelReader.path) {
        case .failure(let diagnostic):
            return SiteBaseURL(diagnostics: [diagnostic])
        case .success(let file):
            let (url, diagnostics) = ModelReader.readBaseURL(file.text)
            return SiteBaseURL(url: url, diagnostics: diagnostics, sources: [file.path: file.text])
        }
    }
}
