import Foundation

/// The server's open connections: what each is doing, until when it may do it, and the task
/// that serves it. A connection past its time is cancelled by `reap`; at the limit of
/// connections, a new one cancels the oldest that is waiting for a request; stopping cancels
/// every waiting one at once and the others after a grace.
final class ConnectionTable: @unchecked Sendable {
    /// What a connection is doing, which decides whether and when it times out.
    enum Phase: Sendable, Equatable {
        /// Waiting for the first byte of a request (`idleTimeout`).
        case idle
        /// Receiving a request's head and body (`headTimeout`).
        case head
        /// Answering: making the response or waiting for the next event of a stream (no limit).
        case answering
        /// Writing to a client that is not reading (`writeTimeout` without progress).
        case writing
        /// Reading what a refused client still sends, so the refusal reaches it (one second).
        case closing
    }

    /// Why a connection's task was cancelled.
    enum Ending: Sendable, Equatable {
        case timedOut(Phase)
        case evicted
        case stopped
    }

    private struct Entry {
        var phase: Phase
        var deadline: ContinuousClock.Instant?
        var task: Task<Void, Never>?
        var ending: Ending?

        var isWaiting: Bool { phase == .idle || phase == .head || phase == .closing }

        mutating func cancel(_ reason: Ending) {
            guard ending == nil else { return }
            ending = reason
            task?.cancel()
        }
    }

    private let lock = NSLock()
    /// Only touched under `lock`; keys grow, so the smallest is the oldest connection.
    private var entries: [UInt64: Entry] = [:]
    private var nextID: UInt64 = 0
    private var stopping = false

    /// True once the server is stopping: a connection closes after its current response.
    var isStopping: Bool { lock.withLock { stopping } }

    /// True when every connection has ended.
    var isEmpty: Bool { lock.withLock { entries.isEmpty } }

    /// Registers a new connection, idle until `deadline`. At `limit`, makes room by cancelling
    /// the oldest connection that is waiting for a request; `nil` when none is (every one is
    /// answering) or when the server is stopping.
    func open(limit: Int, idleUntil deadline: ContinuousClock.Instant) -> UInt64? {
        lock.withLock {
            guard !stopping else { return nil }
            if entries.values.count(where: { $0.ending == nil }) >= limit {
                guard let oldest = entries.filter({ $0.value.ending == nil && $0.value.isWaiting }).keys.min() else {
                    return nil
                }
                entries[oldest]?.cancel(.evicted)
            }
            nextID += 1
            entries[nextID] = Entry(phase: .idle, deadline: deadline)
            return nextID
        }
    }

    /// The task serving connection `id`, cancelled at once if its connection already ended.
    func attach(_ id: UInt64, task: Task<Void, Never>) {
        lock.withLock {
            guard entries[id] != nil else { return task.cancel() }
            entries[id]?.task = task
            if entries[id]?.ending != nil { task.cancel() }
        }
    }

    /// Connection `id` is now doing `phase`, until `deadline` (none: no limit).
    func enter(_ id: UInt64, _ phase: Phase, until deadline: ContinuousClock.Instant?) {
        lock.withLock {
            entries[id]?.phase = phase
            entries[id]?.deadline = deadline
        }
    }

    /// Connection `id` received bytes: an idle one starts a request, due by `deadline`.
    func received(_ id: UInt64, headUntil deadline: ContinuousClock.Instant) {
        lock.withLock {
            guard entries[id]?.phase == .idle else { return }
            entries[id]?.phase = .head
            entries[id]?.deadline = deadline
        }
    }

    /// Why connection `id` was cancelled, if it was.
    func ending(of id: UInt64) -> Ending? {
        lock.withLock { entries[id]?.ending }
    }

    /// Connection `id` is closed.
    func close(_ id: UInt64) {
        lock.withLock { _ = entries.removeValue(forKey: id) }
    }

    /// Cancels every connection past its deadline.
    func reap(now: ContinuousClock.Instant = .now) {
        lock.withLock {
            for (id, entry) in entries where entry.ending == nil {
                if let deadline = entry.deadline, deadline < now { entries[id]?.cancel(.timedOut(entry.phase)) }
            }
        }
    }

    /// Refuses new connections and cancels every one that is not answering.
    func stopWaiting() {
        lock.withLock {
            stopping = true
            for (id, entry) in entries where entry.isWaiting { entries[id]?.cancel(.stopped) }
        }
    }

    /// Cancels every connection; returns their tasks, to wait for.
    func cancelAll() -> [Task<Void, Never>] {
        lock.withLock {
            stopping = true
            for id in entries.keys { entries[id]?.cancel(.stopped) }
            return entries.values.compactMap(\.task)
        }
    }
}
