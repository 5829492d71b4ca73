import Diagnostics
import Testing

@testable import ContentModel

/// `periods:` in `site.yaml`: a rule or a list, each mistake a `period-invalid` error at its
/// line and column with a hint, and the periods a reference date makes.
@Suite struct PeriodSettingTests {
    static let collections = "collections:\n  a:\n    fields: {title: string}\n"

    static func plan(_ setting: String) throws -> PeriodPlan {
        let (model, diagnostics) = ModelReader.read("title: T\n" + setting + collections)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        return try #require(model?.periods)
    }

    static func day(_ text: String) -> CalendarDay { CalendarDay.parse(text)! }

    @Test func aYearlyRuleMakesCalendarYearsUpToTheReferenceDateTheLastOneOpen() throws {
        let plan = try Self.plan("periods: {every: year, from: 2021-01}\n")
        let periods = plan.periods(through: Self.day("2023-05-10"))
        #expect(periods.map(\.id) == ["2021", "2022", "2023"])
        #expect(periods.map(\.closed) == [true, true, false])
        #expect(periods[1].start == Self.day("2022-01-01"))
        #expect(periods[1].end == Self.day("2022-12-31"))
        // A period ending on the reference date is closed, and the next one has not started.
        #expect(plan.periods(through: Self.day("2022-12-31")).map(\.closed) == [true, true])
        // Before the first period starts there is none.
        #expect(plan.periods(through: Self.day("2020-12-31")).isEmpty)
    }

    @Test func quartersAndHalfYearsAreNamedByTheirFirstAndLastMonths() throws {
        let quarters = try Self.plan("periods:\n  every: quarter\n  from: 2022-02\n").periods(
            through: Self.day("2022-08-01"))
        #expect(quarters.map(\.id) == ["2022-02-2022-04", "2022-05-2022-07", "2022-08-2022-10"])
        #expect(quarters[0].end == Self.day("2022-04-30"))
        #expect(quarters.map(\.closed) == [true, true, false])
        let halves = try Self.plan("periods: {every: half-year, from: 2021-07-01}\n").periods(
            through: Self.day("2022-07-01"))
        #expect(halves.map(\.id) == ["2021-07-2021-12", "2022-01-2022-06", "2022-07-2022-12"])
        #expect(halves[1].end == Self.day("2022-06-30"))
    }

    @Test func aListGivesIdsLabelsAndEndsEachStartingAfterThePreviousOne() throws {
        let plan = try Self.plan(
            """
            periods:
              - {id: s1, start: 2022-01-01, end: 2022-06-30, label: {es: Primer semestre, en: First half}}
              - {id: s2, end: 2022-12, label: Segundo semestre}
              - {id: s3, end: 2023-06-30}

            """)
        let periods = plan.periods(through: Self.day("2022-09-01"))
        #expect(periods.map(\.id) == ["s1", "s2"])
        #expect(periods[1].start == Self.day("2022-07-01"))
        #expect(periods[1].end == Self.day("2022-12-31"))
        #expect(periods.map(\.closed) == [true, false])
        #expect(periods[0].label(in: "en") == "First half")
        #expect(periods[1].label(in: "en") == "Segundo semestre")
        #expect(periods[1].label(in: "es") == "Segundo semestre")
        // Without `start`, the first period covers everything before its end.
        let open = try Self.plan("periods: [{id: hasta-2022, end: 2022}]\n").periods(through: Self.day("2025-01-01"))
        #expect(open.first?.start == nil)
        #expect(open.first?.contains(Self.day("1999-01-01")) == true)
    }

    @Test(
        arguments: [
            ("periods: yearly\n", 2, 10, "`periods` must be a rule or a list", "every: year"),
            ("periods: {every: month, from: 2021-01}\n", 2, 18, "`every` must be", "half-year"),
            ("periods: {every: yaer, from: 2021-01}\n", 2, 18, "`every` must be", "did you mean `year`?"),
            ("periods: {from: 2021-01}\n", 2, 10, "`periods` needs `every:`", "every: year"),
            ("periods: {every: year}\n", 2, 10, "`periods` needs `from:`", "from: 2021-01"),
            ("periods: {every: year, from: 2021-01-15}\n", 2, 30, "must be the first day of a month", "from: 2021-01"),
            ("periods: {every: year, from: 2021-13}\n", 2, 30, "must be the first day of a month", "from: 2021-01"),
            ("periods: []\n", 2, 10, "`periods` is an empty list", "one period"),
            ("periods: [2022]\n", 2, 11, "a period is `{id, label, end}`", "end: 2022-12-31"),
            ("periods: [{end: 2022}]\n", 2, 11, "a period needs `id:`", "lowercase letters"),
            ("periods: [{id: Año, end: 2022}]\n", 2, 16, "invalid period id `Año`", "lowercase letters"),
            ("periods: [{id: a}]\n", 2, 11, "a period needs `end:`", "end: 2022-12-31"),
            ("periods: [{id: a, end: 2022-02-30}]\n", 2, 24, "`end` must be a date", "YYYY-MM-DD"),
            ("periods: [{id: a, end: 2022}, {id: a, end: 2023}]\n", 2, 36, "two periods have the id `a`", "its own"),
            ("periods: [{id: a, end: 2023}, {id: b, end: 2022}]\n", 2, 44, "ends on 2022-12-31, not after", "in order"),
            (
                "periods: [{id: a, end: 2022}, {id: b, start: 2023-01-01, end: 2023}]\n", 2, 46,
                "only the first period",
                "remove `start:`"
            ),
            ("periods: [{id: a, start: soon, end: 2022}]\n", 2, 26, "`start` must be a date", "YYYY-MM-DD"),
            (
                "periods: [{id: a, end: 2022, label: [x]}]\n", 2, 37, "must be a text, or one text per language",
                "label: {es:"
            ),
        ] as [(String, Int, Int, String, String)])
    func aWrongPeriodsSettingIsAnErrorWhereItIsWrong(
        setting: String, line: Int, column: Int, message: String, hint: String
    ) throws {
        let (model, diagnostics) = ModelReader.read("title: T\n" + setting + Self.collections)
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.message))")
        #expect(first.code == "period-invalid")
        #expect(first.severity == .error)
        #expect(first.location?.file == "content/site.yaml")
        #expect(first.location?.line == line)
        #expect(first.location?.column == column)
        #expect(first.message.contains(message), "\(first.message)")
        #expect(first.hint?.contains(hint) == true, "\(first.hint ?? "")")
        #expect(model == nil)
    }

    @Test func anUnknownPeriodsSettingIsNamedWithTheNearestOne() throws {
        let (_, diagnostics) = ModelReader.read("title: T\nperiods: {every: year, form: 2021-01}\n" + Self.collections)
        #expect(diagnostics.map(\.code).contains("model-unknown-key"))
        #expect(diagnostics.contains { $0.hint?.contains("`from`") == true }, "\(diagnostics.map(\.hint))")
    }
}
