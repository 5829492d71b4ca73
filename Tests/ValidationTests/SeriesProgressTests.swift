import ContentModel
import Testing

@testable import SiteData

/// Progress by Open SDG's method (sdg-build, `sdg/ProgressMeasure.py`), checked against
/// figures worked by hand.
@Suite struct SeriesProgressTests {
    static func point(_ date: String, _ value: Double) -> Series.Point {
        Series.Point(date: SiteDate(date)!, value: value, source: "S")
    }

    static func series(
        _ direction: Series.Direction = .up, baseline: Double = 100, target: Double? = 121,
        latest: (String, Double)
    ) -> Series {
        Series(
            unit: "u", direction: direction, baseline: point("2020", baseline),
            targets: target.map { [point("2022", $0)] } ?? [], values: [point(latest.0, latest.1)])
    }

    @Test func theRatioOfObservedToRequiredGrowthDecidesTheStatus() {
        // Required: 100 → 121 in two years is 10 % a year.
        let onTrack = Self.series(latest: ("2021", 110)).progress(.openSDG)  // 10 % observed: ratio 1
        #expect(onTrack.status == .onTrack)
        #expect(abs(onTrack.requiredGrowth! - 0.1) < 1e-9)
        #expect(abs(onTrack.measure! - 1) < 1e-9)
        #expect(abs(onTrack.share! - 10.0 / 21) < 1e-9)
        // 7 % observed: ratio 0.7, between 0.6 and 0.95.
        #expect(Self.series(latest: ("2021", 107)).progress(.openSDG).status == .moderate)
        // 3 % observed: ratio 0.3.
        #expect(Self.series(latest: ("2021", 103)).progress(.openSDG).status == .offTrack)
        // It fell.
        let away = Self.series(latest: ("2021", 95)).progress(.openSDG)
        #expect(away.status == .movingAway)
        #expect(away.share! < 0)
        #expect(Self.series(latest: ("2021-06", 125)).progress(.openSDG).status == .targetAchieved)
    }

    @Test func aSeriesGoingDownIsJudgedTheOtherWay() {
        // Required: 100 → 81 in two years is −10 % a year; −10 % observed is on track.
        #expect(Self.series(.down, target: 81, latest: ("2021", 90)).progress(.openSDG).status == .onTrack)
        #expect(Self.series(.down, target: 81, latest: ("2021", 104)).progress(.openSDG).status == .movingAway)
        #expect(Self.series(.down, target: 81, latest: ("2022", 80)).progress(.openSDG).status == .targetAchieved)
    }

    @Test func withoutATargetTheObservedGrowthIsCompared() {
        // 2 % a year ≥ 1.5 %: on track; 1 %: moderate; 0.2 %: off track.
        #expect(Self.series(target: nil, latest: ("2021", 102)).progress(.openSDG).status == .onTrack)
        #expect(Self.series(target: nil, latest: ("2021", 101)).progress(.openSDG).status == .moderate)
        #expect(Self.series(target: nil, latest: ("2021", 100.2)).progress(.openSDG).status == .offTrack)
        #expect(Self.series(target: nil, latest: ("2021", 100.2)).progress(.openSDG).share == nil)
    }

    @Test func thresholdsAreConfigurable() {
        var strict = ProgressThresholds.openSDG
        strict.onTrack = 1.5
        #expect(Self.series(latest: ("2021", 110)).progress(strict).status == .moderate)
    }

    @Test func withoutAMeasuredValueOrWithSignsThatDifferThereIsNoStatus() {
        let none = Series(unit: "u", direction: .up, baseline: Self.point("2020", 5), targets: [], values: [])
        #expect(none.progress(.openSDG).status == .notAvailable)
        #expect(Self.series(baseline: 10, target: 20, latest: ("2021", -3)).progress(.openSDG).status == .notAvailable)
    }

    @Test func theTargetJudgedIsTheNextOneAfterTheLatestValue() {
        var series = Self.series(latest: ("2022", 110))
        series.targets = [Self.point("2021-06", 105), Self.point("2024", 150)]
        #expect(series.currentTarget?.date == SiteDate("2024"))
        series.values = [Self.point("2025", 160)]
        #expect(series.currentTarget?.date == SiteDate("2024"), "the last target once every date has passed")
    }
}
