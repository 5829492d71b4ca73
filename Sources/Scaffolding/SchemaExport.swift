import ContentModel
import Diagnostics
import Loading

/// `avance schema`: writes `<collection>.schema.json` for every collection into a folder
/// (`<root>/.avance/schemas/` by default) and says which files each schema belongs to.
public enum SchemaExport {
    /// The default folder, relative to the site root.
    public static let defaultFolder = ".avance/schemas"

    /// One schema file and the Markdown files it describes.
    public struct Association: Sendable, Hashable {
        /// The schema file, relative to the root when it is inside it, else absolute.
        public var schema: String
        /// A glob of the entry files, relative to the root: `content/proyectos/*.md`.
        public var files: String
    }

    /// What `schema` wrote.
    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var associations: [Association] = []

        /// 0 when written; 2 when there is no site, or the folder cannot be written; 1 for a
        /// broken content model.
        public var exitCode: Int32 {
            guard diagnostics.hasErrors else { return 0 }
            let usage: Set<String> = ["content-missing", "model-missing", "output-failed"]
            return diagnostics.allSatisfy { $0.severity != .error || usage.contains($0.code) } ? 2 : 1
        }

    }

    /// Writes the schemas of the site at `root` into `output` (absolute; the default folder
    /// when `nil`).
    public static func write(
        root: String, output: String? = nil, fileSystem: FileSystem = .disk, writer: ContentWriter = .disk
    ) -> Result {
        var result = Result()
        let (loaded, problems) = ExistingContent.load(root: root, fileSystem: fileSystem)
        guard let content = loaded else {
            result.diagnostics = problems
            return result
        }
        let folder = output ?? root + "/" + defaultFolder
        let shown = folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) : folder
        let schemas = FrontMatterSchema(content: content)
        for collection in content.model.collections {
            let name = "\(collection.name).schema.json"
            do {
                try writer.write(folder + "/" + name, Array(schemas.schema(of: collection).serialized().utf8))
            } catch {
                result.diagnostics.append(
                    .error(
                        "output-failed", "cannot write `\(shown)/\(name)`: \(error.localizedDescription)",
                        hint: "choose another folder with --output"))
                return result
            }
            result.associations.append(
                Association(schema: "\(shown)/\(name)", files: "content/\(collection.folder)/*.md"))
        }
        return result
    }
}
