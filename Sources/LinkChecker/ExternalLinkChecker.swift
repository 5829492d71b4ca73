import Diagnostics
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Asks other sites whether URLs work: `HEAD` first, `GET` when a server refuses `HEAD`;
/// retries with growing pauses; a few requests per host at a time; a cache between runs.
struct ExternalLinkChecker: Sendable {
    let options: ExternalCheckOptions

    /// What was found: each URL's status, warnings about the cache, and how many URLs were asked.
    struct Result: Sendable {
        var statuses: [String: ExternalStatus] = [:]
        var diagnostics: [Diagnostic] = []
        var asked = 0
    }

    /// The status of every URL of `urls` (absolute `http(s)` URLs without fragments).
    func check(_ urls: Set<String>) async -> Result {
        var result = Result()
        var cache = LinkCache()
        if let file = options.cacheFile {
            let (loaded, problem) = LinkCache.load(file, now: options.now, maxAge: options.cacheMaxAge)
            cache = loaded
            if let problem { result.diagnostics.append(problem) }
        }
        var pending: [String] = []
        for url in urls.sorted() {
            if let status = cache.status(of: url) { result.statuses[url] = .alive(status) } else { pending.append(url) }
        }
        result.asked = pending.count
        for (url, status) in await ask(Self.interleavedByHost(pending)) {
            result.statuses[url] = status
            if case .alive(let code) = status { cache.record(url, status: code, now: options.now) }
        }
        if let file = options.cacheFile, let problem = cache.save(file) { result.diagnostics.append(problem) }
        return result
    }

    /// Asks for every URL, `concurrency` at a time and `perHost` per host.
    func ask(_ urls: [String]) async -> [(String, ExternalStatus)] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout * 3
        configuration.httpMaximumConnectionsPerHost = options.perHost
        configuration.urlCache = nil
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let gate = HostGate(limit: options.perHost)
        return await withTaskGroup(of: (String, ExternalStatus).self) { group in
            var results: [(String, ExternalStatus)] = []
            var next = urls.makeIterator()
            func start(_ url: String) {
                group.addTask {
                    let host = Self.host(of: url)
                    await gate.enter(host)
                    let status = await probe(url, session: session)
                    await gate.leave(host)
                    return (url, status)
                }
            }
            for _ in 0..<max(1, options.concurrency) {
                guard let url = next.next() else { break }
                start(url)
            }
            while let result = await group.next() {
                results.append(result)
                if let url = next.next() { start(url) }
            }
            return results
        }
    }

    /// Asks for `url`, again after a pause while the answer is a timeout, a failure or a 5xx.
    func probe(_ url: String, session: URLSession) async -> ExternalStatus {
        guard let address = URL(string: url) else { return .failed(Message("link-external.reason.url")) }
        var status = ExternalStatus.failed(Message("link-external.reason.not-asked"))
        for attempt in 0...max(0, options.retries) {
            if attempt > 0 {
                let pause = options.backoff * pow(2, Double(attempt - 1))
                try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
            }
            status = await ask(address, session: session)
            if !status.isTransient { break }
        }
        return status
    }

    /// One attempt: `HEAD`, then `GET` unless `HEAD` settled it (or timed out: a slow server is
    /// no faster with `GET`).
    func ask(_ url: URL, session: URLSession) async -> ExternalStatus {
        let head = await request(url, method: "HEAD", session: session)
        switch head {
        case .alive, .throttled, .timedOut: return head
        case .dead, .failed: return await request(url, method: "GET", session: session)
        }
    }

    /// One request. `GET` asks for the first byte only, so big files are not downloaded.
    func request(_ url: URL, method: String, session: URLSession) async -> ExternalStatus {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: options.timeout)
        request.httpMethod = method
        request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
        if method == "GET" { request.setValue("bytes=0-0", forHTTPHeaderField: "Range") }
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else {
                return .failed(Message("link-external.reason.not-http"))
            }
            switch http.statusCode {
            case 200..<400: return .alive(http.statusCode)
            case 416 where method == "GET": return .alive(http.statusCode)  // the range, not the page, is wrong
            case 429: return .throttled
            default: return .dead(http.statusCode)
            }
        } catch let error as URLError where error.code == .timedOut {
            return .timedOut
        } catch {
            return .failed(Message("link-external.reason.system", ["reason": error.localizedDescription]))
        }
    }

    /// `https://a.org/x` → `a.org`: the key of the per-host limit (with the port, if any).
    static func host(of url: String) -> String {
        let rest = url.drop { $0 != "/" }.drop { $0 == "/" }
        return rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.lowercased()
    }

    /// One URL of each host in turn, so that a host with many URLs does not hold every slot
    /// while the other hosts wait.
    static func interleavedByHost(_ urls: [String]) -> [String] {
        var queues: [String: [String]] = [:]
        var hosts: [String] = []
        for url in urls {
            let host = host(of: url)
            if queues[host] == nil { hosts.append(host) }
            queues[host, default: []].append(url)
        }
        var result: [String] = []
        var round = 0
        while result.count < urls.count {
            for host in hosts where round < queues[host]!.count { result.append(queues[host]![round]) }
            round += 1
        }
        return result
    }
}
