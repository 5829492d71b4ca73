import Foundation
import ParallelMap

extension LinkChecker {
    /// Checks each link to another page's fragment against that page's ids, on every core: a
    /// page has a few ids, so they are compared one by one (or looked up in the set its worker
    /// built, for a page with many).
    func checkFragments(_ reports: inout [PageReport]) {
        guard reports.contains(where: { !$0.fragments.isEmpty }) else { return }
        // By the exact path: two files whose names differ only in how an accent is written are two pages.
        var numbers: [ExactText: Int] = [:]
        numbers.reserveCapacity(reports.count)
        for (number, report) in reports.enumerated() { numbers[ExactText(report.page)] = number }
        let pages = reports
        let number = numbers
        let found = Self.chunks(of: reports.count).concurrentMap { chunk in
            var problems: [(page: Int, problem: LinkProblem)] = []
            for index in chunk {
                for pending in pages[index].fragments {
                    if let target = number[ExactText(pending.target)], pages[target].has(id: pending.fragment) {
                        continue
                    }
                    let problem = LinkProblem.Kind.fragment(pending.fragment, page: pending.target)
                    problems.append((index, LinkProblem(page: pages[index].page, link: pending.link, kind: problem)))
                }
            }
            return problems
        }
        for (page, problem) in found.joined() { reports[page].problems.append(problem) }
        for index in reports.indices where !reports[index].fragments.isEmpty { reports[index].fragments = [] }
    }

    /// Ranges of `count` items, `perCore` per core, so that every core stays busy to the end.
    static func chunks(of count: Int, perCore: Int = 8) -> [Range<Int>] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let size = max(8, count / max(1, cores * perCore))
        return stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }
}

extension PageReport {
    /// Pages with more ids than this get a set of them.
    static let idsCompared = 32

    /// True when the page has an element with the id (or `a` with the name) `id`, written with
    /// the same code points: a browser compares ids exactly.
    func has(id: String) -> Bool {
        if let idSet { return idSet.contains(ExactText(id)) }
        return ids.contains(id)
    }
}
