import ContentModel
import ParallelMap

/// The validated site: the model, every entry with its references resolved, and backlinks.
/// Every later stage (pages, feeds, data) renders from this one value.
public struct Site: Sendable {
    public let model: SiteModel
    /// Entries of each collection, by collection name, in display order.
    public private(set) var entries: [String: [Entry]]
    /// For each entry, the entries that refer to it, sorted.
    public private(set) var backlinks: [EntryKey: [Backlink]]
    /// When each entry's file last changed (from git), when known.
    public var lastChanged: [EntryKey: SiteDate] = [:]
    /// The date staleness is measured against (see `GitHistory.referenceDate`).
    public var referenceDate: SiteDate?
    /// The languages the site is translated into (each has a `content/site.<lang>.yaml`).
    public var languages: [String] = []
    /// Translations of entries, by language.
    public var translations: [String: [EntryKey: EntryTranslation]] = [:]
    /// Entries whose file exists but could not be read (bad YAML, a wrong field), by the file's
    /// path: their problems are reported at that file, once, so a link or reference to them from
    /// another file is not reported again.
    public var unreadable: [String: EntryKey] = [:]
    /// In a translated site, the entries whose body is still in the original language.
    public var untranslatedBodies: Set<EntryKey> = []
    /// Every entry's descendants and deep roll-ups, when made once for the whole site
    /// (`withDescentTable()`); without it, each is computed when asked for.
    public internal(set) var descentTable: DescentTable?
    private(set) var index: [EntryKey: Entry]
    private(set) var positions: [EntryKey: Int]

    /// Creates a site from validated entries; computes the index and backlinks.
    public init(model: SiteModel, entries: [String: [Entry]]) {
        self.model = model
        self.entries = entries
        // The backlinks on one core while the index and places are made on another: each took
        // 20 ms at 18,000 entries, on the critical path of a rebuild.
        enum Part: Sendable {
            case index([EntryKey: Entry], positions: [EntryKey: Int])
            case backlinks([EntryKey: [Backlink]])
        }
        let parts = [false, true].concurrentMap { isBacklinks -> Part in
            if isBacklinks { return .backlinks(Self.computeBacklinks(model: model, entries: entries)) }
            var index: [EntryKey: Entry] = [:]
            var positions: [EntryKey: Int] = [:]
            let count = entries.values.reduce(0) { $0 + $1.count }
            index.reserveCapacity(count)
            positions.reserveCapacity(count)
            for list in entries.values {
                for (position, entry) in list.enumerated() {
                    index[entry.key] = entry
                    positions[entry.key] = position
                }
            }
            return .index(index, positions: positions)
        }
        (index, positions, backlinks) = ([:], [:], [:])
        for part in parts {
            switch part {
            case .index(let index, let positions): (self.index, self.positions) = (index, positions)
            case .backlinks(let backlinks): self.backlinks = backlinks
            }
        }
    }

    /// The entry named by `key`.
    public func entry(_ key: EntryKey) -> Entry? { index[key] }

    /// The title of the entry `key`, without copying the entry (each of its fields is a
    /// reference to count): what a link to an entry shows.
    public func title(of key: EntryKey) -> String? { index[key]?.title }

    /// This site with `entry` in place of the entry of the same key, at the same place; `nil`
    /// when the site has no such entry. For an edit of a body only (`avance serve`): the
    /// backlinks, made from fields, are kept as they are.
    public func replacing(_ entry: Entry) -> Site? {
        guard let position = positions[entry.key], entries[entry.collection]?.indices.contains(position) == true
        else { return nil }
        var site = self
        site.entries[entry.collection]![position] = entry
        site.index[entry.key] = entry
        return site
    }

    /// This site with `edited` entries (of keys it has) in place of the entries of their keys,
    /// and `order`, its collections' display order with them in place (for an edit of fields,
    /// `avance serve`): the index, places and backlinks are mended where the edits touch them,
    /// not made again; the dates, languages, translations and unreadable files are kept, and
    /// the descent table, when made, is made again for the entries above the edited ones.
    public func replacing(_ edited: [Entry], order: [String: [Entry]]) -> Site {
        var site = self
        site.entries = order
        for name in Set(edited.map(\.collection)) {
            for (position, entry) in (order[name] ?? []).enumerated() where positions[entry.key] != position {
                site.positions[entry.key] = position
            }
        }
        for entry in edited {
            let old = index[entry.key]
            site.index[entry.key] = entry
            // The backlinks to every entry the old or the new fields name: the edited entry's
            // taken out, its new ones put in, sorted as `computeBacklinks` sorts them.
            let referenceFields = model.collection(entry.collection)?.fields.filter { $0.type.target != nil } ?? []
            var added: [EntryKey: [Backlink]] = [:]
            var targets: Set<EntryKey> = []
            for field in referenceFields {
                guard let target = field.type.target else { continue }
                for id in old?.fields[field.name]?.referencedIDs ?? [] { targets.insert(EntryKey(target, id)) }
                for id in entry.fields[field.name]?.referencedIDs ?? [] {
                    added[EntryKey(target, id), default: []].append(Backlink(from: entry.key, field: field.name))
                }
            }
            for target in targets.union(added.keys) {
                let kept = (site.backlinks[target] ?? []).filter { $0.from != entry.key }
                let list = (kept + (added[target] ?? [])).sorted()
                site.backlinks[target] = list.isEmpty ? nil : list
            }
        }
        site.descentTable = descentTable?.updated(from: self, to: site, edited: edited.map(\.key))
        return site
    }

    /// The place of an entry in its collection's display order.
    public func position(of key: EntryKey) -> Int? { positions[key] }

    /// The entries of `collection` in display order.
    public func entries(of collection: String) -> [Entry] { entries[collection] ?? [] }

    /// The entries that `entry`'s field `field` refers to, in the order written.
    public func targets(of entry: Entry, field: Field) -> [Entry] {
        guard let collection = field.type.target, let value = entry.fields[field.name] else { return [] }
        return value.referencedIDs.compactMap { index[EntryKey(collection, $0)] }
    }
}

/// "Entry `from` refers to this entry through its field `field`."
public struct Backlink: Sendable, Hashable, Comparable {
    public let from: EntryKey
    public let field: String

    public static func < (lhs: Backlink, rhs: Backlink) -> Bool {
        (lhs.from, lhs.field) < (rhs.from, rhs.field)
    }
}

extension Site {
    /// One pass over every reference: O(references), then sorted once per target.
    static func computeBacklinks(model: SiteModel, entries: [String: [Entry]]) -> [EntryKey: [Backlink]] {
        var backlinks: [EntryKey: [Backlink]] = [:]
        for collection in model.collections {
            let referenceFields = collection.fields.filter { $0.type.target != nil }
            for entry in entries[collection.name] ?? [] {
                for field in referenceFields {
                    guard let target = field.type.target, let value = entry.fields[field.name] else { continue }
                    for id in value.referencedIDs {
                        backlinks[EntryKey(target, id), default: []].append(
                            Backlink(from: entry.key, field: field.name))
                    }
                }
            }
        }
        return backlinks.mapValues { $0.sorted() }
    }
}
