import Diagnostics

/// A day of the calendar, `YYYY-MM-DD`: where a reporting period starts and ends.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A day; the caller gives a real one.
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days of `month` in `year`.
    public static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The first day of the month `months` after this day's month.
    public func firstOfMonth(adding months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        return CalendarDay(year: index / 12, month: index % 12 + 1, day: 1)
    }

    /// The day before this one.
    public var previous: CalendarDay {
        if day > 1 { return CalendarDay(year: year, month: month, day: day - 1) }
        let first = firstOfMonth(adding: -1)
        return CalendarDay(year: first.year, month: first.month, day: Self.days(in: first.month, of: first.year))
    }

    /// The day after this one.
    public var next: CalendarDay {
        day < Self.days(in: month, of: year)
            ? CalendarDay(year: year, month: month, day: day + 1) : firstOfMonth(adding: 1)
    }

    public var description: String {
        let pad = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Reads `YYYY-MM-DD`, `YYYY-MM` or `YYYY`: the first day it covers, or its last when
    /// `last` is true (`2022-06` ends on 30 June, `2022` on 31 December).
    public static func parse(_ text: String, last: Bool = false) -> CalendarDay? {
        guard ModelReader.isDate(text) else { return nil }
        let parts = text.split(separator: "-").map { Int($0)! }
        let year = parts[0]
        let month = parts.count > 1 ? parts[1] : (last ? 12 : 1)
        let day = parts.count > 2 ? parts[2] : (last ? days(in: month, of: year) : 1)
        return CalendarDay(year: year, month: month, day: day)
    }
}

/// `periods:` in `site.yaml`: how the site's reporting periods are cut, by a rule (every
/// quarter, half-year or year from a first day) or as a list with ids, labels and end dates.
public enum PeriodPlan: Sendable {
    /// Periods of `months` months (3, 6 or 12), the first starting on `from` (a first of the month).
    case rule(months: Int, from: CalendarDay)
    /// Periods declared one by one, in order.
    case list([DeclaredPeriod])

    /// The words of `every:`, by length in months.
    public static let lengths = ["quarter": 3, "half-year": 6, "year": 12]

    /// The periods that have started by `reference` (the build's reference date): every closed
    /// one (ending on or before it), then the open one that holds it, if any.
    public func periods(through reference: CalendarDay) -> [ReportingPeriod] {
        var periods: [ReportingPeriod] = []
        switch self {
        case .rule(let months, let from):
            var start = from
            while start <= reference {
                let next = start.firstOfMonth(adding: months)
                let end = next.previous
                periods.append(
                    ReportingPeriod(
                        id: Self.id(start: start, end: end), labels: [:], start: start, end: end,
                        closed: end <= reference))
                start = next
            }
        case .list(let declared):
            var start = declared.first?.start
            for period in declared {
                if let start, start > reference { break }
                periods.append(
                    ReportingPeriod(
                        id: period.id, labels: period.labels, start: start, end: period.end,
                        closed: period.end <= reference))
                if period.end >= reference { break }
                start = period.end.next
            }
        }
        return periods
    }

    /// `2022` for a calendar year, `2022-01-2022-03` (first and last month) otherwise: words of
    /// no language.
    static func id(start: CalendarDay, end: CalendarDay) -> String {
        if start.month == 1, end.month == 12, start.year == end.year { return String(start.year) }
        let month = { (day: CalendarDay) in "\(day.year)-\(day.month < 10 ? "0" : "")\(day.month)" }
        return month(start) + "-" + month(end)
    }
}

/// A period of an explicit `periods:` list.
public struct DeclaredPeriod: Sendable {
    public var id: String
    /// Its label by language (`label: {es: …, en: …}`); one label is the site's language's.
    public var labels: [String: String]
    /// Only the first period may say where it starts; each other starts the day after the
    /// previous one ends. `nil`: from the beginning of the records.
    public var start: CalendarDay?
    public var end: CalendarDay
}

/// One reporting period of the site, as the build's reference date makes it.
public struct ReportingPeriod: Sendable, Hashable {
    /// Its id, the last folder of its page (`periodos/2022/`) and the name of its JSON.
    public var id: String
    /// Labels by language from `site.yaml`; empty for periods made by a rule (the theme's words
    /// name them).
    public var labels: [String: String]
    /// The first day (`nil`: from the beginning of the records) and the last day, both included.
    public var start: CalendarDay?
    public var end: CalendarDay
    /// False for the period that holds the reference date: still open, its figures not final.
    public var closed: Bool

    /// Creates a period.
    public init(id: String, labels: [String: String], start: CalendarDay?, end: CalendarDay, closed: Bool) {
        self.id = id
        self.labels = labels
        self.start = start
        self.end = end
        self.closed = closed
    }

    /// Whether `day` falls within the period.
    public func contains(_ day: CalendarDay) -> Bool {
        day <= end && (start.map { $0 <= day } ?? true)
    }
}
