import ContentModel
import Diagnostics
import FrontMatter
import Loading
import SiteData
import Validation

/// The site as it is on disk before a command adds to it: the content model, the files under
/// `content/`, and the entries that validate. `new`, `import` and `schema` read it to know which
/// collections, fields, values and ids exist.
public struct ExistingContent: Sendable {
    /// Absolute path of the site root.
    public let root: String
    public let model: SiteModel
    /// Every file loaded from `content/`, to validate new files alongside them.
    public let tree: ContentTree
    /// The entries that validate, with their titles and fields.
    public let site: Site
    /// The ids of every entry file of each collection, by collection name, valid or not: an id
    /// is taken as soon as its file exists.
    public let ids: [String: Set<String>]
    /// The problems the existing content already has, to tell new problems from old ones.
    public let diagnostics: [Diagnostic]

    /// Reads the site at `root`; `nil`, with the reasons, when there is no usable content model.
    public static func load(root: String, fileSystem: FileSystem = .disk) -> (ExistingContent?, [Diagnostic]) {
        let tree = ContentLoader(root: root, fileSystem: fileSystem).load()
        let missing = tree.diagnostics.filter { $0.code == "content-missing" }
        guard missing.isEmpty else { return (nil, missing) }
        guard let modelFile = tree.files.first(where: { $0.path == ModelReader.path }) else {
            let diagnostic = Diagnostic.error(
                "model-missing", Message("model-missing", ["file": ModelReader.path]),
                at: SourceLocation(file: ModelReader.path, line: 0, column: 0), hint: Message("model-missing.hint"))
            return (nil, [diagnostic])
        }
        let (readModel, modelDiagnostics) = ModelReader.read(modelFile.text)
        guard let model = readModel else { return (nil, modelDiagnostics) }
        let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
        var ids: [String: Set<String>] = [:]
        for file in tree.files {
            if let (collection, id) = Self.place(file.path, model: model) {
                ids[collection.name, default: []].insert(id)
            }
        }
        let content = ExistingContent(
            root: root, model: model, tree: tree, site: site, ids: ids, diagnostics: diagnostics)
        return (content, [])
    }

    /// The collection and id of `content/<folder>/<id>.md`, or `nil` for any other path.
    static func place(_ path: String, model: SiteModel) -> (Collection, String)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 3, parts[0] == "content", parts[2].hasSuffix(".md"),
            let collection = model.collection(inFolder: parts[1])
        else { return nil }
        let id = String(parts[2].dropLast(3))
        return EntryID.isValid(id) ? (collection, id) : nil
    }

    /// The collection called `name`, or an `argument-collection-unknown` diagnostic with a
    /// did-you-mean: a wrong argument of `new` or `import` (a folder of `content/` that no
    /// collection uses is `collection-unknown`, a problem in the content).
    /// The site at `root` and its collection `name` (`--collection` of `avance import`); the
    /// problems of either otherwise.
    public static func load(root: String, collection name: String, fileSystem: FileSystem = .disk)
        -> Result<(ExistingContent, Collection), DiagnosticList>
    {
        let (loaded, problems) = load(root: root, fileSystem: fileSystem)
        guard let content = loaded else { return .failure(DiagnosticList(problems)) }
        switch content.collection(named: name) {
        case .success(let collection): return .success((content, collection))
        case .failure(let diagnostic): return .failure(DiagnosticList([diagnostic]))
        }
    }

    public func collection(named name: String) -> Result<Collection, Diagnostic> {
        if let collection = model.collection(name) ?? model.collection(inFolder: name) {
            return .success(collection)
        }
        let names = model.collections.map(\.name)
        return .failure(
            .error(
                "argument-collection-unknown",
                Message("argument-collection-unknown", ["collection": name, "file": ModelReader.path]),
                hint: Suggestion.didYouMean(for: name, among: names)
                    ?? Message("argument-collection-unknown.hint", ["collections": names.codeList])))
    }

    /// The path of the entry `id` of `collection`, relative to the root.
    public func path(of id: String, in collection: Collection) -> String {
        "content/\(collection.folder)/\(id).md"
    }

    /// The title of every entry file of `collection`, by id: from the entry when it validates,
    /// else from its front matter when that can be read, so that a file with a broken field
    /// still has its title.
    public func titles(of collection: Collection) -> [String: String] {
        var titles: [String: String] = [:]
        for entry in site.entries(of: collection.name) { titles[entry.id] = entry.title }
        let files = Dictionary(tree.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ids[collection.name] ?? [] where titles[id] == nil {
            let path = path(of: id, in: collection)
            guard let file = files[path], case .success(let split) = FrontMatterSplitter.split(file.text, file: path),
                case .success(let node?) = YAMLReader.parse(split.yaml, file: path),
                let title = node[collection.titleField]?.scalar
            else { continue }
            titles[id] = title
        }
        return titles
    }

    /// How to refer to the entry `id` of `collection`, for hints that say it exists: its id in a
    /// reference field that names that collection (the first such field of the model), and the
    /// Markdown link to its file from another collection's entry, with its title.
    public func howToRefer(to id: String, in collection: Collection, title: String?) -> String {
        MessageCatalog.english.render(howToReferMessage(to: id, in: collection, title: title))
    }

    /// How to refer to an entry, as a sentence of the catalogs (`entry-refer`).
    public func howToReferMessage(to id: String, in collection: Collection, title: String?) -> Message {
        let fields = model.collections.flatMap(\.fields).filter { $0.type.target == collection.name }
        let reference =
            if let one = fields.first(where: { if case .reference = $0.type { true } else { false } }) {
                "`\(one.name): \(id)`"
            } else if let list = fields.first {
                "`\(list.name): [\(id)]`"
            } else {
                "`\(id)`"
            }
        let text = (title ?? id).replacingOccurrences(of: "]", with: "\\]").replacingOccurrences(of: "[", with: "\\[")
        return Message("entry-refer", ["reference": reference, "link": "[\(text)](../\(collection.folder)/\(id).md)"])
    }

    /// The ids of `collection`, sorted.
    public func sortedIDs(of collection: String) -> [String] {
        (ids[collection] ?? []).sorted()
    }
}

/// Diagnostics as the error of a `Result`.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
