import Bodies
import ContentModel
import Foundation
import Loading
import Rendering
import SiteData
import SiteLayout
import Testing
import Validation

@testable import Search

/// Builds a validated site from files held in memory, and its rendered bodies.
func makeSite(_ files: [String: String]) throws -> (Site, RenderedBodies) {
    let memory = FileSystem.memory(files: files.reduce(into: [:]) { $0["/s/" + $1.key] = Array($1.value.utf8) })
    let tree = ContentLoader(root: "/s", fileSystem: memory).load()
    let modelFile = try #require(tree.files.first { $0.path == ModelReader.path })
    let model = try #require(ModelReader.read(modelFile.text).0)
    let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
    #expect(!diagnostics.hasErrors, "\(diagnostics)")
    let bodies = BodyRenderer(site: site).render()
    #expect(bodies.diagnostics.isEmpty, "\(bodies.diagnostics)")
    return (site, bodies)
}

let model = """
    title: Sitio de prueba
    base_url: https://example.org/sub/
    language: es
    collections:
      proyectos:
        title: Proyectos
        singular: Proyecto
        path: obras
        status: estado
        fields:
          titulo: {type: string, required: true, label: Título}
          estado:
            type: enum
            label: Estado
            required: true
            values: {ejec: {label: En ejecución}, parado: {label: Detenido}}
          avance: {type: percent, label: Avance}
          web: {type: url, label: Sitio web}
          resumen: {type: text, label: Resumen}
          socios: {type: refs, to: socios, label: Socios}
          fuentes: {type: list, label: Fuentes}
          historial:
            type: list
            label: Historial
            of:
              fecha: {type: date, required: true}
              estado: {type: enum, values: {ejec: {label: En ejecución}, parado: {label: Detenido}}}
              nota: string
      socios:
        title: Socios
        singular: Socio
        fields:
          titulo: {type: string, required: true, label: Nombre}
    title_field: titulo
    """

let files = [
    "content/site.yaml": model,
    "content/socios/ong.md": "---\ntitulo: Fundación Ñandú\n---\n",
    "content/socios/banco.md": "---\ntitulo: Banco del Barrio\n---\nUn banco &amp; <b>algo</b>.\n",
    "content/obras/riesgo.md": """
    ---
    titulo: Gestión del Riesgo (Fase I)
    estado: ejec
    avance: 40
    web: https://example.org/riesgo
    resumen: "Ver [el banco](../socios/banco.md) y *más*."
    socios: [ong, banco]
    fuentes: ["Informe DMR, abril de 2022"]
    historial:
      - {fecha: 2021-01, estado: parado, nota: Pausa por la pandemia}
    ---
    Primer párrafo con **énfasis** & símbolos.

    ## Avances

    - Uno
    - Dos
    """,
    "content/obras/agua.md": "---\ntitulo: Agua segura\nestado: parado\n---\n",
]

@Suite struct SearchIndexTests {
    func records() throws -> [SearchRecord] {
        let (site, bodies) = try makeSite(files)
        return SearchIndexBuilder(site: site, bodies: bodies).records()
    }

    func record(_ url: String) throws -> SearchRecord {
        try #require(try records().first { $0.url == url })
    }

    @Test func listsEveryEntryOnceWithItsPageURL() throws {
        let urls = try records().map(\.url)
        // Collections in the order of `site.yaml`, entries in their display order (here by title).
        #expect(urls == ["obras/agua/", "obras/riesgo/", "socios/banco/", "socios/ong/"])
    }

    @Test func unaccentedQueryWordsAreFoundInTheFoldedTitle() throws {
        let riesgo = try record("obras/riesgo/")
        #expect(riesgo.title == "Gestión del Riesgo (Fase I)")
        #expect(riesgo.foldedTitle == "gestion del riesgo fase i")
        #expect(riesgo.foldedTitle.contains(SearchText.fold("gestion")))
        #expect(riesgo.foldedTitle.contains(SearchText.fold("GESTIÓN")))
        #expect(riesgo.collection == "Proyecto")
    }

    @Test func fieldsAreSearchableByLabelsAndTitlesNotIDs() throws {
        let fields = try record("obras/riesgo/").foldedFields
        #expect(fields.contains("en ejecucion"))  // the enum label, not the id `ejec`
        #expect(!fields.split(separator: " ").contains("ejec"))
        #expect(fields.contains("fundacion nandu"))  // the title of a referenced entry
        #expect(fields.contains("banco del barrio"))
        #expect(fields.contains("informe dmr abril de 2022"))  // a list item
        #expect(fields.contains("detenido pausa por la pandemia"))  // a history record: enum label and note
        #expect(fields.contains("ver el banco y mas"))  // a text field, as rendered text
        #expect(!fields.contains("40"))  // numbers are not searched
        #expect(!fields.contains("example"))  // nor URLs
    }

    @Test func bodyIsPlainFoldedText() throws {
        let riesgo = try record("obras/riesgo/")
        #expect(riesgo.foldedBody == "primer parrafo con enfasis simbolos avances uno dos")
        #expect(riesgo.excerpt == "Primer párrafo con énfasis & símbolos. Avances Uno Dos")
        #expect(try record("socios/banco/").foldedBody == "un banco algo")
    }

    @Test func entriesWithoutBodyAreSummarisedByTheirFields() throws {
        #expect(try record("obras/agua/").excerpt == "Estado: Detenido")
        #expect(try record("socios/ong/").excerpt == "")
    }

    @Test func longBodiesAndExcerptsAreCutAtAWord() throws {
        var long = files
        let sentence = "Palabra acentuada número "
        long["content/obras/agua.md"] =
            "---\ntitulo: Agua\nestado: parado\n---\n"
            + String(repeating: sentence, count: 400) + "final\n"
        let (site, bodies) = try makeSite(long)
        let agua = try #require(
            SearchIndexBuilder(site: site, bodies: bodies).records().first { $0.url == "obras/agua/" })
        #expect(agua.foldedBody.count <= SearchIndexBuilder.bodyLimit)
        #expect(agua.foldedBody.count > SearchIndexBuilder.bodyLimit - 30)
        #expect(agua.foldedBody.hasPrefix("palabra acentuada numero palabra"))
        #expect(agua.foldedBody.split(separator: " ").allSatisfy { ["palabra", "acentuada", "numero"].contains($0) })
        #expect(!agua.foldedBody.contains("final"))
        #expect(agua.excerpt.hasSuffix("…"))
        #expect(agua.excerpt.count <= SearchIndexBuilder.excerptLimit + 1)
    }

    @Test func writesAManifestOneShardPerKeyAndOneFileAnEntry() throws {
        let (site, bodies) = try makeSite(files)
        let files = SearchIndexBuilder(site: site, bodies: bodies).render()
        #expect(files == SearchIndexBuilder(site: site, bodies: bodies).render())  // deterministic
        #expect(files.allSatisfy { $0.path.hasPrefix(DataPaths.searchFolder) })
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
        let manifestBytes = try #require(byPath[DataPaths.searchIndex])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(manifestBytes)) as? [String: Any])
        #expect(manifest["version"] as? Int == 2)
        #expect(manifest["documents"] as? Int == 4)
        #expect(manifest["terms"] as? String == "terms/")
        #expect(manifest["entries"] as? String == "entries/")
        let keys = try #require(manifest["shards"] as? String).split(separator: " ").map(String.init)
        // A small site: one shard per first letter or digit.
        #expect(keys.contains("g") && keys.contains("e") && keys.allSatisfy { $0.count == 1 })
        #expect(byPath[DataPaths.searchFolder + "terms/67.json"] != nil)  // "g", in hexadecimal
        #expect(
            Set(byPath.keys)
                == Set(
                    [DataPaths.searchIndex]
                        + keys.map { DataPaths.searchFolder + "terms/" + TermIndex.Shard.fileName(of: $0) }
                        + (0..<4).map { DataPaths.searchFolder + "entries/\($0).json" }))
        let entryBytes = try #require(byPath[DataPaths.searchFolder + "entries/1.json"])
        let entry = try #require(try JSONSerialization.jsonObject(with: Data(entryBytes)) as? [String: String])
        #expect(
            entry == [
                "title": "Gestión del Riesgo (Fase I)", "collection": "Proyecto", "url": "obras/riesgo/",
                "excerpt": "Primer párrafo con énfasis & símbolos. Avances Uno Dos",
            ])
    }

    /// The shards of the fixture, read back as the script reads them: term → [title, fields, body].
    func shards() throws -> [String: [String: [[Int]]]] {
        let (site, bodies) = try makeSite(files)
        var shards: [String: [String: [[Int]]]] = [:]
        for shard in TermIndex(records: SearchIndexBuilder(site: site, bodies: bodies).records()).shards() {
            shards[shard.key] = try read(shard)
        }
        return shards
    }

    @Test func shardsHoldExactlyTheTermsOfTheEntries() throws {
        let records = try records()
        let shards = try shards()
        var expected: Set<String> = []
        for record in records {
            for text in [record.foldedTitle, record.foldedFields, record.foldedBody] {
                expected.formUnion(text.split(separator: " ").map(String.init))
            }
        }
        var found: [String] = []
        for (key, terms) in shards {
            #expect(terms.keys.allSatisfy { $0.hasPrefix(key) }, "\(key)")
            found += terms.keys
        }
        #expect(found.count == Set(found).count)  // each term in one shard
        #expect(Set(found) == expected)
        #expect(expected.isSuperset(of: ["gestion", "nandu", "en", "ejecucion", "detenido", "primer", "dos"]))
        #expect(!expected.contains("ejec") && !expected.contains("40"))  // ids and numbers are not terms
    }

    @Test func postingsSayWhereEachEntryHasTheTerm() throws {
        // Documents: 0 obras/agua, 1 obras/riesgo, 2 socios/banco, 3 socios/ong.
        let shards = try shards()
        func postings(_ term: String) -> [[Int]]? {
            shards[String(term.prefix(1))]?[term]
        }
        #expect(postings("gestion") == [[1]])  // in a title
        #expect(postings("banco") == [[2], [1]])  // a title, and a referenced entry's title in a field
        #expect(postings("nandu") == [[3], [1]])
        #expect(postings("uno") == [[], [], [1]])  // only in a body
        #expect(postings("algo") == [[], [], [2]])
    }

    @Test func statusLabelsArePostedAsFieldsOfTheirEntries() throws {
        let shards = try shards()
        // "Detenido": the label of `parado`, agua's status and riesgo's history; "En ejecución", riesgo's.
        #expect(shards["d"]?["detenido"] == [[], [0, 1]])
        #expect(shards["e"]?["ejecucion"] == [[], [1]])
        #expect(shards["p"]?["parado"] == nil)
    }

    @Test func translatedIndexesMarkUntranslatedTitles() throws {
        let (site, bodies) = try makeSite(files)
        var builder = SearchIndexBuilder(site: site, bodies: bodies)
        builder.original = "es"
        let files = builder.render(folder: "en/" + DataPaths.searchFolder)
        #expect(files.allSatisfy { $0.path.hasPrefix("en/search-index/") })
        let first = try #require(files.first { $0.path == "en/search-index/entries/0.json" })
        #expect(String(decoding: first.bytes, as: UTF8.self).contains(#""lang": "es""#))
    }
}

/// A shard's JSON, its posting lists decoded.
func read(_ shard: TermIndex.Shard) throws -> [String: [[Int]]] {
    let object = try #require(try JSONSerialization.jsonObject(with: Data(shard.bytes)) as? [String: [String]])
    return try object.mapValues { lists in try lists.map { try #require(Postings.decode(Array($0.utf8))) } }
}

@Suite struct TermIndexTests {
    /// Records of generated text: `count` entries, each with a title "Entrada n" and words of a
    /// vocabulary of 300 (some sharing long prefixes), as a large site has.
    func records(_ count: Int) -> [SearchRecord] {
        let vocabulary = (0..<300).map { "pal\(String($0, radix: 7))abra" } + ["p", "pa", "x"]
        return (0..<count).map { number in
            let body = (0..<40).map { vocabulary[(number * 7 + $0 * 13) % vocabulary.count] }.joined(separator: " ")
            return SearchRecord(
                title: "Entrada \(number)", collection: "Acción", url: "acciones/\(number)/", excerpt: "",
                foldedTitle: "entrada \(number)", foldedFields: number % 3 == 0 ? "en marcha" : "detenido",
                foldedBody: body)
        }
    }

    /// The shard the script fetches for `word` and whether it looks for that term only: the rule of
    /// `place` in theme/static/js/search.js.
    func place(_ word: String, keys: [String]) -> (key: String?, exact: Bool) {
        let deeper = keys.contains { $0 != word && $0.hasPrefix(word) }
        let longest = keys.filter { word.hasPrefix($0) }.max { $0.count < $1.count }
        return deeper ? (longest == word ? word : nil, true) : (longest, false)
    }

    @Test func largeIndexesAreSplitIntoShardsUnderTheBudget() throws {
        let index = TermIndex(records: records(3000))
        let shards = index.shards(budget: 8 * 1024)
        #expect(shards.count > 40)
        #expect(shards.allSatisfy { $0.bytes.count <= 8 * 1024 })
        #expect(Set(shards.map(\.key)).count == shards.count)
        #expect(shards.map(\.key) == shards.map(\.key).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        let keys = shards.map(\.key)
        var terms: [String: [[Int]]] = [:]
        for shard in shards {
            try terms.merge(read(shard)) { first, _ in first }
        }
        #expect(Set(terms.keys) == Set(index.postings.keys))
        // Every term is found by the script's rule, in the shard it looks in, with its postings.
        let byKey = Dictionary(uniqueKeysWithValues: try shards.map { ($0.key, try read($0)) })
        for (term, postings) in index.postings {
            let (key, _) = place(term, keys: keys)
            let shard = try #require(key.flatMap { byKey[$0] }, "\(term)")
            #expect(shard[term].map { $0 + Array(repeating: [], count: 3 - $0.count) } == postings, "\(term)")
        }
        // A word that starts terms finds them all in one shard: "pal10" finds "pal10abra", "pal100abra"…
        let prefix = place("pal10", keys: keys)
        #expect(!prefix.exact)
        let found = try #require(prefix.key.flatMap { byKey[$0] }).keys.filter { $0.hasPrefix("pal10") }
        #expect(found.count == 8)
        #expect(Set(found) == Set(index.postings.keys.filter { $0.hasPrefix("pal10") }))
        // A short word in a split group finds itself only: "p" is not every word starting with "p".
        #expect(place("p", keys: keys) == ("p", true))
        #expect(place("pa", keys: keys) == ("pa", true))
        #expect(try #require(byKey["p"]).keys.sorted() == ["p"])
    }

    @Test func aGroupOfTermsSharingTheLongestKeyIsOneShard() {
        let long = String(repeating: "a", count: TermIndex.maxKeyLength)
        let records = (0..<200).map { number in
            SearchRecord(
                title: "", collection: "", url: "", excerpt: "", foldedTitle: "", foldedFields: "",
                foldedBody: (0..<20).map { "\(long)\(number)x\($0)" }.joined(separator: " "))
        }
        let shards = TermIndex(records: records).shards(budget: 1024)
        #expect(shards.map(\.key) == [long])
        #expect(shards[0].bytes.count > 1024)
    }

    @Test func fileNamesAreTheHexadecimalUTF8OfTheKey() {
        #expect(TermIndex.Shard.fileName(of: "ge") == "6765.json")
        #expect(TermIndex.Shard.fileName(of: "ñ") == "c3b1.json")
        #expect(TermIndex.Shard.fileName(of: "οδ") == "cebfceb4.json")
    }
}

@Suite struct PostingsTests {
    @Test(arguments: [
        [Int](), [0], [31], [32], [0, 1, 2], [5, 1000, 1001, 40_000], Array(0..<100),
        Array(stride(from: 3, to: 5000, by: 2)),
    ])
    func decodesWhatItEncodes(documents: [Int]) {
        #expect(Postings.decode(Postings.encode(documents)) == documents)
    }

    @Test func writesGapsInBase32() {
        #expect(String(decoding: Postings.encode([0]), as: UTF8.self) == "1")  // gap 1
        #expect(String(decoding: Postings.encode([0, 30]), as: UTF8.self) == "1U")  // gap 30
        #expect(String(decoding: Postings.encode([31]), as: UTF8.self) == "X0")  // gap 32: digits 1, 0
        // Gaps 3, 7 and 1024 (digits 1, 0, 0).
        #expect(String(decoding: Postings.encode([2, 9, 1033]), as: UTF8.self) == "37XW0")
    }

    @Test func writesDenseListsAsBits() {
        #expect(String(decoding: Postings.encode(Array(0..<12)), as: UTF8.self) == "~__")
        #expect(String(decoding: Postings.encode([0, 1, 2, 3, 4, 5, 7, 8]), as: UTF8.self) == "~_6")
        #expect(Postings.encode(Array(0..<18_000)).count == 3001)
    }

    @Test(arguments: [
        [Int](), [0], [31], [32], [0, 1, 2], [5, 1000, 1001, 40_000], Array(0..<100),
        Array(stride(from: 3, to: 5000, by: 2)), Array(stride(from: 0, to: 600, by: 7)),
    ])
    func tellsWhetherAListHoldsANumberAsItsDocumentsDo(documents: [Int]) {
        // Both forms (the dense lists are written as bits), each number asked alone and in sets.
        let encoded = Postings.encode(documents)
        let present = Set(documents)
        for number in [0, 1, 2, 3, 5, 6, 31, 32, 33, 99, 100, 999, 1000, 1001, 4999, 5000, 40_000, 40_001] {
            #expect(Postings.holds(any: [number], in: encoded) == present.contains(number), "\(number)")
        }
        #expect(Postings.holds(any: [4, 1001, 70_000], in: encoded) == !present.isDisjoint(with: [4, 1001, 70_000]))
        #expect(Postings.holds(any: [], in: encoded) == false)
    }

    @Test func rejectsWhatIsNotAList() {
        #expect(Postings.holds(any: [40], in: Array("1*".utf8)) == nil)
        #expect(Postings.holds(any: [40], in: Array("X".utf8)) == nil)
        #expect(Postings.holds(any: [0], in: Array("~*".utf8)) == nil)
        #expect(Postings.decode(Array("1*".utf8)) == nil)
        #expect(Postings.decode(Array("X".utf8)) == nil)  // a digit waiting for its last
        #expect(Postings.decode(Array("~*".utf8)) == nil)
    }
}

@Suite struct SearchTextTests {
    @Test(arguments: [
        ("Gestión (RCN-Visa)", "gestion rcn visa"),
        ("  ÑANDÚ,  Quito… ", "nandu quito"),
        ("Eﬁciencia ① 2ª", "eficiencia 1 2a"),
        ("İstanbul ΟΔΟΣ", "istanbul οδοσ"),
        ("«¿Qué?» — ¡sí!", "que si"),
        ("", ""),
    ])
    func foldsLikeTheScript(text: String, folded: String) {
        #expect(SearchText.fold(text) == folded)
    }

    /// The Latin letters and general punctuation are folded from tables made once: each folds as
    /// its own decomposition does, alone and between ASCII letters, and the scalars just past the
    /// tables too.
    @Test func latinLettersFoldAsTheirOwnDecomposition() {
        for value in Array(UInt32(0x80)...0x250) + Array(0x1FFF...0x2070) {
            let scalar = Unicode.Scalar(value)!
            let bytes = SearchText.Folding.bytes(of: SearchText.foldedScalars(of: scalar))
            // Zeros separate words: each run of them is one space, none at the ends.
            func words(_ bytes: [UInt8]) -> String {
                String(decoding: Array(bytes.split(separator: 0).joined(separator: [0x20])), as: UTF8.self)
            }
            #expect(SearchText.fold(String(Character(scalar))) == words(bytes), "U+\(String(value, radix: 16))")
            #expect(
                SearchText.fold("a\(Character(scalar))b") == words([0x61] + bytes + [0x62]),
                "U+\(String(value, radix: 16))")
        }
        #expect(SearchText.fold("ǄÆØ ǅ") == "dzæø dz")
        #expect(SearchText.fold("“Plan”—2025…‼ ⁵") == "plan 2025 5")
    }

    @Test func plainTextDropsTagsAndDecodesEntities() {
        let html =
            "<h2 id=\"a\">Título</h2>\n<p>A &amp; B<em>c</em> &lt;x&gt; &#233; &#xE9;</p><ul><li>uno</li><li>dos</li></ul>"
        #expect(SearchText.plainText(fromHTML: html) == "Título A & Bc <x> é é uno dos")
        // Inline tags join the text around them whatever their case; others, however long their
        // name (a prefix of one is not one), separate it.
        let tags = "a<STRONG>b</Strong>c<strongest>d</strongest>e<br/>f<sub>g</sub><s>h</s><section>i"
        #expect(SearchText.plainText(fromHTML: tags) == "abc d e fgh i")
    }

    @Test func plainTextStopsAfterItsLimitWithoutSplittingACharacter() {
        #expect(SearchText.plainText(fromHTML: "<p>ñañ&amp;ú</p>\n<p>x</p>", limit: 4) == "ñañ&")
        #expect(SearchText.plainText(fromHTML: "<p>a</p>\n<p>b c</p>", limit: 2) == "a b")
        #expect(SearchText.plainText(fromHTML: "  <p> a  \n b </p> ", limit: 10) == "a b")
    }

    @Test func truncatesAtTheLastSpace() {
        #expect(SearchText.truncated("uno dos tres", to: 9, ellipsis: "…") == "uno dos…")
        #expect(SearchText.truncated("uno dos tres", to: 20) == "uno dos tres")
        #expect(SearchText.truncated("unodostres", to: 4) == "unod")
    }
}

/// The index made from the last build's (the build cache's rebuild after a body edit): the same
/// bytes as the index made whole.
@Suite struct SearchIndexUpdateTests {
    /// The files of the index of `files`, by path.
    func index(_ files: [String: String]) throws -> [String: [UInt8]] {
        let (site, bodies) = try makeSite(files)
        let made = SearchIndexBuilder(site: site, bodies: bodies).render()
        return Dictionary(uniqueKeysWithValues: made.map { ($0.path, $0.bytes) })
    }

    /// The index of `files` made from `previous`, the bodies of `changed` entries having changed.
    func update(_ files: [String: String], changed: [EntryKey], previous: [String: [UInt8]])
        throws -> SearchIndexBuilder.Update?
    {
        let (site, bodies) = try makeSite(files)
        return SearchIndexBuilder(site: site, bodies: bodies).update(changed: Set(changed)) { previous[$0] }
    }

    @Test func aBodyEditMakesOnlyItsRecordTheManifestAndTheShardsItChanges() throws {
        let before = try index(files)
        var edited = files
        edited["content/obras/agua.md"]! += "Un pozo xyzzy nuevo.\n"
        let whole = try index(edited)
        let made = try #require(try update(edited, changed: [EntryKey("proyectos", "agua")], previous: before))
        #expect(made.paths == Set(whole.keys))
        var merged = before.filter { made.paths.contains($0.key) }
        for file in made.files { merged[file.path] = file.bytes }
        #expect(merged == whole)
        // Agua's record and the shards of its new words, no other record.
        let records = made.files.filter { $0.path.hasPrefix("search-index/entries/") }
        #expect(records.count == 1)
        #expect(records.allSatisfy { String(decoding: $0.bytes, as: UTF8.self).contains("obras/agua/") })
        #expect(made.files.contains { $0.path == "search-index/index.json" })
        #expect(made.files.contains { $0.path.hasPrefix("search-index/terms/") })
        // And back: the word is gone from every shard.
        let back = try #require(try update(files, changed: [EntryKey("proyectos", "agua")], previous: merged))
        var restored = merged.filter { back.paths.contains($0.key) }
        for file in back.files { restored[file.path] = file.bytes }
        #expect(restored == before)
        #expect(!restored.values.contains { String(decoding: $0, as: UTF8.self).contains("xyzzy") })
    }

    @Test(arguments: [
        "no manifest", "other count", "other version", "missing shard", "torn shard", "escaped term",
        "unreadable postings",
    ])
    func anIndexThatCannotBeReadIsMadeWhole(_ damage: String) throws {
        var before = try index(files)
        let manifest = "search-index/index.json"
        let shard = try #require(before.keys.first { $0.hasPrefix("search-index/terms/") })
        func replace(_ path: String, _ old: String, _ new: String) {
            before[path] = Array(
                String(decoding: before[path]!, as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
        }
        switch damage {
        case "no manifest": before[manifest] = nil
        case "other count": replace(manifest, "\"documents\": 4", "\"documents\": 5")
        case "other version": replace(manifest, "\"version\": 2", "\"version\": 3")
        case "missing shard": before[shard] = nil
        case "torn shard": before[shard] = Array(before[shard]!.prefix(before[shard]!.count / 2))
        case "unreadable postings":
            // Every term's first list starts with a character no list is written with.
            before[shard] = Array(
                String(decoding: before[shard]!, as: UTF8.self).replacing("\":[\"", with: "\":[\"!").utf8)
        default:
            before[shard] = Array(
                String(decoding: before[shard]!, as: UTF8.self).replacing("{\n\"", with: "{\n\"\\u0061").utf8)
        }
        #expect(try update(files, changed: [EntryKey("proyectos", "agua")], previous: before) == nil)
    }
}

extension TermIndexTests {
    @Test func replacingADocumentsTermsGivesTheShardsOfTheNewRecords() throws {
        var records = records(3000)
        let old = TermIndex(records: records).shards(budget: 8 * 1024)
        var lines = TermIndex.Lines()
        for shard in old {
            let read = lines.read(shard: shard.bytes)
            #expect(read)
        }
        // Document 7 loses every word (a term of its own goes from its shard) and gains new ones.
        records.append(
            SearchRecord(
                title: "", collection: "", url: "", excerpt: "", foldedTitle: "solo", foldedFields: "",
                foldedBody: "unico"))
        let before = TermIndex(records: records).shards(budget: 8 * 1024)
        lines = TermIndex.Lines()
        for shard in before {
            let read = lines.read(shard: shard.bytes)
            #expect(read)
        }
        records[7].foldedBody = "pal10abra nuevo"
        records[7].foldedTitle = "entrada"
        records[3000].foldedTitle = ""
        let replaced = lines.replace([7: TermIndex.terms(of: records[7]), 3000: TermIndex.terms(of: records[3000])])
        #expect(replaced)
        let expected = TermIndex(records: records).shards(budget: 8 * 1024)
        #expect(TermIndex.shards(of: lines.sortedLines(), budget: 8 * 1024) == expected)
        #expect(!expected.contains { String(decoding: $0.bytes, as: UTF8.self).contains("\"solo\"") })
    }
}

@Suite struct SearchIndexPassTests {
    /// The pass numbers each index's documents in the order of the site's entries: an index whose
    /// site lists other entries is made whole instead.
    @Test func anIndexOfOtherEntriesIsNotMadeInThePass() throws {
        let (site, bodies) = try makeSite(files)
        var other = files
        other["content/obras/nueva.md"] = "---\ntitulo: Nueva\nestado: ejec\n---\n"
        let (otherSite, otherBodies) = try makeSite(other)
        let builder = SearchIndexBuilder(site: site, bodies: bodies)
        #expect(SearchIndexPass(site: site, indexes: [(builder, DataPaths.searchFolder)]) != nil)
        let others = SearchIndexBuilder(site: otherSite, bodies: otherBodies)
        #expect(SearchIndexPass(site: site, indexes: [(builder, "a/"), (others, "b/")]) == nil)
    }
}
