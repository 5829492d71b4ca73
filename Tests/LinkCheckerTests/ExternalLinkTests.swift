import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import LinkChecker

/// Links to other sites, checked against a local server (never the internet). One test at a
/// time: a Python server per test starting all at once on two cores would miss the timeouts.
@Suite(.serialized) struct ExternalLinkTests {
    /// Settings for tests: short pauses, a timeout that only the slow page misses.
    static func settings(cache: String? = nil, now: Date = Date()) -> ExternalCheckOptions {
        var settings = ExternalCheckOptions(cacheFile: cache, now: now)
        settings.timeout = 2
        settings.retries = 1
        settings.backoff = 0.01
        return settings
    }

    /// Checks a page that links to each of `paths` on `server`.
    static func check(
        _ paths: [String], on server: TestServer, configure: (inout LinkCheckOptions) -> Void = { _ in }
    ) async throws -> LinkReport {
        let folder = try Repository.temporaryFolder("external")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let links = paths.map { "<p><a href=\"\(server.url($0))\">\($0)</a></p>" }.joined(separator: "\n")
        try Repository.write(["index.html": Fixtures.page(links)], into: folder)
        return await Fixtures.check(folder) {
            $0.external = settings()
            configure(&$0)
        }
    }

    static let paths = [
        "/ok", "/moved", "/nohead", "/flaky?fail=3", "/missing", "/gone", "/throttled", "/error",
    ]

    @Test func eachAnswerBecomesTheRightWarning() async throws {
        try await TestServer.with { server in
            let report = try await Self.check(Self.paths, on: server)
            let found = report.diagnostics.map {
                "\($0.severity.rawValue) \($0.code) \($0.location!.line) \($0.message)"
            }
            #expect(
                found == [
                    "warning link-external 8 `\(server.url("/missing"))` answered 404 Not Found",
                    "warning link-external 9 `\(server.url("/gone"))` answered 410 Gone",
                    "warning link-external-throttled 10 `\(server.url("/throttled"))` answered 429 Too Many Requests; counted as working",
                    "warning link-external 11 `\(server.url("/error"))` answered 500 Internal Server Error",
                ])
            #expect(report.exitCode == 0)
            #expect(report.externalURLs == 8)
            #expect(report.diagnostics.first?.hint == "the page is gone: update the link or remove it")
        }
    }

    @Test func aSlowSiteTimesOutAfterARetry() async throws {
        try await TestServer.with { server in
            // Whole seconds: Foundation on Linux drops a timeout's fraction (0.5 times out at once).
            let report = try await Self.check(["/slow?ms=3000"], on: server) { $0.external?.timeout = 1 }
            #expect(report.diagnostics.map(\.message) == ["`\(server.url("/slow?ms=3000"))` did not answer in time"])
            #expect(report.diagnostics.first?.severity == .warning)
            // A slow server is no faster with GET: each attempt is one HEAD.
            #expect(try await server.stats().counts == ["HEAD /slow?ms=3000": 2])
        }
    }

    @Test func aSiteThatDoesNotAnswerCannotBeReached() async throws {
        let closed = try TestServer()
        closed.stop()  // nothing listens on its port any more
        let report = try await Self.check(["/ok"], on: closed)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(diagnostic.message.hasPrefix("`\(closed.url("/ok"))` could not be reached: "))
        #expect(diagnostic.hint == "check the host name")
    }

    @Test func aURLFoundationCannotReadIsAFailure() async {
        let checker = ExternalLinkChecker(options: Self.settings())
        let result = await checker.check(["http://[::1"])
        #expect(result.statuses["http://[::1"] == .failed(Message("link-external.reason.url")))
    }

    @Test func strictExternalMakesBrokenLinksErrorsButNotThrottling() async throws {
        try await TestServer.with { server in
            let report = try await Self.check(["/missing", "/throttled"], on: server) { $0.strictExternal = true }
            #expect(report.diagnostics.map(\.severity) == [.error, .warning])
            #expect(report.exitCode == 1)
        }
    }

    @Test func strictMakesEveryWarningAnError() async throws {
        try await TestServer.with { server in
            let report = try await Self.check(["/missing", "/throttled"], on: server) { $0.strict = true }
            #expect(report.diagnostics.map(\.severity) == [.error, .error])
            #expect(report.exitCode == 1)
        }
    }

    @Test func headFallsBackToGetAndRedirectsAreFollowed() async throws {
        try await TestServer.with { server in
            let report = try await Self.check(["/nohead", "/moved"], on: server)
            #expect(report.diagnostics.isEmpty)
            let counts = try await server.stats().counts
            #expect(counts["HEAD /nohead"] == 1)
            #expect(counts["GET /nohead"] == 1)
            #expect(counts["HEAD /moved"] == 1)
            #expect(counts["HEAD /ok"] == 1)  // where /moved leads
        }
    }

    @Test func serverErrorsAreAskedAgainAfterAPause() async throws {
        try await TestServer.with { server in
            // HEAD 500, GET 500, then (retry) HEAD 200.
            let report = try await Self.check(["/flaky?fail=2"], on: server)
            #expect(report.diagnostics.isEmpty)
            let counts = try await server.stats().counts
            #expect(counts["HEAD /flaky?fail=2"] == 2)
            #expect(counts["GET /flaky?fail=2"] == 1)
            let once = try await Self.check(["/flaky?fail=5"], on: server) { $0.external?.retries = 0 }
            #expect(once.diagnostics.map(\.code) == ["link-external"])
        }
    }

    @Test func notFoundIsNotAskedAgain() async throws {
        try await TestServer.with { server in
            _ = try await Self.check(["/missing"], on: server)
            let counts = try await server.stats().counts
            #expect(counts["HEAD /missing"] == 1)
            #expect(counts["GET /missing"] == 1)
        }
    }

    @Test func theCacheSavesASecondRequestUntilItIsTooOld() async throws {
        let folder = try Repository.temporaryFolder("cache")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = folder + "/links.json"
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        try await TestServer.with { server in
            for day in [0.0, 0.5, 2] {
                _ = try await Self.check(["/ok", "/missing"], on: server) {
                    $0.external = Self.settings(cache: cache, now: now.addingTimeInterval(day * 24 * 3600))
                }
            }
            let counts = try await server.stats().counts
            #expect(counts["HEAD /ok"] == 2)  // day 0 and day 2; day 0.5 came from the cache
            #expect(counts["HEAD /missing"] == 3)  // broken links are never cached
            let saved = try JSONDecoder().decode(
                LinkCache.File.self, from: Data(contentsOf: URL(fileURLWithPath: cache)))
            #expect(saved.urls.keys.sorted() == [server.url("/ok")])
            #expect(
                saved.urls[server.url("/ok")] == LinkCache.Entry(status: 200, checked: 1_700_000_000 + 2 * 24 * 3600))
        }
    }

    @Test func aDamagedCacheIsReplacedWithAWarning() async throws {
        let folder = try Repository.temporaryFolder("cache-damaged")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = folder + "/links.json"
        try Data("not json".utf8).write(to: URL(fileURLWithPath: cache))
        try await TestServer.with { server in
            let report = try await Self.check(["/ok"], on: server) { $0.external = Self.settings(cache: cache) }
            #expect(report.diagnostics.map(\.code) == ["link-cache"])
            #expect(report.diagnostics.first?.severity == .warning)
            let saved = try JSONDecoder().decode(
                LinkCache.File.self, from: Data(contentsOf: URL(fileURLWithPath: cache)))
            #expect(saved.urls.count == 1)
        }
    }

    @Test func aCacheThatCannotBeWrittenIsAWarning() async throws {
        try await TestServer.with { server in
            let cache = "/nonexistent-avance-folder/links.json"
            let report = try await Self.check(["/ok"], on: server) { $0.external = Self.settings(cache: cache) }
            #expect(report.diagnostics.map(\.code) == ["link-cache"])
            #expect(report.diagnostics.first?.message.hasPrefix("cannot write the link cache") == true)
        }
    }

    @Test func noMoreThanTheLimitOfRequestsGoToOneHost() async throws {
        try await TestServer.with { server in
            let paths = (1...6).map { "/slow?ms=300&n=\($0)" }
            let report = try await Self.check(paths, on: server) { $0.external?.timeout = 5 }
            #expect(report.diagnostics.isEmpty)
            #expect(try await server.stats().mostInProgress == 2)
        }
    }

    @Test func aHostGateLetsTheLimitThrough() async {
        let gate = HostGate(limit: 2)
        let counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    await gate.enter("a")
                    await counter.change(by: 1)
                    try? await Task.sleep(nanoseconds: 5_000_000)
                    await counter.change(by: -1)
                    await gate.leave("a")
                }
            }
        }
        #expect(await counter.most == 2)
        #expect(await counter.value == 0)
    }

    actor Counter {
        var value = 0
        var most = 0
        func change(by delta: Int) {
            value += delta
            most = max(most, value)
        }
    }

    @Test func hostsTakeTurns() {
        let urls = ["https://a.org/1", "https://a.org/2", "https://a.org/3", "http://B.org:8080/1", "https://c.org"]
        #expect(
            ExternalLinkChecker.interleavedByHost(urls) == [
                "https://a.org/1", "http://B.org:8080/1", "https://c.org", "https://a.org/2", "https://a.org/3",
            ])
        #expect(ExternalLinkChecker.host(of: "http://B.org:8080/1?x") == "b.org:8080")
    }

    @Test func withoutExternalNoRequestIsMade() async throws {
        try await TestServer.with { server in
            let report = try await Self.check(["/missing"], on: server) { $0.external = nil }
            #expect(report.diagnostics.isEmpty)
            #expect(report.externalURLs == 0)
            #expect(try await server.stats().counts.isEmpty)
        }
    }
}
