import Foundation
import SiteData

/// The date a person meant by a date written another way, for the hint of `date-invalid`:
/// "septiembre 2022", "sept. 2022" and "09/2022" are `2022-09`; "15 de septiembre de 2022" and
/// "15/09/2022" are `2022-09-15`. Month names are the site's language's, from its theme
/// (`months:` in `theme/i18n/<language>.yaml`), so no language is fixed here. Only an
/// unambiguous reading is offered: `04/05/2022` (April 5 or May 4?) gets none.
struct DateGuess: Sendable {
    /// The twelve month names, January first; empty when the theme gives none.
    let months: [String]

    /// The value to write for `text`, or `nil` when it cannot be read as one date.
    func value(for text: String) -> String? {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var numbers: [Substring] = []
        var month: Int?
        for token in folded.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            if token.allSatisfy(\.isASCII), token.allSatisfy(\.isNumber) {
                numbers.append(token)
            } else if token.allSatisfy(\.isLetter) {
                // Short words ("de", "of") join the parts; a longer one must be a month.
                guard token.count >= 3 else { continue }
                guard month == nil, let found = monthNumber(token) else { return nil }
                month = found
            } else {
                return nil
            }
        }
        let value: String?
        if let month {
            value = named(month: month, numbers: numbers)
        } else {
            value = numeric(numbers)
        }
        guard let value, value != text, SiteDate(value) != nil else { return nil }
        return value
    }

    /// The month whose name starts with `word` (`sept`, `septiembre`), when only one does.
    func monthNumber(_ word: Substring) -> Int? {
        let names = months.map {
            $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        }
        let matches = names.indices.filter { names[$0].hasPrefix(word) }
        return matches.count == 1 ? matches[0] + 1 : nil
    }

    /// A month by name with a year, and perhaps a day: "15 de septiembre de 2022", "September 15, 2022".
    func named(month: Int, numbers: [Substring]) -> String? {
        let years = numbers.filter { $0.count == 4 }
        let days = numbers.filter { $0.count <= 2 }
        guard years.count == 1, days.count <= 1, years.count + days.count == numbers.count else { return nil }
        return Self.date(year: years[0], month: month, day: days.first.flatMap { Int($0) })
    }

    /// Numbers only: `09/2022`, `2022/09`, `2022/09/15`, `15/09/2022` (day first only when the
    /// day is over 12 or the same as the month, so that the reading is the only one).
    func numeric(_ numbers: [Substring]) -> String? {
        let parts = numbers.compactMap { Int($0) }
        guard parts.count == numbers.count else { return nil }
        switch numbers.count {
        case 2 where numbers[1].count == 4 && numbers[0].count <= 2:
            return Self.date(year: numbers[1], month: parts[0], day: nil)
        case 2 where numbers[0].count == 4 && numbers[1].count <= 2:
            return Self.date(year: numbers[0], month: parts[1], day: nil)
        case 3 where numbers[0].count == 4 && numbers[1].count <= 2 && numbers[2].count <= 2:
            return Self.date(year: numbers[0], month: parts[1], day: parts[2])
        case 3 where numbers[2].count == 4 && numbers[0].count <= 2 && numbers[1].count <= 2:
            let (first, second) = (parts[0], parts[1])
            if first > 12 || first == second { return Self.date(year: numbers[2], month: second, day: first) }
            if second > 12 { return Self.date(year: numbers[2], month: first, day: second) }
            return nil
        default:
            return nil
        }
    }

    static func date(year: Substring, month: Int, day: Int?) -> String? {
        guard (1...12).contains(month) else { return nil }
        let two = { (number: Int) in number < 10 ? "0\(number)" : "\(number)" }
        guard let day else { return "\(year)-\(two(month))" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
