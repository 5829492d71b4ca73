import Foundation
import TestSupport
import Testing

/// The problems of `avance init`, the theme, the output folder, `--base-url`, bidi controls,
/// Markdown limits, `avance report` and `avance import --series` print in Spanish, for real
/// broken input to the real binary.
@Suite(.serialized) struct ToolLanguageTests {
    /// The Quito site (language `es`), with `edit` applied to the text of `file` in it.
    static func quito(_ name: String, file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> String {
        let site = try Repository.copySite(from: Repository.root, name: name)
        if let file {
            let path = site + "/" + file
            try edit(try String(contentsOfFile: path, encoding: .utf8)).write(
                toFile: path, atomically: true, encoding: .utf8)
        }
        return site
    }

    static let spanish = ["AVANCE_LANG": "es"]

    @Test func initSpeaksTheStartersLanguage() throws {
        let folder = try Repository.temporaryFolder("tool-language-init")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/a-file", contents: Data("x".utf8))
        let file = try Repository.runAvance(
            ["init", "--language", "es", folder + "/a-file"], environment: ["AVANCE_LANG": ""])
        #expect(file.status == 2)
        #expect(file.err.contains("error[init-folder-not-empty]: `\(folder)/a-file` es un archivo, no una carpeta"))
        #expect(file.err.contains("indique una carpeta nueva, como `avance init mi-ciudad`"))
        let licence = try Repository.runAvance(
            ["init", folder + "/site", "--license", "CC-BY-4"], environment: Self.spanish)
        #expect(
            licence.err.contains("error[init-license-unknown]: `CC-BY-4` no es una licencia que `avance init` conozca"))
        #expect(licence.err.contains("¿quiso decir `CC-BY-4.0`? use una de estas: CC-BY-4.0, "))
        let address = try Repository.runAvance(
            ["init", folder + "/site", "--base-url", "https://a@b.org/"], environment: Self.spanish)
        #expect(
            address.err.contains(
                "error[init-base-url-invalid]: --base-url `https://a@b.org/` no es una URL bien formada: "
                    + "tiene un nombre de usuario antes de `@`"))
        #expect(address.err.contains("escríbala como `https://servidor/ruta/`"))
    }

    @Test func theOutputFolderAndTheBaseURLOfABuild() throws {
        let site = try Self.quito("tool-language-output")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let unsafe = try Repository.runAvance(
            ["build", "--root", site, "--output", site + "/content", "--no-git-dates"], environment: ["AVANCE_LANG": ""]
        )
        #expect(unsafe.status == 2)
        #expect(
            unsafe.err.contains(
                "error[output-unsafe]: no se escribe el sitio en `\(site)/content`, dentro de `content/`"))
        #expect(unsafe.err.contains("use una carpeta propia, como `public/` (la predeterminada)"))
        let port = try Repository.runAvance(
            [
                "build", "--root", site, "--output", site + "/public", "--no-git-dates", "--base-url",
                "https://x.org:99999/",
            ],
            environment: ["AVANCE_LANG": ""])
        #expect(
            port.err.contains(
                "error[argument-base-url-invalid]: --base-url `https://x.org:99999/` no es una URL bien formada: "
                    + "su puerto `99999` no es un número entre 0 y 65535"))
    }

    @Test func aMisspeltTemplateValue() throws {
        let site = try Self.quito("tool-language-template", file: "theme/templates/home.mustache") {
            $0.replacingOccurrences(of: "{{title}}", with: "{{titel}}")
        }
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Repository.runAvance(
            ["build", "--root", site, "--output", site + "/public", "--no-git-dates"], environment: ["AVANCE_LANG": ""])
        #expect(result.status == 1)
        #expect(result.err.contains("error[template-name-unknown]: no hay ningún valor `titel` dentro de `{{#"))
        #expect(result.err.contains("¿quiso decir `title`?"))
        #expect(!result.err.contains("no value"))
    }

    @Test func aSectionClosedOutOfOrder() throws {
        let site = try Self.quito("tool-language-section", file: "theme/templates/home.mustache") { text in
            let first = text.range(of: "{{title}}")!
            return text.replacingCharacters(in: first, with: "{{#title}}")
        }
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try Repository.runAvance(
            ["build", "--root", site, "--output", site + "/public", "--no-git-dates"], environment: ["AVANCE_LANG": ""])
        #expect(result.status == 1)
        #expect(result.err.contains("error[template-syntax]: error de plantilla: `{{/"))
        #expect(result.err.contains("` cierra `{{#title}}`, abierta en la línea "))
        #expect(result.err.contains("cierre las secciones en el orden inverso al que se abrieron"))
    }

    @Test func aBidiControlLeftOpenAndATooWideTable() throws {
        let bidi = try Self.quito("tool-language-bidi", file: "content/proyectos/rcn-visa.md") {
            $0.replacingOccurrences(of: "(RCN-Visa)\n", with: "(RCN-Visa)\u{202E}\n")
        }
        defer { try? FileManager.default.removeItem(atPath: bidi) }
        let open = try Repository.runAvance(
            ["build", "--root", bidi, "--output", bidi + "/public", "--no-git-dates"], environment: ["AVANCE_LANG": ""])
        #expect(
            open.err.contains("error[bidi-unpaired]: U+202E (RIGHT-TO-LEFT OVERRIDE) en este valor no se cierra nunca"))
        #expect(open.err.contains("ciérrelo con U+202C antes de que termine el valor"))

        let table = try Self.quito("tool-language-table", file: "content/proyectos/rcn-visa.md") {
            $0 + "\n" + String(repeating: "|", count: 201) + "\n"
        }
        defer { try? FileManager.default.removeItem(atPath: table) }
        let wide = try Repository.runAvance(
            ["build", "--root", table, "--output", table + "/public", "--no-git-dates"],
            environment: ["AVANCE_LANG": ""])
        #expect(wide.err.contains("error[markdown-too-complex]: esta línea tiene más de 200 celdas de tabla (`|`)"))
        #expect(wide.err.contains("divida la tabla en tablas más angostas"))
    }

    @Test func reportAndSeriesImportArguments() throws {
        let site = try Self.quito("tool-language-report")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let missing = try Repository.runAvance(
            ["report", "2022", "--root", site, "--pdf", site + "/r.pdf"],
            environment: ["AVANCE_LANG": "", "AVANCE_CHROMIUM": site + "/no-chromium"])
        #expect(
            missing.err.contains(
                "error[chromium-missing]: se necesita Chromium sin interfaz (headless) para imprimir el informe, "
                    + "y no se encontró (`AVANCE_CHROMIUM` indica `\(site)/no-chromium`, que no es un programa)"))
        try "fecha,valor\n2023-01-01,3\n".write(toFile: site + "/s.csv", atomically: true, encoding: .utf8)
        let field = try Repository.runAvance(
            ["import", "--root", site, "proyectos", site + "/s.csv", "--series", "avance", "--entry", "rcn-visa"],
            environment: ["AVANCE_LANG": ""])
        #expect(field.status == 2)
        #expect(field.err.contains("error[argument-field-invalid]: `avance` no es un campo de serie de `proyectos`"))
        #expect(field.err.contains("`proyectos` no declara ningún campo de tipo `series`"))
    }
}
