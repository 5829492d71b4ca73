import Foundation
import TestSupport

@testable import LinkChecker

/// The link checker's fixture folders and helpers to check them.
enum Fixtures {
    static let linkSites = Repository.fixtures + "/link-sites"
    /// The base URL both fixture sites are served at.
    static let baseURL = "https://example.org/resiliencia/"

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
