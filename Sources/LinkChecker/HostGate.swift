/// Lets at most `limit` requests to one host run at a time; the others wait their turn in order.
actor HostGate {
    let limit: Int
    private var running: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    /// A gate that lets `limit` (at least 1) requests per host through.
    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Returns once a request to `host` may start.
    func enter(_ host: String) async {
        if running[host, default: 0] < limit {
            running[host, default: 0] += 1
            return
        }
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    /// Ends a request to `host`: its place goes to the next waiting request, if any.
    func leave(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue
            next.resume()
        } else {
            running[host, default: 1] -= 1
        }
    }
}
