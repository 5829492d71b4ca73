import Diagnostics
import Foundation

/// The URLs of other sites that worked recently, kept in a JSON file between runs so that CI
/// does not ask the same sites on every push. Only working URLs are kept: a broken one is asked
/// again next time, in case it was fixed.
struct LinkCache: Sendable {
    /// One URL that worked: its status code and when (seconds since 1970).
    struct Entry: Codable, Sendable, Equatable {
        var status: Int
        var checked: Int
    }

    /// The file's shape: `{"version": 1, "urls": {"https://…": {"status": 200, "checked": …}}}`.
    struct File: Codable {
        var version = 1
        var urls: [String: Entry]
    }

    var entries: [String: Entry] = [:]

    /// The cache in `path`, without entries older than `maxAge` seconds at `now`; a missing file
    /// is an empty cache, a damaged one too, with a warning.
    static func load(_ path: String, now: Date, maxAge: Double) -> (LinkCache, Diagnostic?) {
        guard let data = FileManager.default.contents(atPath: path) else { return (LinkCache(), nil) }
        guard let file = try? JSONDecoder().decode(File.self, from: data), file.version == 1 else {
            return (
                LinkCache(),
                .warning(
                    "link-cache", Message("link-cache", ["path": path]), hint: Message("link-cache.hint"))
            )
        }
        let oldest = Int(now.timeIntervalSince1970 - maxAge)
        return (LinkCache(entries: file.urls.filter { $0.value.checked >= oldest }), nil)
    }

    /// The status `url` answered with, if it worked within the cache's age.
    func status(of url: String) -> Int? {
        entries[url]?.status
    }

    /// Remembers that `url` worked at `now`.
    mutating func record(_ url: String, status: Int, now: Date) {
        entries[url] = Entry(status: status, checked: Int(now.timeIntervalSince1970))
    }

    /// Writes the cache to `path` (sorted, so the file changes only where URLs changed).
    func save(_ path: String) -> Diagnostic? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(File(urls: entries))
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return nil
        } catch {
            return .warning(
                "link-cache", Message("link-cache.write", ["path": path, "reason": error.localizedDescription]),
                hint: Message("link-cache.write.hint"))
        }
    }
}
