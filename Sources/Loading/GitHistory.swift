import Diagnostics
import Foundation

/// When each file last changed, from git: the date of the last commit that touched it, for
/// "last updated" and staleness. One `git log` call for the whole folder, never one per file.
public struct GitHistory: Sendable {
    /// `YYYY-MM-DD` of the last commit that touched each file, by path relative to the site root.
    public var lastChanged: [String: String]
    /// The date the staleness of entries is measured against: `SOURCE_DATE_EPOCH` when set, else
    /// the date of the newest commit, so that the same commit always builds the same site.
    public var referenceDate: String?

    /// Creates a history from known dates.
    public init(lastChanged: [String: String], referenceDate: String?) {
        self.lastChanged = lastChanged
        self.referenceDate = referenceDate
    }

    /// Reads the history of `folder` (relative to `root`). Outside a git repository, without
    /// git, or in a shallow clone (whose oldest dates are wrong) it gives no dates and one warning;
    /// in a repository with no commit yet, no dates and no warning.
    public static func read(root: String, folder: String = "content", environment: [String: String]) -> (
        GitHistory, Diagnostic?
    ) {
        let sourceDate = Self.sourceDate(environment)
        let empty = GitHistory(lastChanged: [:], referenceDate: sourceDate)
        guard let inside = run(["rev-parse", "--is-inside-work-tree"], in: root), inside == "true" else {
            return (empty, warning("git-unavailable", Message("git-unavailable")))
        }
        if run(["rev-parse", "--is-shallow-repository"], in: root) == "true" {
            return (
                empty,
                warning("git-shallow", Message("git-shallow"))
            )
        }
        // A repository with no commit yet (just made by `avance init`): no file has a date, and
        // nothing is wrong.
        guard run(["rev-parse", "--verify", "--quiet", "HEAD"], in: root) != nil else { return (empty, nil) }
        guard let log = run(["log", "--relative", "--format=%x1e%cs", "--name-only", "--", folder], in: root) else {
            return (empty, warning("git-unavailable", Message("git-unavailable.log")))
        }
        var lastChanged: [String: String] = [:]
        for commit in log.split(separator: "\u{1E}") {
            let lines = commit.split(separator: "\n").map(String.init)
            guard let date = lines.first else { continue }
            // Newest commits come first: keep the first date seen for each file.
            for path in lines.dropFirst() where !path.isEmpty && lastChanged[path] == nil { lastChanged[path] = date }
        }
        let newest = run(["log", "-1", "--format=%cs"], in: root)
        return (GitHistory(lastChanged: lastChanged, referenceDate: sourceDate ?? newest), nil)
    }

    /// The day `SOURCE_DATE_EPOCH` names, as `YYYY-MM-DD`, when it is set.
    public static func sourceDate(_ environment: [String: String]) -> String? {
        environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map(Self.day)
    }

    static func warning(_ code: String, _ message: Message) -> Diagnostic {
        .warning(code, message, hint: Message("git.hint"))
    }

    /// `YYYY-MM-DD` of a Unix time, in UTC.
    static func day(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// Runs git with `arguments` in `folder`; its trimmed output, or `nil` when it fails.
    static func run(_ arguments: [String], in folder: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
