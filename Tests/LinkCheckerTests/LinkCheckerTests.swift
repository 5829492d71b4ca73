import Testing

@testable import LinkChecker

@Suite struct LinkCheckerTests {
    @Test func usesLibxml2() {
        #expect(LinkChecker.parserVersion.hasPrefix("2"))
    }
}
