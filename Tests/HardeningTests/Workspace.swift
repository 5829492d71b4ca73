import AvanceKit
import Foundation
import Loading
import TestSupport

/// Scratch sites for the hardening tests.
enum Workspace {
    static let hostileSite = Repository.fixtures + "/hostile-site"

    /// A small site on disk: `site.yaml` with one collection `notas` (a title and a `text`
    /// field), the repository's theme copied, and `files` by path relative to the site.
    static func site(_ name: String, files: [String: String] = [:]) throws -> String {
        let root = try Repository.temporaryFolder(name)
        try FileManager.default.copyItem(atPath: Repository.root + "/theme", toPath: root + "/theme")
        var all = ["content/site.yaml": model, "content/notas/una.md": "---\ntitulo: Una\n---\n# Uno\n"]
        all.merge(files) { _, new in new }
        for (path, text) in all { try write(text, to: root + "/" + path) }
        return root
    }

    static let model = """
        title: Prueba
        base_url: https://example.org/
        language: es
        title_field: titulo
        collections:
          notas:
            fields:
              titulo: {type: string, required: true}
              resumen: text
        """

    static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    static func write(_ data: Data, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: path))
    }

    /// The repository's theme, by path under `theme/`.
    static let theme: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        for (path, data) in Repository.snapshot(Repository.root + "/theme") { files["theme/" + path] = [UInt8](data) }
        return files
    }()

    /// The same kind of site held in memory under `/site`: the model, the repository's theme and
    /// `files` by path relative to the site.
    static func memoryOptions(_ files: [String: String]) -> BuildOptions {
        var all = [
            "/site/content/site.yaml": Array(model.utf8),
            "/site/content/notas/una.md": Array("---\ntitulo: Una\n---\n# Uno\n".utf8),
        ]
        for (path, bytes) in theme { all["/site/" + path] = bytes }
        for (path, text) in files { all["/site/" + path] = Array(text.utf8) }
        var options = BuildOptions(root: "/site")
        options.fileSystem = .memory(files: all)
        return options
    }

}
