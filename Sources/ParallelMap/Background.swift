import Dispatch

/// Work started now on another thread, whose value is waited for where it is needed: so that
/// two stages that do not depend on each other (reading the cache's manifest and walking the
/// content folder, say) overlap instead of following each other on one core.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    /// Starts `work` on a thread of the system's pool.
    public init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    /// The work's value, once it is done.
    public var value: Value {
        done.wait()
        return result!
    }
}
