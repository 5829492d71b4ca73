import Diagnostics

/// Turns what the workers found into diagnostics: where each broken link is in its file, a
/// message that names the URL and what it resolved to, and a hint (did you mean…).
struct LinkDiagnostics {
    let options: LinkCheckOptions
    let folder: SiteFolder

    /// Longest line quoted under a diagnostic: minified HTML would fill the screen.
    static let longestQuotedLine = 200

    /// The report of every page's problems.
    func report(_ pages: [PageReport]) -> LinkReport {
        var report = LinkReport()
        report.pages = pages.count
        report.links = pages.reduce(0) { $0 + $1.links }
        var hints = HintFinder(folder: folder)
        hints.ids = Self.idsOfFragmentTargets(pages)
        for error in folder.unreadable { report.diagnostics.append(unreadable(error)) }
        // By index: `for page in pages` copies each of the 20,000 reports (seven references to
        // count and count back) to find the few with problems.
        for index in pages.indices {
            if let error = pages[index].readError { report.diagnostics.append(unreadable(error)) }
            guard !pages[index].problems.isEmpty else { continue }
            let page = pages[index]
            let bytes = (try? FileBytes.read(folder.absolute(page.page))) ?? []
            let source = HTMLSource(bytes: bytes)
            var longest = 0
            for problem in page.problems {
                let place = source.location(of: problem.link)
                longest = max(longest, bytes.isEmpty ? .max : source.lineLength(place.line))
                let location = SourceLocation(
                    file: options.display(page.page), line: place.line, column: place.column, length: place.length)
                report.diagnostics.append(diagnostic(problem, at: location, hints: &hints))
            }
            if longest <= Self.longestQuotedLine {
                report.sources[options.display(page.page)] = String(decoding: bytes, as: UTF8.self)
            }
        }
        return report
    }

    /// The diagnostic of one problem.
    func diagnostic(_ problem: LinkProblem, at location: SourceLocation, hints: inout HintFinder) -> Diagnostic {
        let url = problem.link.url
        var diagnostic: Diagnostic
        switch problem.kind {
        case .missing(let path, let isFolder):
            let file = isFolder ? (path.isEmpty ? "index.html" : path + "/index.html") : path
            let written = url.prefix { $0 != "?" && $0 != "#" }
            diagnostic = .error(
                "link-missing",
                written == file
                    ? Message("link-missing", ["file": file])
                    : Message("link-missing.url", ["file": file, "url": url]),
                at: location,
                hint: hints.missing(path: path, folder: isFolder, url: url))
        case .fragment(let fragment, let page):
            diagnostic = .error(
                "link-fragment",
                ExactText.equal(page, problem.page)
                    ? Message("link-fragment.here", ["fragment": fragment])
                    : Message("link-fragment", ["fragment": fragment, "page": page]), at: location,
                hint: hints.fragment(fragment, page: page))
        case .outside(let how):
            diagnostic = outside(how, url: url, at: location)
        case .invalid(let why):
            diagnostic = .error(
                "link-invalid", Message("link-invalid", ["url": url], parts: ["problem": why]), at: location,
                hint: Message("link-invalid.hint"))
        case .mailto(let why):
            diagnostic = .error(
                "link-mailto", Message("link-mailto", ["url": url], parts: ["problem": why]), at: location,
                hint: Message("link-mailto.hint"))
        case .tel(let why):
            diagnostic = .error(
                "link-tel", Message("link-tel", ["url": url], parts: ["problem": why]), at: location,
                hint: Message("link-tel.hint"))
        case .external(let status):
            diagnostic = ExternalDiagnostics.diagnostic(status, url: url, at: location, strict: options.strictExternal)
        }
        diagnostic.field = problem.link.source.rawValue
        if let origin = options.origins[problem.page] {
            let note =
                if let text = options.originTexts[origin], let place = Self.place(of: url, in: text) {
                    Message("link-origin.written", ["place": "\(origin):\(place.line):\(place.column)"])
                } else {
                    Message("link-origin.page", ["file": origin])
                }
            diagnostic.hintText =
                diagnostic.hintText.map { Message("hint.with-note", parts: ["hint": $0, "note": note]) } ?? note
        }
        return diagnostic
    }

    /// Line and column (in characters, from 1) of the first place `url` is written in `text`,
    /// where it follows `(`, `<`, `: ` or `=` as a Markdown link, autolink, reference or
    /// attribute would have it; `nil` when it is not written there (a link of the template).
    static func place(of url: String, in text: String) -> (line: Int, column: Int)? {
        guard !url.isEmpty else { return nil }
        for opening in ["(", "<", ": ", "="] {
            guard let found = text.range(of: opening + url) else { continue }
            let before = text[..<found.lowerBound]
            let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
            let column = text[lineStart..<found.lowerBound].count + opening.count + 1
            return (line, column)
        }
        return nil
    }

    func outside(_ how: LinkTarget.Outside, url: String, at location: SourceLocation) -> Diagnostic {
        switch how {
        case .aboveRoot:
            return .error(
                "link-outside", Message("link-outside.root", ["url": url]), at: location,
                hint: Message("link-outside.root.hint"))
        case .besideBasePath(let inside):
            let base = options.address.path
            let exists = !inside.isEmpty && folder.target(inside, folder: inside.hasSuffix("/")) != nil
            return .error(
                "link-outside", Message("link-outside", ["url": url, "base": base]), at: location,
                hint: exists
                    ? Message("did-you-mean", ["name": base + inside])
                    : Message("link-outside.hint", ["base": base]))
        }
    }

    /// A folder that cannot be checked at all (exit status 2).
    static func folderProblem(_ error: FolderError) -> Diagnostic {
        switch error {
        case .missing(let path):
            .error("public-missing", Message("public-missing", ["path": path]), hint: Message("public-missing.hint"))
        case .notFolder(let path):
            .error(
                "public-missing", Message("public-missing.file", ["path": path]),
                hint: Message("public-missing.file.hint"))
        case .unreadable(let error):
            .error(
                "file-unreadable", Message("file-unreadable.named", ["file": error.path, "reason": error.reason]),
                hint: Message("file-unreadable.hint.permissions"))
        }
    }

    /// The ids of the pages that broken `#fragment` links point into, for their hints.
    static func idsOfFragmentTargets(_ pages: [PageReport]) -> [ExactText: [String]] {
        var targets: Set<ExactText> = []
        for index in pages.indices {
            for problem in pages[index].problems {
                if case .fragment(_, let target) = problem.kind { targets.insert(ExactText(target)) }
            }
        }
        guard !targets.isEmpty else { return [:] }
        var ids: [ExactText: [String]] = [:]
        for page in pages where targets.contains(ExactText(page.page)) { ids[ExactText(page.page)] = page.ids.strings }
        return ids
    }

    func unreadable(_ error: ReadError) -> Diagnostic {
        var path = error.path
        if path == folder.root {
            path = options.displayPath.isEmpty ? "." : options.displayPath
        } else if path.hasPrefix(folder.root + "/") {
            path = options.display(String(path.dropFirst(folder.root.count + 1)))
        }
        return .error(
            "file-unreadable", Message("file-unreadable.named", ["file": path, "reason": error.reason]),
            at: SourceLocation(file: path, line: 0, column: 0), hint: Message("file-unreadable.hint.permissions"))
    }
}
