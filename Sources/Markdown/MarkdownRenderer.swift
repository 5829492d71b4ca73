import CCmarkGFM
import Foundation

/// Stage 4a, **render Markdown**: GitHub Flavored Markdown through cmark-gfm, with raw HTML
/// off, unique heading ids, and every link destination passed through a rewriter (so that
/// `../proyectos/rcn-visa.md#avances` becomes a page URL).
public struct MarkdownRenderer: Sendable {
    /// The GFM extensions every page gets.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registration uses an unsynchronised static flag in C: run it exactly once.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()
    /// `cmark_parser_finish` mutates a global table of special characters, so concurrent
    /// parses corrupt each other without this lock (RECIPES.md §4).
    private static let finishLock = NSLock()

    /// Creates a renderer.
    public init() {}

    /// Renders `markdown`. `rewrite` sees every link and image destination with its position
    /// and returns the URL to use instead, or `nil` to keep it.
    public func render(_ markdown: String, rewrite: (MarkdownLink) -> String? = { _ in nil }) -> RenderedMarkdown {
        precondition(Self.registered)
        // Raw HTML stays off (no CMARK_OPT_UNSAFE): it is omitted, and javascript: URLs are blanked.
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", headings: [], links: []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var source = markdown
        source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = Self.finishLock.withLock({ cmark_parser_finish(parser) }) else {
            return RenderedMarkdown(html: "", headings: [], links: [])
        }
        defer { cmark_node_free(document) }

        let linkNodes = Self.nodes(in: document, where: { $0 == CMARK_NODE_LINK || $0 == CMARK_NODE_IMAGE })
        // Lines are only needed to locate links; most bodies have few.
        let lines = linkNodes.isEmpty ? [] : Self.lines(of: markdown)
        var links: [MarkdownLink] = []
        for node in linkNodes {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let link = MarkdownLink(
                destination: url, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                position: Self.position(of: url, near: node, lines: lines))
            links.append(link)
            if let replacement = rewrite(link) { cmark_node_set_url(node, replacement) }
        }

        var headings: [Heading] = []
        var detached: [OpaquePointer] = []  // freed only after rendering: children point into them
        defer { for node in detached { cmark_node_free(node) } }
        var used: [String: Int] = [:]
        for node in Self.nodes(in: document, where: { $0 == CMARK_NODE_HEADING }) {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node)
            let id = Slug.unique(Slug.make(text), used: &used)
            headings.append(Heading(level: level, text: text, id: id))
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, "<h\(level) id=\"\(id)\">")
            cmark_node_set_on_exit(custom, "</h\(level)>")
            while let child = cmark_node_first_child(node) { cmark_node_append_child(custom, child) }
            cmark_node_replace(node, custom)
            detached.append(node)
        }
        guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", headings: headings, links: links)
        }
        defer { free(html) }
        return RenderedMarkdown(html: String(cString: html), headings: headings, links: links)
    }

    /// The nodes whose type passes `test`, collected before any change to the tree.
    static func nodes(in document: OpaquePointer, where test: (cmark_node_type) -> Bool) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return found }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if test(cmark_node_get_type(node)) { found.append(node) }
        }
        return found
    }

    /// The text of a heading: its text and code spans, without markup.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        for child in nodes(in: node, where: { $0 == CMARK_NODE_TEXT || $0 == CMARK_NODE_CODE }) {
            if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
        }
        return text
    }

    /// The lines of `text` as cmark-gfm counts them: a line ends at `\n`, `\r\n` or a lone `\r`.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(text[start..<index])
            index = utf8.index(after: index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(text[start...])
        return lines
    }

    /// Where a link's destination is written. cmark-gfm gives inline nodes no reliable position,
    /// so search the lines of the enclosing block for the destination text.
    static func position(of url: String, near node: OpaquePointer, lines: [Substring]) -> (line: Int, column: Int) {
        var block: OpaquePointer? = node
        while let current = block, cmark_node_get_start_line(current) == 0 { block = cmark_node_parent(current) }
        let start = max(1, Int(block.map { cmark_node_get_start_line($0) } ?? 1))
        let end = max(start, Int(block.map { cmark_node_get_end_line($0) } ?? Int32(start)))
        let needle = "(" + url
        guard start <= min(end, lines.count) else { return (start, 1) }
        for number in start...min(end, lines.count) {
            let line = lines[number - 1]
            if let range = line.range(of: needle) ?? line.range(of: url), !url.isEmpty {
                let offset = line[..<range.lowerBound].unicodeScalars.count
                return (number, offset + (line[range].hasPrefix("(") ? 2 : 1))
            }
        }
        return (start, 1)
    }
}

/// A heading of a rendered document, with the id its `<hN>` carries.
public struct Heading: Sendable, Hashable {
    public let level: Int
    public let text: String
    public let id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link or image destination as written in the Markdown.
public struct MarkdownLink: Sendable, Hashable {
    public let destination: String
    public let isImage: Bool
    /// 1-based line and column within the Markdown text.
    public let line: Int
    public let column: Int

    init(destination: String, isImage: Bool, position: (line: Int, column: Int)) {
        self.destination = destination
        self.isImage = isImage
        self.line = position.line
        self.column = position.column
    }
}

/// The HTML of a Markdown text and what the rest of the site needs to know about it.
public struct RenderedMarkdown: Sendable {
    public let html: String
    public let headings: [Heading]
    public let links: [MarkdownLink]
}
