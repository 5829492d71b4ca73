import Foundation

/// The files carried inside the binary (`theme/` and `starter/` of the repository, embedded at
/// build time by the EmbedFiles plugin), by their path in the repository.
public enum StarterFiles {
    /// Every embedded file: its path in the repository and its bytes, sorted by path.
    public static let all: [(path: String, bytes: [UInt8])] = EmbeddedFiles.all.map { file in
        (file.path, [UInt8](Data(base64Encoded: file.base64) ?? Data()))
    }

    /// The files under `folder` (such as `theme/`), with their paths relative to it.
    public static func files(under folder: String) -> [(path: String, bytes: [UInt8])] {
        all.filter { $0.path.hasPrefix(folder) }.map { (String($0.path.dropFirst(folder.count)), $0.bytes) }
    }

    /// The languages with a starter: the folders `starter/<language>/`.
    public static var languages: [String] {
        let names = all.compactMap { file -> String? in
            guard file.path.hasPrefix("starter/") else { return nil }
            let parts = file.path.split(separator: "/")
            guard parts.count > 2, parts[1] != "shared" else { return nil }
            return String(parts[1])
        }
        return Array(Set(names)).sorted()
    }
}
