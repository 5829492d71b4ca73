import ContentModel
import SiteData
import SiteLayout

/// What the shell of every page and the fields of every entry page share, made once from the
/// model and the words instead of on each page: the menu's collections with their index pages,
/// the collections whose entries the footer links, each other language's name and built-in
/// paths, and the fields each collection's entry pages may show. Per page, the shell filtered
/// the model's collections (a copy of each, every field retained), made the path of each index
/// page, looked its words up, and made the built-in paths of every language, for a list of
/// alternates that a site of one language throws away.
struct ShellShape: Sendable {
    struct MenuItem: Sendable {
        let name: String
        let title: String
        /// The collection's index page, from the site's root (`proyectos/`).
        let index: String
    }

    struct Alternate: Sendable {
        let language: Localization.Language
        /// The language's name in the page's words ("English").
        let name: String
        /// The built-in pages and data files in that language's words.
        let data: DataPaths
    }

    let menu: [MenuItem]
    /// The word of the menu's link to the data page.
    let dataNav: String
    /// The collections outside the menu, whose entries the footer links.
    let footer: [String]
    /// Every language of the site, the page's own included; empty for a site of one language,
    /// whose pages list no alternates.
    let alternates: [Alternate]
    /// The page of the entry `key`, from the site's root: `PagePaths.page(of:)`'s path.
    func page(of key: EntryKey) -> String {
        for index in entryFolders.indices where entryFolders[index].collection == key.collection {
            return entryFolders[index].folder + key.id + "/"
        }
        return prefix + key.collection + "/" + key.id + "/"
    }

    /// The fields an entry page of each collection shows in its list of fields, by collection:
    /// public, not the title, not a timeline or a series (each has a part of its own).
    let entryFields: [String: [Field]]
    /// Each collection's folder of entry pages from the site's root (`proyectos/`, `en/proyectos/`),
    /// by collection in the model's order: a link to an entry finds it by comparing names, with
    /// no copy of the collection (`PagePaths.page(of:)` copies the first that matches).
    let entryFolders: [(collection: String, folder: String)]
    /// The fields that refer to each collection, by the collection they refer to, in the model's
    /// order, each with the title of its group of backlinks ("Proyectos (eje)"): an entry page
    /// lists who refers to it by these, with no pass over the model's collections and no words
    /// formatted per page.
    let backlinkFields: [String: [BacklinkField]]

    struct BacklinkField: Sendable {
        let collection: String
        let field: String
        let title: String
    }

    /// The public series fields of each collection that has any, by collection: an entry page
    /// lists the measures that refer to it by these, passing over an entry of a collection
    /// without one before looking the entry up.
    let seriesFields: [String: [Field]]

    /// The pages' language folder (`en/`), empty for the site's own language.
    let prefix: String

    init(model: SiteModel, strings: Strings, localization: Localization, paths: PagePaths) {
        menu = model.collections.filter(\.inMenu).map {
            MenuItem(name: $0.name, title: $0.title, index: paths.index(of: $0))
        }
        dataNav = strings["data_nav"]
        footer = model.collections.filter { !$0.inMenu }.map(\.name)
        let own = localization.languages.first?.code
        alternates =
            localization.languages.count > 1
            ? localization.languages.map { language in
                Alternate(
                    language: language, name: strings["language.\(language.code)"],
                    data: DataPaths(model: model, language: language.code, ownLanguage: own))
            } : []
        var entryFields: [String: [Field]] = [:]
        for collection in model.collections {
            entryFields[collection.name] = collection.publicFields.filter { field in
                field.name != collection.titleField && !PageBuilder.isTimeline(field) && !PageBuilder.isSeries(field)
            }
        }
        self.entryFields = entryFields
        prefix = paths.prefix
        var backlinkFields: [String: [BacklinkField]] = [:]
        for collection in model.collections {
            for field in collection.fields {
                guard let target = field.type.target else { continue }
                backlinkFields[target, default: []].append(
                    BacklinkField(
                        collection: collection.name, field: field.name,
                        title: strings.format(
                            "backlinks.group", ["collection": collection.title, "field": field.label])))
            }
        }
        self.backlinkFields = backlinkFields
        var seriesFields: [String: [Field]] = [:]
        for collection in model.collections {
            let fields = collection.publicFields.filter(PageBuilder.isSeries)
            if !fields.isEmpty { seriesFields[collection.name] = fields }
        }
        self.seriesFields = seriesFields
        entryFolders = model.collections.map { ($0.name, paths.prefix + $0.folder + "/") }
    }
}
