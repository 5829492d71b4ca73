import ContentModel
import Diagnostics
import Loading
import SiteData
import SiteLayout
import Templates
import TestSupport
import Testing
import Validation

@testable import Bodies
@testable import Rendering

/// A fixture site of `Tests/Fixtures` (`valid-site`, `pmdot-site`), loaded and resolved, with its
/// model and the repository's theme in its language.
func fixtureSite(_ name: String = "valid-site") throws -> (site: Site, model: SiteModel, theme: Theme) {
    let tree = ContentLoader(root: Repository.fixtures + "/" + name).load()
    let modelText = try #require(tree.files.first { $0.path == ModelReader.path }).text
    let model = try #require(ModelReader.read(modelText).0)
    let (site, _) = SiteResolver.resolve(tree, model: model)
    let theme = try #require(Theme.load(root: Repository.root, language: model.language).0)
    return (site, model, theme)
}

/// Builds a validated site from files held in memory.
func makeSite(_ files: [String: String]) throws -> Site {
    let memory = FileSystem.memory(files: files.reduce(into: [:]) { $0["/s/" + $1.key] = Array($1.value.utf8) })
    let tree = ContentLoader(root: "/s", fileSystem: memory).load()
    let modelText = try #require(tree.files.first { $0.path == ModelReader.path }).text
    let model = try #require(ModelReader.read(modelText).0)
    let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    return site
}

let model = """
    title: Sitio <de> prueba
    base_url: https://example.org/sub/
    language: es
    # Without a theme, the words of the built-in pages are the keys unless site.yaml sets them.
    paths: {data: datos, updates: actualizaciones}
    collections:
      proyectos:
        title: Proyectos
        status: estado
        expected: 4
        fields:
          title: string
          estado: {type: enum, values: {en-marcha: {label: En marcha, color: "#1d6b3a"}, suspendido: {label: Suspendido}}}
          socios: {type: refs, to: socios}
          nota: text
      socios:
        title: Socios
        fields:
          title: string
    """

@Suite struct BodyLinkTests {
    @Test func linksBetweenContentFilesBecomePageURLs() throws {
        let site = try makeSite([
            "content/site.yaml": model,
            "content/socios/visa.md": "---\ntitle: Visa\n---\n## Datos de contacto\n",
            "content/proyectos/rcn.md": """
            ---
            title: RCN
            socios: [visa]
            nota: Ver [Visa](../socios/visa.md).
            ---
            Con [Visa](../socios/visa.md#datos-de-contacto), [aquí](#avances) y [fuera](https://visa.com).

            ## Avances
            """,
        ])
        let bodies = BodyRenderer(site: site).render()
        #expect(bodies.diagnostics.isEmpty, "\(bodies.diagnostics)")
        let html = try #require(bodies.html[EntryKey("proyectos", "rcn")]).string
        #expect(html.contains(#"<a href="../../socios/visa/#datos-de-contacto">Visa</a>"#))
        #expect(html.contains(##"<a href="#avances">aquí</a>"##))
        #expect(html.contains(#"<a href="https://visa.com">fuera</a>"#))
        #expect(
            bodies.fieldHTML[EntryKey("proyectos", "rcn")]?["nota"]?.contains(#"href="../../socios/visa/""#) == true)
    }

    @Test func brokenLinksAreErrorsAtTheirLine() throws {
        let site = try makeSite([
            "content/site.yaml": model,
            "content/socios/visa.md": "---\ntitle: Visa\n---\n## Contacto\n",
            "content/proyectos/rcn.md": """
            ---
            title: RCN
            ---
            Intro.

            Ver [Visa](../socios/vsia.md) y
            [contacto](../socios/visa.md#contato) y [arriba](#nada).
            """,
        ])
        let diagnostics = BodyRenderer(site: site).render().diagnostics.sorted()
        #expect(diagnostics.map(\.code) == ["link-broken", "link-anchor", "link-anchor"])
        #expect(diagnostics.map { $0.location?.line } == [6, 7, 7])
        #expect(diagnostics.map { $0.location?.column } == [12, 12, 50])
        #expect(diagnostics[0].hint == "did you mean `../socios/visa.md`?")
        #expect(diagnostics[1].hint == "did you mean `contacto`?")
        #expect(diagnostics.allSatisfy { $0.location?.file == "content/proyectos/rcn.md" })
    }

    /// Ids are compared as browsers compare them, code point by code point: `ó` as `o` and a
    /// combining accent (NFD) names no heading written with `ó` (NFC), though Swift's `==` says
    /// the two are equal.
    @Test func aFragmentWithDecomposedAccentsNamesNoComposedHeading() throws {
        let site = try makeSite([
            "content/site.yaml": model,
            "content/socios/visa.md": "---\ntitle: Visa\n---\n## Pr\u{F3}ximos pasos\n",
            "content/proyectos/rcn.md": """
            ---
            title: RCN
            ---
            [a](../socios/visa.md#pro%CC%81ximos-pasos) [b](#pro%CC%81ximos-pasos) [c](../socios/visa.md#pr%C3%B3ximos-pasos)

            ## Pr\u{F3}ximos pasos
            """,
        ])
        let diagnostics = BodyRenderer(site: site).render().diagnostics.sorted()
        #expect(
            diagnostics.map(\.message) == [
                "no heading `#pro\u{301}ximos-pasos` in `content/socios/visa.md`",
                "no heading `#pro\u{301}ximos-pasos` in `content/proyectos/rcn.md`",
            ])
        #expect(
            diagnostics.first?.hint
                == "`#pr\u{F3}ximos-pasos` looks the same but is written with composed accents (NFC); browsers compare ids code point by code point: write `#pr%C3%B3ximos-pasos`"
        )
    }

    /// YAML unindents and folds a text field's lines, so its links are found where they are
    /// written: after the key on a plain line, on the lines below a `>-` or `|` block, and in the
    /// translation file for a translated field.
    @Test func brokenLinksInTextFieldsAreErrorsWhereTheyAreWritten() throws {
        let site = try makeSite([
            "content/site.yaml": model, "content/site.en.yaml": "title: T en\n",
            "content/socios/visa.md": "---\ntitle: Visa\n---\n## Contacto\n",
            "content/proyectos/ana.md": """
            ---
            title: Ana
            nota: Ver [b](../socios/visa.md#nada) y [c](c.md).
            ---
            """,
            "content/proyectos/bea.md": """
            ---
            title: Bea
            nota: >-
              Primero [bien](../socios/visa.md#contacto),
                después [mal](../socios/visa.md#nada)
              y al final [otro](../socios/visa.md#nada).
            ---
            """,
            "content/proyectos/cai.md": "---\ntitle: Cai\nnota: |\n  Uno.\n\n  Dos [x](zz.md).\n---\n",
            // The path named as text before the link is passed over; a destination written with a
            // YAML escape cannot be found as written, so the value's start is given.
            "content/proyectos/dan.md": "---\ntitle: Dan\nnota: La ruta yy.md, luego [y](yy.md).\n---\n",
            "content/proyectos/eva.md": "---\ntitle: Eva\nnota: \"Ver [x](ww\\u002Emd)\"\n---\n",
            "content/proyectos/cai.en.md": "---\ntitle: Cai\nnota: |\n  One.\n\n  Two.\n\n  Three [x](yy.md).\n---\n",
        ])
        let spanish = BodyRenderer(site: site).render().diagnostics.sorted()
        let places = spanish.map { "\($0.code) \($0.location!.file):\($0.location!.line):\($0.location!.column)" }
        #expect(
            places == [
                "link-anchor content/proyectos/ana.md:3:15", "link-broken content/proyectos/ana.md:3:45",
                "link-anchor content/proyectos/bea.md:5:19", "link-anchor content/proyectos/bea.md:6:21",
                "link-broken content/proyectos/cai.md:6:11", "link-broken content/proyectos/dan.md:3:32",
                "link-broken content/proyectos/eva.md:3:7",
            ])
        // Unsorted, in the entries' order: each entry's own problems, then the anchors, looked up
        // once every body's headings are known, in the order of the entries that link to them.
        let unsorted = BodyRenderer(site: site).render().diagnostics.map { "\($0.code) \($0.location!.file)" }
        #expect(
            unsorted == [
                "link-broken content/proyectos/ana.md", "link-broken content/proyectos/cai.md",
                "link-broken content/proyectos/dan.md", "link-broken content/proyectos/eva.md",
                "link-anchor content/proyectos/ana.md", "link-anchor content/proyectos/bea.md",
                "link-anchor content/proyectos/bea.md",
            ])
        let english = BodyRenderer(site: site.translated(to: "en", model: site.model), prefix: "en/").render()
        let translated = try #require(english.diagnostics.first { $0.location?.file == "content/proyectos/cai.en.md" })
        #expect(translated.code == "link-broken")
        #expect(translated.location?.line == 8)
        #expect(translated.location?.column == 13)
    }

    @Test(
        arguments: [
            ("../a/b.md", "content/x/y.md", "content/a/b.md"), ("./b.md", "content/x/y.md", "content/x/b.md"),
            ("b.md", "content/x/y.md", "content/x/b.md"), ("../../../../etc/passwd.md", "content/x/y.md", nil),
        ] as [(String, String, String?)])
    func relativePathsResolveAgainstTheFile(path: String, file: String, expected: String?) {
        #expect(BodyRenderer.resolve(path, against: file) == expected)
    }

    @Test(arguments: [
        ("../a.md", true), ("a.md#x", true), ("https://x.org/a.md", false), ("mailto:a@b.c", false),
        ("/abs.md", false), ("", false), ("dir:x/a.md", false), ("a/b:c.md", true),
    ])
    func onlySchemelessRelativeLinksPointIntoContent(destination: String, relative: Bool) {
        #expect(BodyRenderer.isRelativePath(destination) == relative)
    }
}

@Suite struct PageTests {
    @Test(arguments: [
        ("", "", "./"), ("css/site.css", "", "css/site.css"), ("", "socios/visa/", "../../"),
        ("proyectos/", "socios/visa/", "../../proyectos/"), ("css/site.css", "proyectos/", "../css/site.css"),
    ])
    func urlsAreRelativeToThePage(target: String, page: String, expected: String) {
        #expect(PagePaths.relative(target, from: page) == expected)
    }

    static let theme = """
        {{#entry}}<h1>{{title}}</h1>{{#fields}}<p class="{{name}}">{{label}}:{{#values}}[{{text}}|{{url}}|{{color}}]{{/values}}</p>{{/fields}}{{#backlinks}}<h2>{{title}}</h2>{{#entries}}<a href="{{url}}">{{title}}</a>{{/entries}}{{/backlinks}}{{#rollups}}<div>{{title}}={{total}}{{#bars}};{{label}}:{{count}}{{/bars}}{{#mentions}};{{title}}:{{status}}{{/mentions}}</div>{{/rollups}}<main>{{{body}}}</main>{{/entry}}{{#collection}}<h1>{{title}}</h1><p>{{coverage.text}}</p>{{#rows}}<a href="{{url}}">{{title}}</a>{{/rows}}{{#status}}{{#bars}}{{label}}={{count}}/{{width}};{{/bars}}{{/status}}{{/collection}}{{#home}}{{#figures}}<h2>{{title}}</h2>{{coverage.text}}{{/figures}}{{/home}}<link rel="canonical" href="{{canonical}}"><base data-root="{{root}}">
        """

    func render(_ files: [String: String]) throws -> [String: String] {
        var library = TemplateLibrary()
        for name in Theme.requiredTemplates { try library.register(Self.theme, named: name) }
        let strings = Strings([
            "coverage.of": "{documented} de {expected}", "coverage.count": "{documented}",
            "status.title": "{collection} por {field}", "backlinks.group": "{collection} — {field}",
            "rollup.method": "{count}",
        ])
        let site = try makeSite(files)
        let bodies = BodyRenderer(site: site).render()
        let (output, diagnostics) = SiteRenderer(
            site: site, bodies: bodies, theme: Theme(templates: library, strings: strings, staticFiles: [])
        ).render()
        #expect(diagnostics.isEmpty)
        return output.reduce(into: [:]) { $0[$1.path] = String(decoding: $1.bytes, as: UTF8.self) }
    }

    static let files = [
        "content/site.yaml": model,
        "content/socios/visa.md": "---\ntitle: Visa\n---\n",
        "content/proyectos/rcn.md": "---\ntitle: RCN <b>\nestado: en-marcha\nsocios: [visa]\n---\nTexto.\n",
        "content/proyectos/fiem.md": "---\ntitle: FIEM\nestado: suspendido\nsocios: [visa]\n---\n",
    ]

    @Test func everyPageIsRenderedAtItsPrettyURL() throws {
        let pages = try render(Self.files)
        #expect(
            pages.keys.sorted() == [
                "404.html", "actualizaciones/index.html", "datos/index.html", "index.html", "proyectos/fiem/index.html",
                "proyectos/index.html",
                "proyectos/rcn/index.html", "socios/index.html", "socios/visa/index.html",
            ])
        #expect(pages["proyectos/rcn/index.html"]?.contains(#"href="https://example.org/sub/proyectos/rcn/""#) == true)
        #expect(pages["proyectos/rcn/index.html"]?.contains(#"data-root="../../""#) == true)
    }

    @Test func entryPagesShowFieldsWithLabelsAndReferencesBothWays() throws {
        let pages = try render(Self.files)
        let rcn = try #require(pages["proyectos/rcn/index.html"])
        #expect(rcn.contains(#"<p class="estado">estado:[En marcha||#1d6b3a]</p>"#))
        #expect(rcn.contains(#"<p class="socios">socios:[Visa|../../socios/visa/|]</p>"#))
        #expect(rcn.contains("<main><p>Texto.</p>\n</main>"))
        let visa = try #require(pages["socios/visa/index.html"])
        // The partner names the two projects that name it, in the collection's order, with their
        // status, in its roll-up's sentence; "related" does not list them again.
        #expect(visa.contains("<div>Proyectos por estado=2;FIEM:Suspendido;RCN &lt;b&gt;:En marcha</div>"))
        #expect(!visa.contains("<h2>Proyectos — socios</h2>"))
    }

    @Test func titlesAreEscaped() throws {
        let pages = try render(Self.files)
        #expect(pages["proyectos/rcn/index.html"]?.contains("<h1>RCN &lt;b&gt;</h1>") == true)
        #expect(pages.values.allSatisfy { !$0.contains("RCN <b>") })
    }

    @Test func indexAndHomeShowCoverageAndStatus() throws {
        let pages = try render(Self.files)
        let index = try #require(pages["proyectos/index.html"])
        #expect(index.contains("<p>2 de 4</p>"))
        #expect(index.contains("En marcha=1/50.0;Suspendido=1/50.0;"))
        #expect(pages["index.html"]?.contains("<h2>Proyectos</h2>2 de 4<h2>Socios</h2>1") == true)
    }
}
