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
            "period-invalid", Message("period-invalid", parts: ["kind": node.kind]), at: node,
            hint: Message("period-invalid.hint"))
        return nil
    }

    mutating func readPeriodRule(_ node: YAMLNode) -> PeriodPlan? {
        checkKeys(node, allowed: Self.periodRuleKeys, what: Message("model-unknown-key.periods"))
        let words = PeriodPlan.lengths.keys.sorted()
        var months: Int?
        if let every = node["every"] {
            months = PeriodPlan.lengths[every.scalar ?? ""]
            if months == nil {
                let shown = every.scalar.map { Message("paginate-invalid.value", ["value": $0]) } ?? every.kind
                error(
                    "period-invalid",
                    Message("period-invalid.every", ["words": words.codeList], parts: ["shown": shown]),
                    at: every,
                    hint: Suggestion.didYouMean(for: every.scalar ?? "", among: words)
                        ?? Message("period-invalid.every.hint"))
            }
        } else {
            error(
                "period-invalid", Message("period-invalid.every-missing"), at: node,
                hint: Message("period-invalid.every-missing.hint"))
        }
        var from: CalendarDay?
        if let fromNode = node["from"] {
            let text = fromNode.scalar ?? ""
            if let day = CalendarDay.parse(text), day.day == 1 {
                from = day
            } else {
                error(
                    "period-invalid", Message("period-invalid.from", ["value": text]), at: fromNode,
                    hint: Message("period-invalid.from.hint"))
            }
        } else {
            error(
                "period-invalid", Message("period-invalid.from-missing"), at: node,
                hint: Message("period-invalid.from-missing.hint"))
        }
        guard let months, let from else { return nil }
        return .rule(months: months, from: from)
    }

    mutating func readPeriodList(_ node: YAMLNode, _ items: [YAMLNode]) -> PeriodPlan? {
        guard !items.isEmpty else {
            error(
                "period-invalid", Message("period-invalid.empty"), at: node, hint: Message("period-invalid.empty.hint"))
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
                    "period-invalid", Message("period-invalid.duplicate", ["id": period.id]), at: item["id"]!,
                    hint: Message("period-invalid.duplicate.hint"))
                failed = true
            }
            let previous = periods.last?.end ?? period.start?.previous
            if let previous, period.end <= previous {
                error(
                    "period-invalid", Message("period-invalid.order", ["id": period.id, "end": "\(period.end)"]),
                    at: item["end"]!, hint: Message("period-invalid.order.hint"))
                failed = true
            }
            periods.append(period)
        }
        return failed ? nil : .list(periods)
    }

    mutating func readDeclaredPeriod(_ item: YAMLNode, first: Bool) -> DeclaredPeriod? {
        guard item.mapping != nil else {
            error(
                "period-invalid", Message("period-invalid.item", parts: ["kind": item.kind]), at: item,
                hint: Message("period-invalid.item.hint"))
            return nil
        }
        checkKeys(item, allowed: Self.periodKeys, what: Message("model-unknown-key.period"))
        var ok = true
        let id = item["id"]?.scalar ?? ""
        if item["id"] == nil || !EntryID.isValid(id) {
            error(
                "period-invalid",
                item["id"] == nil ? Message("period-invalid.id-missing") : Message("period-invalid.id", ["id": id]),
                at: item["id"] ?? item, hint: Message("period-invalid.id.hint"))
            ok = false
        }
        var end: CalendarDay?
        if let endNode = item["end"] {
            end = CalendarDay.parse(endNode.scalar ?? "", last: true)
            if end == nil {
                error(
                    "period-invalid", Message("period-invalid.end", ["value": endNode.scalar ?? ""]), at: endNode,
                    hint: Message("period-invalid.end.hint"))
            }
        } else {
            error(
                "period-invalid", Message("period-invalid.end-missing"), at: item,
                hint: Message("period-invalid.end-missing.hint"))
        }
        var start: CalendarDay?
        if let startNode = item["start"] {
            start = CalendarDay.parse(startNode.scalar ?? "")
            if !first {
                error(
                    "period-invalid", Message("period-invalid.start-later"), at: startNode,
                    hint: Message("period-invalid.start-later.hint"))
                ok = false
            } else if start == nil {
                error(
                    "period-invalid", Message("period-invalid.start", ["value": startNode.scalar ?? ""]),
                    at: startNode, hint: Message("period-invalid.start.hint"))
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
                        "period-invalid", Message("period-invalid.label-language"), at: value,
                        hint: Message("period-invalid.label-language.hint"))
                    return nil
                }
                labels[language] = text
            }
            return labels
        }
        error(
            "period-invalid", Message("period-invalid.label"), at: node, hint: Message("period-invalid.label.hint"))
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
