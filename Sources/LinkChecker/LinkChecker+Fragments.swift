import Foundation
import ParallelMap

extension LinkChecker {
    /// Checks each link to another page's fragment against that page's ids, on every core: a
    /// page has a few ids, so they are compared one by one (or looked up in the set its worker
    /// built, for a page with many).
    func checkFragments(_ reports: inout [PageReport]) {
        guard reports.contains(where: { !$0.fragments.isEmpty }) else { return }
        // Found while `reports` is shared with the workers, then written once it is not: a write
        // while it is shared would copy all the reports.
        let found = Self.brokenFragments(in: reports)
        for (page, problem) in found { reports[page].problems.append(problem) }
        for index in reports.indices where !reports[index].fragments.isEmpty { reports[index].fragments = [] }
    }

    /// The links to fragments of other pages that those pages do not have, by the number of
    /// the page they are on.
    static func brokenFragments(in pages: [PageReport]) -> [(page: Int, problem: LinkProblem)] {
        // By the exact path: two files whose names differ only in how an accent is written are two pages.
        var numbers: [ExactText: Int] = [:]
        numbers.reserveCapacity(pages.count)
        for index in pages.indices { numbers[ExactText(pages[index].page)] = index }
        let number = numbers
        return Array(
            chunks(of: pages.count).concurrentMap { chunk in
                var problems: [(page: Int, problem: LinkProblem)] = []
                for index in chunk {
                    for pending in pages[index].fragments {
                        if let target = number[ExactText(pending.target)], pages[target].has(id: pending.fragment) {
                            continue
                        }
                        let problem = LinkProblem.Kind.fragment(pending.fragment, page: pending.target)
                        problems.append(
                            (index, LinkProblem(page: pages[index].page, link: pending.link, kind: problem)))
                    }
                }
                return problems
            }.joined())
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
