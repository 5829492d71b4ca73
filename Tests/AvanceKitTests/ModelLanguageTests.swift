import Foundation
import TestSupport
import Testing

/// The problems of site.yaml, of its translations and of an indicator's series print in the
/// site's language: a copy of the Quito site (Spanish) with one mistake of each kind.
@Suite(.serialized) struct ModelLanguageTests {
    /// A copy of the Quito site with `change` applied to `file`, built in the site's language.
    static func build(_ name: String, _ file: String, _ change: (String) -> String) throws -> (Int32, String) {
        let site = try Repository.copySite(from: Repository.root, name: name)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let path = site + "/" + file
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Repository.runAvance(
            ["build", "--root", site, "--output", site + "/public", "--no-git-dates"], environment: ["AVANCE_LANG": ""])
        return (result.status, result.err)
    }

    @Test func theSettingsProblemsPrintInSpanish() throws {
        let (status, err) = try Self.build("model-es", "content/site.yaml") {
            $0.replacingOccurrences(of: "  every: year\n", with: "  every: decade\n")
                .replacingOccurrences(
                    of: "stale_after_months: 6\n", with: "stale_after_months: 6\npaginate_by: mucho\ntitulo_sitio: x\n")
        }
        #expect(status != 0)
        #expect(err.contains("error[period-invalid]: `every` debe ser `half-year`, `quarter`, `year`, no `decade`"))
        #expect(err.contains("los periodos se cortan cada trimestre, semestre o año"))
        #expect(
            err.contains(
                "error[paginate-invalid]: `paginate_by` de `site.yaml` debe ser un número entero de entradas por página"
                    + " (0 para una sola página), no `mucho`"))
        #expect(err.contains("error[model-unknown-key]: ajuste del sitio desconocido: `titulo_sitio`"))
        #expect(!err.contains("unknown site setting"))
    }

    @Test func aTranslationsUnknownCollectionPrintsInSpanish() throws {
        let (status, err) = try Self.build("model-translation-es", "content/site.en.yaml") {
            $0.replacingOccurrences(
                of: "collections:\n  ejes:\n", with: "collections:\n  nada:\n    title: Nothing\n  ejes:\n")
        }
        #expect(status != 0)
        #expect(err.contains("error[translation-unknown]: no hay ninguna colección `nada` que traducir"))
    }

    @Test func aSeriesWithoutAUnitPrintsInSpanish() throws {
        let entry = """
            ---
            titulo: Prueba
            serie:
              direction: up
              baseline: {date: 2019, value: 12}
            ---

            """
        let (status, err) = try Self.build("model-series-es", "content/indicadores/prueba.md") { _ in entry }
        #expect(status != 0)
        #expect(err.contains("error[series-unit-missing]: la serie `serie` no tiene unidad"))
        #expect(err.contains("añada `unit:` con lo que cuentan sus números, como `unit: \"%\"`"))
    }

    @Test func aCollectionInATranslationsFolderPrintsInSpanish() throws {
        let (status, err) = try Self.build("model-path-es", "content/site.yaml") {
            $0.replacingOccurrences(of: "\n  paginas:\n", with: "\n  paginas:\n    path: en\n")
        }
        #expect(status != 0)
        #expect(
            err.contains(
                "error[path-reserved]: la colección `paginas` estaría en `en/`, la carpeta de las páginas en `en`"))
        #expect(err.contains("dé a `paginas` un `path:` propio en `site.yaml`"))
    }

    @Test func aTranslationsLanguageInCapitalsPrintsInSpanish() throws {
        let (status, err) = try Self.build("model-language-es", "content/site.EN.yaml") { _ in "title: Quito\n" }
        #expect(status != 0)
        #expect(err.contains("error[language-invalid]: `EN` no es un código de idioma válido para una traducción"))
        #expect(err.contains("cambie el nombre a `site.en.yaml`"))
    }
}
