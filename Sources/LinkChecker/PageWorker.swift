import Diagnostics
import Foundation

/// Checks pages one after another on one thread: parses each with its own scanner and resolves
/// every URL, remembering what URLs that mean the same on every page (`/css/site.css`,
/// `https://…`, `../../ejes/` from any page two folders deep) came to.
struct PageWorker {
    let resolver: LinkResolver
    let folder: SiteFolder
    /// Whether URLs of other sites are collected, to be asked for later.
    let collectsExternal: Bool
    let scanner = HTMLScanner()
    /// What each page-independent URL came to, by the depth of the page plus one (0: any depth).
    private var known: [[ExactText: Outcome]] = []
    private var remembered = 0
    /// Where `quickOutcome` resolves paths.
    let path = ByteBuffer()
    /// The site's path (`/sitio/`) and host (lowercase), as bytes for `quickOutcome`.
    let sitePath: [UInt8]
    let siteHost: [UInt8]?
    static let memoryLimit = 4096

    /// What a URL comes to, wherever it is written.
    enum Outcome {
        case fine
        case problem(LinkProblem.Kind)
        case fragment(target: String, fragment: String)
        case external(String)
    }

    /// Where one page's relative URLs start: its folder, or its `<base href>`.
    struct PageContext {
        var page: LinkResolver.Page
        /// A `<base href>` on another site: relative URLs then point there.
        var external: URL?
        /// `page.folders` joined by `/`, and the page's file, for URLs resolved on bytes.
        var folderBytes: [UInt8] = []
        var fileBytes: [UInt8] = []
        /// The page's number in the folder's index.
        var number: Int?
    }

    init(resolver: LinkResolver, folder: SiteFolder, collectsExternal: Bool) {
        self.resolver = resolver
        self.folder = folder
        self.collectsExternal = collectsExternal
        sitePath = Array(resolver.address.path.utf8)
        siteHost = resolver.address.host.map { Array($0.utf8) }
    }

    /// Parses one page and resolves each of its URLs; fragments of the page itself are checked
    /// here, fragments of other pages once every page is parsed.
    mutating func check(_ file: String) -> PageReport {
        var report = PageReport(page: file)
        do {
            try scanner.scanFile(file, in: folder)
        } catch {
            report.readError = error
            return report
        }
        let scanned = scanner.collector.page
        report.ids = scanned.ids.compacted
        if scanned.ids.count > PageReport.idsCompared { report.idSet = Set(scanned.ids.strings.map(ExactText.init)) }
        report.links = scanned.spans.count
        let context = pageContext(file, base: scanned.base)
        var ownFragments: [PendingFragment] = []
        // The page's ids are compared on their bytes when there are few (`has(id:)` otherwise).
        let ids = report.idSet == nil ? scanned.ids : nil
        for span in scanned.spans {
            let quick = scanned.urlBytes.withUnsafeBufferPointer {
                quickOutcome(of: UnsafeBufferPointer(rebasing: $0[span.range]), in: context, ids: ids)
            }
            let outcome = quick ?? outcome(of: scanned.url(span), in: context)
            if case .fine = outcome { continue }
            // A string of the URL only for a link that is not simply fine.
            let link = scanned.link(span)
            switch outcome {
            case .fine: break
            case .problem(let kind): report.problems.append(LinkProblem(page: file, link: link, kind: kind))
            case .external(let url): report.external.append((url, link))
            case .fragment(let target, let fragment):
                let pending = PendingFragment(link: link, target: target, fragment: fragment)
                if ExactText.equal(target, file) {
                    ownFragments.append(pending)
                } else {
                    report.fragments.append(pending)
                }
            }
        }
        if !ownFragments.isEmpty {
            for pending in ownFragments where !report.has(id: pending.fragment) {
                let problem = LinkProblem.Kind.fragment(pending.fragment, page: file)
                report.problems.append(LinkProblem(page: file, link: pending.link, kind: problem))
            }
        }
        return report
    }

    /// What `url` comes to in the page, from memory when it means the same on other pages.
    mutating func outcome(of url: String, in context: PageContext) -> Outcome {
        if let base = context.external, let target = Self.resolve(url, against: base) { return outcome(of: target) }
        guard context.page.hostFolders == nil,
            let depth = Self.sharedDepth(of: url, folders: context.page.folders.count)
        else {
            return outcome(of: resolver.resolve(url, in: context.page))
        }
        let key = ExactText(url)
        if depth + 1 < known.count, let outcome = known[depth + 1][key] { return outcome }
        let outcome = outcome(of: resolver.resolve(url, in: context.page))
        // The menu, the stylesheet, the footer are met on the first pages; a page's canonical URL
        // and links to single entries are met once, and would only grow the table.
        if remembered < Self.memoryLimit {
            while known.count <= depth + 1 { known.append([:]) }
            known[depth + 1][key] = outcome
            remembered += 1
        }
        return outcome
    }

    /// `-1` when `url` resolves the same from any page (it has a scheme, or starts with `/`);
    /// the page's depth when it climbs to the root with `../` (the page's folders then do not
    /// matter, only how many there are); `nil` when it depends on the page.
    static func sharedDepth(of url: String, folders: Int) -> Int? {
        let bytes = url.utf8
        guard let first = bytes.first, first != UInt8(ascii: "#"), first > 0x20 else { return nil }
        if first == UInt8(ascii: "/") || LinkResolver.schemeEnd(Substring(url)) != nil { return -1 }
        var rest = bytes[...]
        for _ in 0..<folders {
            guard rest.starts(with: "../".utf8) else { return nil }
            rest = rest.dropFirst(3)
        }
        return folders
    }

    /// What a resolved URL comes to: a file that exists (perhaps with a fragment to check), or a
    /// problem.
    func outcome(of target: LinkTarget) -> Outcome {
        switch target {
        case .local(let path, let isFolder, let fragment):
            guard let found = folder.target(path, folder: isFolder) else {
                return .problem(.missing(path: path, folder: isFolder))
            }
            guard let fragment, Self.needsCheck(fragment, in: found) else { return .fine }
            return .fragment(target: found, fragment: fragment)
        case .external(let url): return collectsExternal ? .external(url) : .fine
        case .mailto(let rest): return ContactSyntax.mailtoProblem(rest).map { .problem(.mailto($0)) } ?? .fine
        case .tel(let rest): return ContactSyntax.telProblem(rest).map { .problem(.tel($0)) } ?? .fine
        case .outside(let how): return .problem(.outside(how))
        case .invalid(let why): return .problem(.invalid(why))
        case .ignored: return .fine
        }
    }

    /// `#` and `#top` always lead to the top of a page; other files than HTML have no ids.
    static func needsCheck(_ fragment: String, in file: String) -> Bool {
        !fragment.isEmpty && fragment != "top" && (file.hasSuffix(".html") || file.hasSuffix(".htm"))
    }

    /// The page's folder, or the one its `<base href>` names.
    func pageContext(_ file: String, base: String?) -> PageContext {
        var context = PageContext(page: LinkResolver.Page(file: file))
        if let base {
            if let page = resolver.page(context.page, withBase: base) {
                context.page = page
            } else if case .external(let url) = resolver.resolve(base, in: context.page) {
                context.external = URL(string: url)
            }
        }
        context.fileBytes = Array(file.utf8)
        if base == nil, let slash = context.fileBytes.lastIndex(of: UInt8(ascii: "/")),
            context.page.folders.count == context.fileBytes[..<slash].count(where: { $0 == UInt8(ascii: "/") }) + 1
        {
            // The page's folder as written in its path (no empty segment): the common case.
            context.folderBytes = Array(context.fileBytes[..<slash])
        } else {
            context.folderBytes = Array(context.page.folders.joined(separator: "/").utf8)
        }
        context.number = context.fileBytes.withUnsafeBufferPointer { folder.index.number(of: $0) }
        return context
    }

    /// A URL of a page whose `<base href>` is another site: a relative URL points there too;
    /// `nil` for the others (absolute, fragments), which the base does not change.
    static func resolve(_ url: String, against base: URL) -> LinkTarget? {
        let text = LinkResolver.cleaned(url)
        if text.hasPrefix("#") || text.hasPrefix("//") || LinkResolver.schemeEnd(text) != nil { return nil }
        guard let absolute = URL(string: String(text), relativeTo: base)?.absoluteString else {
            return .invalid(Message("link-invalid.unreadable"))
        }
        return .external(String(absolute.prefix { $0 != "#" }))
    }
}
