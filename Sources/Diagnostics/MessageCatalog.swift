import Foundation

/// The words of diagnostics, summaries and progress in one language: the catalog
/// `messages/<language>.yaml` carried inside the binary (its bytes embedded at build time by the
/// EmbedFiles plugin), over a theme's `messages/<language>.yaml` for a language avance does not
/// ship, over English for any key the language lacks. docs/diagnostics.md explains the format.
public struct MessageCatalog: Sendable {
    /// The language the catalog speaks, such as `es`; `en` when it fell back to English.
    public let language: String
    /// The sentences by key, the fallbacks already merged in.
    public let sentences: [String: String]

    /// A catalog of `sentences` in `language` (no fallback: tests and the catalogs' own checks).
    public init(language: String, sentences: [String: String]) {
        self.language = language
        self.sentences = sentences
    }

    /// The catalog of `language` (`es`, `es-EC`, `EN`): the shipped one, or the theme's
    /// `messages/<language>.yaml` when `themeFolder` has one, each key missing there taken from
    /// English. A language with no catalog at all is English.
    public init(language: String, themeFolder: String? = nil) {
        let code = Self.baseLanguage(language)
        var own = Self.shipped[code] ?? [:]
        if let themeFolder,
            let text = try? String(contentsOfFile: themeFolder + "/messages/\(code).yaml", encoding: .utf8),
            let theme = try? Self.parse(text)
        {
            own.merge(theme) { $1 }
        }
        self.language = own.isEmpty ? "en" : code
        self.sentences = (Self.shipped["en"] ?? [:]).merging(own) { $1 }
    }

    /// English: the language of the tests and of a run that knows no other.
    public static let english = MessageCatalog(language: "en")

    /// `es` of `es-EC`, lowercase.
    public static func baseLanguage(_ tag: String) -> String {
        String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    // MARK: - Rendering

    /// The sentence in this catalog's language, its placeholders filled in. A key no catalog has
    /// shows as itself, so that a missing sentence shows rather than vanishes.
    public func render(_ message: Message) -> String {
        if let literal = message.literal { return literal }
        let count = message.arguments["count"].flatMap { Int($0) }
        let template =
            sentences[message.key]
            ?? count.flatMap { sentences[message.key + "." + Self.pluralCategory(language: language, count: $0)] }
            ?? sentences[message.key + ".other"] ?? message.key
        var values = message.arguments
        for (name, part) in message.parts { values[name] = render(part) }
        return Self.fill(template, values)
    }

    /// The sentence `key` with `arguments`.
    public func callAsFunction(_ key: String, _ arguments: [String: String] = [:]) -> String {
        render(Message(key, arguments))
    }

    /// `key.one` or `key.other` by `count`, with `{count}` set.
    public func plural(_ key: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        render(.plural(key, count: count, arguments))
    }

    /// `template` with each `{name}` replaced by its value, in one pass (a value that holds
    /// `{other}` stays as it is); an unknown `{name}` stays too.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        guard template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                out += value
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    /// The names of the `{placeholders}` of `template`.
    public static func placeholders(in template: String) -> Set<String> {
        let pattern = /\{([a-z_][a-z0-9_]*)\}/
        return Set(template.matches(of: pattern).map { String($0.output.1) })
    }

    /// CLDR's plural category of `count` for the languages avance knows: `one` or `other`
    /// (French and Portuguese count 0 as one; English, Spanish and most others only 1).
    public static func pluralCategory(language: String, count: Int) -> String {
        switch baseLanguage(language) {
        case "fr", "pt": count == 0 || count == 1 ? "one" : "other"
        default: count == 1 ? "one" : "other"
        }
    }

    // MARK: - The catalogs

    /// The shipped catalogs by language: `messages/<language>.yaml` of the repository.
    public static let shipped: [String: [String: String]] = {
        var catalogs: [String: [String: String]] = [:]
        for file in EmbeddedFiles.all where file.path.hasPrefix("messages/") && file.path.hasSuffix(".yaml") {
            let language = String(file.path.dropFirst("messages/".count).dropLast(".yaml".count))
            let text = String(decoding: Data(base64Encoded: file.base64) ?? Data(), as: UTF8.self)
            // A catalog that does not read fails the catalog test; at run time it is English.
            catalogs[language] = (try? parse(text)) ?? [:]
        }
        return catalogs
    }()

    /// A problem of a catalog file: its line and what is wrong.
    public struct SyntaxError: Error, Equatable {
        public var line: Int
        public var problem: String
    }

    /// Reads a catalog: a flat YAML mapping, one `key: "sentence"` a line (double-quoted, with
    /// JSON's escapes, or plain), `#` comments and blank lines. That subset keeps the catalogs
    /// readable by any YAML tool and by this reader alike, with no YAML library in Diagnostics.
    public static func parse(_ text: String) throws -> [String: String] {
        var sentences: [String: String] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingBlanks()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.range(of: ": ") ?? (line.hasSuffix(":") ? line.range(of: ":") : nil) else {
                throw SyntaxError(line: index + 1, problem: "not `key: \"sentence\"`")
            }
            let key = String(line[..<colon.lowerBound])
            let value = String(line[colon.upperBound...].trimmingBlanks())
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
                throw SyntaxError(line: index + 1, problem: "`\(key)` is not a key")
            }
            guard sentences[key] == nil else { throw SyntaxError(line: index + 1, problem: "`\(key)` twice") }
            if value.hasPrefix("\"") {
                guard let data = value.data(using: .utf8),
                    let string = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) as? String
                else { throw SyntaxError(line: index + 1, problem: "the quoted sentence does not close") }
                sentences[key] = string
            } else {
                guard !value.isEmpty, !value.contains(": "), !value.contains(" #"),
                    !"'&*!|>%@`{[".contains(value.first ?? " ")
                else { throw SyntaxError(line: index + 1, problem: "quote the sentence") }
                sentences[key] = value
            }
        }
        return sentences
    }
}

extension Substring {
    /// Without the blanks at either end, as `trimmingCharacters(in: .whitespaces)` (spaces of
    /// every kind and tabs, not line ends), which took 60 % of parsing the shipped catalogs.
    fileprivate func trimmingBlanks() -> Substring {
        func isBlank(_ character: Character) -> Bool {
            if character == " " || character == "\t" { return true }
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return false }
            return scalar.properties.generalCategory == .spaceSeparator
        }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
