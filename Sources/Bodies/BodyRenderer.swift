import ContentModel
import Diagnostics
import Foundation
import Markdown
import ParallelMap
import SiteData
import SiteLayout
import Validation

/// The Markdown of every entry rendered to HTML, with links between content files turned into
/// page URLs and checked: a link to a missing file or heading is an error at its line.
public struct RenderedBodies: Sendable {
    /// Body HTML by entry (a stored body's as the store's bytes, made a `String` when shown).
    public var html: [EntryKey: StoredText] = [:]
    /// HTML of `text` fields by entry and field name.
    public var fieldHTML: [EntryKey: [String: String]] = [:]
    /// Headings of each body, for tables of contents and `#fragment` checks.
    public var headings: [EntryKey: [Heading]] = [:]
    public var diagnostics: [Diagnostic] = []
}

/// Stage 4a: renders bodies and resolves their links.
public struct BodyRenderer: Sendable {
    let site: Site
    let paths: PagePaths
    /// Entry of each content file, by its path relative to the root.
    let files: [String: EntryKey]

    /// Creates a renderer for `site`.
    /// The folder of a translation's pages (`en/`), empty for the site's own language.
    let prefix: String

    /// Creates a renderer for `site`, whose pages live under `prefix` (a translation's folder).
    /// Bodies rendered before, and what they were rendered under (`cache(_:generation:)`).
    var cache: BodyCache?
    var generation = ""

    public init(site: Site, prefix: String = "") {
        self.init(site: site, prefix: prefix, files: Self.files(of: site))
    }

    /// A renderer for `site` whose entries' files are `files` (`files(of: site)`, made before).
    public init(site: Site, prefix: String, files: [String: EntryKey]) {
        self.site = site
        self.prefix = prefix
        self.paths = PagePaths(model: site.model)
        self.files = files
    }

    /// The entry of each content file of `site`, by its path relative to the root.
    public static func files(of site: Site) -> [String: EntryKey] {
        var files: [String: EntryKey] = [:]
        for list in site.entries.values {
            for entry in list { files[entry.file] = entry.key }
        }
        return files
    }

    /// A link whose `#fragment` must name a heading of `target`, checked once every body is known.
    struct Anchor: Sendable {
        let target: EntryKey
        let fragment: String
        let location: SourceLocation
    }

    /// Renders every entry's body and `text` fields, in parallel, then checks anchors.
    /// This renderer, keeping rendered bodies in `cache` for the next build, which reuses those
    /// of unchanged entries when its `generation` (the model's text, the base URL) is the same.
    public func cache(_ cache: BodyCache, generation: String) -> BodyRenderer {
        var renderer = self
        renderer.cache = cache
        // The content files are part of what a body's links resolve against.
        // In no order (`UnorderedDigest`): sorting and joining 18,000 names took 40 ms of a
        // rebuild's critical path.
        var names = UnorderedDigest()
        for name in files.keys { names.add(name) }
        renderer.generation = generation + "\nfiles " + names.text
        return renderer
    }

    /// `progress` hears how many entries are done.
    public func render(progress: ProgressHandler? = nil) -> RenderedBodies {
        let entries = site.model.collections.flatMap { site.entries(of: $0.name) }
        let kept = cache?.results(prefix: prefix, generation: generation) ?? [:]
        // What earlier runs rendered (the build cache's store), by the digest of each input.
        let stored = cache?.stored(prefix: prefix, generation: generation) ?? [:]
        let counter = ProgressCounter("converting Markdown", total: entries.count, handler: progress)
        var outcomes = Array(entries.indices).concurrentMap {
            index -> (EntryResult, input: BodyCache.BodyInput?, digest: String, reused: Bool) in
            defer { counter.step() }
            guard cache != nil else { return (render(entries[index]), nil, "", false) }
            let key = entries[index].key
            let input = input(entries[index])
            if let cached = kept[key], cached.input == input { return (cached.result, input, cached.digest, true) }
            let digest = input.digest
            if let cached = stored[key], cached.digest == digest { return (cached.result, input, digest, true) }
            return (render(entries[index]), input, digest, false)
        }
        // One pass over the outcomes, each moved out (`popLast`), not copied: mapping the results
        // out, then zipping them twice, copied 18,000 of them with their references to count, and
        // was half of a rebuild's Markdown stage, on one core.
        var bodies = RenderedBodies()
        bodies.html.reserveCapacity(entries.count)
        bodies.headings.reserveCapacity(entries.count)
        var keep: [EntryKey: BodyCache.Kept] = [:]
        if cache != nil { keep.reserveCapacity(entries.count) }
        var reused = 0
        // Diagnostics and anchors are rare: gathered from the last entry back, then put in order.
        var found: [(diagnostics: [Diagnostic], anchors: [Anchor])] = []
        while let (result, input, digest, wasReused) = outcomes.popLast() {
            let key = entries[outcomes.count].key
            bodies.html[key] = result.html
            bodies.headings[key] = result.headings
            if !result.fieldHTML.isEmpty { bodies.fieldHTML[key] = result.fieldHTML }
            if !result.diagnostics.isEmpty || !result.anchors.isEmpty {
                found.append((result.diagnostics, result.anchors))
            }
            if wasReused { reused += 1 }
            if let input { keep[key] = .init(input: input, digest: digest, result: result) }
        }
        cache?.keep(keep, prefix: prefix, generation: generation, reused: reused)
        var anchors: [Anchor] = []
        for (diagnostics, entryAnchors) in found.reversed() {
            bodies.diagnostics += diagnostics
            anchors += entryAnchors
        }
        for anchor in anchors {
            let ids = (bodies.headings[anchor.target] ?? []).map(\.id)
            // Code point by code point, as a browser finds an id: Swift's `==` takes `ó` composed
            // (NFC) and decomposed (NFD) for equal.
            guard !ids.contains(where: { $0.hasSameBytes(as: anchor.fragment) }) else { continue }
            // The file whose headings were searched: a translation's own body when it has one.
            let file = site.entry(anchor.target)?.bodyFile ?? anchor.target.description
            let lookAlike = LookAlike.twin(of: anchor.fragment, among: ids).map {
                Message(
                    "link-anchor.hint.look-alike", ["written": LookAlike.percentEncoded($0)],
                    parts: ["twin": LookAlike.describe($0, shown: "#" + $0)])
            }
            bodies.diagnostics.append(
                .error(
                    "link-anchor", Message("link-anchor", ["anchor": anchor.fragment, "file": file]),
                    at: anchor.location,
                    hint: lookAlike ?? Suggestion.didYouMean(for: anchor.fragment, among: ids)
                        ?? (ids.isEmpty
                            ? Message("link-anchor.hint.none")
                            : Message("link-anchor.hint", ["headings": ids.map { "#" + $0 }.codeList]))))
        }
        return bodies
    }

    /// What `entry`'s rendered Markdown depends on, for `BodyCache`.
    func input(_ entry: Entry) -> BodyCache.BodyInput {
        var texts: [String: String] = [:]
        for field in site.model.collection(entry.collection)?.fields ?? [] {
            guard case .text = field.type, case .text(let markdown)? = entry.fields[field.name] else { continue }
            texts[field.name] = markdown
        }
        return BodyCache.BodyInput(
            file: entry.file, bodyFile: entry.bodyFile, body: entry.bodyText, bodyFirstLine: entry.bodyFirstLine,
            texts: texts, sources: entry.textSources, untranslated: site.untranslatedBodies.contains(entry.key))
    }

    struct EntryResult: Sendable {
        var html: StoredText = ""
        var headings: [Heading] = []
        var fieldHTML: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var anchors: [Anchor] = []
    }

    func render(_ entry: Entry) -> EntryResult {
        var result = EntryResult()
        let renderer = MarkdownRenderer()
        let body = renderer.render(entry.body) { link in
            let location = SourceLocation(
                file: entry.bodyFile, line: link.line + entry.bodyFirstLine - 1, column: link.column,
                length: max(1, link.destination.count))
            return rewrite(link, in: entry, at: location, result: &result)
        }
        result.html = StoredText(body.html)
        result.headings = body.headings
        for field in site.model.collection(entry.collection)?.fields ?? [] {
            guard case .text = field.type, case .text(let markdown)? = entry.fields[field.name] else { continue }
            let source = entry.textSources[field.name]
            var cursor = source?.start ?? TextSource.Cursor()
            let fallback = entry.positions[field.name] ?? SourceLocation(file: entry.file, line: 1, column: 1)
            result.fieldHTML[field.name] =
                renderer.render(markdown) { link in
                    let location = source?.location(of: link.destination, after: &cursor) ?? fallback
                    return rewrite(link, in: entry, at: location, result: &result)
                }.html
        }
        return result
    }

    /// The page URL for a link to another content file, `nil` to keep the link as written.
    /// `location` is where the link is written, for its diagnostics.
    func rewrite(_ link: MarkdownLink, in entry: Entry, at location: SourceLocation, result: inout EntryResult)
        -> String?
    {
        let destination = link.destination
        if destination.hasPrefix("#") {
            let fragment = String(destination.dropFirst()).removingPercentEncoding ?? String(destination.dropFirst())
            result.anchors.append(Anchor(target: entry.key, fragment: fragment, location: location))
            return nil
        }
        guard Self.isRelativePath(destination) else {
            // cmark-gfm blanks `javascript:` and `file:` URLs without a word; they are refused
            // here as in a URL field, at the link.
            if Self.hasScheme(destination), !(link.isImage && Self.isRasterData(destination)),
                let problem = URLRule.problem(with: destination)
            {
                result.diagnostics.append(
                    .error(
                        "url-invalid",
                        Message(
                            link.isImage ? "url-invalid.image" : "url-invalid.link", ["value": destination],
                            parts: ["problem": problem]),
                        at: location,
                        hint: Message(link.isImage ? "url-invalid.image.hint" : "url-invalid.link.hint")))
            }
            return nil
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        // A query is kept on the page URL (`../proyectos/rcn-visa.md?vista=mapa`).
        let pathAndQuery = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let query = pathAndQuery.count > 1 ? "?" + pathAndQuery[1] : ""
        let path = String(pathAndQuery[0]).removingPercentEncoding ?? String(pathAndQuery[0])
        let fragment = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
        guard path.lowercased().hasSuffix(".md") else { return nil }
        let resolved = Self.resolve(path, against: entry.bodyFile)
        // A link to a file that exists but could not be read: that file's error says why, once.
        if let resolved, site.unreadable[resolved] != nil {
            return nil
        }
        guard let resolved, let target = files[resolved] else {
            result.diagnostics.append(
                .error(
                    "link-broken", Message("link-broken", ["link": destination, "path": resolved ?? path]),
                    at: location,
                    hint: Suggestion.closest(to: resolved ?? path, among: files.keys)
                        .map { Message("did-you-mean", ["name": Self.relativePath(to: $0, from: entry.bodyFile)]) }
                        ?? Message("link-broken.hint")))
            return nil
        }
        // Text not translated yet links to pages in its own language, where its anchors exist
        // (they were checked when the original was rendered).
        let original = !prefix.isEmpty && site.untranslatedBodies.contains(entry.key)
        if !fragment.isEmpty, !original {
            result.anchors.append(Anchor(target: target, fragment: fragment, location: location))
        }
        let url = PagePaths.relative(
            (original ? "" : prefix) + paths.page(of: target), from: prefix + paths.page(of: entry.key))
        return url + query + (fragment.isEmpty ? "" : "#" + fragment)
    }

    /// True for links without a scheme or leading `/`: the ones that point into `content/`.
    static func isRelativePath(_ destination: String) -> Bool {
        !destination.isEmpty && !destination.hasPrefix("/") && !hasScheme(destination)
    }

    /// True when `destination` starts with a URL scheme (`https:`, `javascript:`, `file:`) as a
    /// browser reads it: tabs and line ends taken out, leading spaces and controls passed over,
    /// then a letter and letters, digits, `+`, `-` or `.` up to a colon.
    static func hasScheme(_ destination: String) -> Bool {
        let scalars = destination.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
            .drop { $0.value <= 0x20 }
        guard let colon = scalars.firstIndex(of: ":"), let first = scalars.first, first.isASCII,
            first.properties.isAlphabetic
        else { return false }
        return scalars[..<colon].allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
        }
    }

    /// True for an image inlined as PNG, GIF, JPEG or WebP (`data:image/png;base64,…`), which
    /// cmark-gfm keeps and which cannot run anything; SVG can, and is refused.
    static func isRasterData(_ destination: String) -> Bool {
        let lower = destination.lowercased()
        return ["png", "gif", "jpeg", "webp"].contains { lower.hasPrefix("data:image/\($0);") }
    }

    /// `path` relative to the folder of `file`, with `.` and `..` resolved; `nil` if it leaves
    /// the site root.
    static func resolve(_ path: String, against file: String) -> String? {
        var parts = file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The relative path from `file`'s folder to `target`, for hints.
    static func relativePath(to target: String, from file: String) -> String {
        let from = file.split(separator: "/").dropLast()
        let to = target.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }
}
