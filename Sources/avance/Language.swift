import Diagnostics
import Foundation
import FrontMatter

/// The language of the words a command prints (messages, hints, summary, progress, status
/// lines): `--lang`, else the environment's `AVANCE_LANG`, else `language` of the site's
/// `content/site.yaml`, else English. docs/diagnostics.md, "Language".
enum Language {
    /// The environment variable that chooses the language when `--lang` is not given.
    static let variable = "AVANCE_LANG"

    /// The language `--lang` or `AVANCE_LANG` chose, or `nil` when the site's decides.
    static func override(flag: String?, environment: [String: String]) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let chosen = environment[variable], !chosen.isEmpty { return chosen }
        return nil
    }

    /// The language chosen by `flag`, `environment` and the site at `root`.
    static func choose(flag: String?, environment: [String: String], root: String?) -> String {
        if let flag, !flag.isEmpty { return flag }
        if let chosen = environment[variable], !chosen.isEmpty { return chosen }
        return root.flatMap(siteLanguage(root:)) ?? "en"
    }

    /// `language:` of `root/content/site.yaml`, or `nil` when it cannot be read (the command
    /// reports why, in English or the language chosen otherwise).
    static func siteLanguage(root: String) -> String? {
        guard let text = try? String(contentsOfFile: root + "/content/site.yaml", encoding: .utf8),
            case .success(let node?) = YAMLReader.parse(text, file: "content/site.yaml")
        else { return nil }
        return node["language"]?.scalar
    }

    /// The catalog of the chosen language, with the theme's own catalog for a language avance
    /// does not ship (`theme/messages/<language>.yaml`).
    static func catalog(flag: String?, root: String?) -> MessageCatalog {
        let language = choose(flag: flag, environment: ProcessInfo.processInfo.environment, root: root)
        return MessageCatalog(language: language, themeFolder: root.map { $0 + "/theme" })
    }
}
