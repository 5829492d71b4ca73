import Foundation
import TestSupport
import Testing

/// The README is the staff's reference: every diagnostic the code can emit must be explained there.
@Suite struct DocumentationTests {
    static func codesInSources() throws -> Set<String> {
        try Repository.matches(
            of: #"(?:error|warning|report)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#, inFilesUnder: "Sources", ending: ".swift"
        )
    }

    @Test func everyDiagnosticCodeIsExplainedInTheReadme() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count > 30)
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        for code in codes.sorted() {
            #expect(readme.contains("`\(code)`"), "README.md does not explain `\(code)`")
        }
    }

    /// Office staff read the Spanish guide, not the README: the codes of the commands they run
    /// besides the build (`new`, `import`, `serve`) must be explained there too.
    @Test func theGuideExplainsEveryCodeOfTheStaffCommands() throws {
        let pattern = #"(?:error|warning|report)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#
        let codes = try Repository.matches(of: pattern, inFilesUnder: "Sources/Scaffolding", ending: ".swift")
            .union(Repository.matches(of: pattern, inFilesUnder: "Sources/DevServer", ending: ".swift"))
        #expect(codes.isSuperset(of: ["column-unknown", "row-duplicate", "port-unavailable"]))
        let guide = try String(contentsOfFile: Repository.root + "/docs/guia-de-edicion.md", encoding: .utf8)
        for code in codes.sorted() {
            #expect(guide.contains("`\(code)`"), "docs/guia-de-edicion.md does not explain `\(code)`")
        }
    }

    @Test func theReadmeStartsWithTheTwoCommands() throws {
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        let start = readme.prefix(400)
        #expect(start.contains("make site"))
        #expect(start.contains("make test"))
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
