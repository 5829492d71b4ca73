import Diagnostics
import Testing

@testable import ContentModel

/// What a public release needs from `site.yaml`: the licence of the data and the site's address,
/// with a warning at the right line while either is missing or a placeholder.
@Suite struct PublicationTests {
    static let collections = "collections:\n  a:\n    fields: {title: string}\n"

    @Test func aLicenseIsReadWithItsNameURLAndTitle() throws {
        let yaml = """
            title: T
            license: {name: CC-BY-4.0, url: "https://creativecommons.org/licenses/by/4.0/", title: CC BY 4.0}

            """ + Self.collections
        let (model, diagnostics) = ModelReader.read(yaml)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let license = try #require(model?.license)
        #expect(
            license
                == License(name: "CC-BY-4.0", url: "https://creativecommons.org/licenses/by/4.0/", title: "CC BY 4.0"))
        #expect(license.fullName == "CC BY 4.0 (CC-BY-4.0)")
        // Without a title, the name is the title.
        let (plain, _) = ModelReader.read(
            "title: T\nlicense:\n  name: ODbL-1.0\n  url: https://opendatacommons.org/licenses/odbl/1-0/\n"
                + Self.collections)
        #expect(plain?.license?.title == "ODbL-1.0")
        #expect(plain?.license?.fullName == "ODbL-1.0")
    }

    @Test(
        arguments: [
            ("license: CC-BY-4.0\n", 2, 10, "must be a group of `name:` and `url:`"),
            ("license: {name: CC-BY-4.0}\n", 2, 10, "`license` needs `url`"),
            ("license: {url: https://x.org/}\n", 2, 10, "`license` needs `name`"),
            ("license:\n  name: ''\n  url: https://x.org/\n", 3, 9, "`license` needs `name`"),
            ("license: {name: X, url: ftp://x.org/l}\n", 2, 25, "must be a well-formed"),
            ("license: {name: X, url: \"https://x.org/a b\"}\n", 2, 25, "must be a well-formed"),
            ("license: {name: X, url: \"https://x.org@evil.test/\"}\n", 2, 25, "must be a well-formed"),
            ("license: {name: X, url: https://x.org/, terms: y}\n", 2, 41, "unknown license setting `terms`"),
        ] as [(String, Int, Int, String)])
    func aMalformedLicenseIsAnErrorWhereItIsWrong(setting: String, line: Int, column: Int, message: String) throws {
        let (model, diagnostics) = ModelReader.read("title: T\n" + setting + Self.collections)
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
        #expect(first.severity == .error)
        #expect(first.location?.file == "content/site.yaml")
        #expect(first.location?.line == line)
        #expect(first.location?.column == column)
        #expect(first.message.contains(message), "\(first.message)")
        #expect(model == nil)
    }

    @Test(
        arguments: [
            ("https://example.org/resiliencia/", true), ("https://www.example.com/", true),
            ("http://example.net", true), ("http://localhost:8000/", true), ("https://site.test/", true),
            ("https://city.example/", true), ("https://x.invalid/", true), ("https://EXAMPLE.ORG./", true),
            ("https://progress.my-city.org/", false), ("https://example.org.my-city.net/", false),
            ("https://notexample.org/", false),
        ])
    func placeholderAddressesAreRecognised(url: String, placeholder: Bool) {
        #expect(SiteModel.isPlaceholder(baseURL: url) == placeholder)
    }

    func warnings(_ settings: String, checkBaseURL: Bool = true) throws -> [Diagnostic] {
        let (model, diagnostics) = ModelReader.read("title: T\n" + settings + Self.collections)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(model).publicationWarnings(checkBaseURL: checkBaseURL)
    }

    @Test func aPlaceholderAddressWarnsAtItsLine() throws {
        let found = try warnings("language: es\nbase_url: https://example.org/resiliencia/\n")
        #expect(found.map(\.code) == ["base-url-placeholder", "license-missing"])
        let placeholder = try #require(found.first)
        #expect(placeholder.severity == .warning)
        #expect(placeholder.location?.description == "content/site.yaml:3:11")
        #expect(placeholder.hint?.contains("set `base_url`") == true)
        let license = try #require(found.last)
        #expect(license.severity == .warning)
        #expect(license.location?.description == "content/site.yaml")
    }

    @Test func aMissingOrRelativeAddressWarns() throws {
        #expect(try warnings("").map(\.code) == ["base-url-missing", "license-missing"])
        let relative = try warnings("base_url: /progress/\n")
        #expect(relative.map(\.code) == ["base-url-missing", "license-missing"])
        #expect(relative.first?.location?.description == "content/site.yaml:2:11")
    }

    @Test func aDeclaredSiteHasNoWarning() throws {
        let settings = "base_url: https://progress.my-city.org/\nlicense: {name: CC0-1.0, url: https://x.org/l}\n"
        #expect(try warnings(settings).isEmpty)
        // An address given on the command line (`--base-url`) is not site.yaml's concern.
        #expect(try warnings("license: {name: CC0-1.0, url: https://x.org/l}\n", checkBaseURL: false).isEmpty)
    }
}
