import Diagnostics
import FrontMatter

// `periods:`, the site's reporting periods: a rule or a list, each problem `period-invalid` at
// its line with a hint.

extension ModelReader {
    static let periodRuleKeys = ["every", "from"]
    static let periodKeys = ["id", "label", "start", "end"]

    /// `periods: {every: year, from: 2021-01}` or `periods: [{id, label, end}, …]`; `nil` when
    /// absent or wrong (each problem an error at its line).
    mutating func readPeriods(_ node: YAMLNode?) -> PeriodPlan? {
        guard let node, !node.isNull else { return nil }
        if node.mapping != nil { return readPeriodRule(node) }
        if let items = node.sequence { return readPeriodList(node, items) }
        error(
            "period-invalid", "`periods` must be a rule or a list, not \(node.kindDescription)", at: node,
            hint: "for example `periods: {every: year, from: 2021-01}`, or a list of `{id, label, end}`")
        return nil
    }

    mutating func readPeriodRule(_ node: YAMLNode) -> PeriodPlan? {
        checkKeys(node, allowed: Self.periodRuleKeys, what: "periods setting")
        let words = PeriodPlan.lengths.keys.sorted()
        var months: Int?
        if let every = node["every"] {
            months = PeriodPlan.lengths[every.scalar ?? ""]
            if months == nil {
                error(
                    "period-invalid",
                    "`every` must be \(words.map { "`\($0)`" }.joined(separator: ", ")), not "
                        + "`\(every.scalar ?? every.kindDescription)`", at: every,
                    hint: Suggestion.hint(for: every.scalar ?? "", among: words) ?? "periods are cut every quarter, "
                        + "half-year or year")
            }
        } else {
            error(
                "period-invalid", "`periods` needs `every:`", at: node,
                hint: "say how long each period is: `every: year` (or `quarter`, `half-year`)")
        }
        var from: CalendarDay?
        if let fromNode = node["from"] {
            let text = fromNode.scalar ?? ""
            if let day = CalendarDay.parse(text), day.day == 1 {
                from = day
            } else {
                error(
                    "period-invalid", "`from` must be the first day of a month, not `\(text)`", at: fromNode,
                    hint: "write the month the first period starts in, such as `from: 2021-01`")
            }
        } else {
            error(
                "period-invalid", "`periods` needs `from:`", at: node,
                hint: "say when the first period starts, such as `from: 2021-01`")
        }
        guard let months, let from else { return nil }
        return .rule(months: months, from: from)
    }

    mutating func readPeriodList(_ node: YAMLNode, _ items: [YAMLNode]) -> PeriodPlan? {
        guard !items.isEmpty else {
            error("period-invalid", "`periods` is an empty list", at: node, hint: "declare one period or more")
            return nil
        }
        var periods: [DeclaredPeriod] = []
        var seen: Set<String> = []
        var failed = false
        for (index, item) in items.enumerated() {
            guard let period = readDeclaredPeriod(item, first: index == 0) else {
                failed = true
                continue
            }
            if !seen.insert(period.id).inserted {
                error(
                    "period-invalid", "two periods have the id `\(period.id)`", at: item["id"]!,
                    hint: "give each period an id of its own")
                failed = true
            }
            let previous = periods.last?.end ?? period.start?.previous
            if let previous, period.end <= previous {
                error(
                    "period-invalid", "the period `\(period.id)` ends on \(period.end), not after the one before it",
                    at: item["end"]!, hint: "list periods in order, each ending after the previous one")
                failed = true
            }
            periods.append(period)
        }
        return failed ? nil : .list(periods)
    }

    mutating func readDeclaredPeriod(_ item: YAMLNode, first: Bool) -> DeclaredPeriod? {
        guard item.mapping != nil else {
            error(
                "period-invalid", "a period is `{id, label, end}`, not \(item.kindDescription)", at: item,
                hint: "for example `- {id: 2022, label: Año 2022, end: 2022-12-31}`")
            return nil
        }
        checkKeys(item, allowed: Self.periodKeys, what: "period setting")
        var ok = true
        let id = item["id"]?.scalar ?? ""
        if item["id"] == nil || !EntryID.isValid(id) {
            error(
                "period-invalid", item["id"] == nil ? "a period needs `id:`" : "invalid period id `\(id)`",
                at: item["id"] ?? item,
                hint: "the last folder of the period's page: lowercase letters, digits and "
                    + "hyphens, such as `2022` or `2022-s1`")
            ok = false
        }
        var end: CalendarDay?
        if let endNode = item["end"] {
            end = CalendarDay.parse(endNode.scalar ?? "", last: true)
            if end == nil {
                error(
                    "period-invalid", "`end` must be a date, not `\(endNode.scalar ?? "")`", at: endNode,
                    hint: "write the period's last day as YYYY-MM-DD (YYYY-MM or YYYY: its last day)")
            }
        } else {
            error(
                "period-invalid", "a period needs `end:`", at: item,
                hint: "write its last day, such as `end: 2022-12-31`")
        }
        var start: CalendarDay?
        if let startNode = item["start"] {
            start = CalendarDay.parse(startNode.scalar ?? "")
            if !first {
                error(
                    "period-invalid", "only the first period says where it starts", at: startNode,
                    hint: "each other period starts the day after the previous one ends: remove `start:`")
                ok = false
            } else if start == nil {
                error(
                    "period-invalid", "`start` must be a date, not `\(startNode.scalar ?? "")`", at: startNode,
                    hint: "write the first period's first day as YYYY-MM-DD")
                ok = false
            }
        }
        let labels = readPeriodLabels(item["label"])
        guard ok, let end, let labels else { return nil }
        return DeclaredPeriod(id: id, labels: labels, start: start, end: end)
    }

    /// `label: Año 2022`, or one per language: `label: {es: Año 2022, en: Year 2022}`.
    mutating func readPeriodLabels(_ node: YAMLNode?) -> [String: String]? {
        guard let node, !node.isNull else { return [:] }
        if let text = node.scalar { return ["": text] }
        if let pairs = node.mapping {
            var labels: [String: String] = [:]
            for (key, value) in pairs {
                guard let language = key.scalar, let text = value.scalar, !text.isEmpty else {
                    error(
                        "period-invalid", "a period's label in each language is a text", at: value,
                        hint: "for example `label: {es: Año 2022, en: Year 2022}`")
                    return nil
                }
                labels[language] = text
            }
            return labels
        }
        error(
            "period-invalid", "a period's `label` must be a text, or one text per language", at: node,
            hint: "for example `label: Año 2022` or `label: {es: Año 2022, en: Year 2022}`")
        return nil
    }
}

extension ReportingPeriod {
    /// The label `site.yaml` gives the period in `language`, or in every language (`label:` as
    /// one text); `nil` when it gives none (the theme's words name it).
    public func label(in language: String) -> String? {
        labels[language] ?? labels[""]
    }
}
