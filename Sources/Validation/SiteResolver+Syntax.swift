import Diagnostics
import FrontMatter
import Loading
import ParallelMap
import SiteData

extension SiteResolver {
    /// What can be checked in the entries while `site.yaml` itself is broken: that each Markdown
    /// file has its front matter between `---` lines and that the YAML parses. Fields wait for a
    /// model, but these problems are reported in the same run as the model's.
    public static func checkSyntax(_ tree: ContentTree) -> [Diagnostic] {
        let entries = tree.files.filter { $0.path.hasSuffix(".md") && $0.path.split(separator: "/").count > 2 }
        return entries.concurrentMap { file -> [Diagnostic] in
            switch FrontMatterSplitter.split(file.text, file: file.path) {
            case .failure(let diagnostic): return [diagnostic]
            case .success(let split):
                if case .failure(let diagnostic) = YAMLReader.parse(
                    split.yaml, file: file.path, firstLine: split.yamlFirstLine)
                {
                    return [diagnostic]
                }
                return []
            }
        }.flatMap { $0 }
    }
}
