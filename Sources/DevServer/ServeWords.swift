import Diagnostics
import Rendering

/// The words of the preview's own pages (the panel of errors, the page shown while building),
/// in the site's language: the `serve.*` keys of the theme's `i18n/<language>.yaml`, in English
/// where the theme has none (the theme of another site, or a model that cannot be read yet).
struct ServeWords: Sendable {
    /// The language of the pages, for their `lang` attribute.
    let language: String
    let strings: Strings
    /// The words of the diagnostics in the panel: the catalog of the site's language, or of
    /// `--lang` / `AVANCE_LANG`.
    var catalog = MessageCatalog.english

    /// The theme's words for `language` over the English ones.
    init(language: String, theme: Strings?) {
        let own = theme?.values.filter { $0.key.hasPrefix("serve.") } ?? [:]
        // The page is in the site's language only when the theme says all of it; otherwise some
        // of it is English, and `lang` must not claim otherwise.
        self.language = Self.english.keys.allSatisfy { own[$0] != nil } ? language : "en"
        self.strings = Strings(Self.english.merging(own) { $1 })
    }

    /// English, when nothing is known of the site's language.
    static let fallback = ServeWords(language: "en", theme: nil)

    static let english: [String: String] = [
        "serve.errors.one": "The last save broke the build: 1 error",
        "serve.errors.other": "The last save broke the build: {count} errors",
        "serve.fix": "Fix the file and save it: this page reloads by itself.",
        "serve.below": "Below, the site as it was before the error (click the title to fold this panel).",
        "serve.hint": "Hint:",
        "serve.building": "avance is building the site; this page reloads when it is ready.",
        "serve.building_title": "Building…",
        "serve.no_errors": "The latest build has no errors.",
        "serve.no_errors_title": "No errors",
        "serve.open_site": "Open the site",
    ]

    /// "The last save broke the build: 3 errors".
    func summary(errors count: Int) -> String { strings.plural("serve.errors", count: count) }

    subscript(key: String) -> String { strings["serve." + key] }
}
