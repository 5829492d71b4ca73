import ContentModel
import Foundation

/// How far a series has come, by the method Open SDG adopted from Statistics Canada
/// (`sdg-build`, `sdg/ProgressMeasure.py`; docs/indicators.md says it in words).
public struct SeriesProgress: Sendable, Hashable {
    /// The status a series has; pages name each one with the theme's words
    /// (`progress_<id>` in `theme/i18n`).
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case targetAchieved = "target-achieved"
        case onTrack = "on-track"
        case moderate
        case offTrack = "off-track"
        case movingAway = "moving-away"
        /// Not enough to judge: no value after the baseline, or values of opposite signs.
        case notAvailable = "not-available"

        /// The key of the status' words in the theme (`progress_on_track`).
        public var wordKey: String { "progress_" + rawValue.replacingOccurrences(of: "-", with: "_") }
    }

    /// The method's published source: Open SDG's code of Statistics Canada's method.
    public static let methodSource = "https://github.com/open-sdg/sdg-build/blob/master/sdg/ProgressMeasure.py"

    public var status: Status
    /// The share of the way from the baseline to the current target that the latest value has
    /// come (0.5 is half way; negative when it moved away); `nil` without a target, or when
    /// the target equals the baseline.
    public var share: Double?
    /// The observed compound annual growth rate from the baseline to the latest value.
    public var observedGrowth: Double?
    /// The rate required to reach the current target on time.
    public var requiredGrowth: Double?
    /// The number compared with the thresholds: the ratio of the two rates, or, without a target,
    /// the observed rate, signed so that positive is the better direction.
    public var measure: Double?
    /// The target judged against.
    public var target: Series.Point?
}

extension Series {
    /// The compound annual growth rate from `from` to `to`: `(to/from)^(1/years) − 1`.
    static func growth(from: Point, to: Point) -> Double {
        let base = from.value == 0 ? 0.001 : from.value  // as sdg-build does
        let years = to.date.fractionalYear - from.date.fractionalYear
        return pow(to.value / base, 1 / years) - 1
    }

    /// The progress of this series, judged with `thresholds`.
    public func progress(_ thresholds: ProgressThresholds) -> SeriesProgress {
        let latest = latest
        let target = currentTarget
        var result = SeriesProgress(status: .notAvailable, target: target)
        if let target, target.value != baseline.value {
            result.share = (latest.value - baseline.value) / (target.value - baseline.value)
        }
        let better: Double = direction == .up ? 1 : -1
        if let target, values.last != nil,
            direction == .up ? latest.value >= target.value : latest.value <= target.value
        {
            result.status = .targetAchieved
            return result
        }
        let years = latest.date.fractionalYear - baseline.date.fractionalYear
        // Growth rates need two dates and values of the same sign (sdg-build returns no status).
        guard values.last != nil, years > 0,
            !(baseline.value > 0 && latest.value < 0), !(baseline.value < 0 && latest.value > 0)
        else { return result }
        let sign: Double = baseline.value < 0 ? -1 : 1
        let observed = Self.growth(from: baseline, to: latest)
        result.observedGrowth = observed
        let measure: Double
        let (high, medium): (Double, Double)
        if let target, target.date.fractionalYear > baseline.date.fractionalYear {
            // A target of 0 is taken as 0.001, as sdg-build does.
            let required = Self.growth(
                from: baseline, to: Point(date: target.date, value: target.value == 0 ? 0.001 : target.value))
            result.requiredGrowth = required
            guard required != 0, required.isFinite, observed.isFinite else { return result }
            measure = sign * better * observed / abs(required)
            (high, medium) = (thresholds.onTrack, thresholds.moderate)
        } else {
            guard observed.isFinite else { return result }
            measure = sign * better * observed
            (high, medium) = (thresholds.growthOnTrack, thresholds.growthModerate)
        }
        result.measure = measure
        result.status =
            measure >= high ? .onTrack : measure >= medium ? .moderate : measure >= 0 ? .offTrack : .movingAway
        return result
    }
}
