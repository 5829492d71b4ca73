import ContentModel
import Diagnostics
import Testing

@testable import SiteData
@testable import Validation

/// A `series` field: every rule of its validation reported at the line and column of the value
/// at fault, with a hint; a valid series read into its value.
@Suite struct SeriesValidationTests {
    static let collection = Collection(
        name: "indicadores",
        fields: [
            Field(name: "title", type: .string, required: true),
            Field(name: "serie", type: .series(.openSDG), required: true),
        ])

    /// The front matter of an indicator whose series is `series` (lines from 3 on).
    static func file(_ series: String) -> String {
        "---\ntitle: Cobertura\nserie:\n" + series + "---\n"
    }

    static let valid = """
          unit: "%"
          direction: up
          range: [0, 100]
          baseline: {date: 2019, value: 12}
          targets:
            - {date: 2025, value: 25}
          values:
            - {date: 2020, value: 13, source: Encuesta 2020}
            - {date: 2021-06, value: 15.5, source: Encuesta 2021, note: provisional}
            - {date: 2023, value: 18, source: Encuesta 2023}

        """

    static func validate(_ text: String) -> (Entry?, [Diagnostic]) {
        EntryValidator(collection: collection).validate(
            id: "cobertura", path: "content/indicadores/cobertura.md", text: text)
    }

    @Test func aValidSeriesIsRead() throws {
        let (entry, diagnostics) = Self.validate(Self.file(Self.valid))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .series(let series)? = entry?.fields["serie"] else {
            Issue.record("no series")
            return
        }
        #expect(series.unit == "%")
        #expect(series.direction == .up)
        #expect(series.baseline == Series.Point(date: SiteDate("2019")!, value: 12))
        #expect(series.targets.map(\.value) == [25])
        #expect(series.values.map(\.value) == [13, 15.5, 18])
        #expect(series.values[1].note == "provisional")
        #expect(series.values.allSatisfy { $0.source != nil })
        #expect(series.lowerBound == 0 && series.upperBound == 100)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        /// The series with one line changed: (line to replace, its replacement).
        let change: (String, String)
        let code: String
        let line: Int
        let column: Int
        let hint: String
        var testDescription: String { name }
    }

    // Lines of the file: 3 `serie:`, 4 unit, 5 direction, 6 range, 7 baseline, 8 targets:,
    // 9 the target, 10 values:, 11-13 the values.
    static let cases: [Case] = [
        Case(
            name: "a value dated before the baseline",
            change: (
                "{date: 2020, value: 13, source: Encuesta 2020}", "{date: 2018, value: 13, source: Encuesta 2020}"
            ),
            code: "series-before-baseline", line: 11, column: 14, hint: "move the baseline"),
        Case(
            name: "a value without a source",
            change: ("{date: 2020, value: 13, source: Encuesta 2020}", "{date: 2020, value: 13}"),
            code: "series-source-missing", line: 11, column: 7, hint: "add `source:`"),
        Case(
            name: "a blank source",
            change: ("{date: 2020, value: 13, source: Encuesta 2020}", "{date: 2020, value: 13, source: \" \"}"),
            code: "series-source-missing", line: 11, column: 39, hint: "add `source:`"),
        Case(
            name: "a target before the baseline",
            change: ("{date: 2025, value: 25}", "{date: 2019, value: 25}"),
            code: "series-before-baseline", line: 9, column: 14, hint: "check both dates"),
        Case(
            name: "values out of date order",
            change: (
                "{date: 2023, value: 18, source: Encuesta 2023}", "{date: 2021, value: 18, source: Encuesta 2023}"
            ),
            code: "series-date-order", line: 13, column: 14, hint: "oldest to the newest"),
        Case(
            name: "two values on one date",
            change: ("{date: 2021-06, value: 15.5", "{date: 2020, value: 15.5"),
            code: "series-date-duplicate", line: 12, column: 14, hint: "one value per date"),
        Case(
            name: "a date that does not exist",
            change: ("{date: 2021-06, value: 15.5", "{date: 2021-02-30, value: 15.5"),
            code: "date-invalid", line: 12, column: 14, hint: "YYYY-MM-DD"),
        Case(
            name: "a value that is not a finite number",
            change: ("{date: 2023, value: 18,", "{date: 2023, value: .nan,"),
            code: "series-number-invalid", line: 13, column: 27, hint: "dot for decimals"),
        Case(
            name: "a value with its unit written in",
            change: ("{date: 2023, value: 18,", "{date: 2023, value: 18 %,"),
            code: "series-number-invalid", line: 13, column: 27, hint: "without its unit"),
        Case(
            name: "no unit",
            change: ("unit: \"%\"", "unit: \"\""),
            code: "series-unit-missing", line: 4, column: 9, hint: "add `unit:`"),
        Case(
            name: "a value outside the declared range",
            change: ("{date: 2023, value: 18,", "{date: 2023, value: 118,"),
            code: "series-out-of-range", line: 13, column: 27, hint: "the declared `range`"),
        Case(
            name: "a direction that is neither up nor down",
            change: ("direction: up", "direction: más"),
            code: "series-invalid", line: 5, column: 14, hint: "`up` when a higher value is better"),
        Case(
            name: "a range that is not two numbers in order",
            change: ("range: [0, 100]", "range: [100, 0]"),
            code: "series-invalid", line: 6, column: 10, hint: "range: [0, 100]"),
        Case(
            name: "an unknown setting, with did-you-mean",
            change: ("range: [0, 100]", "rnage: [0, 100]"),
            code: "field-unknown", line: 6, column: 3, hint: "did you mean `range`?"),
    ]

    @Test(arguments: cases) func eachRuleIsReportedWhereTheProblemIs(_ item: Case) {
        #expect(Self.valid.contains(item.change.0), "the case changes nothing")
        let text = Self.file(Self.valid.replacingOccurrences(of: item.change.0, with: item.change.1))
        let (entry, diagnostics) = Self.validate(text)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.code))")
        let error = errors.first
        #expect(error?.code == item.code)
        #expect(error?.location?.file == "content/indicadores/cobertura.md")
        #expect(error?.location?.line == item.line)
        #expect(error?.location?.column == item.column)
        #expect(error?.hint?.contains(item.hint) == true, "\(error?.hint ?? "no hint")")
        #expect(entry?.fields["serie"] == nil, "a series with an error is not kept")
    }

    @Test func aSeriesThatIsNotAGroupIsAWrongType() {
        let (_, diagnostics) = Self.validate(Self.file("  - 12\n"))
        #expect(diagnostics.map(\.code) == ["field-type"])
        #expect(diagnostics.first?.location?.line == 4)
    }

    @Test func aSeriesWithoutDirectionOrBaselineSaysWhatIsMissing() {
        let (_, diagnostics) = Self.validate(Self.file("  unit: t\n  values: []\n"))
        #expect(diagnostics.map(\.code) == ["series-invalid", "series-invalid"])
        #expect(diagnostics.compactMap(\.hint).contains { $0.contains("direction: up") })
        #expect(diagnostics.compactMap(\.hint).contains { $0.contains("baseline: {date:") })
    }
}
