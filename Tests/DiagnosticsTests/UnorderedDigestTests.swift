import Testing

@testable import Diagnostics

/// `UnorderedDigest`: the same records in any order give the same digest; any record changed,
/// added or removed gives another.
@Suite struct UnorderedDigestTests {
    func digest(_ records: [(String, String)], seed: UInt64 = 0) -> String {
        var digest = UnorderedDigest()
        for (name, value) in records { digest.add(name, value, seed: seed) }
        return digest.text
    }

    let records = (0..<500).map { ("content/acciones/accion-\($0).md", "hash-\($0 * 7919 % 1000)") }

    @Test func theSameRecordsInAnyOrderGiveTheSameDigest() {
        #expect(digest(records) == digest(records.reversed()))
        #expect(digest(records) == digest(records.sorted { $0.1 < $1.1 }))
        #expect(digest([]) == UnorderedDigest().text)
    }

    @Test func anyRecordChangedAddedOrRemovedGivesAnother() {
        let base = digest(records)
        var changed = records
        changed[250].1 += "x"
        var renamed = records
        renamed[3].0 = "content/acciones/accion-3.en.md"
        // Two records' values swapped: each record is its name with its value.
        var swapped = records
        (swapped[1].1, swapped[2].1) = (records[2].1, records[1].1)
        let others = [
            changed, renamed, swapped, Array(records.dropLast()), records + [("content/site.yaml", "h")],
            // A record counted twice is not the same set.
            records + [records[0]],
        ]
        for other in others { #expect(digest(other) != base) }
        // Where the name ends and the value begins.
        #expect(digest([("ab", "c")]) != digest([("a", "bc")]))
        // Another seed (another language's folder and generation).
        #expect(digest(records, seed: UnorderedDigest.seed("en/", "g")) != base)
    }
}
