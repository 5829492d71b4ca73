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
            ("content", "output-in-site.content"),
            ("public", "output-in-site.public"),
            ("theme", "output-in-site.theme"),
        ]

        /// `output-outside` for a folder outside the root, `output-in-site` for one inside
        /// `content/`, `public/` or `theme/`; compared with symlinks resolved.
        func placementProblems() -> [Diagnostic] {
            let realRoot = fileSystem.resolvedAsFarAsItExists(root)
            let realFolder = fileSystem.resolvedAsFarAsItExists(folder)
            guard realFolder == realRoot || realFolder.hasPrefix(realRoot + "/") else {
                return [
                    .error(
                        "output-outside", Message("output-outside", ["folder": folder, "root": root]),
                        hint: Message("output-outside.hint", ["default": SchemaExport.defaultFolder]))
                ]
            }
            for (name, why) in Self.siteFolders {
                let inside = realRoot + "/" + name
                guard realFolder == inside || realFolder.hasPrefix(inside + "/") else { continue }
                return [
                    .error(
                        "output-in-site",
                        Message("output-in-site", ["folder": shown, "name": name], parts: ["why": Message(why)]),
                        hint: Message("output-in-site.hint", ["default": SchemaExport.defaultFolder]))
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
                    "output-exists", Message("output-exists", ["file": "\(shown)/\(file.name)"]),
                    hint: Message("output-exists.hint"))
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
