import Diagnostics
import Foundation
import Loading

extension SchemaExport {
    /// The folder the schemas go to, and whether they may go there: inside the site's root but
    /// outside the folders the build reads or replaces, over no file but the schemas of an
    /// earlier run. `--force` skips these checks.
    struct Target {
        let root: String
        let folder: String
        /// The folder as diagnostics show it: relative to the root when inside it.
        let shown: String
        let fileSystem: FileSystem
        let writer: ContentWriter

        /// The site's folders a schema must never land in, and why.
        static let siteFolders: [(name: String, why: String)] = [
            ("content", "the build reads every file there, and would warn about each schema"),
            ("public", "the build replaces that folder with the site"),
            ("theme", "it holds the site's templates, and its static files are published"),
        ]

        /// `output-outside` for a folder outside the root, `output-in-site` for one inside
        /// `content/`, `public/` or `theme/`; compared with symlinks resolved.
        func placementProblems() -> [Diagnostic] {
            let realRoot = fileSystem.resolvedAsFarAsItExists(root)
            let realFolder = fileSystem.resolvedAsFarAsItExists(folder)
            let force = "; --force writes there anyway"
            guard realFolder == realRoot || realFolder.hasPrefix(realRoot + "/") else {
                return [
                    .error(
                        "output-outside", "`\(folder)` is outside the site's folder `\(root)`",
                        hint:
                            "write the schemas inside the site: leave out --output for `\(SchemaExport.defaultFolder)`"
                            + force)
                ]
            }
            for (name, why) in Self.siteFolders {
                let inside = realRoot + "/" + name
                guard realFolder == inside || realFolder.hasPrefix(inside + "/") else { continue }
                return [
                    .error(
                        "output-in-site", "`\(shown)` is inside `\(name)/`: \(why)",
                        hint: "leave out --output for `\(SchemaExport.defaultFolder)`, or choose a folder outside "
                            + "`content/`, `public/` and `theme/`" + force)
                ]
            }
            return []
        }

        /// `output-exists` for each file to write that exists and that `avance schema` did not
        /// write (no generator mark, or not a plain file).
        func filesNotOurs(_ planned: [PlannedSchema]) -> [Diagnostic] {
            let kinds = Dictionary(
                ((try? fileSystem.list(folder)) ?? []).map { ($0.name, $0.kind) },
                uniquingKeysWith: { first, _ in first })
            return planned.compactMap { file in
                let path = folder + "/" + file.name
                guard writer.exists(path) else { return nil }
                if kinds[file.name] == .file, let bytes = try? fileSystem.read(path), Self.isOurs(bytes, planned: file)
                {
                    return nil
                }
                return .error(
                    "output-exists", "`\(shown)/\(file.name)` exists, and `avance schema` did not write it",
                    hint: "move it away, or choose another folder with --output; --force replaces it")
            }
        }

        /// True for a schema written by `avance schema`: one with its generator mark, or, from
        /// before the mark, the same dialect and title as the schema it would be replaced by.
        static func isOurs(_ bytes: [UInt8], planned: PlannedSchema) -> Bool {
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
                return false
            }
            if let comment = object["$comment"] as? String { return comment.hasPrefix("Written by `avance schema`") }
            guard case .string(let title)? = planned.schema["title"] else { return false }
            return object["$schema"] as? String == FrontMatterSchema.dialect && object["title"] as? String == title
        }
    }
}
