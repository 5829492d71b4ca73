import CLibXML2
import Diagnostics
import Dispatch
import Foundation
import ParallelMap

/// Stage 6, **check**: finds broken links in a folder of built HTML.
///
/// Every page is read once, on every core, in one pass that blanks what a browser reads as text
/// and reads the start tags (`RawTextFilter` with `TagTokenizer`; libxml2's HTML SAX parser for
/// the few pages the tokenizer leaves to it); each URL is resolved against its page and looked
/// up in the folder's files, each `#fragment` in its target's ids. Only broken links are then
/// located (line and column) in their file.
public struct LinkChecker: Sendable {
    /// The version of libxml2 the checker parses HTML with.
    public static let parserVersion = LIBXML_DOTTED_VERSION

    /// What to check, and how.
    public let options: LinkCheckOptions
    let resolver: LinkResolver

    /// A checker of the folder and settings in `options`.
    public init(_ options: LinkCheckOptions) {
        self.options = options
        resolver = LinkResolver(address: options.address)
    }

    /// Checks the folder, then the URLs of other sites when `external` is set.
    public func check() async -> LinkReport {
        var clock = ContinuousClock.now
        var log: [String] = []
        func lap(_ line: String) {
            let elapsed = ContinuousClock.now - clock
            clock = .now
            log.append(
                "\(line) (\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000) ms)"
            )
        }
        let folder: SiteFolder
        do {
            folder = try SiteFolder.read(options.folder)
        } catch {
            return LinkReport(diagnostics: [LinkDiagnostics.folderProblem(error)])
        }
        lap("list: \(folder.files.count) files, \(folder.pages.count) pages")
        var pages = checkPages(of: folder)
        lap("parse and resolve: \(pages.reduce(0) { $0 + $1.links }) links")
        var external: (diagnostics: [Diagnostic], count: Int) = ([], 0)
        if let settings = options.external {
            external = await checkExternal(&pages, options: settings)
            lap("external: \(external.count) URLs")
        }
        var report = LinkDiagnostics(options: options, folder: folder).report(pages)
        report.diagnostics += external.diagnostics
        if options.strict {
            for index in report.diagnostics.indices { report.diagnostics[index].severity = .error }
        }
        report.diagnostics.sort()
        report.externalURLs = external.count
        lap("report: \(report.diagnostics.count) problems")
        report.log = log
        return report
    }

    /// `check()` for callers that are not async, such as the command line: waits for it.
    public func checkAndWait() -> LinkReport {
        let result = BlockingResult<LinkReport>()
        Task.detached { [self] in result.set(await check()) }
        return result.wait()
    }

    /// The pages with their problems, links to other pages' fragments already checked.
    func checkPages(of folder: SiteFolder) -> [PageReport] {
        // Small chunks (some 40 pages at 20,000), taken in turn by one worker (one tokenizer, one
        // libxml2 context, one memory of shared URLs) per core: every core stays busy to the end.
        // Pages differ in cost (a listing has hundreds of links), and sorted pages of one kind
        // come together: with chunks of 350 pages one core worked alone for the last 50 ms.
        let chunks = Self.chunks(of: folder.pages.count, perCore: 256)
        let queue = NextIndex()
        let slots = ResultSlots<PageReport>(count: folder.pages.count)
        let collectsExternal = options.external != nil
        let counter = ProgressCounter("checking pages", total: folder.pages.count, handler: options.progress)
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, chunks.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var worker = PageWorker(resolver: resolver, folder: folder, collectsExternal: collectsExternal)
            while let chunk = queue.take(below: chunks.count) {
                for index in chunks[chunk] {
                    slots[index] = worker.check(folder.pages[index])
                    counter.step()
                }
            }
        }
        var reports = slots.values
        checkFragments(&reports)
        return reports
    }
}
