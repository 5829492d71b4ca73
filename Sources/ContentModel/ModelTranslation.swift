import Diagnostics
import FrontMatter

/// A translation of the model's words (`content/site.<lang>.yaml`): the site's title and
/// description, and for each collection its titles, description, field labels and enum labels.
/// Ids stay the same in every language; only what readers see is translated.
///
/// ```yaml
/// title: Quito Resilience Strategy — Progress
/// collections:
///   proyectos:
///     title: Projects
///     singular: Project
///     fields:
///       estado: {label: Status, values: {en-marcha: In progress}}
/// ```
public enum ModelTranslation {
    /// The path of the translation of `language`, relative to the site root.
    public static func path(for language: String) -> String {
        "content/site.\(language).yaml"
    }

    /// The language of a translation file's path (`content/site.en.yaml` → `en`), if it is one.
    public static func language(ofPath path: String) -> String? {
        guard let language = claimedLanguage(ofPath: path), isLanguageCode(language) else { return nil }
        return language
    }

    /// What stands where a translation file's language does, `content/site.<this>.yaml`,
    /// valid or not.
    static func claimedLanguage(ofPath path: String) -> String? {
        guard path.hasPrefix("content/site."), path.hasSuffix(".yaml"), path != ModelReader.path else { return nil }
        return String(path.dropFirst("content/site.".count).dropLast(".yaml".count))
    }

    /// Whether `code` can name a translation, its folder (`public/en/`) and its files
    /// (`rcn-visa.en.md`): a BCP 47 tag written in lowercase, since URLs and file names tell
    /// `EN` from `en`: two or three letters, then optionally subtags of two to eight letters or
    /// digits after a `-` (`en`, `pt-br`, `zh-hant`, `es-419`).
    public static func isLanguageCode(_ code: some StringProtocol) -> Bool {
        let subtags = String(code).split(separator: "-", omittingEmptySubsequences: false)
        func lowercase(_ text: Substring, digits: Bool) -> Bool {
            text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || (digits && ("0"..."9").contains($0)) }
        }
        return (2...3).contains(subtags[0].count) && lowercase(subtags[0], digits: false)
            && subtags.dropFirst().allSatisfy { (2...8).contains($0.count) && lowercase($0, digits: true) }
    }

    /// `language-invalid` for a file named like a translation whose language is no code
    /// (`content/site.EN.yaml`), which would otherwise make a second tree or be ignored.
    public static func languageProblem(ofPath path: String) -> Diagnostic? {
        guard let claimed = claimedLanguage(ofPath: path), !isLanguageCode(claimed) else { return nil }
        return .error(
            "language-invalid", Message("language-invalid", ["language": claimed]),
            at: SourceLocation(file: path, line: 1, column: 1), hint: languageHint(claimed, file: "site.{}.yaml"))
    }

    /// The rule, and the name `file` (`{}` standing for the language) with `claimed` lowercased
    /// when that makes it a code.
    public static func languageHint(_ claimed: String, file: String) -> Message {
        let lower = claimed.lowercased()
        guard isLanguageCode(lower) else { return Message("language-invalid.hint") }
        return Message("language-invalid.hint.rename", ["file": file.replacingOccurrences(of: "{}", with: lower)])
    }

    /// The `paths:` of the translation of `language` (the words of its built-in pages' URLs, such
    /// as `data`), from its text, with their problems; `nil` when it sets none. `apply` leaves
    /// them alone: the build reads them first, to complete every language's words from the theme.
    public static func paths(_ text: String, language: String) -> (PathWords?, [Diagnostic]) {
        guard case .success(let root?) = YAMLReader.parse(text, file: path(for: language)) else { return (nil, []) }
        return ModelReader.readPaths(root, file: path(for: language))
    }

    /// `model` in `language`, from the text of its translation file; untranslated words stay as
    /// they are. Unknown collections, fields and values are reported.
    public static func apply(_ text: String, language: String, to model: SiteModel) -> (SiteModel, [Diagnostic]) {
        let file = path(for: language)
        var translated = model
        translated.language = language
        // Until the translation says otherwise, snapshots stay in the original's language.
        translated.collections = translated.collections.map { collection in
            var collection = collection
            collection.snapshots = collection.snapshots.map { snapshot in
                var snapshot = snapshot
                (snapshot.lang, snapshot.sourceLang) = (model.language, model.language)
                return snapshot
            }
            return collection
        }
        var diagnostics: [Diagnostic] = []
        func report(_ code: String, _ message: Message, at node: YAMLNode, among candidates: [String]) {
            diagnostics.append(
                .error(
                    code, message, at: SourceLocation(file: file, line: node.line, column: node.column),
                    hint: Suggestion.didYouMean(for: node.scalar ?? "", among: candidates)))
        }
        let root: YAMLNode
        switch YAMLReader.parse(text, file: file) {
        case .failure(let diagnostic): return (model, [diagnostic])
        case .success(let node?): root = node
        case .success(nil): return (translated, [])
        }
        if let title = root["title"]?.scalar { translated.title = title }
        if let description = root["description"]?.scalar { translated.description = description }
        if let banner = root["banner"]?.scalar { translated.banner = banner }
        for (key, node) in root["collections"]?.mapping ?? [] {
            guard let index = translated.collections.firstIndex(where: { $0.name == key.scalar }) else {
                report(
                    "translation-unknown", Message("translation-unknown.collection", ["name": key.scalar ?? ""]),
                    at: key,
                    among: model.collections.map(\.name))
                continue
            }
            var collection = translated.collections[index]
            if let title = node["title"]?.scalar { collection.title = title }
            if let singular = node["singular"]?.scalar { collection.singular = singular }
            if let description = node["description"]?.scalar { collection.description = description }
            let snapshots = translateSnapshots(collection.snapshots, node["snapshots"])
            collection.snapshots = snapshots.0
            diagnostics += snapshots.1.map {
                .error(
                    "translation-unknown",
                    Message.plural(
                        "translation-unknown.snapshots", count: collection.snapshots.count,
                        ["collection": collection.name]),
                    at: SourceLocation(file: file, line: $0.line, column: $0.column),
                    hint: Message("translation-unknown.snapshots.hint"))
            }
            for (fieldKey, fieldNode) in node["fields"]?.mapping ?? [] {
                guard let fieldIndex = collection.fields.firstIndex(where: { $0.name == fieldKey.scalar }) else {
                    report(
                        "translation-unknown",
                        Message(
                            "translation-unknown.field", ["name": fieldKey.scalar ?? "", "collection": collection.name]),
                        at: fieldKey, among: collection.fields.map(\.name))
                    continue
                }
                let result = translate(collection.fields[fieldIndex], fieldNode, file: file)
                collection.fields[fieldIndex] = result.0
                diagnostics += result.1
            }
            translated.collections[index] = collection
        }
        for (key, node) in root["enums"]?.mapping ?? [] {
            guard let name = key.scalar, model.enums[name] != nil else {
                report(
                    "translation-unknown", Message("translation-unknown.enum", ["name": key.scalar ?? ""]), at: key,
                    among: Array(model.enums.keys))
                continue
            }
            translated.collections = translated.collections.map { translateShared(name, node, in: $0, file: file) }
        }
        return (translated, diagnostics)
    }

    /// Snapshots with the titles and sources of `node` (a list, in the order of site.yaml); a
    /// translated title or source loses its `lang` (the original's until then). Returns the items of
    /// `node` beyond the snapshots there are.
    static func translateSnapshots(_ snapshots: [Snapshot], _ node: YAMLNode?) -> (
        [Snapshot], [YAMLNode]
    ) {
        let items = node?.sequence ?? []
        let translated = snapshots.enumerated().map { index, snapshot in
            var snapshot = snapshot
            let item = index < items.count ? items[index] : nil
            if let title = item?["title"]?.scalar { (snapshot.title, snapshot.lang) = (title, nil) }
            if let source = item?["source"]?.scalar { (snapshot.source, snapshot.sourceLang) = (source, nil) }
            return snapshot
        }
        return (translated, Array(items.dropFirst(snapshots.count)))
    }

    /// Applies the labels of a shared enum (`enums:`) to every field that uses it, records included.
    static func translateShared(_ name: String, _ node: YAMLNode, in collection: Collection, file: String) -> Collection
    {
        var collection = collection
        let spec = YAMLNode(
            .mapping([(YAMLNode(.scalar("values", plain: true), line: 0, column: 0), node)]), line: 0, column: 0)
        collection.fields = collection.fields.map { field in
            var field = field
            if case .enumeration(let set) = field.type, set.name == name {
                field = translate(field, spec, file: file).0
            }
            if case .list(of: .record(let records)) = field.type {
                field.type = .list(
                    of: .record(
                        records.map { record in
                            guard case .enumeration(let set) = record.type, set.name == name else { return record }
                            return translate(record, spec, file: file).0
                        }))
            }
            return field
        }
        return collection
    }

    static func translate(_ field: Field, _ node: YAMLNode, file: String) -> (Field, [Diagnostic]) {
        var field = field
        var diagnostics: [Diagnostic] = []
        if let label = node["label"]?.scalar { field.label = label }
        if let description = node["description"]?.scalar { field.description = description }
        guard case .enumeration(var set) = field.type, let values = node["values"]?.mapping else {
            return (field, diagnostics)
        }
        for (key, value) in values {
            guard let index = set.values.firstIndex(where: { $0.id == key.scalar }) else {
                diagnostics.append(
                    .error(
                        "translation-unknown",
                        Message("translation-unknown.value", ["name": key.scalar ?? "", "field": field.name]),
                        at: SourceLocation(file: file, line: key.line, column: key.column),
                        hint: Suggestion.closestValue(to: key.scalar ?? "", among: set.values.map(\.id))
                            .map { Message("did-you-mean", ["name": $0]) }))
                continue
            }
            if let label = value.scalar {
                set.values[index].label = label
            } else {
                if let label = value["label"]?.scalar { set.values[index].label = label }
                if let description = value["description"]?.scalar { set.values[index].description = description }
            }
        }
        field.type = .enumeration(set)
        return (field, diagnostics)
    }
}
