import Foundation

@testable import LinkChecker

/// The repository, its fixture folders and helpers to check them.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let linkSites = repository + "/Tests/Fixtures/link-sites"
    /// The base URL both fixture sites are served at.
    static let baseURL = "https://example.org/resiliencia/"

    /// A fresh folder under the temporary directory, removed by the caller.
    static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("avance-\(name)-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (relative path → text) under `folder`.
    static func write(_ files: [String: String], into folder: String) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Checks `folder` with the options `configure` sets.
    static func check(
        _ folder: String, baseURL: String? = Fixtures.baseURL, configure: (inout LinkCheckOptions) -> Void = { _ in }
    ) async -> LinkReport {
        var options = LinkCheckOptions(folder: folder, baseURL: baseURL)
        configure(&options)
        return await LinkChecker(options).check()
    }

    /// A page with `body` inside a minimal HTML document.
    static func page(_ body: String) -> String {
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head>\n<body>\n\(body)\n</body></html>\n"
    }
}
