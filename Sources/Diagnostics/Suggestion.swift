import Foundation

/// "Did you mean …?": the closest candidate to a misspelt name, by edit distance.
public enum Suggestion {
    /// The candidate closest to `name`, or `nil` when none is close enough to be a typo: one the
    /// same as `name` once folded (`fold`), else the nearest by edit distance, about one typo per
    /// three characters. For ids and field names, whose near neighbours are typos.
    ///
    /// Only called on failure, so a plain O(n·m) distance per candidate is fine.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let folded = fold(name)
        if !folded.isEmpty, let same = candidates.first(where: { fold($0) == folded }) { return same }
        let target = Array(name.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        // Allow about one typo per three characters, and always at least two.
        let allowed = max(2, target.count / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The value of a closed list (an enum's ids) that `text` means, or `nil`: the same once folded
    /// ("En Marcha" is `en-marcha`), or at most one typo per five letters of the folded text
    /// (`finalisado` is `finalizado`). Stricter than `closest`: two values a few letters apart
    /// are different facts ("Paralizado" is not `finalizado`), so a guess there would record the
    /// wrong one.
    public static func closestValue(to text: String, among candidates: some Sequence<String>) -> String? {
        let folded = fold(text)
        guard !folded.isEmpty else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(folded), Array(fold(candidate)))
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        return best.distance <= max(1, folded.count / 5) ? best.candidate : nil
    }

    /// `text` as people's spellings of one name compare: lowercase, without accents, spaces,
    /// hyphens or underscores ("En Marcha", "en_marcha" and "en-marcha" are `enmarcha`).
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .filter { !$0.isWhitespace && $0 != "-" && $0 != "_" }
    }

    /// A hint sentence, such as "did you mean `h07`?", or `nil`.
    public static func hint(for name: String, among candidates: some Sequence<String>) -> String? {
        closest(to: name, among: candidates).map { "did you mean `\($0)`?" }
    }

    /// Damerau–Levenshtein (optimal string alignment) distance: a swap of two letters counts one.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
