import Foundation
import Testing

/// The README is the staff's reference: every diagnostic the code can emit must be explained there.
@Suite struct DocumentationTests {
    static func codesInSources() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: #"(?:error|warning|report)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)""#)
        var codes: Set<String> = []
        let sources = Repository.root + "/Sources"
        let enumerator = FileManager.default.enumerator(atPath: sources)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: sources + "/" + path, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                codes.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return codes
    }

    @Test func everyDiagnosticCodeIsExplainedInTheReadme() throws {
        let codes = try Self.codesInSources()
        #expect(codes.count > 30)
        let readme = try String(contentsOfFile: Repository.root + "/README.md", encoding: .utf8)
        for code in codes.sorted() {
            #expect(readme.contains("`\(code)`"), "README.md does not explain `\(code)`")
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
