import Foundation
import TestSupport
import Testing

/// `avance check` run as a process: building and checking, `--public`, formats and exit statuses.
@Suite struct CheckCommandTests {
    /// The `avance` built beside the tests (`swift build --build-tests` builds it too).
    static let executable = Repository.avance

    struct Run {
        let status: Int32
        let out: String
        let err: String
    }

    /// Runs `avance` with `arguments` in the repository's folder, without colours. Its output
    /// goes to files, not pipes, so that a long report cannot fill a pipe and stall it.
    func run(_ arguments: [String], in directory: String = Repository.root, environment: [String: String] = [:]) throws
        -> Run
    {
        let executable = try #require(Self.executable, "build the avance product first")
        let folder = try Repository.temporaryFolder("output")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        FileManager.default.createFile(atPath: folder + "/out", contents: nil)
        FileManager.default.createFile(atPath: folder + "/err", contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1", "AVANCE_LANG": "en"]) { $1 }
            .merging(environment) { $1 }
        process.standardOutput = FileHandle(forWritingAtPath: folder + "/out")
        process.standardError = FileHandle(forWritingAtPath: folder + "/err")
        try process.run()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus,
            out: try String(contentsOfFile: folder + "/out", encoding: .utf8),
            err: try String(contentsOfFile: folder + "/err", encoding: .utf8))
    }

    static let broken = "Tests/Fixtures/link-sites/broken"
    static let valid = "Tests/Fixtures/link-sites/valid"

    @Test func theTestSiteHasNoBrokenLink() throws {
        let site = try ValidSite.copy("check-valid")
        defer { try? FileManager.default.removeItem(atPath: site) }
        try ValidSite.agreeingStatuses(in: site)  // the fixture's one warning, on purpose
        // As `avance build` would build it: with its reference date, so its period pages are
        // built and checked too; the copy is in no git repository, which check says, as build does.
        let result = try run(
            ["check", "--root", site], environment: ["SOURCE_DATE_EPOCH": String(ValidSite.referenceEpoch)])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.err.contains("error["), "\(result.err)")
        // The test site's warning (its placeholder address), and no git for the copy.
        #expect(result.err.components(separatedBy: "warning[").count == 3, "\(result.err)")
        #expect(result.err.contains("warning[base-url-placeholder]"), "\(result.err)")
        #expect(result.err.contains("warning[git-unavailable]"), "\(result.err)")
        let pages = try #require(result.err.firstMatch(of: #/ links in (\d+) pages/#).map { Int($0.1) ?? 0 })
        let built = ValidSite.rendered.files.filter { $0.path.hasSuffix(".html") }.count
        #expect(pages == built, "\(result.err)")
        #expect(ValidSite.rendered.files.contains { $0.path == "periodos/2023/index.html" })
    }

    @Test func brokenLinksExitWithOneInEveryFormat() throws {
        let text = try run(["check", "--public", Self.broken, "--base-url", "https://example.org/resiliencia/"])
        #expect(text.status == 1)
        #expect(text.err.contains("error[link-missing]: no file `css/sitio.css`\n --> \(Self.broken)/index.html:6:30"))
        #expect(text.err.contains("15 errors, 0 warnings"))

        let json = try run(["check", "--public", Self.broken, "--base-url", "/resiliencia/", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 15)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "\(Self.broken)/index.html")
        #expect(first["line"] as? Int == 6)
        #expect(first["column"] as? Int == 30)

        let github = try run(["check", "--public", Self.broken, "--format", "github"])
        #expect(github.status == 1)
        #expect(
            github.out.contains(
                "::error file=\(Self.broken)/index.html,line=6,col=30,title=link-missing::no file `css/sitio.css` (did you mean `css/site.css`?)"
            ))
    }

    @Test func theBaseURLDecidesWhatRootedLinksMean() throws {
        #expect(
            try run(["check", "--public", Self.valid, "--base-url", "https://example.org/resiliencia/"]).status == 0)
        #expect(try run(["check", "--public", Self.valid, "--base-url", "/", "--quiet"]).status == 1)
    }

    /// `avance build` then `avance check --public public` in the site's folder: the base URL is
    /// `site.yaml`'s, as `--help` says, so the site's `/resiliencia/…` links are its own.
    @Test func withPublicTheBaseURLComesFromSiteYAML() throws {
        let site = try Repository.temporaryFolder("check-public-site")
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.copyItem(atPath: Repository.root + "/" + Self.valid, toPath: site + "/public")
        try Repository.write(
            ["content/site.yaml": "title: T\nbase_url: https://example.org/resiliencia/\n"], into: site)
        let inSite = try run(["check", "--public", "public"], in: site)
        #expect(inSite.status == 0, "\(inSite.err)")
        #expect(inSite.err.contains(" links in "))
        let fromElsewhere = try run(["check", "--root", site, "--public", site + "/public", "--quiet"])
        #expect(fromElsewhere.status == 0, "\(fromElsewhere.err)")
        // `--base-url` still wins.
        let given = try run(["check", "--public", "public", "--base-url", "https://example.org/", "--quiet"], in: site)
        #expect(given.status == 1)
        #expect(given.err.contains("error[link-missing]: no file `resiliencia/css/site.css`"))
        // No site here: the root of any host.
        let bare = try Repository.temporaryFolder("check-public-bare")
        defer { try? FileManager.default.removeItem(atPath: bare) }
        #expect(try run(["check", "--public", site + "/public", "--quiet"], in: bare).status == 1)
        // A base_url that is not a URL is named, and nothing is checked.
        try Repository.write(["content/site.yaml": "title: T\nbase_url: resiliencia\n"], into: site)
        let invalid = try run(["check", "--public", "public"], in: site)
        #expect(invalid.status == 1)
        #expect(invalid.err.contains("error[model-invalid]: `base_url` must start with `https://`, `http://` or `/`"))
        #expect(!invalid.err.contains(" links in "))
    }

    @Test func aMissingFolderExitsWithTwo() throws {
        let result = try run(["check", "--public", "no-such-public"])
        #expect(result.status == 2)
        #expect(
            result.err.contains("error[public-missing]: no folder `\(Repository.root)/no-such-public` to check"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        for arguments in [
            ["check", "--format", "xml"], ["check", "--no-such-flag"], ["check", "--cache-max-age", "-1"],
            ["check", "--timeout", "0"], ["check", "--timeout", "0.5"],
        ] {
            let result = try run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.err)")
        }
    }

    @Test func aSiteThatDoesNotBuildIsNotChecked() throws {
        let missing = try run(["check", "--root", "/nonexistent/avance-site"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("content-missing"))

        let site = try ValidSite.copy("check-build-error")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let file = site + "/content/proyectos/huertos-comunitarios.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "ejecutor: municipio-de-ejemplo", with: "ejecutor: municipio-de-ejempo")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(["check", "--root", site])
        #expect(result.status == 1)
        #expect(result.err.contains("error[ref-unknown]"))
        #expect(!result.err.contains(" links in "))
    }

    @Test func brokenLinksOfTheThemeNameThePublicPageAndItsContentFile() throws {
        let site = try ValidSite.copy("check-theme")
        defer { try? FileManager.default.removeItem(atPath: site) }
        try ValidSite.agreeingStatuses(in: site)  // the fixture's one warning, on purpose
        let file = site + "/theme/templates/base.mustache"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("</body>"))
        try text.replacingOccurrences(of: "</body>", with: "<a href=\"#no-existe\">x</a></body>")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try run(["check", "--root", site, "--format", "json", "--no-git-dates"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        // Without the test site's one warning (its placeholder address).
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]]).filter {
            $0["code"] as? String != "base-url-placeholder"
        }
        #expect(diagnostics.allSatisfy { $0["code"] as? String == "link-fragment" })
        let page = try #require(
            diagnostics.first { $0["file"] as? String == "public/proyectos/huertos-comunitarios/index.html" })
        #expect(page["message"] as? String == "no id `no-existe` in this page")
        #expect(page["hint"] as? String == "the page is made from `content/proyectos/huertos-comunitarios.md`")
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))  // built in a temporary folder
    }

    @Test func brokenLinksOfMarkdownNameTheLineTheyAreWrittenOn() throws {
        let site = try ValidSite.copy("check-markdown")
        defer { try? FileManager.default.removeItem(atPath: site) }
        try ValidSite.agreeingStatuses(in: site)  // the fixture's one warning, on purpose
        for (file, line) in [("huertos-comunitarios.md", 43), ("huertos-comunitarios.en.md", 11)] {
            let path = site + "/content/proyectos/" + file
            var text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == line)  // ends in "\n"
            text += "Más en [el archivo](../archivo-roto/).\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let result = try run(["check", "--root", site, "--format", "json", "--no-git-dates"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]]).filter {
            $0["code"] as? String != "base-url-placeholder"
        }
        let hints = Dictionary(
            diagnostics.map { ($0["file"] as? String ?? "", $0["hint"] as? String ?? "") },
            uniquingKeysWith: { a, _ in a })
        #expect(diagnostics.count == 2)
        #expect(
            hints["public/proyectos/huertos-comunitarios/index.html"]
                == "the link is written in `content/proyectos/huertos-comunitarios.md:43:21`")
        #expect(
            hints["public/en/proyectos/huertos-comunitarios/index.html"]
                == "the link is written in `content/proyectos/huertos-comunitarios.en.md:11:21`")
    }

    @Test func externalLinksAreWarningsUnlessStrict() async throws {
        let folder = try Repository.temporaryFolder("check-external")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await TestServer.with { server in
            let links = #"<a href="\#(server.url("/ok"))">a</a> <a href="\#(server.url("/missing"))">b</a>"#
            try Repository.write(["public/index.html": Fixtures.page(links)], into: folder)
            let cache = folder + "/cache.json"
            let common = ["check", "--public", folder + "/public", "--cache", cache, "--timeout", "5"]
            let warned = try run(common + ["--external"])
            #expect(warned.status == 0, "\(warned.err)")
            #expect(warned.err.contains("warning[link-external]: `\(server.url("/missing"))` answered 404 Not Found"))
            #expect(warned.err.contains("(2 external URLs)"))
            #expect(FileManager.default.fileExists(atPath: cache))
            let strict = try run(common + ["--strict-external"])
            #expect(strict.status == 1)
            #expect(strict.err.contains("error[link-external]"))
            let counts = try await server.stats().counts
            #expect(counts["HEAD /ok"] == 1)  // the second run found it in the cache
        }
    }
}
