import ContentModel
import Diagnostics
import Foundation
import FrontMatter
import SiteData

/// A `series` field: `unit`, `direction`, `baseline`, `targets`, `values` and an optional
/// `range`, each problem reported at its own line and column.
extension ValueChecker {
    static let seriesKeys = ["unit", "direction", "range", "baseline", "targets", "values"]
    static let pointKeys = ["date", "value", "source", "note"]

    mutating func checkSeries(_ node: YAMLNode, path: String) -> FieldValue? {
        guard let pairs = node.mapping else {
            return wrongType(
                node, expected: Message("kind.series"), path: path)
        }
        var valid = true
        for (key, _) in pairs {
            guard let name = key.scalar, !Self.seriesKeys.contains(name) else { continue }
            valid = false
            report(
                "field-unknown", Message("field-unknown.series", ["field": name, "path": path]), at: key,
                field: "\(path).\(name)",
                hint: Suggestion.didYouMean(for: name, among: Self.seriesKeys)
                    ?? Message("field-unknown.series.hint", ["fields": Self.seriesKeys.codeList]))
        }
        // The unit: "%", "t CO₂e", "personas"; pages and the open data print it with every number.
        var unit = ""
        if let unitNode = node["unit"], let text = unitNode.scalar, !VisibleText.isBlank(text) {
            unit = text
        } else {
            report(
                "series-unit-missing", Message("series-unit-missing", ["path": path]), at: node["unit"] ?? node,
                field: "\(path).unit", hint: Message("series-unit-missing.hint"))
            valid = false
        }
        var direction = Series.Direction.up
        if let directionNode = node["direction"] {
            if let text = directionNode.scalar, let value = Series.Direction(rawValue: text) {
                direction = value
            } else {
                report(
                    "series-invalid", Message("series-invalid.direction", ["path": path]), at: directionNode,
                    field: "\(path).direction", hint: Message("series-invalid.direction.hint"))
                valid = false
            }
        } else {
            report(
                "series-invalid", Message("series-invalid.direction-missing", ["path": path]), at: node,
                field: "\(path).direction", hint: Message("series-invalid.direction-missing.hint"))
            valid = false
        }
        var lower: Double?
        var upper: Double?
        if let rangeNode = node["range"] {
            let bounds = rangeNode.sequence ?? []
            let numbers = bounds.enumerated().map { number($1, path: "\(path).range[\($0 + 1)]") }
            if bounds.count == 2, let low = numbers[0], let high = numbers[1], low < high {
                (lower, upper) = (low, high)
            } else {
                report(
                    "series-invalid", Message("series-invalid.range", ["path": path]), at: rangeNode,
                    field: "\(path).range", hint: Message("series-invalid.range.hint"))
                valid = false
            }
        }
        let baseline = node["baseline"].flatMap { point($0, path: "\(path).baseline", needsSource: false) }
        if node["baseline"] == nil {
            report(
                "series-invalid", Message("series-invalid", ["path": path]), at: node, field: "\(path).baseline",
                hint: Message("series-invalid.hint"))
        }
        let targets = points(node["targets"], path: "\(path).targets", needsSource: false)
        let values = points(node["values"], path: "\(path).values", needsSource: true)
        guard let baseline, let targets, let values, valid else { return nil }
        let before = diagnostics.count
        checkOrder(targets, path: "\(path).targets", targets: true)
        checkOrder(values, path: "\(path).values", targets: false)
        for (index, target) in targets.enumerated() where target.point.date <= baseline.point.date {
            report(
                "series-before-baseline",
                Message(
                    "series-before-baseline.target",
                    ["date": "\(target.point.date)", "baseline": "\(baseline.point.date)"]),
                at: target.dateNode, field: "\(path).targets[\(index + 1)].date",
                hint: Message("series-before-baseline.target.hint"))
        }
        for (index, value) in values.enumerated() where value.point.date < baseline.point.date {
            report(
                "series-before-baseline",
                Message(
                    "series-before-baseline", ["date": "\(value.point.date)", "baseline": "\(baseline.point.date)"]),
                at: value.dateNode, field: "\(path).values[\(index + 1)].date",
                hint: Message("series-before-baseline.hint"))
        }
        if lower != nil || upper != nil {
            let all =
                [(baseline, "\(path).baseline")] + targets.enumerated().map { ($1, "\(path).targets[\($0 + 1)]") }
                + values.enumerated().map { ($1, "\(path).values[\($0 + 1)]") }
            for (item, itemPath) in all
            where (lower.map { item.point.value < $0 } ?? false) || (upper.map { item.point.value > $0 } ?? false) {
                report(
                    "series-out-of-range",
                    Message(
                        "series-out-of-range",
                        [
                            "value": FieldValue.format(item.point.value), "path": path,
                            "lower": FieldValue.format(lower!), "upper": FieldValue.format(upper!),
                        ]),
                    at: item.valueNode, field: "\(itemPath).value",
                    hint: Message("series-out-of-range.hint", ["unit": unit]))
            }
        }
        guard diagnostics.count == before else { return nil }
        return .series(
            Series(
                unit: unit, direction: direction, baseline: baseline.point, targets: targets.map(\.point),
                values: values.map(\.point), lowerBound: lower, upperBound: upper))
    }

    /// A point read with where its date and value are written.
    struct ReadPoint {
        var point: Series.Point
        var dateNode: YAMLNode
        var valueNode: YAMLNode
    }

    /// Dates strictly in order: one value per date.
    mutating func checkOrder(_ items: [ReadPoint], path: String, targets: Bool) {
        for index in items.indices.dropFirst() {
            let (previous, item) = (items[index - 1].point.date, items[index].point.date)
            if item == previous {
                report(
                    "series-date-duplicate",
                    targets
                        ? Message("series-date-duplicate.target", ["date": "\(item)", "path": path])
                        : Message("series-date-duplicate", ["date": "\(item)", "path": path]),
                    at: items[index].dateNode, field: "\(path)[\(index + 1)].date",
                    hint: Message(targets ? "series-date-duplicate.target.hint" : "series-date-duplicate.hint"))
            } else if item < previous {
                report(
                    "series-date-order",
                    targets
                        ? Message(
                            "series-date-order.target", ["date": "\(item)", "previous": "\(previous)", "path": path])
                        : Message("series-date-order", ["date": "\(item)", "previous": "\(previous)", "path": path]),
                    at: items[index].dateNode, field: "\(path)[\(index + 1)].date",
                    hint: Message(targets ? "series-date-order.target.hint" : "series-date-order.hint"))
            }
        }
    }

    /// A list of points; `nil` (reported) when it is not a list or one of its points is wrong.
    mutating func points(_ node: YAMLNode?, path: String, needsSource: Bool) -> [ReadPoint]? {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            _ = wrongType(node, expected: Message("kind.series-points"), path: path)
            return nil
        }
        var points: [ReadPoint] = []
        var valid = true
        for (index, item) in items.enumerated() {
            if let point = point(item, path: "\(path)[\(index + 1)]", needsSource: needsSource) {
                points.append(point)
            } else {
                valid = false
            }
        }
        return valid ? points : nil
    }

    /// `{date: 2019, value: 12, source: …, note: …}`.
    mutating func point(_ node: YAMLNode, path: String, needsSource: Bool) -> ReadPoint? {
        positions[path] = location(of: node)
        guard let pairs = node.mapping else {
            _ = wrongType(node, expected: Message("kind.series-point"), path: path)
            return nil
        }
        let allowed = Self.pointKeys
        for (key, _) in pairs {
            guard let name = key.scalar, !allowed.contains(name) else { continue }
            report(
                "field-unknown", Message("field-unknown.record", ["field": name, "path": path]), at: key,
                field: "\(path).\(name)",
                hint: Suggestion.didYouMean(for: name, among: allowed)
                    ?? Message("field-unknown.record.hint", ["fields": allowed.codeList]))
        }
        var date: SiteDate?
        if let dateNode = node["date"] {
            if let text = dateNode.scalar, let value = SiteDate(text) {
                date = value
            } else {
                report(
                    "date-invalid", Message("date-invalid", ["value": dateNode.scalar ?? ""]), at: dateNode,
                    field: "\(path).date", hint: Message("date-invalid.series.hint"))
            }
        } else {
            report(
                "field-missing", Message("field-missing.record", ["field": "date", "path": path]), at: node,
                field: "\(path).date", hint: Message("field-missing.record.hint", ["field": "date", "example": "2023"]))
        }
        var value: Double?
        if let valueNode = node["value"] {
            value = number(valueNode, path: "\(path).value")
        } else {
            report(
                "field-missing", Message("field-missing.record", ["field": "value", "path": path]), at: node,
                field: "\(path).value",
                hint: Message("field-missing.record.hint", ["field": "value", "example": "12.5"]))
        }
        let source = node["source"].flatMap { $0.isNull ? nil : $0.scalar }.flatMap {
            VisibleText.isBlank($0) ? nil : $0
        }
        if needsSource && source == nil {
            report(
                "series-source-missing", Message("series-source-missing", ["path": path]),
                at: node["source"] ?? node, field: "\(path).source", hint: Message("series-source-missing.hint"))
            return nil
        }
        let note = node["note"].flatMap { $0.isNull ? nil : $0.scalar }
        guard let date, let value else { return nil }
        return ReadPoint(
            point: Series.Point(date: date, value: value, source: source, note: note), dateNode: node["date"]!,
            valueNode: node["value"]!)
    }

    /// A finite number (`12`, `12.5`, `-3`); `.nan` and `.inf` are refused.
    mutating func number(_ node: YAMLNode, path: String) -> Double? {
        guard let text = node.scalar, !node.isNull else {
            _ = wrongType(node, expected: Message("kind.number"), path: path)
            return nil
        }
        guard let value = Double(text), value.isFinite else {
            report(
                "series-number-invalid", Message("series-number-invalid", ["path": path, "value": text]), at: node,
                field: path, hint: Message("series-number-invalid.hint"))
            return nil
        }
        return value
    }
}
