import ContentModel
import Diagnostics
import SiteData

/// Finds the entries of one collection that a spreadsheet names: by id, by title, or by any
/// other text field (such as an acronym), without case or accents; "Conquito" is `conquito`,
/// "R-Cities" is `resilient-cities-network` when that entry's `sigla` is `R-Cities`.
struct ReferenceIndex: Sendable {
    /// One entry that can be named.
    struct Candidate: Sendable {
        var id: String
        var title: String?
        var aliases: [String]
    }

    let collection: String
    /// Entry ids by name key.
    let byKey: [String: Set<String>]
    /// Titles by id, for hints.
    let titles: [String: String]

    init(collection: Collection, candidates: [Candidate]) {
        self.collection = collection.name
        var byKey: [String: Set<String>] = [:]
        var titles: [String: String] = [:]
        for candidate in candidates {
            titles[candidate.id] = candidate.title
            for name in [candidate.id, candidate.title].compactMap({ $0 }) + candidate.aliases {
                let key = NameKey.of(name)
                if !key.isEmpty { byKey[key, default: []].insert(candidate.id) }
            }
        }
        self.byKey = byKey
        self.titles = titles
    }

    /// The index of `collection`'s entries in `content`, plus `planned` entries of an import.
    init(collection: Collection, content: ExistingContent, planned: [(id: String, title: String)] = []) {
        let aliasFields = collection.fields.filter {
            if case .string = $0.type { $0.name != collection.titleField } else { false }
        }
        var candidates = content.site.entries(of: collection.name).map { entry in
            Candidate(
                id: entry.id, title: entry.title,
                aliases: aliasFields.compactMap {
                    if case .string(let text)? = entry.fields[$0.name] { text } else { nil }
                })
        }
        let validated = Set(candidates.map(\.id))
        for id in content.sortedIDs(of: collection.name) where !validated.contains(id) {
            candidates.append(Candidate(id: id, title: nil, aliases: []))
        }
        candidates += planned.map { Candidate(id: $0.id, title: $0.title, aliases: []) }
        self.init(collection: collection, candidates: candidates)
    }

    /// What a name matches.
    enum Match: Equatable {
        case entry(String)
        case several([String])
        case none
    }

    func match(_ name: String) -> Match {
        guard let ids = byKey[NameKey.of(name)] else { return .none }
        return ids.count == 1 ? .entry(ids.first!) : .several(ids.sorted())
    }

    /// "did you mean `conquito` (ConQuito)?", or `nil` when no name is close. A name that is
    /// a typo of a name suggests that entry; a shortened name (the start of a title, or some of
    /// its words: "Municipio de Quito" for "Municipio del Distrito Metropolitano de Quito")
    /// suggests the entries whose names hold it, up to three.
    func suggestion(for name: String) -> String? {
        suggestionMessage(for: name).map(MessageCatalog.english.render)
    }

    /// "did you mean `a` (A) or `b` (B)?" as a sentence of the catalogs.
    func suggestionMessage(for name: String) -> Message? {
        let key = NameKey.of(name)
        let ids: [String]
        if let close = Suggestion.closest(to: key, among: byKey.keys), let id = byKey[close]?.sorted().first {
            ids = [id]
        } else {
            ids = Array(shortened(key).prefix(3))
        }
        guard !ids.isEmpty else { return nil }
        let named = ids.map { id in "`\(id)`" + (titles[id].map { " (\($0))" } ?? "") }
        guard named.count > 1 else { return Message("did-you-mean.named", ["names": named[0]]) }
        return Message(
            "did-you-mean.several", ["names": named.dropLast().joined(separator: ", "), "last": named.last!])
    }

    /// The entries with a name that `key` shortens, best first: names that start with it, then
    /// names that have all its words, in any order; fewest other words first.
    func shortened(_ key: String) -> [String] {
        let words = Set(key.split(separator: " "))
        guard key.count >= 3, !words.isEmpty else { return [] }
        var ranked: [(rank: Int, id: String)] = []
        for (candidate, ids) in byKey where candidate != key {
            let candidateWords = candidate.split(separator: " ")
            let extra = candidateWords.count - words.count
            if candidate.hasPrefix(key + " ") {
                ranked += ids.map { (extra, $0) }
            } else if extra > 0, words.isSubset(of: candidateWords) {
                ranked += ids.map { (1000 + extra, $0) }
            }
        }
        var seen: Set<String> = []
        return ranked.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }.map(\.id).filter { seen.insert($0).inserted }
    }

    /// The diagnostic for a name that matches no entry, or several.
    func problem(_ name: String, match: Match, field: String, at location: SourceLocation) -> Diagnostic? {
        switch match {
        case .entry: return nil
        case .several(let ids):
            return .error(
                "ref-ambiguous",
                Message("ref-ambiguous", ["name": name, "collection": collection, "ids": ids.joined(separator: ", ")]),
                at: location, field: field, hint: Message("ref-ambiguous.hint"))
        case .none:
            let id = EntryID.make(from: name)
            return .error(
                "ref-unknown", Message("ref-unknown.named", ["name": name, "collection": collection]), at: location,
                field: field,
                hint: suggestionMessage(for: name)
                    ?? Message("ref-unknown.named.hint", ["collection": collection, "id": id.isEmpty ? "<id>" : id]))
        }
    }
}
