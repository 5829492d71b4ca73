import SiteData

/// Which language a set of pages is in, where they live, and the other languages of the site,
/// for `hreflang` links and the language switcher. The site's own language lives at the root;
/// each translation in a folder named after it (`en/`).
public struct Localization: Sendable {
    /// One language of the site.
    public struct Language: Sendable, Hashable {
        public let code: String
        /// `""` for the site's own language, `en/` for a translation.
        public let prefix: String
    }

    public let language: String
    public let prefix: String
    /// Every language of the site, its own first.
    public let languages: [Language]

    /// The site's own language, with its translations as alternates.
    public init(site: Site) {
        self.init(site: site, language: site.model.language)
    }

    /// The pages in `language`, one of the site's languages.
    public init(site: Site, language: String, original: String? = nil) {
        let own = original ?? site.model.language
        self.language = language
        self.prefix = language == own ? "" : language + "/"
        self.languages = [Language(code: own, prefix: "")] + site.languages.map { Language(code: $0, prefix: $0 + "/") }
    }
}
