import AvanceKit
import Diagnostics
import Foundation
import Testing

@testable import Starter

/// `avance init`: a new site that builds and checks at once, in either language, without
/// overwriting anything, from the theme and starter carried inside the binary.
@Suite struct StarterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A path for a new site under the temporary folder (not created).
    static func newFolder(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("avance-init-\(name)-\(UUID())").path
    }

    /// Every file under `folder`, by path relative to it, with its bytes.
    static func snapshot(_ folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            guard !isFolder.boolValue, !path.hasPrefix(".git/") else { continue }
            files[path] = FileManager.default.contents(atPath: folder + "/" + path).map { [UInt8]($0) }
        }
        return files
    }

    /// Creates a site with `options` changed by `change`; the caller removes the folder.
    static func create(_ name: String, _ change: (inout StarterOptions) -> Void = { _ in }) -> (String, Starter.Result)
    {
        let folder = newFolder(name)
        var options = StarterOptions(folder: folder)
        options.gitInit = false
        change(&options)
        return (folder, Starter.create(options))
    }

    // MARK: - What is embedded

    @Test(arguments: ["theme", "starter"])
    func theEmbeddedFilesEqualTheRepositorysByteForByte(folder: String) {
        let disk = Self.snapshot(Self.repository + "/" + folder)
        let embedded = Dictionary(
            uniqueKeysWithValues: StarterFiles.files(under: folder + "/").map { ($0.path, $0.bytes) })
        #expect(disk.count > 10)
        #expect(Set(embedded.keys) == Set(disk.keys))
        for (path, bytes) in disk {
            #expect(embedded[path] == bytes, "\(folder)/\(path) differs from its embedded copy")
        }
    }

    @Test func theStarterHasBothLanguagesAndTheLicenceTable() {
        #expect(StarterFiles.languages == ["en", "es"])
        let names = Set(LicenseTable.embedded.licenses.map(\.name))
        #expect(names.isSuperset(of: ["CC-BY-4.0", "CC0-1.0", "ODbL-1.0", "PDDL-1.0"]))
        #expect(
            LicenseTable.embedded.license(named: "odbl-1.0")?.url == "https://opendatacommons.org/licenses/odbl/1-0/")
        // Every starter keeps the two commented lines `init` fills in.
        for language in StarterFiles.languages {
            let site = StarterFiles.all.first { $0.path == "starter/\(language)/content/site.yaml" }
            let text = String(decoding: site?.bytes ?? [], as: UTF8.self)
            #expect(SiteSettings.set("base_url", to: "x", in: text) != nil, "\(language)")
            #expect(SiteSettings.set("license", to: "x", in: text) != nil, "\(language)")
        }
    }

    // MARK: - A new site

    /// Builds the site at `folder` with the repository's real pipeline, in memory.
    static func build(_ folder: String) -> BuildResult {
        Build.render(BuildOptions(root: folder))
    }

    @Test(arguments: ["en", "es"])
    func aNewSiteBuildsWithOnlyTheWarningsOfWhatTheCityMustDeclare(language: String) throws {
        let (folder, result) = Self.create(language) { $0.language = language }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.kept.isEmpty)
        #expect(result.written.contains("theme/templates/base.mustache"))
        #expect(result.written.contains(".github/workflows/site.yml"))
        #expect(result.written.contains(".gitignore"))
        #expect(result.written.contains("README.md"))
        let built = Self.build(folder)
        #expect(!built.diagnostics.hasErrors, "\(DiagnosticReport(built.diagnostics).formatted(.text))")
        #expect(built.diagnostics.map(\.code) == ["base-url-missing", "license-missing"])
        let site = try #require(built.site)
        let entries = site.model.collections.map { site.entries(of: $0.name).count }
        #expect(entries == [2, 2, 3, 2, 3, 1])
        // The examples say they are examples.
        for collection in site.model.collections where collection.inMenu {
            for entry in site.entries(of: collection.name) {
                #expect(entry.title.hasPrefix(language == "en" ? "Example: " : "Ejemplo: "), "\(entry.title)")
            }
        }
        let data = try #require(built.files.first { $0.path.hasSuffix("datapackage.json") })
        #expect(!String(decoding: data.bytes, as: UTF8.self).contains("licenses"))
    }

    /// No Spanish word in the path of any file of the English site: the built-in pages take their
    /// words from the theme (`data/`, `search/`, `updates/` in English).
    @Test func anEnglishSiteHasEnglishPathsOnly() throws {
        let (english, _) = Self.create("paths-en") { $0.language = "en" }
        let (spanish, _) = Self.create("paths-es") { $0.language = "es" }
        defer {
            try? FileManager.default.removeItem(atPath: english)
            try? FileManager.default.removeItem(atPath: spanish)
        }
        // Every folder and file name, but the numbered shards of the search index (`0.json`, `6e.json`).
        func segments(_ result: BuildResult) -> Set<String> {
            Set(result.paths.flatMap { $0.split(separator: "/").map(String.init) }).filter {
                $0.range(of: #"^[0-9a-f]+\.json$"#, options: .regularExpression) == nil
            }
        }
        let englishSegments = segments(Self.build(english))
        let spanishSegments = segments(Self.build(spanish))
        #expect(englishSegments.contains("goals"))
        #expect(spanishSegments.contains("objetivos"))
        // Names both sites share: file formats and folders of no language, and one word that is
        // English and Spanish alike.
        let neutral: Set<String> = [
            "404.html", "api", "v1", "v2", "schema", "index.html", "index.json", "css", "js", "site.css", "search.css",
            "search.js", "feed.json", "feed.xml", "sitemap.xml", "robots.txt", "search-index.json",
            "datapackage.json", "entry.json", "search-index", "terms", "entries", "img", "favicon.svg", "favicon.png",
            "og-image.png", "academia",
        ]
        let shared = englishSegments.intersection(spanishSegments).subtracting(neutral)
        #expect(shared.isEmpty, "Spanish words in English paths: \(shared.sorted())")
        #expect(englishSegments.isSuperset(of: ["data", "search", "updates"]))
    }

    @Test func theAddressAndLicenceGivenAreWrittenAndSilenceTheWarnings() throws {
        let (folder, result) = Self.create("declared") {
            $0.baseURL = "https://progress.my-city.org/"
            $0.license = "cc-by-4.0"
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let yaml = try String(contentsOfFile: folder + "/content/site.yaml", encoding: .utf8)
        #expect(yaml.contains("\nbase_url: \"https://progress.my-city.org/\"\n"))
        #expect(
            yaml.contains(
                "\nlicense: {name: \"CC-BY-4.0\", title: \"Creative Commons Attribution 4.0 International\", "
                    + "url: \"https://creativecommons.org/licenses/by/4.0/\"}\n"))
        let built = Self.build(folder)
        #expect(built.diagnostics.isEmpty, "\(DiagnosticReport(built.diagnostics).formatted(.text))")
        let data = try #require(built.files.first { $0.path.hasSuffix("datapackage.json") })
        let package = try #require(try JSONSerialization.jsonObject(with: Data(data.bytes)) as? [String: Any])
        let licenses = try #require(package["licenses"] as? [[String: String]])
        #expect(
            licenses == [
                [
                    "name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                    "title": "Creative Commons Attribution 4.0 International",
                ]
            ])
    }

    @Test(
        arguments: [
            ("license", "CC-BY-40", "init-license-unknown", "did you mean `CC-BY-4.0`?"),
            ("license", "MIT", "init-license-unknown", "use one of CC-BY-4.0"),
            ("language", "pt", "init-language-unknown", "one of en, es"),
            ("base-url", "ftp://city.org/", "init-base-url-invalid", "https://"),
            ("base-url", "https://city.org/a b", "init-base-url-invalid", "percent-encode"),
        ])
    func aWrongOptionIsRefusedBeforeAnythingIsWritten(option: String, value: String, code: String, hint: String) {
        let (folder, result) = Self.create("wrong") {
            switch option {
            case "license": $0.license = value
            case "language": $0.language = value
            default: $0.baseURL = value
            }
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.exitCode == 2)
        #expect(result.diagnostics.map(\.code) == [code])
        #expect(result.diagnostics.first?.hint?.contains(hint) == true, "\(result.diagnostics)")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    // MARK: - Folders that hold something

    @Test func aFolderThatIsNotEmptyIsRefused() throws {
        let folder = Self.newFolder("full")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "notes".write(toFile: folder + "/notes.txt", atomically: true, encoding: .utf8)
        var options = StarterOptions(folder: folder)
        options.gitInit = false
        let result = Starter.create(options)
        #expect(result.exitCode == 2)
        #expect(result.diagnostics.map(\.code) == ["init-folder-not-empty"])
        #expect(result.diagnostics.first?.message.contains("`notes.txt`") == true)
        #expect(result.diagnostics.first?.hint?.contains("--force") == true)
        #expect(Self.snapshot(folder).keys.sorted() == ["notes.txt"])
    }

    @Test func aFolderHoldingOnlyGitIsEmptyEnough() throws {
        let folder = Self.newFolder("cloned")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/.git", withIntermediateDirectories: true)
        var options = StarterOptions(folder: folder)
        options.gitInit = false
        #expect(Starter.create(options).exitCode == 0)
    }

    @Test func forceAddsTheStarterAndOverwritesNothing() throws {
        let folder = Self.newFolder("force")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        try "# Our own README\n".write(toFile: folder + "/README.md", atomically: true, encoding: .utf8)
        let ownModel = "title: Ours\nbase_url: https://ours.my-city.org/\ncollections: {}\n"
        try ownModel.write(toFile: folder + "/content/site.yaml", atomically: true, encoding: .utf8)
        // A folder where the starter has a file is kept too.
        try FileManager.default.createDirectory(atPath: folder + "/.gitignore", withIntermediateDirectories: true)
        let before = Self.snapshot(folder)
        var options = StarterOptions(folder: folder, baseURL: "https://progress.my-city.org/")
        options.gitInit = false
        options.force = true
        let result = Starter.create(options)
        #expect(result.exitCode == 0)
        #expect(result.kept == [".gitignore", "README.md", "content/site.yaml"])
        #expect(result.diagnostics.map(\.code) == ["init-file-kept", "init-file-kept", "init-file-kept"])
        #expect(result.diagnostics.map { $0.location?.file } == [".gitignore", "README.md", "content/site.yaml"])
        let after = Self.snapshot(folder)
        for (path, bytes) in before { #expect(after[path] == bytes, "\(path) was changed") }
        #expect(after["theme/templates/base.mustache"] != nil)
        // What was there (two files; `.gitignore` is a folder) and what was written, nothing else.
        #expect(result.written.count + 2 == after.count)
    }

    // MARK: - git

    @Test func theNewSiteIsAGitRepository() throws {
        let (folder, result) = Self.create("git") { $0.gitInit = true }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.gitInitialized)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: folder + "/.git/HEAD"))
        // A repository with no commit yet gives no git warning when built.
        var options = BuildOptions(root: folder)
        options.gitHistory = true
        #expect(Build.render(options).diagnostics.map(\.code) == ["base-url-missing", "license-missing"])
    }

    @Test func withoutGitTheSiteIsWrittenWithAWarning() throws {
        let (folder, result) = Self.create("nogit") {
            $0.gitInit = true
            $0.git = "avance-no-such-git"
        }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.exitCode == 0)
        #expect(result.diagnostics.map(\.code) == ["init-git-unavailable"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(!result.gitInitialized)
        #expect(FileManager.default.fileExists(atPath: folder + "/content/site.yaml"))
    }
}
