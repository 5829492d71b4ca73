import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// The roll-ups on a parent's page, in the test site: `proyectos/huertos-comunitarios` names the
/// axis `ambiente` and two of its actions (`a01`, `a02`), so the axis's page counts the project
/// once and says why. A roll-up of one or two entries is a sentence that names them with their
/// status; from three up, a chart, its data table and the list of entries counted.
@Suite struct RollupPageTests {
    /// The roll-up of `collection` on a page: the sentence's `div` or the figure, up to its end.
    static func rollup(_ collection: String, in html: String) -> String? {
        for open in [#"<div class="rollup-sentence" id="rollup-"#, #"<figure class="status chart" id="rollup-"#] {
            if let part = html.components(separatedBy: open + collection + "\"").dropFirst().first {
                return part.components(separatedBy: open.hasPrefix("<div") ? "</div>" : "</figure>")[0]
            }
        }
        return nil
    }

    @Test func aProjectReachedThroughTwoActionsIsCountedOnceAndNamed() throws {
        let html = try #require(ValidSite.page("ejes/ambiente/index.html"))
        // Huertos and Parque lineal; Huertos by three links (its axis and its two actions).
        let projects = try #require(Self.rollup("proyectos", in: html))
        #expect(projects.contains("Se cuenta una sola vez, aunque llega a esta entrada por varios caminos"))
        #expect(projects.contains("varios caminos: Huertos comunitarios en terrenos baldíos (3 enlaces)."))
        // The other axis: Red de ciclovías names it and its action `a03`; Alumbrado only names it.
        let mobility = try #require(ValidSite.page("ejes/movilidad/index.html"))
        #expect(mobility.contains("Depende de esta entrada 1 acción: "))
        #expect(mobility.contains("Dependen de esta entrada 2 proyectos: "))
        #expect(mobility.contains("varios caminos: Red de ciclovías entre barrios (2 enlaces)."))
    }

    @Test func aRollupOfOneOrTwoEntriesIsASentenceThatNamesThemWithTheirStatus() throws {
        let html = try #require(ValidSite.page("ejes/ambiente/index.html"))
        let actions = try #require(Self.rollup("acciones", in: html))
        // Each entry linked, its status a badge in its value's colour, the last after "y"; the
        // first entry of each status carries the anchor a breakdown table's count links to.
        #expect(
            actions.contains(
                ##"><p>Dependen de esta entrada 2 acciones: <a href="../../acciones/a01/" id="rollup-acciones-en-curso">Recuperar los terrenos baldíos</a> <span class="badge badge-en-curso" style="--badge: #1d6b3a">En curso</span> y <a href="../../acciones/a02/" id="rollup-acciones-planificada">Sembrar árboles en las calles</a> <span class="badge badge-planificada" style="--badge: #8a6d00">Planificada</span>.</p>"##
            ))
        #expect(actions.contains(#"<p class="method">Se cuentan a través de: Acciones («Eje») → esta entrada.</p>"#))
        // No chart, no data table, no list of entries counted.
        #expect(!html.contains(#"<figure class="status chart""#))
        #expect(!html.contains("chart-counted"))
        // Two projects with the same status: only the first carries the status's anchor.
        let projects = try #require(Self.rollup("proyectos", in: html))
        #expect(projects.components(separatedBy: #"id="rollup-proyectos-en-marcha""#).count == 2)
        #expect(projects.components(separatedBy: #"<span class="badge badge-en-marcha""#).count == 3)
        // In English, with the theme's words.
        let english = try #require(ValidSite.page("en/ejes/ambiente/index.html"))
        #expect(english.contains("><p>2 actions depend on this entry: <a href="))
        #expect(english.contains(" and <a href="))
    }

    @Test func aCollectionWithNothingBelowSaysSoAndNamesItself() throws {
        let html = try #require(ValidSite.page("ejes/gobierno/index.html"))
        #expect(
            html.contains(
                #"<div class="rollup-sentence"><p>Ninguna de las 3 entradas documentadas en Acciones depende todavía de esta entrada (eje).</p></div>"#
            ))
        let english = try #require(ValidSite.page("en/ejes/gobierno/index.html"))
        #expect(english.contains("None of the 3 documented entries in Actions depends on this entry (axis) yet."))
    }

    @Test func aRollupOfThreeOrMoreEntriesKeepsItsChartTableAndList() throws {
        // Municipio de ejemplo: three projects run by it, a fourth with it as a partner.
        let html = try #require(ValidSite.page("socios/municipio-de-ejemplo/index.html"))
        let figure = try #require(Self.rollup("proyectos", in: html))
        #expect(figure.contains(#"<div class="chart-bars" aria-hidden="true">"#))
        #expect(figure.contains(#"<details class="chart-data">"#))
        #expect(figure.contains("Se cuentan 4 proyectos que dependen de esta entrada (socio)"))
        // Reached through two fields: its list stays closed, and "Relacionado" keeps both groups.
        #expect(figure.contains(#"<details class="chart-counted"><summary>Entradas contadas (4)</summary>"#))
        #expect(html.contains("<h3>Proyectos — Ejecutor</h3>") && html.contains("<h3>Proyectos — Socios</h3>"))
    }

    @Test func aSentenceNamesWhatRelatedWouldListThroughTheSameFieldSoRelatedLeavesItOut() throws {
        // Cooperativa Luz: Alumbrado eficiente alone refers to it, as its executor.
        let html = try #require(ValidSite.page("socios/cooperativa-luz/index.html"))
        #expect(html.contains(#"id="rollup-proyectos-finalizado">Alumbrado público eficiente</a>"#))
        #expect(!html.contains("<h3>Proyectos — Ejecutor</h3>"))
        // Municipio de ejemplo's group of partners it is part of stays: no roll-up names them.
        let municipio = try #require(ValidSite.page("socios/municipio-de-ejemplo/index.html"))
        #expect(municipio.contains("<h3>Socios — Forma parte de</h3>"))
    }

    @Test func aFiguresOpenListReplacesRelatedWhenItListsTheSameEntriesThroughOneField() throws {
        // Two more projects run by Cooperativa Luz: three, all through "Ejecutor".
        let root = try ValidSite.copy("rollup-open")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Repository.write(
            [
                "content/proyectos/luz-norte.md":
                    "---\ntitulo: Luz norte\nestado: en-marcha\nejecutor: cooperativa-luz\n---\n",
                "content/proyectos/luz-sur.md":
                    "---\ntitulo: Luz sur\nestado: no-iniciado\nejecutor: cooperativa-luz\n---\n",
            ], into: root)
        var options = BuildOptions(root: root)
        options.environment = ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)]
        let result = Build.render(options)
        let html = try #require(ValidSite.page("socios/cooperativa-luz/index.html", in: result))
        let figure = try #require(Self.rollup("proyectos", in: html))
        #expect(figure.contains(#"<details class="chart-counted" open><summary>Entradas contadas (3)</summary>"#))
        #expect(!html.contains("<h3>Proyectos — Ejecutor</h3>"))
        #expect(!html.contains(#"<section class="backlinks""#))
    }
}
