import Foundation
import PackagePlugin

/// Carries `theme/` and `starter/` inside `Starter`, and `messages/` (the message catalogs)
/// inside `Diagnostics`, the targets that use this plugin: at every
/// build it lists their files and, when one of them changed (or one came or went), runs
/// `EmbedGenerator` to write `EmbeddedFiles.swift`, their bytes as Swift source. The copy in the
/// binary is made from the folders at each build, so it cannot drift from them.
@main
struct EmbedFiles: BuildToolPlugin {
    /// The folders of the package carried into the binary, by the target that carries them.
    static func folders(of target: String) -> [String] {
        target == "Diagnostics" ? ["messages"] : ["theme", "starter"]
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = Self.folders(of: target.name)
        var paths: [String] = []
        for folder in folders {
            paths += Self.files(under: folder, in: root)
        }
        paths.sort()
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(paths.count) files of \(folders.joined(separator: "/, "))/",
                executable: try context.tool(named: "EmbedGenerator").url,
                // The paths are arguments too, so that a file added or removed reruns the command.
                arguments: [output.path, root.path] + paths,
                inputFiles: paths.map { root.appendingPathComponent($0) },
                outputFiles: [output])
        ]
    }

    /// Every regular file under `folder` (hidden ones too: `.gitignore`, `.github/`), as paths
    /// relative to `root`.
    static func files(under folder: String, in root: URL) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = base.appendingPathComponent(path).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            found.append(folder + "/" + path)
        }
        return found
    }
}
