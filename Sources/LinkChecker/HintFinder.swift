import Diagnostics

/// Finds "did you mean…?" for broken links: the nearest existing name in the folder where the
/// path first goes wrong, or the nearest id of the target page. Built only when a link is broken.
struct HintFinder {
    let folder: SiteFolder
    /// The ids of the pages that broken fragments point into.
    var ids: [ExactText: [String]] = [:]
    private var children: [ExactText: Set<ExactText>]?
    private var missingHints: [ExactText: Message?] = [:]

    init(folder: SiteFolder) {
        self.folder = folder
    }

    /// The hint of a URL whose resolved `path` has no file.
    mutating func missing(path: String, folder isFolder: Bool, url: String) -> Message? {
        // The same broken menu link is on every page of a folder: work it out once.
        let key = ExactText((isFolder ? "/" : "") + path + "\u{0}" + url)
        if let known = missingHints[key] { return known }
        let hint = findMissing(path: path, folder: isFolder, url: url)
        missingHints[key] = hint
        return hint
    }

    private mutating func findMissing(path: String, folder isFolder: Bool, url: String) -> Message? {
        let segments = path.split(separator: "/").map(String.init)
        let children = self.children ?? Self.children(of: folder.files)
        self.children = children
        var current = ""
        for (index, segment) in segments.enumerated() {
            let names = children[ExactText(current)] ?? []
            if names.contains(ExactText(segment)) {
                current = current.isEmpty ? segment : current + "/" + segment
                continue
            }
            // Sorted: among names as near as each other, the same one wins on every run (a set's
            // order changes from process to process).
            let sorted = names.map(\.text).sorted()
            if let twin = LookAlike.twin(of: segment, among: sorted) {
                return Message(
                    "link-missing.hint.look-alike", ["written": LookAlike.percentEncoded(twin)],
                    parts: ["twin": LookAlike.describe(twin, shown: twin)])
            }
            guard let guess = Suggestion.closest(to: segment, among: sorted) else { return nil }
            var fixed = segments
            fixed[index] = guess
            let fixedPath = fixed.joined(separator: "/")
            guard folder.target(fixedPath, folder: isFolder) != nil else { return nil }
            return Message("did-you-mean", ["name": Self.replacing(segment, with: guess, in: url) ?? fixedPath])
        }
        return path.isEmpty
            ? Message("link-missing.hint.index") : Message("link-missing.hint.folder-index", ["path": path])
    }

    /// The hint of a `#fragment` missing from `page`.
    func fragment(_ fragment: String, page: String) -> Message? {
        let ids = self.ids[ExactText(page)] ?? []
        if ids.isEmpty { return Message("link-fragment.hint.none") }
        if let twin = LookAlike.twin(of: fragment, among: ids) {
            return Message(
                "link-fragment.hint.look-alike", ["written": LookAlike.percentEncoded(twin)],
                parts: ["twin": LookAlike.describe(twin, shown: "#" + twin)])
        }
        return Suggestion.closest(to: fragment, among: ids).map { Message("did-you-mean", ["name": "#" + $0]) }
    }

    /// `url` with the last segment of its path that is `segment` replaced by `guess`, when the
    /// segment is written as is (not percent-encoded).
    static func replacing(_ segment: String, with guess: String, in url: String) -> String? {
        let pathEnd = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
        var parts = url[..<pathEnd].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let index = parts.lastIndex(of: segment) else { return nil }
        parts[index] = guess
        return parts.joined(separator: "/") + url[pathEnd...]
    }

    /// The names in each folder (`""` for the root), files and sub-folders alike.
    static func children(of files: some Sequence<String>) -> [ExactText: Set<ExactText>] {
        var children: [ExactText: Set<ExactText>] = [:]
        for file in files {
            var parent = ""
            for segment in file.split(separator: "/") {
                children[ExactText(parent), default: []].insert(ExactText(String(segment)))
                parent = parent.isEmpty ? String(segment) : parent + "/" + segment
            }
        }
        return children
    }
}
