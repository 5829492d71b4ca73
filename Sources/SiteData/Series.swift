import Foundation

/// The value of a `series` field: a measured quantity with its unit, the direction that counts as
/// better, a baseline, one or more targets and the values measured since, each with its source.
///
/// Nothing here names what is measured: an indicator is an entry of whatever collection declares
/// a `series` field, and what it measures is an ordinary `ref` field of that entry.
public struct Series: Sendable, Hashable {
    /// Which way is better.
    public enum Direction: String, Sendable, Hashable, CaseIterable {
        case up, down
    }

    /// One dated value: the baseline, a target, or a measurement.
    public struct Point: Sendable, Hashable {
        public var date: SiteDate
        public var value: Double
        /// The citation of a measured value (required on every measured value).
        public var source: String?
        public var note: String?

        public init(date: SiteDate, value: Double, source: String? = nil, note: String? = nil) {
            self.date = date
            self.value = value
            self.source = source
            self.note = note
        }
    }

    public var unit: String
    public var direction: Direction
    public var baseline: Point
    /// In date order, all after the baseline.
    public var targets: [Point]
    /// Measured values in date order, one per date, none before the baseline.
    public var values: [Point]
    /// The values the quantity can take (`[0, 100]` for a share), when the entry declares them.
    public var lowerBound: Double?
    public var upperBound: Double?

    public init(
        unit: String, direction: Direction, baseline: Point, targets: [Point], values: [Point],
        lowerBound: Double? = nil, upperBound: Double? = nil
    ) {
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.targets = targets
        self.values = values
        self.lowerBound = lowerBound
        self.upperBound = upperBound
    }

    /// The newest measured value, or the baseline when nothing was measured since.
    public var latest: Point { values.last ?? baseline }

    /// The target the latest value is judged against: the first one after the latest value's date,
    /// or the last one when every target date has passed.
    public var currentTarget: Point? {
        targets.first { latest.date < $0.date } ?? targets.last
    }
}

extension SiteDate {
    /// The date as a year with a fraction (`2022-07` is 2022.5): the time axis of charts and of
    /// growth rates. A date known only to the year or month counts from its start.
    public var fractionalYear: Double {
        let monthPart = Double((month ?? 1) - 1) / 12
        let dayPart = Double((day ?? 1) - 1) / Double(Self.days(in: month ?? 1, of: year)) / 12
        return Double(year) + monthPart + dayPart
    }
}
