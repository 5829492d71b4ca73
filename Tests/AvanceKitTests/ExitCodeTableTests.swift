import Diagnostics
import Foundation
import TestSupport
import Testing

/// The exit-code rule over every diagnostic code the sources emit and every command: each code
/// has a class in `Diagnostic.causes`, docs/exit-codes.md lists the same classes, and the
/// `avance` binary exits as the table says for a problem of each kind in each command.
@Suite struct ExitCodeTableTests {
    /// Every code the sources emit: `.error("code"`, `.warning("code"`, `report("code"` and
    /// `Diagnostic(severity, code: "code"`.
    static func codesInSources() throws -> Set<String> {
        try Repository.matches(
            of: #"(?:(?:error|warning|report)\(\s*|code:\s*)"([a-z0-9]+(?:-[a-z0-9]+)+)""#, inFilesUnder: "Sources",
            ending: ".swift")
    }

    @Test func everyCodeTheSourcesEmitHasAClass() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count > 60)
        #expect(codes.isSuperset(of: ["content-missing", "theme-missing", "link-external", "port-unavailable"]))
        for code in codes.sorted() {
            #expect(Diagnostic.causes[code] != nil, "`\(code)` has no class in Diagnostic.causes")
        }
    }

    /// A code in the table that no source emits any more was renamed or removed.
    @Test func everyCodeOfTheTableIsEmitted() throws {
        let codes = try Self.codesInSources()
        for code in Diagnostic.causes.keys.sorted() {
            #expect(codes.contains(code), "Diagnostic.causes classifies `\(code)`, which no source emits")
        }
    }

    /// The codes of the table under `### <class>` of docs/exit-codes.md, up to the next heading.
    static func documentedCodes(_ cause: Diagnostic.Cause) throws -> Set<String> {
        let text = try String(contentsOfFile: Repository.root + "/docs/exit-codes.md", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0 == "### \(cause.rawValue)" }, "no `### \(cause.rawValue)`")
        let section = lines[(start + 1)...].prefix { !$0.hasPrefix("#") }
        return Set(
            section.filter { $0.hasPrefix("| `") }.map {
                String($0.dropFirst(3).prefix { $0 != "`" })
            })
    }

    @Test(arguments: [Diagnostic.Cause.usage, .environment])
    func theDocumentListsTheCodesOfEachClass(cause: Diagnostic.Cause) throws {
        let table = Set(Diagnostic.causes.filter { $0.value == cause }.keys)
        #expect(try Self.documentedCodes(cause) == table)
    }

    // MARK: - The binary

    /// One run of `avance` on a small site of its own: `files` are written into the site first
    /// (an empty text deletes the file or folder), and `ROOT` in an argument is the site's folder.
    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var files: [String: String] = [:]
        var status: Int32
        var code: String

        var testDescription: String { "avance \(arguments.joined(separator: " ")) → \(status) (\(code))" }
    }

    static let brokenModel = "title: X\ncollections:\n  socios:\n    fields:\n      title: {type: nope}\n"
    static let unknownPartner = ["content/socios/two.md": "---\ntitle: Two\npartner: nobody\n---\n"]
    static let spreadsheet = ["rows.csv": "title,partner\nThree,nobody\n"]

    static let cases: [Case] = [
        // build
        Case(arguments: ["build", "--root", "ROOT"], files: unknownPartner, status: 1, code: "ref-unknown"),
        Case(
            arguments: ["build", "--root", "ROOT"], files: ["content/sosios/x.md": "---\ntitle: X\n---\n"], status: 1,
            code: "collection-unknown"),
        Case(arguments: ["build", "--root", "ROOT", "--output", "ROOT/content"], status: 2, code: "output-unsafe"),
        Case(arguments: ["build", "--root", "ROOT/nowhere"], status: 2, code: "content-missing"),
        Case(
            arguments: ["build", "--root", "ROOT"], files: ["content/site.yaml": ""], status: 2, code: "model-missing"),
        // check
        Case(arguments: ["check", "--root", "ROOT"], files: unknownPartner, status: 1, code: "ref-unknown"),
        Case(
            arguments: ["check", "--public", "ROOT/built"],
            files: ["built/index.html": "<a href=\"gone.html\">gone</a>\n"], status: 1, code: "link-missing"),
        Case(arguments: ["check", "--public", "ROOT/nowhere"], status: 2, code: "public-missing"),
        Case(arguments: ["check", "--root", "ROOT/nowhere"], status: 2, code: "content-missing"),
        // serve: content errors are served, not an exit; a site it cannot serve is refused
        Case(arguments: ["serve", "--root", "ROOT/nowhere", "--port", "0"], status: 2, code: "content-missing"),
        Case(
            arguments: ["serve", "--root", "ROOT", "--port", "0"], files: ["theme": ""], status: 2,
            code: "theme-missing"),
        Case(
            arguments: ["serve", "--root", "ROOT", "--port", "0", "--host", "not-an-address"], status: 2,
            code: "port-unavailable"),
        // new
        Case(
            arguments: ["new", "socios", "x", "--root", "ROOT"], files: ["content/site.yaml": brokenModel], status: 1,
            code: "model-field-type-unknown"),
        Case(arguments: ["new", "sosios", "x", "--root", "ROOT"], status: 2, code: "argument-collection-unknown"),
        Case(
            arguments: ["new", "socios", "Huertos Urbanos", "--root", "ROOT"], status: 2, code: "argument-id-invalid"),
        Case(arguments: ["new", "socios", "one", "--root", "ROOT"], status: 2, code: "argument-entry-exists"),
        Case(arguments: ["new", "socios", "x", "--root", "ROOT/nowhere"], status: 2, code: "content-missing"),
        // import
        Case(
            arguments: ["import", "socios", "ROOT/rows.csv", "--root", "ROOT"], files: spreadsheet, status: 1,
            code: "ref-unknown"),
        Case(
            arguments: ["import", "sosios", "ROOT/rows.csv", "--root", "ROOT"], files: spreadsheet, status: 2,
            code: "argument-collection-unknown"),
        Case(
            arguments: ["import", "socios", "ROOT/rows.csv", "--root", "ROOT", "--map", "title"], files: spreadsheet,
            status: 2, code: "map-invalid"),
        Case(arguments: ["import", "socios", "ROOT/none.csv", "--root", "ROOT"], status: 2, code: "file-unreadable"),
        // schema
        Case(
            arguments: ["schema", "--root", "ROOT"], files: ["content/site.yaml": brokenModel], status: 1,
            code: "model-field-type-unknown"),
        Case(arguments: ["schema", "--root", "ROOT", "--output", "ROOT/content/x"], status: 2, code: "output-in-site"),
        Case(arguments: ["schema", "--root", "ROOT/nowhere"], status: 2, code: "content-missing"),
        // init: the site of the cases is a folder that is not empty
        Case(arguments: ["init", "ROOT"], status: 2, code: "init-folder-not-empty"),
        Case(arguments: ["init", "ROOT/new", "--license", "CC-BY-40"], status: 2, code: "init-license-unknown"),
        Case(arguments: ["init", "ROOT/new", "--language", "pt"], status: 2, code: "init-language-unknown"),
        Case(arguments: ["init", "ROOT/new", "--base-url", "ftp://x.org/"], status: 2, code: "init-base-url-invalid"),
    ]

    /// A site with one collection and the repository's theme, which builds clean (with an
    /// address and a licence, so without the warnings of a site not ready to publish).
    static func site(_ files: [String: String]) throws -> String {
        let root = try Repository.temporaryFolder("exit-codes")
        try FileManager.default.copyItem(atPath: Repository.root + "/theme", toPath: root + "/theme")
        let model = """
            title: Exit codes
            base_url: https://exit-codes.my-city.org/
            license: {name: CC0-1.0, url: https://creativecommons.org/publicdomain/zero/1.0/}
            language: en
            collections:
              socios:
                fields:
                  title: {type: string, required: true}
                  partner: {type: ref, to: socios}
            """
        let base = ["content/site.yaml": model + "\n", "content/socios/one.md": "---\ntitle: One\n---\n"]
        for (path, text) in base.merging(files, uniquingKeysWith: { $1 }) {
            let url = URL(fileURLWithPath: root + "/" + path)
            guard !text.isEmpty else {
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                continue
            }
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    /// Runs `avance` (colour off): its status and standard error, stopped after a minute.
    static func avance(_ arguments: [String]) throws -> (status: Int32, err: String) {
        try Repository.runAvance(arguments, timeout: 60)
    }

    @Test(arguments: cases)
    func eachCommandExitsAsTheTableSays(_ run: Case) throws {
        #expect(Diagnostic.causes[run.code]?.exitStatus == run.status, "the table gives `\(run.code)` another status")
        let root = try Self.site(run.files)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let arguments = run.arguments.map { $0.replacingOccurrences(of: "ROOT", with: root) }
        let result = try Self.avance(arguments)
        #expect(result.status == run.status, "\(result.err)")
        #expect(result.err.contains("error[\(run.code)]"), "\(result.err)")
    }

    /// The same site builds clean, so each case above fails for its one problem only.
    @Test func theSiteOfTheCasesBuildsClean() throws {
        let root = try Self.site([:])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Self.avance(["build", "--root", root, "--no-git-dates"])
        #expect(result.status == 0, "\(result.err)")
        #expect(!result.err.contains("error"))
    }
}
