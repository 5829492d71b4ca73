import ContentModel

/// How names typed by people are compared: without case, accents, punctuation or extra spaces,
/// so that "En Marcha", "en-marcha" and "EN MARCHA " are the same name. Letters of every script
/// count: `日本語のタイトル` is a name (an id keeps only ASCII).
enum NameKey {
    /// `text` lowercased, accents removed, every run of other characters made one space.
    static func of(_ text: String) -> String {
        EntryID.make(from: text, keepingOtherScripts: true).replacingOccurrences(of: "-", with: " ")
    }
}
