import Diagnostics
import Foundation
import SiteData
import SiteLayout

/// `avance report <period> --pdf FILE`: builds the site into a temporary folder and prints the
/// period's page to PDF with headless Chromium (A4, the theme's print stylesheet). The PDF is
/// written beside `FILE` and renamed into place, so that a failed print leaves nothing half
/// written, and an existing file is replaced only when asked.
public enum PeriodReport {
    /// What the report needs: the build's options, the period's id, the PDF's path.
    public struct Options: Sendable {
        public var build: BuildOptions
        public var period: String
        public var pdf: String
        /// Replace `pdf` when it exists.
        public var force = false

        /// Creates the options.
        public init(build: BuildOptions, period: String, pdf: String) {
            self.build = build
            self.period = period
            self.pdf = pdf
        }
    }

    /// The names Chromium goes by on Debian and elsewhere, looked for on `PATH`.
    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome"]

    /// Writes the report; the diagnostics say what went wrong (none when the PDF is written).
    public static func write(_ options: Options) -> (diagnostics: [Diagnostic], sources: [String: String]) {
        let environment = options.build.environment
        if FileManager.default.fileExists(atPath: options.pdf), !options.force {
            return (
                [
                    .error(
                        "output-exists", Message("output-exists.report", ["file": options.pdf]),
                        hint: Message("output-exists.report.hint"))
                ], [:]
            )
        }
        guard let chromium = findChromium(environment) else {
            let message =
                environment["AVANCE_CHROMIUM"].map { Message("chromium-missing.named", ["program": $0]) }
                ?? Message("chromium-missing")
            return ([.error("chromium-missing", message, hint: Message("chromium-missing.hint"))], [:])
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avance-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var build = options.build
        build.output = folder.appendingPathComponent("site").path
        let result = Build.build(build)
        guard result.wrote, let site = result.site else { return (result.diagnostics, result.sources) }
        let periods = site.periods
        guard let period = periods.first(where: { $0.id == options.period }) else {
            let hint =
                periods.isEmpty
                ? Message("argument-period-unknown.hint.none")
                : Suggestion.didYouMean(for: options.period, among: periods.map(\.id))
                    ?? Message("argument-period-unknown.hint", ["periods": periods.map(\.id).codeList])
            let unknown = Diagnostic.error(
                "argument-period-unknown", Message("argument-period-unknown", ["period": options.period]), hint: hint)
            return (result.diagnostics.filter { $0.severity != .error } + [unknown], result.sources)
        }
        let page = build.output + "/" + PagePaths.file(of: PagePaths(model: site.model).periodPage(period.id))
        let target = URL(fileURLWithPath: options.pdf)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(
            ".\(target.lastPathComponent).avance-\(getpid()).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        if let problem = print(page: page, to: temporary.path, chromium: chromium) {
            return (result.diagnostics.filter { $0.severity != .error } + [problem], result.sources)
        }
        guard rename(temporary.path, target.path) == 0 else {
            return (
                [
                    .error(
                        "output-failed",
                        Message(
                            "output-failed.file", ["file": options.pdf, "reason": String(cString: strerror(errno))]),
                        hint: Message("output-failed.report.hint"))
                ], result.sources
            )
        }
        return (result.diagnostics.filter { $0.severity != .error }, result.sources)
    }

    /// `AVANCE_CHROMIUM` when it is set (a path, or a name on `PATH`), else the first of
    /// `chromiumNames` on `PATH`; `nil` when there is none.
    static func findChromium(_ environment: [String: String]) -> String? {
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func executable(_ name: String) -> String? {
            if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
            return path.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let named = environment["AVANCE_CHROMIUM"] { return executable(named) }
        return chromiumNames.lazy.compactMap(executable).first
    }

    /// Prints `page` to `pdf`; a diagnostic when Chromium fails or writes nothing.
    static func print(page: String, to pdf: String, chromium: String) -> Diagnostic? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        var arguments = [
            "--headless", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)",
            "--user-data-dir=\(FileManager.default.temporaryDirectory.path)/avance-chromium-\(getpid())",
        ]
        // Chromium refuses to run as root inside its sandbox (a container, a CI runner).
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        process.arguments = arguments + [URL(fileURLWithPath: page).absoluteString]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .error(
                "chromium-failed",
                Message("chromium-failed.run", ["program": chromium, "reason": error.localizedDescription]),
                hint: Message("chromium-failed.run.hint"))
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let last = String(decoding: message, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
            return .error(
                "chromium-failed",
                Message("chromium-failed", ["program": chromium, "status": String(process.terminationStatus)]),
                hint: last.isEmpty
                    ? Message("chromium-failed.hint") : Message("chromium-failed.hint.said", ["said": last]))
        }
        return nil
    }
}
