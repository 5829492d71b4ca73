extension LinkChecker {
    /// Checks each link to another page's fragment against that page's ids, building the set of
    /// ids only of the pages that are such targets.
    func checkFragments(_ reports: inout [PageReport]) {
        var targets: Set<String> = []
        for report in reports {
            for pending in report.fragments { targets.insert(pending.target) }
        }
        guard !targets.isEmpty else { return }
        var ids: [String: Set<String>] = [:]
        for report in reports where targets.contains(report.page) { ids[report.page] = Set(report.ids) }
        for index in reports.indices {
            for pending in reports[index].fragments where ids[pending.target]?.contains(pending.fragment) != true {
                let problem = LinkProblem.Kind.fragment(pending.fragment, page: pending.target)
                reports[index].problems.append(
                    LinkProblem(page: reports[index].page, link: pending.link, kind: problem))
            }
            reports[index].fragments = []
        }
    }
}
