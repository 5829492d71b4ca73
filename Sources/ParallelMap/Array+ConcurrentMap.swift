import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` over every core: the results keep the order of the input, so output stays
    /// deterministic whatever the number of threads.
    public func concurrentMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = transform(self[index])
        }
        return slots.values
    }
}

/// One result per index, each written by one thread: writes go through a raw buffer, never
/// through a shared `Array`, which is not safe to mutate from several threads even at different
/// indices.
public final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    public init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    public subscript(index: Int) -> Value? {
        get { storage[index] }
        set { storage[index] = newValue }
    }

    /// Every result, in order, moved out of the slots (read once: each slot is empty after);
    /// each index must have been written. Moved, not copied: copying 18,000 results, each with
    /// its references to count, then freeing the slots' copies, was a tenth of a rebuild's
    /// Markdown stage.
    public var values: [Value] {
        [Value](unsafeUninitializedCapacity: storage.count) { buffer, count in
            for index in storage.indices { (buffer.baseAddress! + index).initialize(to: storage[index].take()!) }
            count = storage.count
        }
    }
}

/// Hands out the numbers 0, 1, 2… below a bound, each once, to the threads that ask: work taken
/// in turn, so that every thread stays busy to the end.
public final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0

    public init() {}

    /// The next number below `count`; `nil` once every one is taken.
    public func take(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}
