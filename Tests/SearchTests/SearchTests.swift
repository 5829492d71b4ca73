import Bodies
import ContentModel
import Foundation
import Loading
import Rendering
import SiteData
import SiteLayout
import Testing
import Validation

@testable import Search

/// Builds a validated site from files held in memory, and its rendered bodies.
func makeSite(_ files: [String: String]) throws -> (Site, RenderedBodies) {
    let memory = FileSystem.memory(files: files.reduce(into: [:]) { $0["/s/" + $1.key] = Array($1.value.utf8) })
    let tree = ContentLoader(root: "/s", fileSystem: memory).load()
    let modelFile = try #require(tree.files.first { $0.path == ModelReader.path })
    let model = try #require(ModelReader.read(modelFile.text).0)
    let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let bodies = BodyRenderer(site: site).render()
    #expect(bodies.diagnostics.isEmpty, "\(bodies.diagnostics)")
    return (site, bodies)
}

let model = """
    title: Sitio de prueba
    base_url: https://example.org/sub/
    language: es
    collections:
      proyectos:
        title: Proyectos
        singular: Proyecto
        path: obras
        status: estado
        fields:
          titulo: {type: string, required: true, label: Título}
          estado:
            type: enum
            label: Estado
            required: true
            values: {ejec: {label: En ejecución}, parado: {label: Detenido}}
          avance: {type: percent, label: Avance}
          web: {type: url, label: Sitio web}
          resumen: {type: text, label: Resumen}
          socios: {type: refs, to: socios, label: Socios}
          fuentes: {type: list, label: Fuentes}
          historial:
            type: list
            label: Historial
            of:
              fecha: {type: date, required: true}
              estado: {type: enum, values: {ejec: {label: En ejecución}, parado: {label: Detenido}}}
              nota: string
      socios:
        title: Socios
        singular: Socio
        fields:
          titulo: {type: string, required: true, label: Nombre}
    title_field: titulo
    """

let files = [
    "content/site.yaml": model,
    "content/socios/ong.md": "---\ntitulo: Fundación Ñandú\n---\n",
    "content/socios/banco.md": "---\ntitulo: Banco del Barrio\n---\nUn banco &amp; <b>algo</b>.\n",
    "content/obras/riesgo.md": """
    ---
    titulo: Gestión del Riesgo (Fase I)
    estado: ejec
    avance: 40
    web: https://example.org/riesgo
    resumen: "Ver [el banco](../socios/banco.md) y *más*."
    socios: [ong, banco]
    fuentes: ["Informe DMR, abril de 2022"]
    historial:
      - {fecha: 2021-01, estado: parado, nota: Pausa por la pandemia}
    ---
    Primer párrafo con **énfasis** & símbolos.

    ## Avances

    - Uno
    - Dos
    """,
    "content/obras/agua.md": "---\ntitulo: Agua segura\nestado: parado\n---\n",
]

@Suite struct SearchIndexTests {
    func records() throws -> [SearchRecord] {
        let (site, bodies) = try makeSite(files)
        return SearchIndexBuilder(site: site, bodies: bodies).records()
    }

    func record(_ url: String) throws -> SearchRecord {
        try #require(try records().first { $0.url == url })
    }

    @Test func listsEveryEntryOnceWithItsPageURL() throws {
        let urls = try records().map(\.url)
        // Collections in the order of `site.yaml`, entries in their display order (here by title).
        #expect(urls == ["obras/agua/", "obras/riesgo/", "socios/banco/", "socios/ong/"])
    }

    @Test func unaccentedQueryWordsAreFoundInTheFoldedTitle() throws {
        let riesgo = try record("obras/riesgo/")
        #expect(riesgo.title == "Gestión del Riesgo (Fase I)")
        #expect(riesgo.foldedTitle == "gestion del riesgo fase i")
        #expect(riesgo.foldedTitle.contains(SearchText.fold("gestion")))
        #expect(riesgo.foldedTitle.contains(SearchText.fold("GESTIÓN")))
        #expect(riesgo.collection == "Proyecto")
    }

    @Test func fieldsAreSearchableByLabelsAndTitlesNotIDs() throws {
        let fields = try record("obras/riesgo/").foldedFields
        #expect(fields.contains("en ejecucion"))  // the enum label, not the id `ejec`
        #expect(!fields.split(separator: " ").contains("ejec"))
        #expect(fields.contains("fundacion nandu"))  // the title of a referenced entry
        #expect(fields.contains("banco del barrio"))
        #expect(fields.contains("informe dmr abril de 2022"))  // a list item
        #expect(fields.contains("detenido pausa por la pandemia"))  // a history record: enum label and note
        #expect(fields.contains("ver el banco y mas"))  // a text field, as rendered text
        #expect(!fields.contains("40"))  // numbers are not searched
        #expect(!fields.contains("example"))  // nor URLs
    }

    @Test func bodyIsPlainFoldedText() throws {
        let riesgo = try record("obras/riesgo/")
        #expect(riesgo.foldedBody == "primer parrafo con enfasis simbolos avances uno dos")
        #expect(riesgo.excerpt == "Primer párrafo con énfasis & símbolos. Avances Uno Dos")
        #expect(try record("socios/banco/").foldedBody == "un banco algo")
    }

    @Test func entriesWithoutBodyAreSummarisedByTheirFields() throws {
        #expect(try record("obras/agua/").excerpt == "Estado: Detenido")
        #expect(try record("socios/ong/").excerpt == "")
    }

    @Test func longBodiesAndExcerptsAreCutAtAWord() throws {
        var long = files
        let sentence = "Palabra acentuada número "
        long["content/obras/agua.md"] =
            "---\ntitulo: Agua\nestado: parado\n---\n"
            + String(repeating: sentence, count: 400) + "final\n"
        let (site, bodies) = try makeSite(long)
        let agua = try #require(
            SearchIndexBuilder(site: site, bodies: bodies).records().first { $0.url == "obras/agua/" })
        #expect(agua.foldedBody.count <= SearchIndexBuilder.bodyLimit)
        #expect(agua.foldedBody.count > SearchIndexBuilder.bodyLimit - 30)
        #expect(agua.foldedBody.hasPrefix("palabra acentuada numero palabra"))
        #expect(agua.foldedBody.split(separator: " ").allSatisfy { ["palabra", "acentuada", "numero"].contains($0) })
        #expect(!agua.foldedBody.contains("final"))
        #expect(agua.excerpt.hasSuffix("…"))
        #expect(agua.excerpt.count <= SearchIndexBuilder.excerptLimit + 1)
    }

    @Test func writesSortedDeterministicJSONAtTheIndexPath() throws {
        let (site, bodies) = try makeSite(files)
        let file = SearchIndexBuilder(site: site, bodies: bodies).render()
        #expect(file.path == DataPaths.searchIndex)
        #expect(file == SearchIndexBuilder(site: site, bodies: bodies).render())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let entries = try #require(json["entries"] as? [[String: String]])
        #expect(entries.count == 4)
        #expect(
            Set(entries[0].keys) == [
                "title", "collection", "url", "excerpt", "foldedTitle", "foldedFields", "foldedBody",
            ])
        #expect(entries[1]["title"] == "Gestión del Riesgo (Fase I)")
        #expect(entries[1]["url"] == "obras/riesgo/")
    }
}

@Suite struct SearchTextTests {
    @Test(arguments: [
        ("Gestión (RCN-Visa)", "gestion rcn visa"),
        ("  ÑANDÚ,  Quito… ", "nandu quito"),
        ("Eﬁciencia ① 2ª", "eficiencia 1 2a"),
        ("İstanbul ΟΔΟΣ", "istanbul οδοσ"),
        ("«¿Qué?» — ¡sí!", "que si"),
        ("", ""),
    ])
    func foldsLikeTheScript(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    @Test func plainTextDropsTagsAndDecodesEntities() {
        let html =
            "<h2 id=\"a\">Título</h2>\n<p>A &amp; B<em>c</em> &lt;x&gt; &#233; &#xE9;</p><ul><li>uno</li><li>dos</li></ul>"
        #expect(SearchText.plainText(fromHTML: html) == "Título A & Bc <x> é é uno dos")
    }

    @Test func plainTextStopsAfterItsLimitWithoutSplittingACharacter() {
        #expect(SearchText.plainText(fromHTML: "<p>ñañ&amp;ú</p>\n<p>x</p>", limit: 4) == "ñañ&")
        #expect(SearchText.plainText(fromHTML: "<p>a</p>\n<p>b c</p>", limit: 2) == "a b")
        #expect(SearchText.plainText(fromHTML: "  <p> a  \n b </p> ", limit: 10) == "a b")
    }

    @Test func truncatesAtTheLastSpace() {
        #expect(SearchText.truncated("uno dos tres", to: 9, ellipsis: "…") == "uno dos…")
        #expect(SearchText.truncated("uno dos tres", to: 20) == "uno dos tres")
        #expect(SearchText.truncated("unodostres", to: 4) == "unod")
    }
}
