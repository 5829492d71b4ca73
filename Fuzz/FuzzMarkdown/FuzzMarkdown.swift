import Bodies
import ContentModel
import Foundation
import FuzzDriver
import Markdown
import SiteData

/// Fuzz target (b): any text as the Markdown of a body and of a `text` field, through
/// cmark-gfm, link rewriting, heading ids and the link and anchor checks of `BodyRenderer`, in
/// the site's language and in a translation. Besides crashes and hangs it checks what reaches the
/// page: only the tags and attributes cmark-gfm makes for Markdown, no `javascript:` or other
/// script URLs, unique heading ids, link positions inside the text (see `HTMLOracle`).
///
/// `make fuzz` builds it with `-sanitize=fuzzer,address`; a plain build replays the files given.
@main
enum FuzzMarkdown {
    static func main() {
        exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in fuzzMarkdown(data, size) })
    }
}

/// libFuzzer's entry point: one input, the Markdown text (invalid UTF-8 is repaired, as any
/// text that reaches the renderer has been decoded).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    MarkdownInput.check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
    return 0
}

/// The checks run on one input.
enum MarkdownInput {
    static let model: SiteModel = {
        let text = """
            title: Fuzz
            language: es
            collections:
              notas:
                fields:
                  title: {type: string, required: true}
                  resumen: text
            """
        guard let model = ModelReader.read(text).0 else { fatalError("the fuzz model does not read") }
        return model
    }()

    static func check(_ markdown: String) {
        let lineCount = markdown.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            .count
        var rewritten = 0
        let rendered = MarkdownRenderer().render(markdown) { link in
            HTMLOracle.require(link.line >= 1 && link.line <= lineCount, "link line \(link.line) of \(lineCount)")
            HTMLOracle.require(link.column >= 1, "link column \(link.column)")
            guard link.destination.hasSuffix(".md") else { return nil }
            rewritten += 1
            return rewritten.isMultiple(of: 2) ? "../otra/#uno" : "javascript:alert(1)"
        }
        HTMLOracle.check(rendered.html)
        HTMLOracle.require(
            rendered.headings.map(\.id) == HTMLOracle.ids(in: rendered.html), "heading ids differ from the HTML")

        let fuzz = Entry(
            key: EntryKey("notas", "fuzz"), file: "content/notas/fuzz.md", title: "Fuzz",
            fields: ["title": .string("Fuzz"), "resumen": .text(markdown)], body: markdown, bodyFirstLine: 4)
        let other = Entry(
            key: EntryKey("notas", "otra"), file: "content/notas/otra.md", title: "Otra",
            fields: ["title": .string("Otra")], body: "# Uno\n\n[fuzz](fuzz.md#dos)\n", bodyFirstLine: 4)
        let site = Site(model: model, entries: ["notas": [fuzz, other]])
        for bodies in [BodyRenderer(site: site).render(), BodyRenderer(site: translated(site), prefix: "en/").render()]
        {
            for html in bodies.html.values { HTMLOracle.check(html.string) }
            for fields in bodies.fieldHTML.values { fields.values.forEach(HTMLOracle.check) }
        }
    }

    /// The site in English, with the body still in Spanish: its links go to Spanish pages.
    static func translated(_ site: Site) -> Site {
        var translated = Site(model: site.model, entries: site.entries)
        translated.languages = ["en"]
        translated.untranslatedBodies = [EntryKey("notas", "fuzz")]
        return translated
    }
}
