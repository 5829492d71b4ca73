import Bodies
import ContentModel
import Loading
import SiteData
import SiteLayout
import TestSupport
import Testing
import Validation

@testable import Rendering

/// The filters of listing pages come from a table made once per collection (every listing page
/// shows every value of every group-by field): their links and `current` flags must be what the
/// general rule gives, from the index, from each group page and from a page inside one.
@Suite struct FilterTableTests {
    @Test func everyFilterLinkIsTheRelativePathToItsGroupPage() throws {
        let (site, model, theme) = try fixtureSite()
        let builder = PageBuilder(site: site, bodies: BodyRenderer(site: site).render(), strings: theme.strings)
        var checked = 0
        for collection in model.collections where !collection.groupBy.isEmpty {
            let groups = builder.groups(of: collection)
            let pages =
                [builder.paths.index(of: collection), "", "otra/carpeta/"] + groups.map(builder.path(of:))
                + groups.prefix(2).map { builder.path(of: $0) + "pagina/2/" }
            for page in pages {
                let options = builder.filters(of: collection, from: page).flatMap(\.options)
                let expected = groups.map { group in
                    (PagePaths.relative(builder.path(of: group), from: page), builder.path(of: group) == page)
                }
                // The late filter, when there is one, comes last and is not a group.
                #expect(options.count >= expected.count)
                for (option, (url, current)) in zip(options, expected) {
                    #expect(option.url == url, "\(page): \(option.title)")
                    #expect(option.current == current, "\(page): \(option.title)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50)
    }
}
