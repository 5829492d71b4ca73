import Foundation

/// How to ask other sites whether the URLs that point to them still work: politely (a few
/// requests per host at a time, a cache between runs) and patiently (timeouts, retries).
public struct ExternalCheckOptions: Sendable {
    /// Seconds to wait for an answer: whole seconds, as Foundation on Linux drops the fraction
    /// (0.5 would time out at once).
    public var timeout: Double = 10
    /// How many times to ask again after a timeout, a failed connection or a 5xx answer.
    public var retries = 2
    /// Seconds to wait before the first retry; each further retry waits twice as long.
    public var backoff: Double = 1
    /// Requests to one host at a time.
    public var perHost = 2
    /// Requests in flight at a time, across hosts.
    public var concurrency = 16
    /// The JSON file that remembers URLs that worked, so that they are not asked again for
    /// `cacheMaxAge`; `nil` for no cache.
    public var cacheFile: String?
    /// Seconds a working URL is trusted without asking again.
    public var cacheMaxAge: Double = 24 * 3600
    /// The `User-Agent` header: names the tool to the sites it asks.
    public var userAgent = "avance-link-checker/0.1"
    /// The time the cache is compared with (the clock is read here, never for the site).
    public var now: Date

    /// Default settings, with the cache in `cacheFile`.
    public init(cacheFile: String? = nil, now: Date = Date()) {
        self.cacheFile = cacheFile
        self.now = now
    }
}
