import ContentModel
import Diagnostics
import Foundation
import Loading

/// `avance new <collection> <id>`: writes `content/<folder>/<id>.md` from the collection's
/// fields, refusing an invalid id, an unknown collection and a file that exists.
public enum NewEntry {
    /// What `new` did.
    public struct Result: Sendable, DiagnosedResult {
        /// Why nothing was written, when something went wrong.
        public var diagnostics: [Diagnostic] = []
        /// The new file, relative to the root.
        public var path: String?
        /// The text written.
        public var text: String?
        /// Required fields left empty for the editor to fill in.
        public var unfilled: [Field] = []
    }

    /// Creates the entry `id` of `collectionName` in the site at `root`; `today` is the date
    /// written into required date fields (`YYYY-MM-DD`); `words` gives the comments' words in
    /// the site's language (read from `site.yaml`), from the theme.
    public static func create(
        collection collectionName: String, id: String, root: String, today: String,
        words: (_ language: String) -> TemplateWords, fileSystem: FileSystem = .disk,
        writer: ContentWriter = .disk
    ) -> Result {
        var result = Result()
        let (loaded, problems) = ExistingContent.load(root: root, fileSystem: fileSystem)
        guard let content = loaded else {
            result.diagnostics = problems
            return result
        }
        let collection: Collection
        switch content.collection(named: collectionName) {
        case .success(let found): collection = found
        case .failure(let diagnostic):
            result.diagnostics = [diagnostic]
            return result
        }
        if let problem = checkID(id) {
            result.diagnostics = [problem]
            return result
        }
        let path = content.path(of: id, in: collection)
        let title = content.titles(of: collection)[id]
        let exists = Diagnostic.error(
            "argument-entry-exists", "`\(path)` already exists" + (title.map { ": its title is `\($0)`" } ?? ""),
            hint: "edit that file, or choose another id; " + content.howToRefer(to: id, in: collection, title: title))
        if writer.exists(root + "/" + path) {
            result.diagnostics = [exists]
            return result
        }
        if let outside = outside(path, root: root, fileSystem: fileSystem) {
            result.diagnostics = [outside]
            return result
        }
        let (text, unfilled) = EntryTemplate(
            collection: collection, content: content, today: today, words: words(content.model.language)
        ).text(id: id)
        do {
            try writer.create(root + "/" + path, Array(text.utf8))
        } catch CocoaError.fileWriteFileExists {
            // Created by another program since the check: still never replaced.
            result.diagnostics = [exists]
            return result
        } catch {
            result.diagnostics = [
                .error(
                    "output-failed", "cannot write `\(path)`: \(error.localizedDescription)",
                    hint: "check the folder's permissions and the free disk space")
            ]
            return result
        }
        result.path = path
        result.text = text
        result.unfilled = unfilled
        return result
    }

    /// `output-outside` when the entry's folder (`content/<folder>`) leads out of the site's
    /// folder through a symlink, so that the file would be written elsewhere; `nil` otherwise.
    static func outside(_ path: String, root: String, fileSystem: FileSystem) -> Diagnostic? {
        guard !fileSystem.isInside(root + "/" + path, folder: root) else { return nil }
        let folder = (path as NSString).deletingLastPathComponent
        return .error(
            "output-outside",
            "`\(folder)/` leads outside the site's folder (a symlink): `\(path)` would be written there",
            hint: "make `\(folder)/` a folder of the site, not a symlink to another place")
    }

    /// Why `id` cannot name a file, or `nil` when it can.
    static func checkID(_ id: String) -> Diagnostic? {
        guard !EntryID.isValid(id) else { return nil }
        let suggestion = EntryID.make(from: id)
        return .error(
            "argument-id-invalid", "`\(id)` is not a valid entry id",
            hint: "ids use lowercase letters without accents, digits and single hyphens"
                + (suggestion.isEmpty ? "" : ", such as `\(suggestion)`"))
    }

    /// Today in the local time zone as `YYYY-MM-DD`: the one place `new` reads the clock.
    public static func today(_ now: Date = Date()) -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
