import ContentModel

/// How names typed by people are compared: without case, accents, punctuation or extra spaces,
/// so that "En Marcha", "en-marcha" and "EN MARCHA " are the same name.
enum NameKey {
    /// `text` lowercased, accents removed, every run of other characters made one space.
    static func of(_ text: String) -> String {
        EntryID.make(from: text).replacingOccurrences(of: "-", with: " ")
    }
}
