import Foundation
import TestSupport
import Testing

/// `avance` speaks the site's language (`language` in site.yaml), or the one `--lang` or
/// `AVANCE_LANG` chooses, with the same codes, files, lines and columns in every language.
@Suite(.serialized) struct LanguageTests {
    /// No language from the environment of the test run: the site's decides.
    static let siteLanguage = ["AVANCE_LANG": ""]

    /// A copy of the Quito site with three typical mistakes in rcn-visa: a status by its label,
    /// a misspelt partner, a date in words.
    static func quitoWithMistakes() throws -> String {
        let site = try Repository.copySite(from: Repository.root, name: "language-quito")
        let path = site + "/content/proyectos/rcn-visa.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\nestado: en-marcha\n", with: "\nestado: En Marcha\n")
        text = text.replacingOccurrences(of: "ejecutor: conquito\n", with: "ejecutor: conqito\n")
        let date = try #require(text.range(of: "  - fecha: 2022-04"))
        text.replaceSubrange(date, with: "  - fecha: septiembre 2022")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return site
    }

    /// The `-->` lines of a report: where each problem is, whatever the language.
    static func places(_ report: String) -> [String] {
        report.split(separator: "\n").filter { $0.contains("--> ") }.map {
            String($0.drop { $0 != "-" })
        }
    }

    @Test func theQuitoSitesMistakesPrintInSpanishAtTheSamePlaces() throws {
        let site = try Self.quitoWithMistakes()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let build = ["build", "--root", site, "--output", site + "/public", "--no-git-dates"]
        let spanish = try Repository.runAvance(build, environment: Self.siteLanguage)
        #expect(spanish.status == 1)
        #expect(spanish.err.contains("error[enum-unknown]: «Estado» no admite `En Marcha`"))
        #expect(spanish.err.contains("¿quiso decir `en-marcha`? Valores admitidos: `no-iniciado`, `en-marcha`"))
        #expect(spanish.err.contains("error[ref-unknown]: no hay ninguna entrada `conqito` en la colección `socios`"))
        #expect(spanish.err.contains("^^^^^^^ ¿quiso decir `conquito`?"))
        #expect(spanish.err.contains("error[date-invalid]: `septiembre 2022` no es una fecha válida"))
        #expect(spanish.err.contains("3 errores, "))
        #expect(!spanish.err.contains("did you mean"))

        let english = try Repository.runAvance(build + ["--lang", "en"], environment: Self.siteLanguage)
        #expect(english.status == 1)
        #expect(english.err.contains("error[enum-unknown]: `En Marcha` is not a value of `estado`"))
        #expect(english.err.contains("error[ref-unknown]: no entry `conqito` in collection `socios`"))
        #expect(english.err.contains("3 errors, "))
        #expect(Self.places(spanish.err) == Self.places(english.err))
        #expect(Self.places(spanish.err).contains("--> content/proyectos/rcn-visa.md:3:9 (estado)"))
    }

    @Test func theEnvironmentChoosesAndTheFlagWins() throws {
        let site = try Self.quitoWithMistakes()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let build = ["build", "--root", site, "--output", site + "/public", "--no-git-dates"]
        let english = try Repository.runAvance(build, environment: ["AVANCE_LANG": "en"])
        #expect(english.err.contains("no entry `conqito` in collection `socios`"))
        let spanish = try Repository.runAvance(build + ["--lang", "es"], environment: ["AVANCE_LANG": "en"])
        #expect(spanish.err.contains("no hay ninguna entrada `conqito` en la colección `socios`"))
    }

    /// JSON and GitHub annotations keep the code, and carry the message in the chosen language.
    @Test func machineFormatsKeepTheCode() throws {
        let site = try Self.quitoWithMistakes()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let output = try Repository.temporaryFolder("language-json")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let avance = try #require(Repository.avance)
        for (format, file) in [("json", "report.json"), ("github", "report.txt")] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: avance)
            process.arguments = [
                "build", "--root", site, "--output", site + "/public", "--no-git-dates", "--format", format,
            ]
            process.environment = ProcessInfo.processInfo.environment.merging(["AVANCE_LANG": ""]) { $1 }
            FileManager.default.createFile(atPath: output + "/" + file, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output + "/" + file))
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
        }
        let json =
            try JSONSerialization.jsonObject(
                with: try Data(contentsOf: URL(fileURLWithPath: output + "/report.json"))) as? [String: Any]
        let items = try #require(json?["diagnostics"] as? [[String: Any]])
        let reference = try #require(items.first { $0["code"] as? String == "ref-unknown" })
        #expect(reference["message"] as? String == "no hay ninguna entrada `conqito` en la colección `socios`")
        #expect(reference["hint"] as? String == "¿quiso decir `conquito`?")
        #expect(reference["line"] as? Int == 4)
        #expect(reference["column"] as? Int == 11)
        let github = try String(contentsOfFile: output + "/report.txt", encoding: .utf8)
        #expect(
            github.contains(
                "::error file=content/proyectos/rcn-visa.md,line=4,col=11,title=ref-unknown::no hay ninguna entrada"))
    }

    /// The PMDOT fixture is an English site: it prints English whatever the Quito site says.
    @Test func anEnglishSitePrintsEnglish() throws {
        let site = try Repository.copySite(from: Repository.root + "/Tests/Fixtures/pmdot-site", name: "language-en")
        defer { try? FileManager.default.removeItem(atPath: site) }
        try "---\ntitle: Nowhere\n---\n".write(
            toFile: site + "/content/nowhere.md", atomically: true, encoding: .utf8)
        let result = try Repository.runAvance(
            ["build", "--root", site, "--output", site + "/public", "--no-git-dates"], environment: Self.siteLanguage)
        #expect(result.status == 1)
        #expect(result.err.contains("error[file-misplaced]: `content/nowhere.md` is not inside a collection folder"))
        #expect(result.err.contains(" error, ") || result.err.contains(" errors, "))
    }

    /// A command that cannot read site.yaml speaks English, or the language it was told.
    @Test func withoutASiteTheOverrideOrEnglish() throws {
        let nowhere = ["build", "--root", "/nonexistent-avance-site"]
        let english = try Repository.runAvance(nowhere, environment: Self.siteLanguage)
        #expect(english.status == 2)
        #expect(english.err.contains("error[content-missing]: no `content/` folder in /nonexistent-avance-site"))
        let spanish = try Repository.runAvance(nowhere + ["--lang", "es"], environment: Self.siteLanguage)
        #expect(spanish.err.contains("error[content-missing]: no hay ninguna carpeta `content/` en"))
        #expect(spanish.err.contains("1 error, 0 advertencias"))
    }

    /// `avance check` speaks Spanish too: broken links of a built folder, the reasons it gives
    /// (`@`, digits, `%` escapes), its did-you-mean hints, and a folder that is not there.
    @Test func theLinkCheckerPrintsInSpanish() throws {
        let folder = try Repository.temporaryFolder("language-check")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/a", withIntermediateDirectories: true)
        try "<!doctype html><title>p</title>\n".write(
            toFile: folder + "/a/pagina1.html", atomically: true, encoding: .utf8)
        let links = [
            "a/pagina.html", "#arriba", "mailto:resiliencia.quito.gob.ec", "tel:+593-2-CALL", "%zz", "../../fuera.html",
            "a/",
        ]
        let page = "<!doctype html><title>x</title>\n" + links.map { "<a href=\"\($0)\">x</a>\n" }.joined()
        try page.write(toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        let check = ["check", "--public", folder, "--lang", "es"]
        let spanish = try Repository.runAvance(check, environment: Self.siteLanguage)
        #expect(spanish.status == 1)
        #expect(spanish.err.contains("error[link-missing]: no existe el archivo `a/pagina.html`\n"))
        #expect(spanish.err.contains("^^^^^^^^^^^^^ ¿quiso decir `a/pagina1.html`?"))
        #expect(spanish.err.contains("error[link-fragment]: no hay ningún id `arriba` en esta página"))
        #expect(
            spanish.err.contains(
                "error[link-mailto]: `mailto:resiliencia.quito.gob.ec` no es un enlace de correo válido: "
                    + "`resiliencia.quito.gob.ec` no tiene `@`"))
        #expect(
            spanish.err.contains(
                "error[link-tel]: `tel:+593-2-CALL` no es un enlace de teléfono válido: "
                    + "`+593-2-CALL` tiene `C`, que no es un dígito ni un separador"))
        #expect(
            spanish.err.contains(
                "error[link-invalid]: `%zz` no es una URL válida: "
                    + "`%zz` tiene un `%` que no va seguido de dos dígitos hexadecimales"))
        #expect(spanish.err.contains("error[link-outside]: `../../fuera.html` sale de la carpeta revisada"))
        #expect(spanish.err.contains("error[link-missing]: no existe el archivo `a/index.html` al que lleva `a/`"))
        #expect(spanish.err.contains("la carpeta `a/` no tiene `index.html`"))
        #expect(spanish.err.contains("7 errores, 0 advertencias"))
        let english = try Repository.runAvance(
            Array(check.dropLast(2)) + ["--lang", "en"], environment: Self.siteLanguage)
        #expect(
            english.err.contains("error[link-mailto]: `mailto:resiliencia.quito.gob.ec` is not a valid e-mail link"))
        #expect(Self.places(spanish.err) == Self.places(english.err))

        let nowhere = try Repository.runAvance(
            ["check", "--public", folder + "/nada", "--lang", "es"], environment: Self.siteLanguage)
        #expect(nowhere.status == 2)
        #expect(
            nowhere.err.contains("error[public-missing]: no existe la carpeta `\(folder)/nada` que se debe revisar"))
        #expect(nowhere.err.contains("= sugerencia: primero genere el sitio, o corrija la ruta"))
    }

    /// Links to other sites: a cache file of another tool, and a host that refuses to answer.
    @Test func externalLinksAndTheCachePrintInSpanish() throws {
        let folder = try Repository.temporaryFolder("language-external")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "<!doctype html><title>x</title><a href=\"http://127.0.0.1:9/x\">x</a>\n".write(
            toFile: folder + "/index.html", atomically: true, encoding: .utf8)
        try "{\"x\": 1}".write(toFile: folder + "/cache.json", atomically: true, encoding: .utf8)
        let result = try Repository.runAvance(
            [
                "check", "--public", folder, "--lang", "es", "--external", "--cache", folder + "/cache.json",
                "--timeout", "2",
            ], environment: Self.siteLanguage)
        #expect(result.status == 0)
        #expect(
            result.err.contains(
                "warning[link-cache]: la caché de enlaces `\(folder)/cache.json` no es una caché de avance; "
                    + "se empieza una nueva"))
        #expect(result.err.contains("warning[link-external]: no se pudo llegar a `http://127.0.0.1:9/x`: "))
        #expect(result.err.contains("revise el nombre del servidor"))
    }

    /// The reason a Markdown link is refused is Spanish inside the Spanish sentence.
    @Test func aRefusedURLSaysWhyInSpanish() throws {
        let site = try Repository.copySite(from: Repository.root, name: "language-url")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let path = site + "/content/proyectos/rcn-visa.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try (text + "\n[Mapa](ftp://quito.gob.ec/mapa) y [sitio](https://usuario@quito.gob.ec/)\n").write(
            toFile: path, atomically: true, encoding: .utf8)
        let build = ["build", "--root", site, "--output", site + "/public", "--no-git-dates"]
        let spanish = try Repository.runAvance(build, environment: Self.siteLanguage)
        #expect(spanish.status == 1)
        #expect(
            spanish.err.contains(
                "error[url-invalid]: el enlace `ftp://quito.gob.ec/mapa` no es una URL permitida: "
                    + "el esquema debe ser http, https o mailto"))
        #expect(
            spanish.err.contains(
                "tiene un nombre de usuario antes de `@`, que oculta el servidor al que lleva"))
        #expect(!spanish.err.contains("scheme must be"))
    }
}
