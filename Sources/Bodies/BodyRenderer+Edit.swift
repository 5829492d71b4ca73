import Diagnostics
import SiteData

extension BodyRenderer {
    /// `bodies` with `entry`'s Markdown rendered again, its body and its `text` fields: `nil`
    /// when the new body has a problem, names a heading that does not exist, or changes the ids
    /// of its headings (which other bodies' `#fragment` links may name), for a whole build to
    /// report and check. `entry` must be of this renderer's site.
    public func rerender(_ entry: Entry, in bodies: RenderedBodies) -> RenderedBodies? {
        let result = render(entry)
        guard result.diagnostics.isEmpty else { return nil }
        let before = (bodies.headings[entry.key] ?? []).map(\.id)
        guard before.count == result.headings.count,
            zip(before, result.headings).allSatisfy({ $0.hasSameBytes(as: $1.id) })
        else { return nil }
        for anchor in result.anchors {
            let headings = anchor.target == entry.key ? result.headings : bodies.headings[anchor.target] ?? []
            guard headings.contains(where: { $0.id.hasSameBytes(as: anchor.fragment) }) else { return nil }
        }
        var bodies = bodies
        bodies.html[entry.key] = result.html
        bodies.headings[entry.key] = result.headings
        // The HTML of its `text` fields, made as a whole conversion makes it (none: no entry).
        bodies.fieldHTML[entry.key] = result.fieldHTML.isEmpty ? nil : result.fieldHTML
        return bodies
    }
}
