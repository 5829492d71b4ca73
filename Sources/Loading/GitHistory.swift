import Diagnostics
import Foundation
import ParallelMap

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

    /// What git knows of the bytes of `folder`'s files, when read with `blobs: true`: what lets a
    /// fresh clone (every file with a new time) skip reading the files the build cache hashed
    /// already (`GitBlobs`).
    public var blobs: GitBlobs?

    /// Reads the history of `folder` (relative to `root`). Outside a git repository, without
    /// git, or in a shallow clone (whose oldest dates are wrong) it gives no dates and one warning;
    /// in a repository with no commit yet, no dates and no warning. With `blobs`, also what git
    /// knows of each file's bytes. Its git commands run at once, each in its own process.
    public static func read(
        root: String, folder: String = "content", environment: [String: String], blobs: Bool = false
    ) -> (GitHistory, Diagnostic?) {
        let sourceDate = Self.sourceDate(environment)
        let empty = GitHistory(lastChanged: [:], referenceDate: sourceDate)
        // Every process is started first, then each answer is read where it is needed: they run
        // at once, and no thread waits on another.
        let state = start(["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"], in: root)
        let log = start(
            ["log", "--relative", "--format=%x1e%cs", "--name-only", "--", folder], in: root, trimmed: false)
        // Fails in a repository with no commit yet.
        let newest = start(["log", "-1", "--format=%cs"], in: root)
        let files = blobs ? GitBlobs.start(root: root, folder: folder) : nil
        // Every answer is read, whatever the first says: no process is left unwaited for. The
        // log (half a megabyte at N = 10,000) is read and cut on another thread while the index
        // is: read after it, the index's 18,000 files were compared once git had walked the
        // history. (On a thread of its own: queued behind the build's work on two cores, it left git
        // blocked on a full pipe for a quarter of a second.)
        let history = log.map { log in Background.onOwnThread { log.output().map(dates) } }
        let found = files?.finish()
        let lines = state?.output()?.split(separator: "\n") ?? []
        let newestDate = newest?.output()
        let lastChanged = history?.value ?? nil
        guard lines.first == "true" else {
            return (empty, warning("git-unavailable", Message("git-unavailable")))
        }
        if lines.dropFirst().first == "true" {
            return (empty, warning("git-shallow", Message("git-shallow")))
        }
        // A repository with no commit yet (just made by `avance init`): no file has a date, and
        // nothing is wrong.
        guard let newestDate else { return (empty, nil) }
        guard let lastChanged else {
            return (empty, warning("git-unavailable", Message("git-unavailable.log")))
        }
        var read = GitHistory(lastChanged: lastChanged, referenceDate: sourceDate ?? newestDate)
        read.blobs = found
        return (read, nil)
    }

    /// The date of the last commit that touched each file in `git log --format=%x1e%cs
    /// --name-only` output: newest commits come first, so the first date seen for a file is kept.
    /// Cut as bytes in place (the log of 18,000 files is half a megabyte): no array of commits,
    /// lines or copies of them.
    static func dates(_ log: String) -> [String: String] {
        var lastChanged: [String: String] = [:]
        var log = log
        log.withUTF8 { bytes in
            let (separator, newline) = (UInt8(0x1E), UInt8(ascii: "\n"))
            lastChanged.reserveCapacity(bytes.count / 40)
            var date: String?
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != newline, bytes[end] != separator { end += 1 }
                if end > start {
                    let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    // A commit's first line is its date; each line after it, a file it touched.
                    if start > 0, bytes[start - 1] == separator {
                        date = line
                    } else if let date, lastChanged[line] == nil {
                        lastChanged[line] = date
                    }
                }
                start = end + 1
            }
        }
        return lastChanged
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

    /// Runs git with `arguments` in `folder`; its output (trimmed unless `trimmed` is false), or
    /// `nil` when it fails (exits with a status other than 0 and `allowing`). Paths are written
    /// as they are (`core.quotePath` off), not quoted with octal escapes: `acción.md` is a path a
    /// site may have.
    static func run(
        _ arguments: [String], in folder: String, trimmed: Bool = true, allowing: Set<Int32> = []
    ) -> String? {
        start(arguments, in: folder, trimmed: trimmed, allowing: allowing)?.output()
    }

    /// A git process started, whose output is read once (`output()`).
    struct Running {
        let process: Process
        let pipe: Pipe
        let trimmed: Bool
        let allowing: Set<Int32>

        /// Its output, once it has exited; `nil` when it failed.
        func output() -> String? {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 || allowing.contains(process.terminationStatus) else { return nil }
            let text = String(decoding: data, as: UTF8.self)
            return trimmed ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
        }
    }

    /// Starts git with `arguments` in `folder` (see `run`); `nil` when it cannot be started.
    static func start(
        _ arguments: [String], in folder: String, trimmed: Bool = true, allowing: Set<Int32> = []
    ) -> Running? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder, "-c", "core.quotePath=false"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        return Running(process: process, pipe: output, trimmed: trimmed, allowing: allowing)
    }
}
