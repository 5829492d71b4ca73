import Dispatch

/// Hands the result of async work to a caller that is not async and waits for it (the command
/// line's `run()`). Never used from inside a task, which it would block.
final class BlockingResult<Value: Sendable>: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    // Written once before `signal()`, read once after `wait()`: the semaphore orders the two.
    private var value: Value?

    func set(_ value: Value) {
        self.value = value
        semaphore.signal()
    }

    func wait() -> Value {
        semaphore.wait()
        return value!
    }
}
