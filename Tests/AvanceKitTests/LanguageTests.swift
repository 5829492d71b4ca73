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
}
