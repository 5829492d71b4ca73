import OpenData
import Rendering
import SiteLayout
import Validation

/// Builds the prebuilt search index (`search-index.json`) the theme's search script loads.
/// (Being written: for now an empty index.)
public struct SearchIndexBuilder: Sendable {
    public let site: Site
    public let bodies: RenderedBodies

    /// Creates the builder.
    public init(site: Site, bodies: RenderedBodies) {
        self.site = site
        self.bodies = bodies
    }

    /// The index file.
    public func render() -> OutputFile {
        OutputFile(path: DataPaths.searchIndex, text: JSONValue.object(["entries": []]).serialized())
    }
}
