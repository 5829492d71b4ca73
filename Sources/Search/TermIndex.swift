import JSON
import ParallelMap

/// The words of every entry and the entries each is found in, cut into shards small enough for a
/// phone: `theme/static/js/search.js` fetches, for each word of a query, one shard, never the
/// whole index.
///
/// A document is an entry, numbered by its position in the index (collections in the order of
/// `site.yaml`, entries in their display order). A term is a word of its folded title, field
/// values or body (`SearchText.fold`, split at spaces). For each term the index keeps three
/// posting lists, by where the term is found: in the title, in the fields but not the title, only
/// in the body; the script ranks with them as it did with the whole text.
///
/// **Shards.** Terms are grouped by their first character; a group whose shard would be larger
/// than `budget` bytes is split by the next character, and so on (to `maxKeyLength` characters).
/// Each group is one shard, named by the prefix its terms share (its key); when a group is split,
/// the term equal to its prefix, if any, stays in a shard of its own under that key. The keys,
/// sorted, are in the manifest, so the script knows which shard to fetch for a word:
/// - the shard whose key is the longest prefix of the word, when no key is longer and starts with
///   the word: the script lists every term of that shard that starts with the word ("gest" finds
///   "gestion" and "gestiones");
/// - otherwise (a short word, where the group was split), the shard whose key is the word: only
///   the term equal to the word is found there. A one-letter word does not fetch every shard.
public struct TermIndex: Sendable {
    /// The posting lists of every term, by place: `[title, fields, body]`, each sorted.
    public let postings: [String: [[Int]]]
    /// How many documents the index has.
    public let documents: Int

    /// Bytes a shard is kept under, unless one group of terms sharing `maxKeyLength` characters is
    /// larger.
    public static let budget = 64 * 1024
    /// The longest key: 16 characters, a 32-character file name for ASCII.
    public static let maxKeyLength = 16

    /// The index of `records`, document `n` being `records[n]`.
    public init(records: [SearchRecord]) {
        let placed = records.concurrentMap(Self.terms(of:))
        var postings: [String: [[Int]]] = [:]
        for (document, terms) in placed.enumerated() {
            for (term, place) in terms {
                postings[term, default: [[], [], []]][place].append(document)
            }
        }
        self.postings = postings
        documents = records.count
    }

    /// The index of the posting lists `postings` (each sorted) of `documents` documents.
    public init(postings: [String: [[Int]]], documents: Int) {
        self.postings = postings
        self.documents = documents
    }

    /// The distinct terms of a record, each with the best place it is found in: 0 title, 1 fields,
    /// 2 body. In no particular order: each term's postings are appended in document order.
    /// Split on the UTF-8 bytes: each word is a `String` of its own (most fit in one without an
    /// allocation), not a `Substring` that retains its text at every use.
    static func terms(of record: SearchRecord) -> [(String, Int)] {
        var places: [String: Int] = [:]
        places.reserveCapacity(128)
        for (place, text) in [record.foldedTitle, record.foldedFields, record.foldedBody].enumerated() {
            var text = text
            text.withUTF8 { bytes in
                var start = 0
                for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                    defer { start = end + 1 }
                    guard end > start else { continue }
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if places[word] == nil { places[word] = place }
                }
            }
        }
        return places.map { ($0.key, $0.value) }
    }

    /// One shard: the key its terms start with, and its JSON, an object of term → posting lists.
    public struct Shard: Sendable, Hashable {
        /// The prefix every term of the shard starts with; for the stub of a split group, its only term.
        public let key: String
        /// `{"term":["title","fields","body"],…}`, one term a line, sorted; empty lists at the end
        /// left out.
        public let bytes: [UInt8]

        /// The file name of the shard, the same in the script: the hexadecimal digits of the
        /// key's UTF-8 bytes (`ge` is `6765.json`), safe on every file system and in every URL.
        public var fileName: String { Self.fileName(of: key) }

        /// The file name of the shard of `key`.
        public static func fileName(of key: String) -> String {
            let digits = Array("0123456789abcdef".utf8)
            var name: [UInt8] = []
            for byte in key.utf8 {
                name.append(digits[Int(byte >> 4)])
                name.append(digits[Int(byte & 15)])
            }
            return String(decoding: name, as: UTF8.self) + ".json"
        }
    }

    /// A term and its line of a shard.
    struct Line: Sendable {
        let scalars: [Unicode.Scalar]
        let bytes: [UInt8]
    }

    /// The shards, in the order of their keys; each term's line is made on every core.
    public func shards(budget: Int = Self.budget) -> [Shard] {
        let terms = Array(postings.keys)
        let lines = terms.concurrentMap { Self.line($0, postings[$0] ?? []) }
        let order = terms.indices.sorted { terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8) }  // by scalars
        return Self.shards(of: order.map { lines[$0] }, budget: budget)
    }

    /// The shards of `lines`, sorted by their terms' UTF-8 bytes (the order of scalars).
    static func shards(of lines: [Line], budget: Int = Self.budget) -> [Shard] {
        var shards: [Shard] = []
        partition(lines[...], depth: 0, budget: budget, into: &shards)
        return shards
    }

    /// The line of `term` in its shard: `"term":["title","fields","body"]`, empty lists at the
    /// end left out.
    static func line(_ term: String, _ lists: [[Int]]) -> Line {
        var lists = lists.map(Postings.encode)
        while lists.last?.isEmpty == true { lists.removeLast() }
        var bytes = Array(JSONValue.string(term).serializedBytes().dropLast())  // without its newline
        bytes += ":[".utf8
        for (index, list) in lists.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes += list
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return Line(scalars: Array(term.unicodeScalars), bytes: bytes)
    }

    /// Appends the shards of `lines`, sorted terms sharing their first `depth` characters.
    static func partition(_ lines: ArraySlice<Line>, depth: Int, budget: Int, into shards: inout [Shard]) {
        guard let first = lines.first else { return }
        let key = String(String.UnicodeScalarView(first.scalars.prefix(depth)))
        if depth > 0, depth >= maxKeyLength || size(of: lines) <= budget {
            shards.append(shard(key, lines))
            return
        }
        var rest = lines
        if depth > 0, first.scalars.count == depth {  // the term equal to the key sorts first
            shards.append(shard(key, lines.prefix(1)))
            rest = rest.dropFirst()
        }
        while let next = rest.first {
            let character = next.scalars[depth]
            let group = rest.prefix { $0.scalars[depth] == character }
            partition(group, depth: depth + 1, budget: budget, into: &shards)
            rest = rest.dropFirst(group.count)
        }
    }

    /// The bytes of the shard of `lines`.
    static func size(of lines: ArraySlice<Line>) -> Int {
        lines.reduce(4) { $0 + $1.bytes.count + 2 }
    }

    static func shard(_ key: String, _ lines: ArraySlice<Line>) -> Shard {
        var bytes: [UInt8] = Array("{\n".utf8)
        for (index, line) in lines.enumerated() {
            if index > 0 { bytes += ",\n".utf8 }
            bytes += line.bytes
        }
        bytes += "\n}\n".utf8
        return Shard(key: key, bytes: bytes)
    }
}
