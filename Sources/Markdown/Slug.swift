/// GitHub's heading ids: lowercase, letters and digits kept (accents too), spaces to hyphens,
/// other punctuation dropped; repeats get `-1`, `-2`…
public enum Slug {
    /// The id for a heading's text; `section` when nothing is left.
    public static func make(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                slug.append(character)
            } else if character == " " {
                slug.append("-")
            }
        }
        return slug.isEmpty ? "section" : slug
    }

    /// `base`, or `base-1`, `base-2`… when `base` is already in `used`.
    public static func unique(_ base: String, used: inout [String: Int]) -> String {
        guard let count = used[base] else {
            used[base] = 1
            return base
        }
        var next = count
        var candidate = "\(base)-\(next)"
        while used[candidate] != nil {
            next += 1
            candidate = "\(base)-\(next)"
        }
        used[base] = next + 1
        used[candidate] = 1
        return candidate
    }
}
