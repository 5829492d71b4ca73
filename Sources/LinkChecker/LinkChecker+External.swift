import Diagnostics

extension LinkChecker {
    /// Asks other sites about every distinct URL the pages hold, then adds a problem to each
    /// link whose URL did not work. Returns warnings about the cache and how many URLs there were.
    func checkExternal(_ reports: inout [PageReport], options external: ExternalCheckOptions) async -> (
        diagnostics: [Diagnostic], count: Int
    ) {
        let urls = Set(reports.lazy.flatMap { $0.external.map(\.url) })
        guard !urls.isEmpty else { return ([], 0) }
        let result = await ExternalLinkChecker(options: external).check(urls)
        for index in reports.indices {
            for (url, link) in reports[index].external {
                guard let status = result.statuses[url] else { continue }
                if case .alive = status { continue }
                reports[index].problems.append(
                    LinkProblem(page: reports[index].page, link: link, kind: .external(status)))
            }
            reports[index].external = []
        }
        return (result.diagnostics, urls.count)
    }
}
