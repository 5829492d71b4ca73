import Diagnostics
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The diagnostics of URLs of other sites: warnings, since another site's outage should not
/// stop a publication, unless `--strict-external` makes them errors.
enum ExternalDiagnostics {
    /// The diagnostic of `url`'s `status`, or a throttling warning.
    static func diagnostic(_ status: ExternalStatus, url: String, at location: SourceLocation, strict: Bool)
        -> Diagnostic
    {
        let severity: Diagnostic.Severity = strict ? .error : .warning
        switch status {
        case .alive(let code):
            return Diagnostic(.warning, code: "link-external", message: "`\(url)` answered \(code)", at: location)
        case .throttled:
            return .warning(
                "link-external-throttled", "`\(url)` answered 429 Too Many Requests; counted as working",
                at: location, hint: "the site limits how often it is asked; it is asked again on the next check")
        case .dead(let code):
            let reason = HTTPURLResponse.localizedString(forStatusCode: code)
            return Diagnostic(
                severity, code: "link-external", message: "`\(url)` answered \(code) \(reason)", at: location,
                hint: code == 404 || code == 410
                    ? "the page is gone: update the link or remove it"
                    : "open it in a browser; fix the link or remove it")
        case .timedOut:
            return Diagnostic(
                severity, code: "link-external", message: "`\(url)` did not answer in time", at: location,
                hint: "it was asked several times; check it by hand, or give it longer with `--timeout`")
        case .failed(let reason):
            return Diagnostic(
                severity, code: "link-external", message: "`\(url)` could not be reached: \(reason)",
                at: location, hint: "check the host name")
        }
    }
}
