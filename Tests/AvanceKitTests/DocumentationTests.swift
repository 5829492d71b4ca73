import Foundation
import TestSupport
import Testing

/// The README is one page that points into `docs/`, one page per topic; these tests keep the
/// pages true to the code: every diagnostic code is explained, every link and every path works.
@Suite struct DocumentationTests {
    static let codePattern = #"(?:error|warning|report)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#

    static func codesInSources() throws -> Set<String> {
        try Repository.matches(of: codePattern, inFilesUnder: "Sources", ending: ".swift")
    }

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: Repository.root + "/" + path, encoding: .utf8)
    }

    /// `README.md` and every Markdown page of `docs/`, as paths from the repository's root.
    static func markdownPages() throws -> [String] {
        let docs = try FileManager.default.contentsOfDirectory(atPath: Repository.root + "/docs")
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        return ["README.md"] + docs.sorted()
    }

    @Test func everyDiagnosticCodeIsExplainedInTheDiagnosticsReference() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count > 30)
        let reference = try Self.read("docs/diagnostics.md")
        for code in codes.sorted() {
            let explained = reference.contains("`\(code)`")
            #expect(explained, "docs/diagnostics.md does not explain `\(code)`")
        }
    }

    /// The other way round: a code the reference explains but no source file names any more is
    /// a code that was renamed or removed, and its row misleads.
    @Test func everyCodeOfTheDiagnosticsReferenceIsOneTheSourcesUse() throws {
        let rows = try Self.read("docs/diagnostics.md").split(separator: "\n").filter { $0.hasPrefix("| `") }
        let documented = Set(
            rows.flatMap { row in
                row.split(separator: "|")[0].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["`"])
                }
            })
        #expect(documented.count > 50)
        let literals = try Repository.matches(
            of: #""([a-z0-9]+(?:-[a-z0-9]+)+)""#, inFilesUnder: "Sources", ending: ".swift")
        for code in documented.sorted() {
            let used = literals.contains(code)
            #expect(used, "docs/diagnostics.md explains `\(code)`, which no source file uses")
        }
    }

    /// Office staff read the Spanish guide, not the reference: the codes of the commands they run
    /// besides the build (`new`, `import`, `serve`) must be explained there too.
    @Test func theGuideExplainsEveryCodeOfTheStaffCommands() throws {
        let codes = try Repository.matches(of: Self.codePattern, inFilesUnder: "Sources/Scaffolding", ending: ".swift")
            .union(Repository.matches(of: Self.codePattern, inFilesUnder: "Sources/DevServer", ending: ".swift"))
        #expect(codes.isSuperset(of: ["column-unknown", "row-duplicate", "port-unavailable"]))
        let guide = try Self.read("docs/guia-de-edicion.md")
        for code in codes.sorted() {
            let explained = guide.contains("`\(code)`")
            #expect(explained, "docs/guia-de-edicion.md does not explain `\(code)`")
        }
    }

    @Test func theReadmeStartsWithTheTwoCommandsAndStaysOnePage() throws {
        let readme = try Self.read("README.md")
        let start = readme.prefix(400)
        #expect(start.contains("make site"))
        #expect(start.contains("make test"))
        #expect(readme.utf8.count < 20_000, "README.md is \(readme.utf8.count) bytes: move topics into docs/")
    }

    @Test func theReadmeLinksToEveryPageOfDocs() throws {
        let readme = try Self.read("README.md")
        for page in try Self.markdownPages() where page != "README.md" {
            let linked = readme.contains("](\(page))")
            #expect(linked, "README.md does not link to \(page)")
        }
    }

    /// A relative link must name a file or folder that exists, and a `#fragment` into one of our
    /// Markdown files a heading it has (GitHub's ids). Links to other sites are not followed.
    @Test(arguments: try markdownPages())
    func everyRelativeLinkWorks(page: String) throws {
        let text = try Self.read(page)
        let folder = (page as NSString).deletingLastPathComponent
        let links = MarkdownLinks.targets(in: text)
        if page == "README.md" { #expect(links.count > 10) }
        for link in links where link.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) == nil {
            let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let path = parts[0].removingPercentEncoding ?? parts[0]
            let target =
                path.isEmpty
                ? Repository.root + "/" + page
                : URL(fileURLWithPath: Repository.root + "/" + folder + "/" + path).standardized.path
            #expect(
                FileManager.default.fileExists(atPath: target),
                "\(page): the link `\(link)` names a file that does not exist")
            guard parts.count == 2, target.hasSuffix(".md"),
                let text = try? String(contentsOfFile: target, encoding: .utf8)
            else { continue }
            let fragment = parts[1].removingPercentEncoding ?? parts[1]
            let ids = MarkdownLinks.headingIDs(in: text)
            let found = ids.contains(fragment)
            #expect(found, "\(page): the link `\(link)` names no heading of its page")
        }
    }

    /// The paths the documentation names in backticks (`Sources/Validation/SiteResolver.swift`)
    /// exist: a newcomer who follows one must find it. `*` stands for any part of a file name.
    @Test(arguments: try markdownPages())
    func everyPathNamedInTheDocumentationExists(page: String) throws {
        let text = try Self.read(page)
        let expression = try NSRegularExpression(pattern: #"`((?:Sources|Tests|Fuzz|bench)/[^`\s]*)`"#)
        let paths = expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
        if page == "docs/architecture.md" { #expect(paths.count > 20) }
        for path in paths {
            #expect(Self.exists(path), "\(page) names `\(path)`, which does not exist")
        }
    }

    /// Every target, in `Sources/` and in `Fuzz/`, has its line in the architecture page.
    /// A workflow that builds a site checks out its whole history and lets git read it in the
    /// container: a shallow clone, or a repository git refuses (another owner), gives a site
    /// with no "last updated" dates and a build cache without git's blobs. The repository's own
    /// workflow lacked both until the eleventh session.
    @Test(arguments: ["docs/github-actions.yml", "starter/shared/.github/workflows/site.yml"])
    func aWorkflowReadsTheWholeHistory(_ path: String) throws {
        let workflow = try Self.read(path)
        #expect(workflow.contains("fetch-depth: 0"), "\(path) checks out a shallow clone")
        #expect(workflow.contains(#"safe.directory "$GITHUB_WORKSPACE""#), "\(path) does not let git read the checkout")
        let checkout = try #require(workflow.range(of: "fetch-depth: 0"))
        let build = try #require(workflow.range(of: "avance build --quiet"), "\(path) does not build the site")
        #expect(checkout.lowerBound < build.lowerBound)
    }

    @Test func theArchitecturePageNamesEveryTarget() throws {
        let page = try Self.read("docs/architecture.md")
        var targets: [String] = []
        for folder in ["Sources", "Fuzz"] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.root + "/" + folder)) ?? []
            targets += names.filter { !$0.hasPrefix(".") }.map { folder + "/" + $0 }
        }
        #expect(targets.count > 20)
        for target in targets.sorted() {
            let named = page.contains("`\(target)/")
            #expect(named, "docs/architecture.md does not name `\(target)/`")
        }
    }

    /// Whether `path` exists under the repository, `*` in its last part matching any characters.
    static func exists(_ path: String) -> Bool {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        guard trimmed.contains("*") else {
            return FileManager.default.fileExists(atPath: Repository.root + "/" + trimmed)
        }
        let folder = (trimmed as NSString).deletingLastPathComponent
        let pattern =
            "^"
            + NSRegularExpression.escapedPattern(for: (trimmed as NSString).lastPathComponent)
            .replacingOccurrences(of: "\\*", with: ".*") + "$"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repository.root + "/" + folder)) ?? []
        return names.contains { $0.range(of: pattern, options: .regularExpression) != nil }
    }

    @Test func everyLanguageHasEveryInterfaceString() throws {
        let folder = Repository.root + "/theme/i18n"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }
            .sorted()
        #expect(files.contains("es.yaml"))
        func keys(_ file: String) throws -> Set<String> {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            var keys: Set<String> = []
            var parents: [(indent: Int, key: String)] = []
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let indent = line.prefix { $0 == " " }.count
                guard let colon = line.firstIndex(of: ":") else { continue }
                let key = line[..<colon].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: ["\""])
                parents.removeAll { $0.indent >= indent }
                keys.insert((parents.map(\.key) + [key]).joined(separator: "."))
                parents.append((indent, key))
            }
            return keys
        }
        let reference = try keys("es.yaml")
        for file in files where file != "es.yaml" {
            let other = try keys(file)
            #expect(reference.subtracting(other).isEmpty, "\(file) lacks \(reference.subtracting(other).sorted())")
            #expect(other.subtracting(reference).isEmpty, "\(file) has extra \(other.subtracting(reference).sorted())")
        }
    }
}

/// A string a template asks for but no strings file has would render as nothing, silently.
@Suite struct ThemeStringsTests {
    @Test func everyStringTheTemplatesUseIsDefined() throws {
        let used = try Repository.matches(
            of: #"\{\{\s*t\.([a-z_]+)\s*\}\}"#, inFilesUnder: "theme/templates", ending: ".mustache")
        #expect(used.count > 10)
        for language in ["es", "en"] {
            let strings = try String(contentsOfFile: Repository.root + "/theme/i18n/\(language).yaml", encoding: .utf8)
            let defined = Set(
                strings.split(separator: "\n").compactMap { line -> String? in
                    guard !line.hasPrefix(" "), !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else {
                        return nil
                    }
                    return String(line[..<colon]).trimmingCharacters(in: ["\""])
                })
            #expect(used.subtracting(defined).isEmpty, "\(language).yaml lacks \(used.subtracting(defined).sorted())")
        }
    }
}

/// The links and heading ids of a Markdown page, read as GitHub reads them (enough of it for our
/// own pages: inline links and images, ATX headings, fenced code and code spans skipped).
enum MarkdownLinks {
    /// The page without its fenced code blocks, and with every code span replaced by `code`.
    static func prose(_ text: String) -> String {
        withoutFencedCode(text).replacingOccurrences(of: #"(`+)[\s\S]*?\1"#, with: "code", options: .regularExpression)
    }

    /// The page without its fenced code blocks (whose `# comment` lines are no headings).
    static func withoutFencedCode(_ text: String) -> String {
        var lines: [Substring] = []
        var fence: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            let marker = String(trimmed.prefix { $0 == "`" || $0 == "~" })
            if let open = fence {
                if marker.count >= open.count, marker.first == open.first { fence = nil }
                continue
            }
            if marker.count >= 3, Set(marker).count == 1 {
                fence = marker
                continue
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The target of every inline link and image, as written: `../docs/a.md#b`.
    static func targets(in text: String) -> [String] {
        let prose = prose(text)
        let expression = try! NSRegularExpression(pattern: #"\]\(<?([^)\s>]+)>?(?:\s+"[^"]*")?\)"#)
        return expression.matches(in: prose, range: NSRange(prose.startIndex..., in: prose)).map {
            String(prose[Range($0.range(at: 1), in: prose)!])
        }
    }

    /// The ids GitHub gives the page's headings: lowercased, punctuation dropped (letters of any
    /// script, digits, `-` and `_` kept), spaces made hyphens; a repeated id gets `-1`, `-2`….
    static func headingIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        var seen: [String: Int] = [:]
        for line in withoutFencedCode(text).split(separator: "\n") {
            let hashes = line.prefix { $0 == "#" }.count
            guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { continue }
            let base = slug(String(line.dropFirst(hashes)))
            let count = seen[base, default: 0]
            seen[base] = count + 1
            ids.insert(count == 0 ? base : "\(base)-\(count)")
        }
        return ids
    }

    /// GitHub's id for a heading's text.
    static func slug(_ heading: String) -> String {
        let text = heading.trimmingCharacters(in: .whitespaces).lowercased()
        var id = ""
        for character in text {
            if character == " " {
                id.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                id.append(character)
            }
        }
        return id
    }
}
