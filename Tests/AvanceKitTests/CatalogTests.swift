import Diagnostics
import Foundation
import FrontMatter
import TestSupport
import Testing

/// The message catalogs (`messages/<language>.yaml`) against the sources: every emitted code has
/// its words in every shipped language, every language has the same sentences with the same
/// placeholders, the sources supply each placeholder, no sentence is left unused, and no Spanish
/// sentence is left in Swift.
@Suite struct CatalogTests {
    /// Codes still written in the old style (`Diagnostic.error(code, "English words")`): English
    /// in every language. This list only shrinks: a code moved to the catalogs must leave it
    /// (docs/diagnostics.md, "Adding a code"), and a new code must not join it.
    static let untranslated: Set<String> = []

    /// Codes whose words are sentences shared with other codes, by the keys of those sentences.
    static let sharedKeys = [
        "git-unavailable": "git", "git-shallow": "git", "content-missing": "folder-missing",
        "theme-missing": "folder-missing", "argument-id-invalid": "id-invalid",
    ]

    /// Placeholders a language may use or leave out for a key, where its sentence is worded
    /// differently: Spanish names a field by its label («Estado»), English by its name.
    static let wordedDifferently: [String: Set<String>] = ["enum-unknown": ["field", "label"]]

    static func catalogText(_ language: String) throws -> String {
        try String(contentsOfFile: Repository.root + "/messages/\(language).yaml", encoding: .utf8)
    }

    static let languages = ["en", "es"]

    static func catalog(_ language: String) throws -> [String: String] {
        try MessageCatalog.parse(try catalogText(language))
    }

    /// Every Swift source under Sources/, by path.
    static func sources() throws -> [String: String] {
        let top = Repository.root + "/Sources"
        var found: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: top)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            found[path] = try String(contentsOfFile: top + "/" + path, encoding: .utf8)
        }
        return found
    }

    /// A key without its plural form: `summary.errors` of `summary.errors.one`.
    static func sentenceKey(_ key: String) -> String {
        for form in [".one", ".other"] where key.hasSuffix(form) { return String(key.dropLast(form.count)) }
        return key
    }

    @Test(arguments: languages)
    func theShippedCatalogIsTheOneInTheBinary(language: String) throws {
        #expect(try Self.catalog(language) == MessageCatalog.shipped[language])
    }

    /// The catalog reader reads a subset of YAML: any YAML tool must read the same sentences.
    @Test(arguments: languages)
    func aYAMLReaderReadsTheSameSentences(language: String) throws {
        let text = try Self.catalogText(language)
        guard case .success(let node?) = YAMLReader.parse(text, file: "messages/\(language).yaml") else {
            Issue.record("messages/\(language).yaml is not YAML")
            return
        }
        let pairs = try #require(node.mapping)
        let yaml = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key.scalar ?? "", $0.value.scalar ?? "") })
        #expect(yaml == (try Self.catalog(language)))
    }

    @Test func everyLanguageHasTheSentencesAndPlaceholdersOfEnglish() throws {
        let english = try Self.catalog("en")
        for language in Self.languages where language != "en" {
            let other = try Self.catalog(language)
            for key in english.keys.sorted() {
                guard let sentence = other[key] else {
                    Issue.record("messages/\(language).yaml lacks `\(key)`")
                    continue
                }
                let free = Self.wordedDifferently[key] ?? []
                let expected = MessageCatalog.placeholders(in: english[key]!).subtracting(free)
                let found = MessageCatalog.placeholders(in: sentence).subtracting(free)
                #expect(
                    found == expected, "`\(key)` in \(language) has \(found.sorted()), English \(expected.sorted())")
            }
            for key in other.keys.sorted() where english[key] == nil {
                Issue.record("messages/\(language).yaml has `\(key)`, which English lacks")
            }
        }
    }

    /// Each code the sources emit has a message and a hint in the catalogs (every language has
    /// the same keys, above), except the codes still written in the old style.
    @Test func everyEmittedCodeHasAMessageAndAHint() throws {
        let codes = try ExitCodeTableTests.codesInSources()
        let keys = Set(try Self.catalog("en").keys.map(Self.sentenceKey))
        var missing: Set<String> = []
        for code in codes.sorted() {
            let own = keys.filter { key in
                [code, Self.sharedKeys[code]].compactMap { $0 }.contains { key == $0 || key.hasPrefix($0 + ".") }
            }
            let messages = own.filter { !$0.hasSuffix(".hint") && !$0.contains(".hint.") }
            let hints = own.filter { $0.hasSuffix(".hint") || $0.contains(".hint.") }
            if messages.isEmpty || hints.isEmpty { missing.insert(code) }
        }
        let added = missing.subtracting(Self.untranslated).sorted()
        let moved = Self.untranslated.subtracting(missing).sorted()
        #expect(added.isEmpty, "codes without words in the catalogs: \(added)")
        #expect(moved.isEmpty, "codes now in the catalogs, to take out of `untranslated`: \(moved)")
    }

    /// The stages of the progress line, as the sources name them (`ProgressCounter("loading"`).
    static func stages(_ sources: [String: String]) -> Set<String> {
        let pattern = /(?:ProgressCounter|StageProgress)\(\s*"([^"(]+?)\s*(?:\(|")/
        var found: Set<String> = []
        for text in sources.values {
            for match in text.matches(of: pattern) { found.insert(String(match.output.1)) }
        }
        // SiteRenderer names its stage in a variable: `rendering pages`, `rendering pages (en)`.
        for text in sources.values {
            for match in text.matches(of: /let stage = [^\n]*"(rendering pages)"/) {
                found.insert(String(match.output.1))
            }
        }
        return found
    }

    @Test func everySentenceIsUsed() throws {
        let sources = try Self.sources()
        let all = sources.values.joined(separator: "\n")
        let stages = Self.stages(sources).map { "progress." + $0.lowercased().replacingOccurrences(of: " ", with: "-") }
        #expect(stages.count >= 6)
        for key in Set(try Self.catalog("en").keys.map(Self.sentenceKey)).sorted() {
            if key.hasPrefix("progress."), !["progress.count", "progress.fraction"].contains(key) {
                #expect(stages.contains(key), "`\(key)` names no stage of the progress line")
                continue
            }
            #expect(all.contains("\"\(key)\""), "messages/en.yaml has `\(key)`, which no source uses")
        }
    }

    /// The arguments written after each use of `key` in the sources, up to the end of the call
    /// that holds it: the names of `["name": …]`, and `count` for a plural.
    static func argumentNames(after range: Range<String.Index>, in text: String) -> Set<String> {
        // Past the rest of a ternary between keys, `… ? "a" : "b")`, to the arguments of the call.
        var start = range.upperBound
        while true {
            let rest = text[start...]
            if let skip = rest.prefixMatch(of: /\s*\)/) ?? rest.prefixMatch(of: /\s*:\s*"[^"\n]*"/) {
                start = skip.range.upperBound
            } else {
                break
            }
        }
        var depth = 0
        var end = start
        while end < text.endIndex {
            let character = text[end]
            if character == "(" || character == "[" { depth += 1 }
            if character == ")" || character == "]" {
                depth -= 1
                if depth < 0 { break }
            }
            end = text.index(after: end)
        }
        let span = text[start..<end]
        var names = Set(span.matches(of: /"([a-z_]+)":/).map { String($0.output.1) })
        let back = text.index(range.lowerBound, offsetBy: -40, limitedBy: text.startIndex) ?? text.startIndex
        let before = text[back..<range.lowerBound]
        if before.contains("plural") || span.contains("count:") { names.insert("count") }
        return names
    }

    /// Each placeholder of a sentence is supplied wherever the sources use its key.
    @Test func theSourcesSupplyEveryPlaceholder() throws {
        let catalog = try Self.catalog("en")
        var sentences: [String: Set<String>] = [:]
        for language in Self.languages {
            for (key, sentence) in try Self.catalog(language) {
                sentences[Self.sentenceKey(key), default: []].formUnion(MessageCatalog.placeholders(in: sentence))
            }
        }
        var uses = 0
        for (path, text) in try Self.sources() {
            for (key, placeholders) in sentences where !placeholders.isEmpty {
                var from = text.startIndex
                while let found = text.range(of: "\"\(key)\"", range: from..<text.endIndex) {
                    defer { from = found.upperBound }
                    // Only where a sentence is asked for: `Message("key"`, `plural("key"`, a
                    // ternary between two keys; not a code in `Diagnostic.causes` or a comparison.
                    let start =
                        text.index(found.lowerBound, offsetBy: -24, limitedBy: text.startIndex) ?? text.startIndex
                    let before = text[start..<found.lowerBound]
                    guard before.contains(/(?:Message\(|plural\(|say\(|catalog\(|words\(|\?|[^"]:)\s*$/) else {
                        continue
                    }
                    uses += 1
                    let supplied = Self.argumentNames(after: found, in: text)
                    let line = text[..<found.lowerBound].count { $0 == "\n" } + 1
                    #expect(
                        placeholders.isSubset(of: supplied),
                        "Sources/\(path):\(line): `\(key)` needs \(placeholders.subtracting(supplied).sorted())")
                }
            }
        }
        #expect(uses > 100)
    }

    /// Every diagnostic of the sources takes its words from the catalogs: none is emitted in the
    /// old style, `.error("code", "English words")` or `Message(literal:)`, which prints English
    /// in every language (the `untranslated` codes aside).
    @Test func noDiagnosticIsEmittedInTheOldStyle() throws {
        var found: [String] = []
        let oldStyle = #/\.(?:error|warning)\(\s*"([a-z0-9-]+)",\s*"/#
        for (path, text) in try Self.sources() where path != "Diagnostics/Diagnostic.swift" {
            for match in text.matches(of: oldStyle) where !Self.untranslated.contains(String(match.1)) {
                let line = text[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
                found.append("Sources/\(path):\(line): `\(match.1)`")
            }
            // An empty literal fills a placeholder that has nothing to say; words are another matter.
            if path != "Diagnostics/Message.swift", text.contains(#/Message\(literal: (?!""\))/#) {
                found.append("Sources/\(path): Message(literal:)")
            }
        }
        #expect(found.isEmpty, "\(found.joined(separator: "\n"))")
    }

    /// The words of the tool live in the catalogs: no string literal of the sources is Spanish.
    @Test func noSpanishSentenceIsLeftInSwift() throws {
        // A column name in an example, and a character in an example: no sentence.
        let allowed = ["'Código=-'", "for `ó`", "Año 2022"]
        var found: [String] = []
        for (path, text) in try Self.sources() {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                for literal in code.matches(of: /"((?:[^"\\]|\\.)*)"/) {
                    let words = String(literal.output.1)
                    guard words.contains(where: { "¿¡ñáéíóúÁÉÍÓÚÑ".contains($0) }) else { continue }
                    if allowed.contains(where: words.contains) { continue }
                    found.append("Sources/\(path):\(index + 1): \(words)")
                }
            }
        }
        #expect(found.isEmpty, "Spanish in Swift: \(found.sorted())")
    }

    // MARK: - The reference

    static let startMarker = "<!-- messages: generated, do not edit -->"
    static let endMarker = "<!-- messages: end -->"

    /// The table of every sentence, English and Spanish, by key.
    static func messagesTable() throws -> String {
        let english = try catalog("en")
        let spanish = try catalog("es")
        func cell(_ text: String?) -> String {
            (text ?? "").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var lines = ["| key | English | español |", "| --- | --- | --- |"]
        for key in english.keys.sorted() {
            lines.append("| \(key) | \(cell(english[key])) | \(cell(spanish[key])) |")
        }
        return lines.joined(separator: "\n")
    }

    /// docs/diagnostics.md ends with the table of every sentence, as the catalogs say;
    /// `make messages-doc` (AVANCE_UPDATE_MESSAGES=1) writes it.
    @Test func theDiagnosticsReferenceListsEveryMessage() throws {
        let path = Repository.root + "/docs/diagnostics.md"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: Self.startMarker))
        let end = try #require(text.range(of: Self.endMarker))
        let expected = "\n" + (try Self.messagesTable()) + "\n"
        if ProcessInfo.processInfo.environment["AVANCE_UPDATE_MESSAGES"] == "1" {
            let updated = text.replacingCharacters(in: start.upperBound..<end.lowerBound, with: expected)
            try updated.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            String(text[start.upperBound..<end.lowerBound]) == expected,
            "docs/diagnostics.md's table of messages differs from messages/*.yaml: run `make messages-doc`")
    }

    // MARK: - Rendering

    @Test func pluralsFollowTheLanguage() {
        let spanish = MessageCatalog(language: "es")
        #expect(DiagnosticReport.summary(errors: 3, warnings: 1, catalog: spanish) == "3 errores, 1 advertencia")
        #expect(DiagnosticReport.summary(errors: 1, warnings: 0, catalog: spanish) == "1 error, 0 advertencias")
        #expect(DiagnosticReport.summary(errors: 1, warnings: 2, catalog: .english) == "1 error, 2 warnings")
        #expect(MessageCatalog.pluralCategory(language: "fr", count: 0) == "one")
        #expect(MessageCatalog.pluralCategory(language: "es", count: 0) == "other")
    }

    @Test func aLanguageWithoutACatalogIsEnglishAndATagFindsItsLanguage() {
        #expect(MessageCatalog(language: "de").language == "en")
        #expect(MessageCatalog(language: "de").render(Message("file-empty")) == "the file is empty")
        #expect(MessageCatalog(language: "es-EC").language == "es")
        #expect(MessageCatalog(language: "es-EC").render(Message("file-empty")) == "el archivo está vacío")
    }

    /// A theme may carry the catalog of a language avance does not ship; what it lacks is English.
    @Test func aThemeCatalogAddsALanguage() throws {
        let theme = try Repository.temporaryFolder("theme-messages")
        defer { try? FileManager.default.removeItem(atPath: theme) }
        try FileManager.default.createDirectory(atPath: theme + "/messages", withIntermediateDirectories: true)
        try "file-empty: \"le fichier est vide\"\nsummary.errors.one: \"{count} erreur\"\n".write(
            toFile: theme + "/messages/fr.yaml", atomically: true, encoding: .utf8)
        let french = MessageCatalog(language: "fr", themeFolder: theme)
        #expect(french.language == "fr")
        #expect(french.render(Message("file-empty")) == "le fichier est vide")
        #expect(french.plural("summary.errors", count: 0) == "0 erreur")
        #expect(french.render(Message("front-matter-missing")) == "the file does not start with front matter")
    }

    @Test func placeholdersAreFilledOnceAndAnUnknownOneStays() {
        #expect(MessageCatalog.fill("`{a}` and {b}", ["a": "{b}", "b": "x"]) == "`{b}` and x")
        #expect(MessageCatalog.fill("{missing} {", [:]) == "{missing} {")
    }

    @Test(arguments: [
        ("key \"no colon\"", 1), ("key: \"open", 1), ("a: x\na: y", 2), ("a: `code`", 1), ("bad key: x", 1),
    ])
    func aBrokenCatalogLineIsNamed(text: String, line: Int) {
        #expect(throws: MessageCatalog.SyntaxError.self) { try MessageCatalog.parse(text) }
        #expect((try? MessageCatalog.parse(text)) == nil)
        do {
            _ = try MessageCatalog.parse(text)
        } catch let error as MessageCatalog.SyntaxError {
            #expect(error.line == line)
        } catch {}
    }
}
