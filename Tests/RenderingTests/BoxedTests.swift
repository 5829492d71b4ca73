import Testing

@testable import Rendering

/// A page's own part lives in a box (`Boxed`) so that the page's view stays small to copy; it
/// must keep the value semantics of the view it holds.
@Suite struct BoxedTests {
    struct Holder {
        @Boxed var part: [String]? = nil
    }

    @Test func aChangeToACopyLeavesTheOriginalAsItWas() {
        var original = Holder()
        original.part = ["a"]
        var copy = original
        copy.part?.append("b")
        #expect(original.part == ["a"])
        #expect(copy.part == ["a", "b"])
        copy.part = nil
        #expect(copy.part == nil)
        #expect(original.part == ["a"])
    }

    @Test func aPageViewHoldsItsPartsOutOfLine() {
        // The parts inline made a page's view 2.7 KB, copied at every name a template read in it.
        #expect(MemoryLayout<PageView>.size < 1024)
    }
}
