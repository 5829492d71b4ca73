import Diagnostics
import Testing

@testable import SiteData
@testable import Validation

@Suite struct SiteTests {
    @Test func valuesAreTypedByTheirField() throws {
        let (site, _) = TestSite.validate()
        let entry = try #require(site?.entry(EntryKey("hitos", "h01")))
        #expect(entry.fields["fecha"] == .date(SiteDate("2022-04")!))
        #expect(entry.fields["avance"] == .percent(40))
        #expect(entry.fields["peso"] == .number(1.5))
        #expect(entry.fields["activo"] == .boolean(true))
        #expect(entry.fields["etiquetas"] == .list([.string("a"), .string("b")]))
        #expect(entry.bodyFirstLine == 18)
    }

    /// Quoting in YAML does not change what a value is: its field's type does.
    @Test func quotingChangesNothing() throws {
        let (site, diagnostics) = TestSite.validate([
            "content/ejes/e2.md": "---\ntitulo: 2022\norden: \"2\"\n---\n",
            "content/hitos/h02.md": "---\ntitulo: Dos\neje: 'e2'\nfecha: \"2022-04\"\npeso: '1.5'\n---\n",
        ])
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let axis = try #require(site?.entry(EntryKey("ejes", "e2")))
        #expect(axis.title == "2022")
        #expect(axis.fields["orden"] == .int(2))
        let milestone = try #require(site?.entry(EntryKey("hitos", "h02")))
        #expect(milestone.fields["eje"] == .reference("e2"))
        #expect(milestone.fields["fecha"] == .date(SiteDate("2022-04")!))
        #expect(milestone.fields["peso"] == .number(1.5))
    }

    @Test func backlinksListEveryEntryThatRefersToAnother() throws {
        let (validated, _) = TestSite.validate([
            "content/hitos/h02.md": "---\ntitulo: Dos\neje: e1\nestado: suspendido\n---\n"
        ])
        let site = try #require(validated)
        let links = site.backlinks[EntryKey("ejes", "e1")] ?? []
        #expect(links.map(\.from.id) == ["h01", "h02"])
        #expect(links.allSatisfy { $0.field == "eje" })
        // s1 is named by h01's `socios` and, inside a record, by its history: only `socios` is a backlink.
        #expect(site.backlinks[EntryKey("socios", "s1")]?.map(\.field) == ["socios"])
    }

    @Test func rollupsCountEachChildOnceByStatus() throws {
        let (site, _) = TestSite.validate([
            "content/hitos/h02.md": "---\ntitulo: Dos\neje: e1\nestado: suspendido\n---\n",
            "content/hitos/h03.md": "---\ntitulo: Tres\neje: e1\n---\n",
        ])
        let rollups = try #require(site).rollups(of: EntryKey("ejes", "e1"))
        #expect(rollups.count == 1)
        let counts = try #require(rollups.first)
        #expect(counts.counts.map(\.value.id) == ["en-marcha", "suspendido"])
        #expect(counts.counts.map(\.count) == [1, 1])
        #expect(counts.unset == 1)
        #expect(counts.total == 3)
    }

    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2022-04", true), ("2022", true), ("2022-00", false),
        ("22-04-01", false), ("2022-4-1", false), ("2022-04-31", false), ("١٢٣٤", false),
    ])
    func datesFollowTheCalendar(text: String, valid: Bool) {
        #expect((SiteDate(text) != nil) == valid)
    }

    @Test(arguments: [
        ("https://example.org/a", true), ("http://example.org", true), ("mailto:oficina@example.org", true),
        ("javascript:alert(1)", false), ("JaVaScRiPt:alert(1)", false), ("data:text/html,x", false),
        ("https://exa mple.org", false), ("//example.org", false), ("ftp://example.org", false),
        ("mailto:", false), ("https://", false),
    ])
    func onlyWebAndMailURLsAreAllowed(url: String, allowed: Bool) {
        #expect((URLRule.problem(with: url) == nil) == allowed)
    }

    /// URLs a browser reads otherwise than a person does (issue 19): each refused with its reason.
    @Test(
        arguments: [
            ("https://[::1]:99999/", "its port `99999` is not a number from 0 to 65535"),
            ("https://example.org:65536/", "its port `65536` is not a number from 0 to 65535"),
            ("https://example.org:8x/", "its port `8x` is not a number from 0 to 65535"),
            ("https://example.org:0000080/", "its port `0000080` is not a number from 0 to 65535"),
            ("http://evil.com\\@good.com", "it contains a backslash, which browsers read as `/`"),
            ("https://good.com\\evil.com/", "it contains a backslash, which browsers read as `/`"),
            ("https://user:pass@good.com@evil.com/", "it has a user name before `@`, which hides the host it leads to"),
            ("https://good.com@evil.com/", "it has a user name before `@`, which hides the host it leads to"),
            ("https://[::1/", "its IPv6 address has no closing `]`"),
            ("https://example.org:65535/", nil), ("https://[::1]:8080/a@b", nil), ("https://example.org:/", nil),
            ("https://example.org/a?b=c@d#e@f", nil), ("mailto:a@example.org", nil),
        ] as [(String, String?)])
    func ambiguousURLsAreRefusedWithTheirReason(url: String, problem: String?) {
        #expect(URLRule.problem(with: url).map(MessageCatalog.english.render) == problem)
    }

    @Test func entriesAreSortedByOrderFieldsThenTitle() throws {
        let (site, _) = TestSite.validate([
            "content/ejes/e2.md": "---\ntitulo: Ánfora\norden: 2\n---\n",
            "content/ejes/e3.md": "---\ntitulo: Árbol\norden: 2\n---\n",
            "content/ejes/e0.md": "---\ntitulo: Zeta\norden: 0\n---\n",
        ])
        // No order_by is declared for ejes here, so titles decide, ignoring accents.
        #expect(try #require(site).entries(of: "ejes").map(\.id) == ["e2", "e3", "e1", "e0"])
    }
}
