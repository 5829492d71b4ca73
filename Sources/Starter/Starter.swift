import ContentModel
import Diagnostics
import Foundation

/// `avance init`: writes a new site a city can build, check and publish at once: the starter of
/// its language (`starter/<language>/`: `content/` with an example plan, a README for editors),
/// what every starter shares (`starter/shared/`: the GitHub Actions workflow, `.gitignore`) and
/// the default theme, all carried inside the binary; then `git init`. It never overwrites a file.
public enum Starter {
    /// What `init` did.
    public struct Result: Sendable, DiagnosedResult {
        /// Problems: errors when nothing was written, warnings (files kept, no git) otherwise.
        public var diagnostics: [Diagnostic] = []
        /// The files written, relative to the folder, sorted.
        public var written: [String] = []
        /// The files that were there already and were kept as they were (with `--force`).
        public var kept: [String] = []
        /// True when `git init` made the folder a repository.
        public var gitInitialized = false
    }

    /// Creates the site described by `options`.
    public static func create(_ options: StarterOptions) -> Result {
        var result = Result()
        let files: [(path: String, bytes: [UInt8])]
        switch plannedFiles(options) {
        case .failure(let diagnostic):
            result.diagnostics = [diagnostic]
            return result
        case .success(let planned): files = planned
        }
        if let refusal = checkFolder(options) {
            result.diagnostics = [refusal]
            return result
        }
        let hadGit = FileManager.default.fileExists(atPath: options.folder + "/.git")
        for file in files {
            let path = options.folder + "/" + file.path
            do {
                if try write(file.bytes, to: path) {
                    result.written.append(file.path)
                } else {
                    result.kept.append(file.path)
                    result.diagnostics.append(
                        .warning(
                            "init-file-kept", Message("init-file-kept", ["file": file.path]),
                            at: SourceLocation(file: file.path, line: 0, column: 0),
                            hint: Message("init-file-kept.hint")
                        ))
                }
            } catch {
                result.diagnostics.append(
                    .error(
                        "output-failed",
                        Message("output-failed.file", ["file": file.path, "reason": error.localizedDescription]),
                        hint: Message("output-failed.file.hint")))
                return result
            }
        }
        if options.gitInit && !hadGit {
            if runGit(["init", "-q"], in: options.folder, git: options.git) {
                result.gitInitialized = true
            } else {
                result.diagnostics.append(
                    .warning(
                        "init-git-unavailable", Message("init-git-unavailable"),
                        hint: Message("init-git-unavailable.hint")))
            }
        }
        return result
    }

    /// Every file of the new site, by path in it, with `site.yaml` filled in from the options;
    /// a usage error when the language or the licence is unknown or the address is not one.
    static func plannedFiles(_ options: StarterOptions) -> Swift.Result<[(path: String, bytes: [UInt8])], Diagnostic> {
        let languages = StarterFiles.languages
        guard languages.contains(options.language) else {
            return .failure(
                .error(
                    "init-language-unknown", Message("init-language-unknown", ["language": options.language]),
                    hint: Message("init-language-unknown.hint", ["languages": languages.joined(separator: ", ")])))
        }
        var files =
            StarterFiles.files(under: "theme/").map { ("theme/" + $0.path, $0.bytes) }
            + StarterFiles.files(under: "starter/shared/") + StarterFiles.files(under: "starter/\(options.language)/")
        guard let index = files.firstIndex(where: { $0.0 == ModelReader.path }) else {
            return .failure(
                .error(
                    "init-starter-broken", Message("init-starter-broken", ["file": ModelReader.path]),
                    hint: Message("init-starter-broken.hint")))
        }
        switch siteYAML(String(decoding: files[index].1, as: UTF8.self), options: options) {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let text): files[index].1 = Array(text.utf8)
        }
        return .success(files.sorted { $0.0 < $1.0 }.map { (path: $0.0, bytes: $0.1) })
    }

    /// The starter's `site.yaml` with `base_url` and `license` set when the options give them,
    /// read back by the model reader: what `init` writes must build.
    static func siteYAML(_ starter: String, options: StarterOptions) -> Swift.Result<String, Diagnostic> {
        var text = starter
        if let url = options.baseURL {
            // The rule of `base_url` itself (and of `build --base-url`).
            if let problem = BaseURL.problem(with: url) {
                return .failure(
                    .error(
                        "init-base-url-invalid",
                        Message("init-base-url-invalid", ["url": url], parts: ["problem": problem.reason]),
                        hint: Message("init-base-url-invalid.hint", parts: ["hint": problem.advice])))
            }
            guard let changed = SiteSettings.set("base_url", to: SiteSettings.baseURLLine(url), in: text) else {
                return .failure(
                    .error(
                        "init-starter-broken", Message("init-starter-broken.line", ["line": "# base_url:"]),
                        hint: Message("init-starter-broken.hint")))
            }
            text = changed
        }
        if let name = options.license {
            let table = LicenseTable.embedded
            guard let license = table.license(named: name) else {
                let names = table.licenses.map(\.name)
                return .failure(
                    .error(
                        "init-license-unknown", Message("init-license-unknown", ["name": name]),
                        hint: Suggestion.closest(to: name, among: names).map {
                            Message(
                                "init-license-unknown.hint.guess",
                                ["guess": $0, "licenses": names.joined(separator: ", ")])
                        } ?? Message("init-license-unknown.hint", ["licenses": names.joined(separator: ", ")])))
            }
            guard let changed = SiteSettings.set("license", to: SiteSettings.licenseLine(license), in: text) else {
                return .failure(
                    .error(
                        "init-starter-broken", Message("init-starter-broken.line", ["line": "# license:"]),
                        hint: Message("init-starter-broken.hint")))
            }
            text = changed
        }
        let (model, diagnostics) = ModelReader.read(text)
        if model == nil || diagnostics.hasErrors {
            let problem = diagnostics.first { $0.severity == .error }
            return .failure(
                .error(
                    "init-starter-broken",
                    Message(
                        "init-starter-broken.unreadable", parts: ["problem": problem?.text ?? Message(literal: "")]),
                    hint: Message("init-starter-broken.hint")))
        }
        return .success(text)
    }

    /// Why `folder` cannot take a new site: it is a file, or it holds files and `--force` was
    /// not given. A folder holding only `.git` (a repository just cloned) counts as empty.
    static func checkFolder(_ options: StarterOptions) -> Diagnostic? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.folder, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else {
            return .error(
                "init-folder-not-empty", Message("init-folder-not-empty.file", ["folder": options.folder]),
                hint: Message("init-folder-not-empty.file.hint"))
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: options.folder)) ?? []).filter {
            $0 != ".git"
        }
        guard !names.isEmpty, !options.force else { return nil }
        let shown = names.sorted().prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        return .error(
            "init-folder-not-empty",
            Message(
                "init-folder-not-empty", ["folder": options.folder, "names": shown + (names.count > 3 ? ", …" : "")]),
            hint: Message("init-folder-not-empty.hint"))
    }

    /// Writes `bytes` to a new file at `path`, creating its folders; false, writing nothing,
    /// when something (a file, a folder, a link) is already there. `O_EXCL` makes the check and
    /// the creation one step, so nothing is ever overwritten.
    static func write(_ bytes: [UInt8], to path: String) throws -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
            offset += count
        }
        return true
    }

    /// Runs `git` with `arguments` in `folder`; true when it succeeded.
    static func runGit(_ arguments: [String], in folder: String, git: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [git, "-C", folder] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
