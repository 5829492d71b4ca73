import ContentModel
import JSON
import SiteData
import Testing

@testable import OpenData

/// The licence of `site.yaml` in every machine-readable document that describes the site: the
/// Data Package, the API catalog (and its schema), and both feeds; none of them invents one.
@Suite struct LicenseTests {
    static let license =
        "license: {name: CC-BY-4.0, title: CC BY 4.0, url: \"https://creativecommons.org/licenses/by/4.0/\"}\n"

    /// The test site of OpenDataTests, with `settings` added to its `site.yaml`.
    static func site(_ settings: String) throws -> Site {
        var changed = files
        changed["content/site.yaml"] = settings + files["content/site.yaml"]!
        return try makeSite(changed)
    }

    static let expected: JSONValue = [
        "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0",
    ]

    @Test func aDeclaredLicenceIsInEveryDocumentThatDescribesTheSite() throws {
        let site = try Self.site(Self.license)
        #expect(TabularData(site: site).dataPackage()["licenses"] == .array([Self.expected]))
        #expect(APIDocuments(site: site, bodies: bodies).catalog()["license"] == Self.expected)
        let feeds = ChangeFeeds(site: site)
        #expect(
            feeds.jsonFeed()["_avance"]
                == ["about": "https://example.org/sub/datos/", "license": Self.expected])
        let atom = feeds.atomFeed()
        #expect(
            atom.contains("  <rights>CC BY 4.0 (CC-BY-4.0): https://creativecommons.org/licenses/by/4.0/</rights>\n"))
        #expect(atom.contains("  <link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\"/>\n"))
    }

    @Test func withoutALicenceNoneIsClaimed() throws {
        let site = try Self.site("")
        #expect(TabularData(site: site).dataPackage()["licenses"] == nil)
        #expect(APIDocuments(site: site, bodies: bodies).catalog()["license"] == .null)
        let feeds = ChangeFeeds(site: site)
        #expect(feeds.jsonFeed()["_avance"] == nil)
        #expect(!feeds.atomFeed().contains("rights"))
        #expect(!feeds.atomFeed().contains("license"))
    }

    @Test func theCatalogSchemaRequiresTheLicenceAndAllowsNull() throws {
        let schema = SchemaDocuments(model: try Self.site("").model).catalog()
        #expect(schema["required"]?.array?.contains("license") == true)
        #expect(schema["properties"]?["license"]?["type"] == ["object", "null"])
        #expect(schema["properties"]?["license"]?["required"] == ["name", "path", "title"])
        // The licence lives on its own host: its URL is not held to base_url as the site's are.
        #expect(schema["properties"]?["license"]?["properties"]?["path"] == ["type": "string", "format": "uri"])
    }
}
