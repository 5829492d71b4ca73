import Foundation

/// The responses being sent, so that stopping the server waits for them, and for nothing else:
/// with no request under way, Ctrl-C stops at once. Each response holds a `Token` until its
/// last byte is written (or its connection fails).
final class Activity: @unchecked Sendable {
    private let lock = NSLock()
    /// Only touched under `lock`.
    private var open = 0

    /// The number of responses under way.
    var count: Int { lock.withLock { open } }

    /// Counts one more response under way, until the token is finished or released.
    func begin() -> Token {
        lock.withLock { open += 1 }
        return Token(self)
    }

    fileprivate func end() {
        lock.withLock { open -= 1 }
    }

    /// One response under way; counted once, whether it is finished or released first.
    final class Token: @unchecked Sendable {
        private let activity: Activity
        private let lock = NSLock()
        /// Only touched under `lock`.
        private var done = false

        fileprivate init(_ activity: Activity) {
            self.activity = activity
        }

        /// The response is sent.
        func finish() {
            let first = lock.withLock {
                defer { done = true }
                return !done
            }
            if first { activity.end() }
        }

        deinit { finish() }
    }
}
