import Diagnostics
import Foundation
import Testing

/// The terminal's progress line: its words, its pace (at most ten lines a second, nothing in
/// the first quarter second), and that it is erased before anything else is printed.
@Suite struct ProgressLineTests {
    /// A progress line on a clock the test moves, writing into `written`.
    final class Harness: @unchecked Sendable {
        let lock = NSLock()
        var now: Duration = .zero
        var written: [String] = []
        lazy var line = ProgressLine(
            enabled: true, elapsed: { [unowned self] in lock.withLock { now } },
            write: { [unowned self] text in lock.withLock { written.append(text) } })

        func at(_ milliseconds: Int, _ progress: StageProgress) {
            lock.withLock { now = .milliseconds(milliseconds) }
            line.update(progress)
        }
    }

    @Test(arguments: [
        (StageProgress("validating", done: 4000, total: 6002), "validating 4000/6002…"),
        (StageProgress("writing open data", done: 120), "writing open data 120…"),
        (StageProgress("checking pages", done: 0, total: 0), "checking pages 0/0…"),
    ])
    func progressReadsAsStageDoneOfTotal(progress: StageProgress, text: String) {
        #expect(progress.text == text)
    }

    @Test func eachUpdateRewritesTheLineInPlace() {
        let harness = Harness()
        harness.at(300, StageProgress("loading", done: 10, total: 20))
        #expect(harness.written == ["\r\u{1B}[Kloading 10/20…"])
    }

    @Test func aShortRunPrintsNothing() {
        let harness = Harness()
        for step in 0..<25 { harness.at(step * 10, StageProgress("loading", done: step, total: 25)) }
        #expect(harness.written.isEmpty)
        harness.line.clear()
        #expect(harness.written.isEmpty)  // nothing shown, nothing to erase
    }

    @Test func updatesAreThrottledToTenASecond() {
        let harness = Harness()
        // 1,000 updates a second for two seconds, after the first quarter second.
        for millisecond in 250..<2250 {
            harness.at(millisecond, StageProgress("validating", done: millisecond, total: 2250))
        }
        #expect(harness.written.count == 20)
        #expect(harness.written.first == "\r\u{1B}[Kvalidating 250/2250…")
        #expect(harness.written.last == "\r\u{1B}[Kvalidating 2150/2250…")
    }

    @Test func clearErasesTheLineOnceAndTheNextUpdateShowsAtOnce() {
        let harness = Harness()
        harness.at(400, StageProgress("rendering pages", done: 1, total: 9))
        harness.line.clear()
        harness.line.clear()
        harness.at(410, StageProgress("rendering pages", done: 2, total: 9))
        #expect(
            harness.written == [
                "\r\u{1B}[Krendering pages 1/9…", "\r\u{1B}[K", "\r\u{1B}[Krendering pages 2/9…",
            ])
    }

    @Test func aDisabledLinePrintsNothing() {
        let harness = Harness()
        harness.line.enabled = false
        harness.at(1000, StageProgress("loading", done: 1, total: 2))
        harness.line.clear()
        #expect(harness.written.isEmpty)
    }

    @Test func aCounterTellsItsHandlerEveryItemFromEveryThread() {
        let seen = Seen()
        let counter = ProgressCounter("validating", total: 1000) { seen.add($0) }
        DispatchQueue.concurrentPerform(iterations: 1000) { _ in counter.step() }
        #expect(seen.all.count == 1000)
        #expect(seen.all.map(\.done).sorted() == Array(1...1000))
        #expect(seen.all.allSatisfy { $0.stage == "validating" && $0.total == 1000 })
    }

    final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var values: [StageProgress] = []
        func add(_ progress: StageProgress) { lock.withLock { values.append(progress) } }
        var all: [StageProgress] { lock.withLock { values } }
    }
}
