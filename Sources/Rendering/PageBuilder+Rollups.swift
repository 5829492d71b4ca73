import ContentModel
import SiteData
import SiteLayout

/// The roll-ups of parent pages (an axis, a milestone): every entry below it with a status,
/// counted once, which ones were counted and how they were found.
extension PageBuilder {
    /// The field through which a roll-up's entries, exactly those referring to the page's
    /// entry through it, are found: the same entries as that field's group of backlinks.
    struct RollupMentions: Sendable {
        var collection: String
        var field: String
    }

    /// A roll-up of at most this many entries is a sentence that names them with their status;
    /// from one more up, a chart, its data table and the list of entries counted.
    static let rollupSentenceLimit = 2

    /// For each collection with a status field that can refer to `entry`'s collection (directly
    /// or through others), its entries below `entry` by status: a chart, the method in words and
    /// the list of entries counted, or, for one or two entries, a sentence that names them. A
    /// collection with none below says so rather than vanishing.
    ///
    /// `named`: for each roll-up whose entries are exactly those that refer to `entry` through
    /// one field, that field and those entries, so that "Related" does not list them again; a
    /// full figure then shows its list of entries counted open, in their place.
    func rollupViews(of entry: Entry, in collection: Collection, from page: String) -> (
        views: [StatusView], named: [RollupMentions]
    ) {
        let children = rollupShapes.children[collection.name] ?? []
        guard !children.isEmpty else { return ([], []) }
        let rollups = Dictionary(site.deepRollups(of: entry.key).map { ($0.counts.collection, $0) }) { first, _ in
            first
        }
        var named: [RollupMentions] = []
        let views = children.map { shape -> StatusView in
            let (child, field, title) = (shape.collection, shape.field, shape.title)
            guard let rollup = rollups[child.name] else {
                var view = StatusView(title: title, total: 0, bars: [], method: nil)
                let count = site.entries(of: child.name).count
                view.lead = rollupShapes.sentence("none \(child.name) \(collection.name) \(count)") {
                    strings.plural(
                        "rollup.none", count: count,
                        ["singular": Self.lowercasingFirst(collection.singular), "collection": child.title])
                }
                return view
            }
            let (entries, routes) = (rollup.keys.compactMap(site.entry), rollup.paths)
            let statusOf = { (entry: Entry) -> String? in
                guard let name = field?.name, case .enumeration(let id)? = entry.fields[name] else { return nil }
                return id
            }
            let once = countedOnce(rollup.linkedSeveralWays)
            // Counted entries that all refer to `entry` through one field, and all the
            // entries that do: the same list as that field's backlinks, shown here alone.
            let mentions = directMentions(of: entry, routes: routes, keys: rollup.keys)
            if let mentions { named.append(mentions) }
            if entries.count <= Self.rollupSentenceLimit {
                return sentence(
                    entries, of: child, title: title, status: statusOf,
                    values: rollup.counts.counts.map(\.value),
                    method: [describeMemo(routes, counted: child), once].compactMap { $0 }.joined(separator: " "),
                    from: page)
            }
            let method = [
                rollupShapes.sentence("method \(child.name) \(collection.name) \(entries.count)") {
                    strings.plural(
                        "rollup.method", count: entries.count,
                        [
                            "entries": noun(child, count: entries.count),
                            "singular": Self.lowercasingFirst(collection.singular),
                        ])
                },
                describeMemo(routes, counted: child), once,
            ].compactMap { $0 }.joined(separator: " ")
            var view = figure(
                rollup, entries: entries, of: child, title: title, status: statusOf, method: method, from: page)
            view.countedOpen = mentions != nil
            return view
        }
        return (views, named)
    }

    /// A roll-up of three entries or more as a figure: a chart whose bars link to the list of
    /// their entries below it, its data table, `method`, and the entries counted by status.
    func figure(
        _ rollup: DeepRollup, entries: [Entry], of child: Collection, title: String, status: (Entry) -> String?,
        method: String,
        from page: String
    ) -> StatusView {
        let counts = rollup.counts.counts
        var view = rollupShapes.chart(of: child.name, counts: counts.map(\.count)) {
            // Each value with entries links to their list below the chart; a breakdown table on
            // the collection's page links to the same anchors.
            var links: [String: String] = [:]
            for item in counts where item.count > 0 {
                links[item.value.id] = "#" + Self.rollupAnchor(child.name, value: item.value.id)
            }
            return statusView(title: title, counts: counts.map { ($0.value, $0.count) }, method: nil, links: links)
        }
        view.method = method
        view.id = Self.rollupAnchor(child.name)
        let groups = Dictionary(grouping: entries, by: status)
        let ordered = counts.map { Optional($0.value.id) } + [nil]
        view.counted = ordered.compactMap { id -> CountedGroupView? in
            guard let members = groups[id], !members.isEmpty else { return nil }
            let value = counts.first { $0.value.id == id }?.value
            return CountedGroupView(
                id: Self.rollupAnchor(child.name, value: id), label: value?.label,
                entries: members.map { member in
                    CountedEntryView(
                        title: member.title, url: PagePaths.relative(paths.page(of: member.key), from: page),
                        status: value?.label, lang: titleLang(member.key))
                })
        }
        return view
    }

    /// The entries of a roll-up when they are exactly those that refer to `entry` through one
    /// field (one route of one step, and every entry referring through it counted); `nil` otherwise.
    func directMentions(of entry: Entry, routes: [DescentPath], keys: [EntryKey]) -> RollupMentions? {
        guard routes.count == 1, routes[0].steps.count == 1, let step = routes[0].steps.first else { return nil }
        let counted = Set(keys)
        let referring = Set(
            (site.backlinks[entry.key] ?? []).filter { $0.from.collection == step.collection && $0.field == step.field }
                .map(\.from))
        guard counted == referring else { return nil }
        return RollupMentions(collection: step.collection, field: step.field)
    }

    /// A roll-up of one or two entries as a sentence: "Dependen de esta entrada 2 proyectos:
    /// A (En marcha) y B (Suspendido)", each entry linked, each status a badge; the first entry
    /// of each status carries the anchor a breakdown table's count links to.
    func sentence(
        _ entries: [Entry], of child: Collection, title: String, status: (Entry) -> String?, values: [EnumValue],
        method: String, from page: String
    ) -> StatusView {
        var view = StatusView(title: title, total: entries.count, bars: [], method: method.isEmpty ? nil : method)
        view.id = Self.rollupAnchor(child.name)
        view.lead = rollupShapes.sentence("sentence \(child.name) \(entries.count)") {
            strings.plural("rollup.sentence", count: entries.count, ["entries": noun(child, count: entries.count)])
        }
        var anchored: Set<String?> = []
        view.mentions = entries.enumerated().map { index, member in
            let id = status(member)
            let value = values.first { $0.id == id }
            var mention = CountedEntryView(
                title: member.title, url: PagePaths.relative(paths.page(of: member.key), from: page),
                status: value?.label ?? id, lang: titleLang(member.key))
            mention.statusID = id
            mention.color = value?.color
            if anchored.insert(id).inserted { mention.anchor = Self.rollupAnchor(child.name, value: id) }
            mention.separator =
                index == 0 ? " " : index == entries.count - 1 ? (strings.values["list.and"] ?? ", ") : ", "
            return mention
        }
        return view
    }

    /// The anchor of a roll-up's figure on its parent's page: `rollup-acciones`.
    static func rollupAnchor(_ collection: String) -> String {
        "rollup-\(collection)"
    }

    /// The anchor of the list of a roll-up's entries with one status value
    /// (`rollup-acciones-en-curso`), or with none (`rollup-acciones--`, which no value id can spell).
    static func rollupAnchor(_ collection: String, value: String?) -> String {
        rollupAnchor(collection) + "-" + (value ?? "-")
    }

    /// "Counted once although linked several ways: RCN-Visa (2 links)": the counted entries
    /// that refer to `parent`, or to entries below it, more than once; `nil` when there are none.
    func countedOnce(_ linked: [DescentTable.Linked]) -> String? {
        let several = linked.map { entry in
            strings.format("rollup.links", ["title": site.title(of: entry.key) ?? "", "count": String(entry.links)])
        }
        return several.isEmpty
            ? nil : strings.plural("rollup.once", count: several.count, ["entries": strings.list(several)])
    }

    /// `describe(paths, counted:)`, made once for each set of paths and collection.
    func describeMemo(_ paths: [DescentPath], counted: Collection) -> String? {
        rollupShapes.description(of: paths, counted: counted.name) { describe(paths, counted: counted) }
    }

    /// True when entries of `child` can sit below entries of `parent`: a chain of reference
    /// fields leads from one collection to the other.
    static func reaches(_ child: String, _ parent: String, in model: SiteModel) -> Bool {
        var seen: Set<String> = [child]
        var frontier = [child]
        while let name = frontier.popLast() {
            for field in model.collection(name)?.fields ?? [] {
                guard let target = field.type.target else { continue }
                if target == parent { return true }
                if seen.insert(target).inserted { frontier.append(target) }
            }
        }
        return false
    }

    /// "Recorrido: Proyectos («Acciones de la Estrategia») → Acciones («Hito estratégico») → esta
    /// entrada", or "→ cada eje" for a chart of every `parent`.
    func describe(_ paths: [DescentPath], counted: Collection, parent: Collection? = nil) -> String? {
        guard !paths.isEmpty else { return nil }
        let chains = paths.map { path in
            path.steps.map { step -> String in
                let stepCollection = model.collection(step.collection)
                let label = stepCollection?.field(step.field)?.label ?? step.field
                return strings.format(
                    "rollup.step", ["collection": stepCollection?.title ?? step.collection, "field": label])
            }.joined(separator: " → ")
        }
        let end =
            parent.map { strings.format("rollup.end_each", ["parent": Self.lowercasingFirst($0.singular)]) }
            ?? strings["rollup.end_entry"]
        return strings.format("rollup.paths", ["paths": chains.joined(separator: "; "), "end": end])
    }
}
