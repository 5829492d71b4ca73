import ContentModel
import ParallelMap
import SiteData
import SiteLayout

/// The search index of a site whose entries are the same, in the same order, as the last
/// build's, but some of whose bodies changed (the build cache): made from the last build's
/// index instead of from every entry. Only the changed entries' records are made again; every
/// other term keeps its line of the old shards, byte for byte; the manifest and the shards whose
/// bytes change are made, the rest is the old index's.
extension SearchIndexBuilder {
    /// What `update` made, and what the index it is part of holds.
    public struct Update: Sendable, Equatable {
        /// The files made again: the manifest, the shards whose bytes changed, the changed
        /// entries' record files.
        public var files: [OutputFile]
        /// Every file of the new index (in its folder): the others are the old index's.
        public var paths: Set<String>
    }

    /// The URL of every document of the index, in its order: two builds whose lists are the same
    /// number their documents alike.
    public func documentURLs() -> [String] {
        let paths = PagePaths(model: site.model)
        return site.model.collections.flatMap { collection in
            site.entries(of: collection.name).map { paths.page(of: $0.key) }
        }
    }

    /// The index in `folder`, given the last build's (`previous` reads one of its files by path;
    /// the caller has checked that its documents were these, in this order), when the bodies
    /// of `changed` entries are the only difference. `nil` when the old index cannot be read
    /// (missing, or not what this version writes): then the index is made whole.
    public func update(
        folder: String = DataPaths.searchFolder, changed: Set<EntryKey>, previous: (String) -> [UInt8]?
    ) -> Update? {
        let paths = PagePaths(model: site.model)
        // The changed documents, with their numbers (18,000 entries paired with their
        // collections, to find a few, were a tenth of the update).
        var numbers: [Int] = []
        var changedDocuments: [(Entry, Collection)] = []
        var documentCount = 0
        for collection in site.model.collections {
            let entries = site.entries(of: collection.name)
            for index in entries.indices {
                if changed.contains(entries[index].key) {
                    numbers.append(documentCount)
                    changedDocuments.append((entries[index], collection))
                }
                documentCount += 1
            }
        }
        guard let manifest = previous(folder + Self.manifest),
            let (count, keys) = Self.readManifest(manifest), count == documentCount
        else { return nil }
        var old = TermIndex.Lines()
        var oldShards: [String: [UInt8]] = [:]
        for key in keys {
            let name = TermIndex.Shard.fileName(of: key)
            guard let bytes = previous(folder + Self.termsFolder + name), old.read(shard: bytes) else { return nil }
            oldShards[name] = bytes
        }
        let records = changedDocuments.concurrentMap { entry, collection in
            record(of: entry, in: collection, paths: paths)
        }
        guard old.replace(Dictionary(uniqueKeysWithValues: zip(numbers, records.map(TermIndex.terms(of:)))))
        else { return nil }
        let shards = TermIndex.shards(of: old.sortedLines())
        var files = [
            OutputFile(path: folder + Self.manifest, bytes: Self.manifestBytes(documents: count, shards: shards))
        ]
        for shard in shards where oldShards[shard.fileName] != shard.bytes {
            files.append(OutputFile(path: folder + Self.termsFolder + shard.fileName, bytes: shard.bytes))
        }
        for (number, record) in zip(numbers, records) {
            files.append(
                OutputFile(
                    path: folder + Self.entriesFolder + "\(number).json", bytes: record.document.serializedBytes()))
        }
        var all = Set(shards.map { folder + Self.termsFolder + $0.fileName })
        all.insert(folder + Self.manifest)
        for number in 0..<count { all.insert(folder + Self.entriesFolder + "\(number).json") }
        return Update(files: files, paths: all)
    }

    /// The number of documents and the shards' keys of a manifest this version wrote; `nil` for
    /// anything else.
    static func readManifest(_ bytes: [UInt8]) -> (documents: Int, keys: [String])? {
        var documents: Int?
        var keys: [String]?
        var version: Int?
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            let text = String(decoding: line, as: UTF8.self)
            if let value = Self.member("documents", of: text) { documents = Int(value) }
            if let value = Self.member("version", of: text) { version = Int(value) }
            if let value = Self.member("shards", of: text), value.hasPrefix("\""), value.hasSuffix("\""),
                value.count >= 2, !value.contains("\\")
            {
                keys = value.dropFirst().dropLast().split(separator: " ").map(String.init)
            }
        }
        guard version == formatVersion, let documents, let keys else { return nil }
        return (documents, keys)
    }

    /// The value of `"name": value` (with the comma after it removed), when `line` is that member.
    private static func member(_ name: String, of line: String) -> Substring? {
        let trimmed = line.drop { $0 == " " }
        let prefix = "\"\(name)\": "
        guard trimmed.hasPrefix(prefix) else { return nil }
        var value = trimmed.dropFirst(prefix.count)
        if value.hasSuffix(",") { value = value.dropLast() }
        return value
    }
}

extension TermIndex {
    /// The lines of every term, as a shard holds them, with their posting lists decoded only
    /// for the terms of documents being replaced.
    struct Lines {
        /// Each term's line, by term.
        var lines: [String: Line] = [:]

        /// Adds the terms of one shard's bytes (`TermIndex.shard`); false when they are not a
        /// shard this version writes.
        mutating func read(shard bytes: [UInt8]) -> Bool {
            let open = Array("{\n".utf8)
            let close = Array("\n}\n".utf8)
            guard bytes.count >= open.count + close.count, bytes.starts(with: open),
                bytes.suffix(close.count).elementsEqual(close)
            else { return false }
            let body = bytes[open.count..<(bytes.count - close.count)]
            for raw in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                var line = raw
                if line.last == UInt8(ascii: ",") { line = line.dropLast() }
                // `"term":["…","…","…"]`; a term is letters and digits, never escaped.
                guard line.first == UInt8(ascii: "\""), line.last == UInt8(ascii: "]"),
                    let end = line.dropFirst().firstIndex(of: UInt8(ascii: "\"")),
                    !line[..<end].contains(UInt8(ascii: "\\")),
                    line[end...].starts(with: "\":[".utf8)
                else { return false }
                let term = String(decoding: line[line.index(after: line.startIndex)..<end], as: UTF8.self)
                guard !term.isEmpty, lines[term] == nil else { return false }
                lines[term] = Line(scalars: Array(term.unicodeScalars), bytes: Array(line))
            }
            return true
        }

        /// Whether a term's line lists any of `numbers` (sorted) in any of its lists, read no further
        /// than it must; `nil` when the line is not one.
        static func lists(_ line: Line, holdAny numbers: [Int]) -> Bool? {
            let bytes = line.bytes
            guard let open = bytes.firstIndex(of: UInt8(ascii: "[")) else { return nil }
            var rest = bytes[(open + 1)..<(bytes.count - 1)]
            var count = 0
            while !rest.isEmpty {
                guard rest.first == UInt8(ascii: "\""),
                    let end = rest.dropFirst().firstIndex(of: UInt8(ascii: "\"")),
                    let holds = Postings.holds(any: numbers, in: rest[(rest.startIndex + 1)..<end])
                else { return nil }
                if holds { return true }
                count += 1
                rest = rest[(end + 1)...]
                if rest.first == UInt8(ascii: ",") { rest = rest.dropFirst() }
            }
            return (1...3).contains(count) ? false : nil
        }

        /// The posting lists of a term's line; `nil` when the line is not one.
        static func lists(of line: Line) -> [[Int]]? {
            let bytes = line.bytes
            guard let open = bytes.firstIndex(of: UInt8(ascii: "[")) else { return nil }
            var lists: [[Int]] = []
            var rest = bytes[(open + 1)..<(bytes.count - 1)]
            while !rest.isEmpty {
                guard rest.first == UInt8(ascii: "\""),
                    let end = rest.dropFirst().firstIndex(of: UInt8(ascii: "\"")),
                    let list = Postings.decode(rest[(rest.startIndex + 1)..<end])
                else { return nil }
                lists.append(list)
                rest = rest[(end + 1)...]
                if rest.first == UInt8(ascii: ",") { rest = rest.dropFirst() }
            }
            guard (1...3).contains(lists.count) else { return nil }
            while lists.count < 3 { lists.append([]) }
            return lists
        }

        /// Replaces the terms of `documents` (number → its terms and their places): each is
        /// taken out of every list it was in (a term left in no list is gone), then put in the
        /// lists of its new terms. Only the lines of the terms touched are made again. `false`
        /// (and nothing replaced) when a line's lists cannot be read: the index is then made
        /// whole, since a term read as holding nothing would lose every other document.
        mutating func replace(_ documents: [Int: [(String, Int)]]) -> Bool {
            guard !documents.isEmpty else { return true }
            let numbers = documents.keys.sorted()
            // The old terms of these documents, on every core: each line read only as far as it
            // must to tell whether it lists one of them; those that do are decoded.
            let lines = self.lines
            let terms = Array(lines.keys)
            let holding = terms.concurrentMap { term -> [[Int]]?? in
                guard let line = lines[term], let holds = Self.lists(line, holdAny: numbers) else { return nil }
                guard holds else { return .some(nil) }
                guard let lists = Self.lists(of: line) else { return nil }
                return .some(lists)
            }
            // The lists of the terms touched, made again below.
            var decoded: [String: [[Int]]] = [:]
            for (term, read) in zip(terms, holding) {
                guard let read else { return false }
                guard var lists = read else { continue }
                // Each number found by halving (a word found in every entry has 18,000; asking
                // a dictionary about each was 10 % of a rebuild's search update).
                for place in lists.indices {
                    for number in numbers {
                        if let at = Self.find(number, in: lists[place]) { lists[place].remove(at: at) }
                    }
                }
                decoded[term] = lists
            }
            for (number, placed) in documents {
                for (term, place) in placed {
                    var lists = decoded[term] ?? self.lines[term].flatMap(Self.lists(of:)) ?? [[], [], []]
                    let at = Self.insertion(number, in: lists[place])
                    if at == lists[place].count || lists[place][at] != number { lists[place].insert(number, at: at) }
                    decoded[term] = lists
                }
            }
            for (term, lists) in decoded {
                if lists.allSatisfy(\.isEmpty) {
                    self.lines[term] = nil
                } else {
                    self.lines[term] = TermIndex.line(term, lists)
                }
            }
            return true
        }

        /// The lines, sorted as `TermIndex.shards` sorts them.
        func sortedLines() -> [Line] {
            lines.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map(\.value)
        }

        /// The position of `number` in the sorted `list`, if it is there.
        static func find(_ number: Int, in list: [Int]) -> Int? {
            let at = insertion(number, in: list)
            return at < list.count && list[at] == number ? at : nil
        }

        /// Where `number` goes in the sorted `list`.
        static func insertion(_ number: Int, in list: [Int]) -> Int {
            var low = 0
            var high = list.count
            while low < high {
                let middle = (low + high) / 2
                if list[middle] < number { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
