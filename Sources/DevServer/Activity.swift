import FlyingFox
import FlyingSocks
import Foundation

/// The responses being sent, so that stopping the server waits for them, and for nothing else:
/// with no request under way, Ctrl-C stops at once. Each response holds a `Token` until its
/// last byte is written (or FlyingFox lets go of it, when the connection fails).
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

    /// Returns once no response is under way, or once `limit` has passed.
    func waitUntilIdle(within limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while count > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
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

/// A response's bytes, holding its `Activity.Token` until the last of them is written.
struct TrackedBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let bytes: [UInt8]
    let token: Activity.Token

    func makeAsyncIterator() -> Iterator {
        Iterator(bytes: bytes, token: token)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let bytes: [UInt8]
        let token: Activity.Token
        var offset = 0

        mutating func next() async -> UInt8? {
            await nextBuffer(suggested: 1)?.first
        }

        /// The next bytes; `nil` (and the token finished) once FlyingFox asks again after the
        /// last ones, that is once they are written.
        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard offset < bytes.count else {
                token.finish()
                return nil
            }
            let end = Swift.min(bytes.count, offset + Swift.max(1, count))
            defer { offset = end }
            return bytes[offset..<end]
        }
    }
}
