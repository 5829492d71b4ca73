import ContentModel
import Diagnostics
import JSON
import Loading

/// `avance schema`: writes `<collection>.schema.json` for every collection, and
/// `<collection>.<language>.schema.json` for its translations into each language of the site,
/// into a folder (`<root>/.avance/schemas/` by default), and says which files each schema
/// belongs to.
public enum SchemaExport {
    /// The default folder, relative to the site root.
    public static let defaultFolder = ".avance/schemas"

    /// One schema file and the Markdown files it describes.
    public struct Association: Sendable, Hashable {
        /// The schema file, relative to the root when it is inside it, else absolute.
        public var schema: String
        /// A glob of the entry files, relative to the root: `content/proyectos/*.md`.
        public var files: String
        /// Globs of files that `files` matches but the schema is not for: the translations
        /// (`content/proyectos/*.*.md`), which have a schema of their own.
        public var excluding: [String] = []
    }

    /// What `schema` wrote.
    public struct Result: Sendable, DiagnosedResult {
        public var diagnostics: [Diagnostic] = []
        public var associations: [Association] = []
    }

    /// Writes the schemas of the site at `root` into `output` (absolute; the default folder
    /// when `nil`). Without `force`, refuses a folder outside the root or inside `content/`,
    /// `public/` or `theme/`, and a file there that `avance schema` did not write; when it
    /// refuses anything, it writes nothing.
    public static func write(
        root: String, output: String? = nil, force: Bool = false, fileSystem: FileSystem = .disk,
        writer: ContentWriter = .disk
    ) -> Result {
        var result = Result()
        let (loaded, problems) = ExistingContent.load(root: root, fileSystem: fileSystem)
        guard let content = loaded else {
            result.diagnostics = problems
            return result
        }
        let folder = output ?? root + "/" + defaultFolder
        let shown = folder.hasPrefix(root + "/") ? String(folder.dropFirst(root.count + 1)) : folder
        let planned = plan(content)
        if !force {
            let target = Target(root: root, folder: folder, shown: shown, fileSystem: fileSystem, writer: writer)
            result.diagnostics = target.placementProblems() + target.filesNotOurs(planned)
            if result.diagnostics.hasErrors { return result }
        }
        for file in planned {
            do {
                try writer.write(folder + "/" + file.name, Array(file.schema.serialized().utf8))
            } catch {
                result.diagnostics.append(
                    .error(
                        "output-failed",
                        Message(
                            "output-failed.file",
                            ["file": "\(shown)/\(file.name)", "reason": error.localizedDescription]),
                        hint: Message("output-failed.schema.hint")))
                return result
            }
            result.associations.append(
                Association(schema: "\(shown)/\(file.name)", files: file.files, excluding: file.excluding))
        }
        return result
    }

    /// One schema to write: its file name, the schema, and the files it is for.
    struct PlannedSchema {
        var name: String
        var schema: JSONValue
        var files: String
        var excluding: [String] = []
    }

    /// The schema of each collection's entries and, for each language of the site, of their
    /// translations. Entries are `content/<folder>/*.md` without a dot in the id, since ids
    /// have none: a translation (`rcn-visa.en.md`) carries only text fields, so the entry's
    /// schema, with its required fields, is not for it.
    static func plan(_ content: ExistingContent) -> [PlannedSchema] {
        let schemas = FrontMatterSchema(content: content)
        let languages = content.site.languages
        var planned: [PlannedSchema] = []
        for collection in content.model.collections {
            let folder = "content/\(collection.folder)/"
            planned.append(
                PlannedSchema(
                    name: "\(collection.name).schema.json", schema: marked(schemas.schema(of: collection)),
                    files: folder + "*.md", excluding: languages.isEmpty ? [] : [folder + "*.*.md"]))
            for language in languages {
                planned.append(
                    PlannedSchema(
                        name: "\(collection.name).\(language).schema.json",
                        schema: marked(schemas.translationSchema(of: collection, language: language)),
                        files: folder + "*.\(language).md"))
            }
        }
        return planned
    }

    /// What marks a file as written by `avance schema` (its `$comment`, a draft-07 keyword that
    /// validators ignore), so that a run replaces the files of the last one and no others.
    static let generatorMark =
        "Written by `avance schema` from content/site.yaml; running it again replaces this file."

    static func marked(_ schema: JSONValue) -> JSONValue {
        guard case .object(var members) = schema else { return schema }
        members["$comment"] = .string(generatorMark)
        return .object(members)
    }
}
