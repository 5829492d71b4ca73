import Foundation

/// Paths of the repository, found from this file, so tests run from any folder.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = root + "/Tests/Fixtures"

    /// A fresh folder under the temporary directory, removed by the caller.
    static func temporaryFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("avance-\(name)-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies `content/` (and `theme/`) of `site` into a new folder, to change them freely.
    static func copySite(from site: String = root, name: String) throws -> String {
        let copy = try temporaryFolder(name)
        for folder in ["content", "theme"] where FileManager.default.fileExists(atPath: site + "/" + folder) {
            try FileManager.default.copyItem(atPath: site + "/" + folder, toPath: copy + "/" + folder)
        }
        return copy
    }

    /// Every file under `folder` with its bytes, by relative path.
    static func snapshot(_ folder: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }

    /// The first capture group of every match of `pattern` in the files under `folder` whose
    /// names end with `suffix`.
    static func matches(of pattern: String, inFilesUnder folder: String, ending suffix: String) throws -> Set<String> {
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
