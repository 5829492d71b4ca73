import AvanceKit
import Foundation

/// The test site, `Tests/Fixtures/valid-site` (its README says what it holds), built with the
/// repository's theme. Tests assert exact facts of its files.
public enum ValidSite {
    /// The build's reference date, 2025-01-01 (`SOURCE_DATE_EPOCH`): `parque-lineal` is past its
    /// planned end (2022-12), and every data date before 2024-01 is stale (`stale_after_months: 12`).
    public static let referenceEpoch = 1_735_689_600

    /// The fixture's folder, which holds `content/` and no theme.
    public static let root = Repository.fixtures + "/valid-site"

    /// Options to build the fixture where it is, with the repository's theme; nothing is written
    /// unless the caller builds to disk (then set `output`).
    public static func options(output: String? = nil) -> BuildOptions {
        var options = BuildOptions(root: root, output: output)
        options.themeRoot = Repository.root
        options.environment = ["SOURCE_DATE_EPOCH": String(referenceEpoch)]
        return options
    }

    /// The fixture rendered in memory, once for all the tests that only read it.
    public static let rendered = Build.render(options())

    /// A copy of the fixture's `content/` and the repository's `theme/` in a new folder, to
    /// change freely; the caller removes it.
    public static func copy(_ name: String) throws -> String {
        try Repository.copySite(from: root, name: name)
    }

    /// Makes `portal-de-datos` in the copy at `root` agree with its newest record, for tests that
    /// need a build with no diagnostic at all (the fixture warns about it on purpose).
    public static func agreeingStatuses(in root: String) throws {
        let path = root + "/content/proyectos/portal-de-datos.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "estado: en-marcha\nejecutor", with: "estado: suspendido\nejecutor")
            .write(toFile: path, atomically: true, encoding: .utf8)
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
