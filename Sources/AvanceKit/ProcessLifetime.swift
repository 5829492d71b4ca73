import Foundation

/// Values a command leaves for the process's exit to free, as compilers do (Clang's
/// `-disable-free`): a build's tables of 18,000 entries, their fields, bodies and pages took a
/// tenth of an incremental build's time to free one by one, just before the process ended and
/// the system took its memory back at once. Only for a process that ends after the command
/// (`BuildOptions.freeAtExit`); never in `serve` or in tests, which would keep every build.
public enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    /// Keeps `values` until the process ends.
    public static func keep(_ values: Any...) {
        lock.withLock { kept += values }
    }
}
