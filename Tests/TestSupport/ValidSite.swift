import AvanceKit
import Foundation

/// The test site, `Tests/Fixtures/valid-site` (its README says what it holds), built with the
/// repository's theme. Tests assert exact facts of its files.
public enum ValidSite {
    /// The fixture's folder, which holds `content/` and no theme.
    public static let root = Repository.fixtures + "/valid-site"

    /// Options to build the fixture where it is, with the repository's theme; nothing is written
    /// unless the caller builds to disk (then set `output`).
    public static func options(output: String? = nil) -> BuildOptions {
        var options = BuildOptions(root: root, output: output)
        options.themeRoot = Repository.root
        return options
    }

    /// The fixture rendered in memory, once for all the tests that only read it.
    public static let rendered = Build.render(options())

    /// A copy of the fixture's `content/` and the repository's `theme/` in a new folder, to
    /// change freely; the caller removes it.
    public static func copy(_ name: String) throws -> String {
        try Repository.copySite(from: root, name: name)
    }

    /// A copy of the fixture built to disk: its root (with `content/`, `theme/` and `public/`)
    /// and the build's result. The caller removes the root.
    public static func build(_ name: String) throws -> (root: String, result: BuildResult) {
        let copy = try copy(name)
        return (copy, Build.build(BuildOptions(root: copy)))
    }

    /// The text of the rendered file at `path` (relative to the output), if there is one.
    public static func page(_ path: String, in result: BuildResult = rendered) -> String? {
        result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
