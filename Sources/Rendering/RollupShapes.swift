import ContentModel
import Foundation
import SiteData

/// What the roll-ups of every entry page share, made once for a builder from the model and the
/// words instead of once a page: which collections roll up to each collection, with each one's
/// figure title; the sentence that describes a set of paths. An action's page showing the one project that refers to it spent more on these than
/// on the project (a quarter of the render stage on the bench corpus). Made from the model
/// only, so every edit `avance serve` takes into a builder keeps them.
final class RollupShapes: @unchecked Sendable {
    /// A collection whose entries' status rolls up to a parent's page.
    struct Child: Sendable {
        let collection: Collection
        /// Its status field.
        let field: Field?
        /// The figure's title: "Proyectos por estado".
        let title: String
    }

    /// By parent collection, the collections with a status field that can sit below its
    /// entries, in the model's order.
    let children: [String: [Child]]

    private let lock = NSLock()
    /// `PageBuilder.describe(_:counted:)` of each set of paths and collection counted.
    private var descriptions: [Description: String?] = [:]

    struct Description: Hashable {
        let paths: [DescentPath]
        let counted: String
    }

    init(model: SiteModel, strings: Strings, reaches: (String, String) -> Bool) {
        var children: [String: [Child]] = [:]
        for parent in model.collections {
            children[parent.name] = model.collections.filter { $0.statusField != nil && reaches($0.name, parent.name) }
                .map { child in
                    let field = child.statusField.flatMap(child.field)
                    let title = strings.format(
                        "status.title", ["collection": child.title, "field": field?.label.lowercased() ?? ""])
                    return Child(collection: child, field: field, title: title)
                }
        }
        self.children = children
    }

    /// The sentences that depend only on the model and a count ("2 proyectos", "Ninguna
    /// acción depende de este hito"), by what they say and for which collections.
    private var sentences: [String: String] = [:]

    /// The sentence kept at `key`, made by `make` the first time.
    func sentence(_ key: String, _ make: () -> String) -> String {
        if let kept = lock.withLock({ sentences[key] }) { return kept }
        let made = make()
        lock.withLock { sentences[key] = made }
        return made
    }

    /// The charts of roll-up figures, by collection counted and counts: each is its counts'
    /// bars, drawing and summary, and links to anchors on the page that are the same on every
    /// parent's page, so that the many parents whose entries below count the same share one.
    private var charts: [Chart: StatusView] = [:]

    struct Chart: Hashable {
        let collection: String
        let counts: [Int]
    }

    /// The chart kept for `collection` and `counts`, made by `make` the first time (outside the
    /// lock: two pages may make it at once, and both make the same).
    func chart(of collection: String, counts: [Int], _ make: () -> StatusView) -> StatusView {
        let key = Chart(collection: collection, counts: counts)
        if let kept = lock.withLock({ charts[key] }) { return kept }
        let made = make()
        lock.withLock { charts[key] = made }
        return made
    }

    /// The description of `paths` to `counted`, made by `make` the first time (outside the
    /// lock: two pages may make it at once, and both make the same).
    func description(of paths: [DescentPath], counted: String, _ make: () -> String?) -> String? {
        let key = Description(paths: paths, counted: counted)
        if let kept = lock.withLock({ descriptions[key] }) { return kept }
        let made = make()
        lock.withLock { descriptions[key] = made }
        return made
    }
}
