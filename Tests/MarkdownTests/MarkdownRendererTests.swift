import Testing

@testable import Markdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rawHTMLIsOmittedAndScriptURLsAreBlanked() {
        let html = renderer.render(
            "<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](JAVASCRIPT:x)\n"
        ).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.lowercased().contains("javascript:"))
        #expect(html.contains(#"<a href="">a</a>"#))
    }

    @Test func gfmExtensionsAreOn() {
        let html = renderer.render(
            "| a | b |\n|---|:-:|\n| 1 | 2 |\n\n~~old~~ www.example.org\n\n- [x] done\n- [ ] todo\n"
        ).html
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>old</del>"))
        #expect(html.contains(#"<a href="http://www.example.org">"#))
        #expect(html.contains(#"<input type="checkbox" checked="" disabled="" />"#))
    }

    @Test func headingsGetUniqueGitHubStyleIds() {
        let result = renderer.render("# Avances\n\n## Próximos pasos\n\n## Avances\n\n### `code` & más!\n")
        #expect(result.headings.map(\.id) == ["avances", "próximos-pasos", "avances-1", "code--más"])
        #expect(result.html.contains(#"<h2 id="próximos-pasos">"#))
        #expect(result.headings.map(\.level) == [1, 2, 2, 3])
    }

    @Test func linksAreRewrittenAndLocated() {
        var seen: [MarkdownLink] = []
        let result = renderer.render("Intro.\n\nVer [RCN](../proyectos/rcn-visa.md#avances) y\n[web](https://x.org).\n")
        {
            seen.append($0)
            return $0.destination.hasSuffix("#avances") ? "../../proyectos/rcn-visa/#avances" : nil
        }
        #expect(result.html.contains(#"<a href="../../proyectos/rcn-visa/#avances">RCN</a>"#))
        #expect(result.html.contains(#"<a href="https://x.org">web</a>"#))
        #expect(seen.map(\.line) == [3, 4])
        #expect(seen.map(\.column) == [11, 7])
    }

    @Test func concurrentRenderingEqualsSequential() async {
        // cmark_parser_finish mutates a global table; without the lock, strikethrough got lost.
        let documents = (0..<400).map { "# T\($0)\n\n~~del~~ **b** | a |\n|---|\n| \($0) |\n\n- [ ] x\n" }
        let shared = renderer
        let sequential = documents.map { shared.render($0).html }
        let concurrent = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, shared.render(document).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(concurrent == sequential)
    }
}

@Suite struct SlugTests {
    @Test(arguments: [("A b", "a-b"), ("C++ & C#", "c--c"), ("", "section"), ("¿Qué?", "qué"), ("a_b-c", "a_b-c")])
    func slug(text: String, expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test func repeatsAreNumberedWithoutClashing() {
        var used: [String: Int] = [:]
        let ids = ["a", "a", "a-1", "a"].map { Slug.unique($0, used: &used) }
        #expect(ids == ["a", "a-1", "a-1-1", "a-2"])
    }
}

/// Found by the fuzzer (FuzzMarkdown): cmark-gfm also ends lines at a lone `\r`, and locating a
/// link after such lines trapped on an empty range. A file with old Mac line ends crashed the build.
@Suite struct LoneCarriageReturnTests {
    @Test func aLinkAfterLoneCarriageReturnsIsLocatedOnItsLine() {
        var links: [MarkdownLink] = []
        let rendered = MarkdownRenderer().render("uno\rdos\r\r[enlace](otra.md)\r\n[b](c.md)") { link in
            links.append(link)
            return nil
        }
        #expect(rendered.html.contains("<a href=\"otra.md\">enlace</a>"))
        #expect(links.map(\.line) == [4, 5])
        #expect(links.map(\.column) == [10, 5])
    }

    @Test(arguments: ["a\rb", "a\r\nb", "a\nb", "a\r\rb", ""])
    func linesEndLikeCmarks(text: String) {
        let expected =
            text.isEmpty
            ? 1
            : text.replacingOccurrences(of: "\r\n", with: "\n").split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }
            ).count
        #expect(MarkdownRenderer.lines(of: text).count == expected)
    }
}
