import Diagnostics

/// What another site answered for one URL (after following redirects).
public enum ExternalStatus: Sendable, Hashable {
    /// A 2xx or 3xx answer, with its status code.
    case alive(Int)
    /// 429 Too Many Requests: the page may well work; counted as alive, with a warning.
    case throttled
    /// A 4xx or 5xx answer, with its status code.
    case dead(Int)
    /// No answer within the timeout.
    case timedOut
    /// No answer at all (unknown host, refused connection, bad certificate), and why.
    case failed(Message)

    /// True for answers worth asking again after a pause: a server error, no answer.
    var isTransient: Bool {
        switch self {
        case .dead(let code): code >= 500 || code == 408
        case .timedOut, .failed: true
        case .alive, .throttled: false
        }
    }
}
