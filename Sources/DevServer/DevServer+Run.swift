import Diagnostics
import Foundation

extension DevServer {
    /// Runs a server until Ctrl-C (SIGINT) or SIGTERM, then stops it cleanly: for the command
    /// line, which is synchronous. `ready` hears the address once the first build is served.
    /// Returns the exit status: 0 after a clean stop; when the server could not start, the
    /// status of the reasons (2: no site, or no port to listen on), which are given to `failed`
    /// with the text of the files they quote.
    public static func runUntilInterrupted(
        _ options: DevServerOptions, report: @escaping @Sendable (BuildEvent) -> Void,
        ready: @escaping @Sendable (String) -> Void,
        failed: @escaping @Sendable ([Diagnostic], [String: String]) -> Void
    ) -> Int32 {
        let server = DevServer(options: options, report: report)
        let finished = DispatchSemaphore(value: 0)
        let status = ExitStatus()
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for source in sources {
            source.setEventHandler {
                Task {
                    await server.stop()
                    finished.signal()
                }
            }
            source.resume()
        }
        Task {
            do {
                ready(try await server.start())
            } catch let unavailable as SiteUnavailable {
                failed(unavailable.diagnostics, unavailable.sources)
                status.set(unavailable.diagnostics.exitStatus)
                await server.stop()
                finished.signal()
            } catch {
                let diagnostics = [
                    error as? Diagnostic
                        ?? .error("port-unavailable", Message("port-unavailable.start", ["reason": "\(error)"]))
                ]
                failed(diagnostics, [:])
                status.set(diagnostics.exitStatus)
                await server.stop()
                finished.signal()
            }
        }
        finished.wait()
        for source in sources { source.cancel() }
        return status.value
    }
}

/// The exit status, set from another thread.
final class ExitStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32 = 0

    var value: Int32 { lock.withLock { status } }

    func set(_ value: Int32) {
        lock.withLock { status = value }
    }
}
