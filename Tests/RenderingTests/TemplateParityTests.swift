import AvanceKit
import Bodies
import ContentModel
import Diagnostics
import Foundation
import Loading
import Mustache
import SiteData
import TestSupport
import Testing
import Validation

@testable import Rendering
@testable import Templates

/// avance's template engine against swift-mustache, which rendered the theme before it: every
/// page of the real sites, through the real theme, must come out the same.
@Suite struct TemplateParityTests {
    /// The test site (`Tests/Fixtures/valid-site`) and the second model (`Tests/Fixtures/pmdot-site`),
    /// with the theme.
    @Test(arguments: ["valid-site", "pmdot-site"])
    func everyPageRendersAsSwiftMustacheRendersIt(site: String) throws {
        let (site, _, theme) = try fixtureSite(site)
        let bodies = BodyRenderer(site: site).render()
        var mustache = MustacheLibrary()
        let folder = Repository.root + "/theme/templates/"
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) where path.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: folder + path, encoding: .utf8)
            try mustache.register(text, named: String(path.dropLast(".mustache".count)))
        }
        let renderer = SiteRenderer(site: site, bodies: bodies, theme: theme)
        let builder = PageBuilder(
            site: site, bodies: bodies, strings: theme.strings, localization: renderer.localization)
        let jobs = renderer.jobs(builder)
        #expect(jobs.count > 20)
        for job in jobs {
            let view = job.view(builder)
            let ours = try #require(try theme.templates.render(view, template: job.template))
            let theirs = try #require(mustache.render(MustacheAdapter(object: view), withTemplate: job.template))
            #expect(String(decoding: ours, as: UTF8.self) == theirs, "\(job.path)")
        }
    }
}

/// A view as swift-mustache reads it.
struct MustacheAdapter: MustacheParent {
    let object: any TemplateObject

    func child(named name: String) -> Any? {
        object.value(named: name).map(Self.unwrap)
    }

    static func unwrap(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .object(let object): MustacheAdapter(object: object)
        case .list(let items): items.map(unwrap)
        }
    }
}

/// Theme problems reach the build as diagnostics placed in the template file.
@Suite struct ThemeTemplateDiagnosticsTests {
    static func load(_ templates: [String: String]) -> (Theme?, [Diagnostic]) {
        var files: [String: [UInt8]] = ["/s/theme/i18n/es.yaml": Array("home: Inicio\n".utf8)]
        for name in Theme.requiredTemplates { files["/s/theme/templates/\(name).mustache"] = Array("ok".utf8) }
        for (name, text) in templates { files["/s/theme/templates/\(name).mustache"] = Array(text.utf8) }
        return Theme.load(root: "/s", language: "es", fileSystem: .memory(files: files))
    }

    @Test func aSyntaxErrorIsPlacedAtItsTag() throws {
        let (theme, diagnostics) = Self.load(["entry": "<h1>{{title}}</h1>\n<ul>\n  {{#items}}<li>{{.}}</li>\n</ul>\n"])
        #expect(theme == nil)
        let diagnostic = try #require(diagnostics.first { $0.code == "template-syntax" })
        #expect(diagnostic.location == SourceLocation(file: "theme/templates/entry.mustache", line: 3, column: 3))
        #expect(diagnostic.message == "template error: `{{#items}}` is opened here but never closed")
        #expect(diagnostic.hint == "close it with `{{/items}}`")
    }

    @Test func aMissingPartialIsPlacedWhereItIsNamed() throws {
        let (theme, diagnostics) = Self.load(["home": "<main>\n{{> partials/figures}}\n</main>"])
        #expect(theme == nil)
        let diagnostic = try #require(diagnostics.first { $0.code == "template-missing" })
        #expect(diagnostic.location == SourceLocation(file: "theme/templates/home.mustache", line: 2, column: 1))
        #expect(diagnostic.message.contains("`partials/figures`"))
    }

    @Test func aPartialThatIncludesItselfFailsTheBuildInsteadOfRecursingForever() throws {
        var library = TemplateLibrary()
        for name in Theme.requiredTemplates {
            try library.register(name == "entry" ? "x{{> entry}}" : "ok", named: name)
        }
        let site = try makeSite(PageTests.files)
        let theme = Theme(templates: library, strings: Strings([:]), staticFiles: [])
        let (files, diagnostics) = SiteRenderer(site: site, bodies: BodyRenderer(site: site).render(), theme: theme)
            .render()
        let diagnostic = try #require(diagnostics.first { $0.code == "template-render" })
        #expect(diagnostic.location?.file == "theme/templates/entry.mustache")
        #expect(diagnostic.message.contains("partials nest more than 64 deep, at `entry`"))
        #expect(!files.contains { $0.path.hasPrefix("proyectos/rcn/") })
        #expect(files.contains { $0.path == "index.html" })
    }
}
