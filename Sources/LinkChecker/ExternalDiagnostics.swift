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
            return .warning(
                "link-external", Message("link-external.answered", ["url": url, "status": String(code)]), at: location)
        case .throttled:
            return .warning(
                "link-external-throttled", Message("link-external-throttled", ["url": url]), at: location,
                hint: Message("link-external-throttled.hint"))
        case .dead(let code):
            let reason = HTTPURLResponse.localizedString(forStatusCode: code)
            return Diagnostic(
                severity, code: "link-external",
                text: Message("link-external.status", ["url": url, "status": String(code), "reason": reason]),
                at: location,
                hint: code == 404 || code == 410 ? Message("link-external.hint.gone") : Message("link-external.hint"))
        case .timedOut:
            return Diagnostic(
                severity, code: "link-external", text: Message("link-external.timeout", ["url": url]), at: location,
                hint: Message("link-external.timeout.hint"))
        case .failed(let reason):
            return Diagnostic(
                severity, code: "link-external",
                text: Message("link-external.unreachable", ["url": url], parts: ["reason": reason]),
                at: location, hint: Message("link-external.unreachable.hint"))
        }
    }
}
