import Diagnostics
import FrontMatter
import SiteData

/// A save that changed only the Markdown body of an entry's file: the front matter, byte for
/// byte, and the line the body starts on are as they were. `avance serve` takes such a save
/// without validating the site again: the entry's fields, and so every reference, backlink,
/// group and count, are unchanged.
public enum BodyEdit {
    /// `entry` with the body of `text`, the file's new text, when `old` (its text when `entry`
    /// was validated) differs from it only after the front matter, and the new body raises none
    /// of the problems a build checks in bodies; `nil` otherwise, for a whole build to say why.
    public static func entry(_ entry: Entry, old: String, new text: String) -> Entry? {
        guard case .success(let before) = FrontMatterSplitter.split(old, file: entry.file),
            case .success(let after) = FrontMatterSplitter.split(text, file: entry.file),
            before.yaml.hasSameBytes(as: after.yaml), before.yamlFirstLine == after.yamlFirstLine,
            before.bodyFirstLine == after.bodyFirstLine, entry.body.hasSameBytes(as: before.body),
            entry.bodyFirstLine == after.bodyFirstLine,
            VisibleText.bidiProblem(inBody: after.body, file: entry.file, firstLine: after.bodyFirstLine) == nil,
            MarkdownLimits.problem(in: after.body) == nil
        else { return nil }
        return entry.with(body: after.body)
    }
}
