import Bodies
import ContentModel
import Loading
import SiteData
import SiteLayout
import TestSupport
import Testing
import Validation

@testable import Rendering

/// What every page's shell shares is made once per builder (`ShellShape`): its paths and fields
/// must be what the general rules give, in the site's language and in another one.
@Suite struct ShellShapeTests {
    func builders() throws -> [PageBuilder] {
        let (site, _, theme) = try fixtureSite()
        let bodies = BodyRenderer(site: site).render()
        return [
            PageBuilder(site: site, bodies: bodies, strings: theme.strings),
            PageBuilder(
                site: site, bodies: bodies, strings: theme.strings,
                localization: Localization(site: site, language: "en")),
        ]
    }

    @Test func everyEntryPageIsWherePagePathsPutsIt() throws {
        var checked = 0
        for builder in try builders() {
            for collection in builder.model.collections {
                for entry in builder.site.entries(of: collection.name) {
                    #expect(builder.shell.page(of: entry.key) == builder.paths.page(of: entry.key))
                    checked += 1
                }
            }
            // A key of no collection keeps its collection's name as the folder, as PagePaths does.
            let stray = EntryKey("sin-coleccion", "x")
            #expect(builder.shell.page(of: stray) == builder.paths.page(of: stray))
        }
        #expect(checked > 20)
    }

    @Test func entryFieldsAreThePublicFieldsBesideTheTitleTimelinesAndSeries() throws {
        let builder = try #require(try builders().first)
        for collection in builder.model.collections {
            let expected = collection.publicFields.filter {
                $0.name != collection.titleField && !PageBuilder.isTimeline($0) && !PageBuilder.isSeries($0)
            }
            #expect(builder.shell.entryFields[collection.name]?.map(\.name) == expected.map(\.name))
        }
        // The fixture has fields of each kind left out, so the table is not the public fields.
        #expect(
            builder.model.collections.contains { builder.shell.entryFields[$0.name]?.count != $0.publicFields.count })
    }

    @Test func theMenuAndFooterAreTheModelsCollectionsInOrder() throws {
        let builder = try #require(try builders().last)
        #expect(builder.shell.menu.map(\.name) == builder.model.collections.filter(\.inMenu).map(\.name))
        #expect(
            builder.shell.menu.map(\.index) == builder.model.collections.filter(\.inMenu).map(builder.paths.index(of:)))
        #expect(builder.shell.footer == builder.model.collections.filter { !$0.inMenu }.map(\.name))
        // The fixture is in two languages: every page lists both, the page's own marked.
        #expect(builder.shell.alternates.map(\.language) == builder.localization.languages)
        #expect(builder.localization.languages.count > 1)
        #expect(builder.search().alternates.map(\.lang) == builder.localization.languages.map(\.code))
        #expect(builder.search().alternates.map(\.current) == builder.localization.languages.map { $0.prefix == "en/" })
    }

    @Test func backlinkFieldsAreTheFieldsThatReferToEachCollection() throws {
        let builder = try #require(try builders().first)
        var found = 0
        for target in builder.model.collections {
            let expected = builder.model.collections.flatMap { collection in
                collection.fields.filter { $0.type.target == target.name }.map { (collection.name, $0.name) }
            }
            let table = builder.shell.backlinkFields[target.name] ?? []
            #expect(table.map(\.collection) == expected.map(\.0))
            #expect(table.map(\.field) == expected.map(\.1))
            found += table.count
        }
        #expect(found > 0)
        // Each group's title is the theme's words for it, with the collection and the field.
        let group = try #require(builder.shell.backlinkFields.values.first?.first)
        let collection = try #require(builder.model.collection(group.collection))
        let field = try #require(collection.fields.first { $0.name == group.field })
        #expect(group.title.contains(collection.title) && group.title.contains(field.label))
    }

    @Test func seriesFieldsAreEachCollectionsPublicSeriesFields() throws {
        let builder = try #require(try builders().first)
        for collection in builder.model.collections {
            let expected = collection.publicFields.filter(PageBuilder.isSeries).map(\.name)
            #expect(builder.shell.seriesFields[collection.name]?.map(\.name) == (expected.isEmpty ? nil : expected))
        }
        // The fixture has series fields.
        #expect(!builder.shell.seriesFields.isEmpty)
    }
}
