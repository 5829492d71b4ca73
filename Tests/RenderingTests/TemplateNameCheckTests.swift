import AvanceKit
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import Rendering
@testable import Templates

/// A theme that names a value its view does not have fails the build at the tag, instead of
/// rendering nothing (`template-name-unknown`).
@Suite struct TemplateNameCheckTests {
    /// The diagnostics of a theme made of the required templates (`ok`) and `templates`.
    static func check(_ templates: [String: String]) -> (theme: Theme?, unknown: [Diagnostic]) {
        var files: [String: [UInt8]] = ["/s/theme/i18n/es.yaml": Array("home: Inicio\n".utf8)]
        for name in Theme.requiredTemplates { files["/s/theme/templates/\(name).mustache"] = Array("ok".utf8) }
        for (name, text) in templates { files["/s/theme/templates/\(name).mustache"] = Array(text.utf8) }
        let (theme, diagnostics) = Theme.load(root: "/s", language: "es", fileSystem: .memory(files: files))
        return (theme, diagnostics.filter { $0.code == "template-name-unknown" })
    }

    @Test func aMisspeltNameFailsTheBuildAtItsTagWithADidYouMean() throws {
        let (theme, unknown) = Self.check(["entry": "{{#entry}}\n<article>\n  <h1>{{titel}}</h1>\n{{/entry}}\n"])
        #expect(theme == nil)
        let diagnostic = try #require(unknown.first)
        #expect(unknown.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: "theme/templates/entry.mustache", line: 3, column: 7))
        #expect(diagnostic.message == "no value `titel` inside `{{#entry}}`")
        #expect(diagnostic.hint == "did you mean `title`?")
    }

    /// `figures` is a name of the home page's view: inside `{{#entry}}` it is an error too.
    @Test func aNameOfAnotherViewIsAnErrorInThisOne() throws {
        let (theme, unknown) = Self.check([
            "home": "{{#home}}{{#figures}}{{title}}{{/figures}}{{/home}}",
            "entry": "{{#entry}}{{#figures}}{{title}}{{/figures}}{{/entry}}",
        ])
        #expect(theme == nil)
        let diagnostic = try #require(unknown.first)
        #expect(unknown.count == 1)
        #expect(diagnostic.location == SourceLocation(file: "theme/templates/entry.mustache", line: 1, column: 11))
        #expect(diagnostic.message == "no value `figures` inside `{{#entry}}`")
        // No name of the entry's view is close: the hint lists them.
        #expect(diagnostic.hint?.hasPrefix("the names here are `backlinks`, `body`, `collection`,") == true)
        #expect(diagnostic.hint?.hasSuffix("`updatedISO`, and those of the values around it") == true)
    }

    /// Inside `{{#fields}}`, Mustache looks a name up in the field, then in the entry around it,
    /// then in the page.
    @Test func aNameOfAnEnclosingSectionPasses() throws {
        let (theme, unknown) = Self.check([
            "entry": "{{#entry}}{{#fields}}{{label}} {{singular}} {{siteTitle}} {{t.anything}}{{/fields}}{{/entry}}"
        ])
        #expect(unknown.isEmpty)
        #expect(theme != nil)
    }

    /// `.name` looks in the innermost value only: the entry's `singular` is not a field's.
    @Test func aScopedNameIsLookedUpInTheInnermostValueOnly() throws {
        let (_, unknown) = Self.check(["entry": "{{#entry}}{{#fields}}{{.singular}}{{/fields}}{{/entry}}"])
        #expect(unknown.map(\.message) == ["no value `singular` inside `{{#fields}}`"])
    }

    @Test func aDottedNameIsCheckedInsideWhatItsFirstPartFinds() throws {
        let (_, unknown) = Self.check(["entry": "{{#entry}}{{collection.url}} {{collection.titel}}{{/entry}}"])
        let diagnostic = try #require(unknown.first)
        #expect(unknown.count == 1)
        #expect(diagnostic.location?.column == 30)
        #expect(diagnostic.message == "no value `titel` in `collection` inside `{{#entry}}`")
        #expect(diagnostic.hint == "did you mean `title`?")
    }

    /// A partial is checked where it is included, and placed in its own file; one shared by
    /// two places may name a value that only one of them has.
    @Test func aPartialIsCheckedWhereItIsIncluded() throws {
        let (_, unknown) = Self.check([
            "partials/heading": "<h2>{{title}}</h2>\n<p>{{singular}}{{sinuglar}}</p>",
            "home": "{{#home}}{{#figures}}{{> partials/heading}}{{/figures}}{{/home}}",
            "collection": "{{#collection}}{{> partials/heading}}{{/collection}}",
        ])
        let diagnostic = try #require(unknown.first)
        #expect(unknown.count == 1)
        #expect(
            diagnostic.location
                == SourceLocation(file: "theme/templates/partials/heading.mustache", line: 2, column: 16))
        #expect(
            diagnostic.message == "no value `sinuglar` inside `{{#collection}}`, as the `collection` page includes it")
        #expect(diagnostic.hint == "did you mean `singular`?")
        let (_, alone) = Self.check([
            "partials/heading": "<h2>{{title}}</h2>\n<p>{{singular}}</p>",
            "home": "{{#home}}{{#figures}}{{> partials/heading}}{{/figures}}{{/home}}",
        ])
        #expect(alone.map(\.message) == ["no value `singular` inside `{{#figures}}`, as the `home` page includes it"])
    }

    /// A layout's blocks are checked with the overrides of the page that extends it, in the
    /// page's file.
    @Test func aBlockOverrideIsCheckedWhereTheLayoutShowsIt() throws {
        let (_, unknown) = Self.check([
            "base": "<title>{{title}}</title>{{#entry}}{{$main}}{{/main}}{{/entry}}",
            "entry": "{{<base}}\n{{$main}}{{singular}} {{singualr}}{{/main}}\n{{/base}}",
        ])
        let diagnostic = try #require(unknown.first)
        #expect(unknown.count == 1)
        #expect(diagnostic.location == SourceLocation(file: "theme/templates/entry.mustache", line: 2, column: 23))
        #expect(diagnostic.hint == "did you mean `singular`?")
    }

    @Test func functionsFlagsAndListsFollowTheRenderer() throws {
        let (_, unknown) = Self.check([
            "entry": """
            {{#entry}}{{^empty(fields)}}{{#fields}}{{^first()}}, {{/first()}}{{label}}{{/fields}}{{/empty(fields)}}\
            {{#stale}}{{.title}}{{/stale}}{{#first(fields)}}{{label}}{{/first(fields)}}{{count(toc)}}{{/entry}}
            """
        ])
        #expect(unknown.isEmpty)
        let (_, wrong) = Self.check(["entry": "{{#entry}}{{#first(fields)}}{{.singular}}{{/first(fields)}}{{/entry}}"])
        #expect(wrong.map(\.message) == ["no value `singular` inside `{{#first(fields)}}`"])
    }

    /// The theme the site ships passes, every page template of it checked.
    @Test func theRealThemePasses() throws {
        let root = Repository.root
        let (theme, diagnostics) = Theme.load(root: root, language: "es")
        let library = try #require(theme?.templates)
        #expect(diagnostics.filter { $0.code == "template-name-unknown" }.isEmpty)
        #expect(
            PageTemplate.pages(in: library) == [
                "404", "collection", "data", "entry", "home", "period", "periods", "search", "updates",
            ])
    }

    /// The real theme with one misspelt name in a partial it shares between pages: exactly that
    /// tag fails, so the check above did look at every template.
    @Test func theRealThemeWithOneMisspeltNameFailsThere() throws {
        let folder = Repository.root + "/theme/"
        var files: [String: [UInt8]] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder)
        where path.hasSuffix(".mustache") || path.hasSuffix(".yaml") {
            files["/s/theme/" + path] = Array(try String(contentsOfFile: folder + path, encoding: .utf8).utf8)
        }
        let status = try #require(files["/s/theme/templates/partials/status.mustache"])
        files["/s/theme/templates/partials/status.mustache"] = Array(
            String(decoding: status, as: UTF8.self).replacingOccurrences(of: "{{summary}}", with: "{{sumary}}").utf8)
        let (theme, diagnostics) = Theme.load(root: "/s", language: "es", fileSystem: .memory(files: files))
        #expect(theme == nil)
        let unknown = diagnostics.filter { $0.code == "template-name-unknown" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.location?.file == "theme/templates/partials/status.mustache")
        #expect(unknown.first?.hint == "did you mean `summary`?")
    }

    /// Each view's table answers for every name it lists (the check and the lookups use one table).
    @Test func everyNameOfTheLayoutReadsItsValue() {
        let page = PageView(
            lang: "es", siteTitle: "S", siteDescription: nil, root: "./", assets: "./", canonical: "c", alternates: [],
            title: "T", description: nil, nav: [], footer: [], strings: Strings(["a": "b"]), feedJSON: "j",
            feedAtom: "a", dataURL: "d", searchURL: "s", searchIndexURL: "i", updatesURL: "u")
        let optional: Set = [
            "siteDescription", "description", "home", "collection", "entry", "data", "updates", "license", "period",
            "periods", "periodsURL", "previousURL", "nextURL", "banner",
        ]
        for name in PageView.allNames {
            #expect((page.value(named: name) == nil) == optional.contains(name), "\(name)")
            #expect(PageView.shape(of: name)?.optional == optional.contains(name), "\(name)")
        }
        #expect(page.value(named: "titel") == nil)
    }
}
