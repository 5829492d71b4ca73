import CLibXML2

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the ids and URLs of HTML pages: with `TagTokenizer`, or libxml2's HTML SAX parser for
/// the pages the tokenizer leaves to it.
///
/// One scanner parses one page at a time and reuses its parser context (and libxml2's name
/// dictionary) from page to page: give each thread its own. Only `startElement` is handled, so
/// libxml2 builds no tree and reports no text.
final class HTMLScanner {
    /// libxml2 must be set up once, on one thread, before parsers run on several.
    static let libraryReady: Bool = {
        xmlInitParser()
        return true
    }()

    /// Recover from bad markup like a browser; never print libxml2's complaints (HTML5 tags
    /// such as `<nav>` are "invalid" to its HTML 4 tables); never touch the network.
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)

    private let context: htmlParserCtxtPtr
    /// The page being read, reused from page to page.
    private let buffer = ByteBuffer(capacity: 64 * 1024)

    /// Creates a scanner with its own parser context.
    init() {
        precondition(Self.libraryReady)
        context = htmlNewParserCtxt()
        let handler = context.pointee.sax!
        handler.pointee = xmlSAXHandler()
        handler.pointee.startElement = { parser, name, attributes in
            guard let parser, let name else { return }
            let context = parser.assumingMemoryBound(to: xmlParserCtxt.self)
            guard let page = context.pointee._private else { return }
            // Called for every element of every page: no retain and release of the collector.
            Unmanaged<PageCollector>.fromOpaque(page)._withUnsafeGuaranteedRef {
                $0.start(name, attributes, position: HTMLScanner.position(of: context))
            }
        }
    }

    deinit {
        htmlFreeParserCtxt(context)
    }

    /// The collector of the page scanned last, reused from page to page.
    let collector = PageCollector()
    /// Memory the tokenizer reuses from tag to tag.
    private let scratch = ByteBuffer()

    /// The ids and URLs of the HTML in `bytes`.
    func scan(_ bytes: UnsafeRawBufferPointer) -> ScannedPage {
        buffer.removeAll()
        buffer.append(bytes.assumingMemoryBound(to: UInt8.self))
        scanBuffer()
        return collector.page
    }

    /// Reads the file at `path` (relative to `folder`) and scans it into `collector`, whose page
    /// then holds what it found until the next scan; throws the system's reason when the file
    /// cannot be read.
    func scanFile(_ path: String, in folder: SiteFolder) throws(ReadError) {
        try folder.read(path, into: buffer)
        scanBuffer()
    }

    /// Scans the page in `buffer` into `collector`, blanking what a browser reads as text;
    /// `TagTokenizer` reads it as it is filtered, or libxml2 when the page is one the tokenizer
    /// leaves to it.
    private func scanBuffer() {
        guard useTokenizer else { return parse(nulSubstitute: RawTextFilter.apply(to: buffer.mutableBytes)) }
        let (nulSubstitute, read) = RawTextFilter.apply(to: buffer.mutableBytes, reading: collector, scratch: scratch)
        if !read { parse(nulSubstitute: nulSubstitute) }
    }

    /// Whether pages go to `TagTokenizer` first (tests turn it off to compare with libxml2).
    var useTokenizer = true

    /// Scans the page in `buffer`, already filtered, with libxml2.
    private func parse(nulSubstitute: UInt8?) {
        collector.reset(nulSubstitute: nulSubstitute)
        context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        defer { context.pointee._private = nil }
        do {
            let bytes = buffer.bytes
            // libxml2 wants a pointer even for an empty page. Pages are read as UTF-8 (libxml2
            // alone would take a page without `<meta charset>` for ISO-8859-1); bytes that are
            // not UTF-8 make libxml2 fall back to ISO-8859-1 by itself.
            let empty: StaticString = ""
            let chars = UnsafeRawPointer(bytes.count > 0 ? bytes.baseAddress! : empty.utf8Start)
                .assumingMemoryBound(to: CChar.self)
            if let document = htmlCtxtReadMemory(context, chars, Int32(bytes.count), nil, "UTF-8", Self.options) {
                xmlFreeDoc(document)
            }
        }
    }

    /// Where the parser is: the byte offset of the current character and libxml2's line. While
    /// `startElement` runs, that character is the `>` (or `/>`) that ends the start tag.
    static func position(of context: UnsafeMutablePointer<xmlParserCtxt>) -> (offset: Int, line: Int) {
        guard let input = context.pointee.input?.pointee, let cur = input.cur, let base = input.base else {
            return (-1, 0)
        }
        return (Int(input.consumed) + (cur - base), Int(input.line))
    }
}
