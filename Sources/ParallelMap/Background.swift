import Dispatch

/// Work started now on another thread, whose value is waited for where it is needed: so that
/// two stages that do not depend on each other (reading the cache's manifest and walking the
/// content folder, say) overlap instead of following each other on one core.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    /// Starts `work` on a thread of the system's pool.
    public convenience init(_ work: @escaping @Sendable () -> Value) {
        self.init(on: DispatchQueue.global(), work)
    }

    /// Starts `work` at once on a thread of its own (a serial queue's, which the system's pool
    /// makes even when its threads are all busy): for work that waits on other processes or on
    /// the file system, and must not wait for a core's thread to free itself.
    public static func onOwnThread(_ work: @escaping @Sendable () -> Value) -> Background {
        Background(on: DispatchQueue(label: "avance.background"), work)
    }

    private init(on queue: DispatchQueue, _ work: @escaping @Sendable () -> Value) {
        done.enter()
        queue.async {
            self.result = work()
            self.done.leave()
        }
    }

    /// The work's value, once it is done.
    public var value: Value {
        done.wait()
        return result!
    }

    /// The work's value, once it is done, handed over: this keeps none of it, so that a value
    /// changed next is not copied first. Neither `value` nor `take` may be asked after.
    public func take() -> Value {
        done.wait()
        defer { result = nil }
        return result!
    }
}
