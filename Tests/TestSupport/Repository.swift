import AvanceKit
import Foundation

/// Paths of the repository, found from this file, so tests run from any folder; and scratch
/// folders to change copies of its sites freely.
public enum Repository {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    /// `Tests/Fixtures`.
    public static let fixtures = root + "/Tests/Fixtures"

    /// The `avance` executable built beside the tests (`swift build --build-tests` builds it too),
    /// or the debug build of the repository; `nil` when neither is there.
    public static let avance: String? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("avance")
                .path,
            root + "/.build/debug/avance",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `avance` (`Repository.avance`) with `arguments` and `NO_COLOR` set, its standard output thrown
    /// away: its exit status and standard error. A run still going after `timeout` seconds (a `serve`
    /// that started instead of refusing) is stopped with SIGTERM. The words are English
    /// (`AVANCE_LANG=en`) unless `environment` says otherwise: most tests read English messages
    /// whatever the language of the site they run on.
    public static func runAvance(_ arguments: [String], timeout: Double = 60, environment: [String: String] = [:])
        throws
        -> (status: Int32, err: String)
    {
        guard let avance else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: avance)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .merging(["NO_COLOR": "1", "AVANCE_LANG": "en"].merging(environment) { $1 }) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGTERM) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        return (process.terminationStatus, text)
    }

    /// A fresh folder under the temporary directory, removed by the caller.
    public static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("avance-\(name)-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies `content/` of `site` and the repository's `theme/` (the site's own, if it has one)
    /// into a new folder, to change them freely; the caller removes it.
    public static func copySite(from site: String, name: String) throws -> String {
        let copy = try temporaryFolder(name)
        try FileManager.default.copyItem(atPath: site + "/content", toPath: copy + "/content")
        let theme = FileManager.default.fileExists(atPath: site + "/theme") ? site : root
        try FileManager.default.copyItem(atPath: theme + "/theme", toPath: copy + "/theme")
        return copy
    }

    /// Writes `files` (path relative to `folder` → text) under `folder`, making folders as needed.
    public static func write(_ files: [String: String], into folder: String) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Replaces the text of the file at `path` with `change` of it; false when that changed
    /// nothing (a test's edit that no longer matches the fixture).
    @discardableResult
    public static func edit(_ path: String, _ change: (String) -> String) throws -> Bool {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        try changed.write(toFile: path, atomically: true, encoding: .utf8)
        return changed != text
    }

    /// Every file under `folder` with its bytes, by relative path.
    public static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    /// The path of every folder under `folder`, relative to it: two sites with the same files
    /// may still differ by an empty folder.
    public static func folders(_ folder: String) -> Set<String> {
        var folders: Set<String> = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if isDirectory.boolValue { folders.insert(path) }
        }
        return folders
    }

    /// The first capture group of every match of `pattern` in the files under `folder` (relative
    /// to the repository) whose names end with `suffix`.
    public static func matches(of pattern: String, inFilesUnder folder: String, ending suffix: String) throws
        -> Set<String>
    {
        let expression = try NSRegularExpression(pattern: pattern)
        var found: Set<String> = []
        let top = root + "/" + folder
        let enumerator = FileManager.default.enumerator(atPath: top)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(suffix) else { continue }
            let text = try String(contentsOfFile: top + "/" + path, encoding: .utf8)
            for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                found.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        return found
    }
}

extension Repository {
    /// The interface strings of `language` in the repository's theme, each missing one taken from
    /// its English, as `avance new` reads them.
    public static func themeStrings(language: String, root: String = Repository.root) -> [String: String] {
        ThemeStrings.withEnglish(root: root, language: language)
    }
}
