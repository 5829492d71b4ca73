import Testing

@testable import AvanceKit

@Suite struct PathLookupTests {
    /// Paths a site has, with a composed and a decomposed `ó`: a set takes them for equal, and so
    /// must the member-by-member comparison.
    static let paths = [
        "acciones/accion-1/index.html", "acciones/accion-10/index.html", "proyectos/rcn-visa/index.html",
        "ejes/gestión/index.html", "ejes/gestio\u{301}n/index.html", "search-index/entries/12.json", "",
    ]

    @Test(arguments: [0, 1, 3, PathLookup.fewest, PathLookup.fewest + 1, 20])
    func aLookupAnswersAsItsSetDoes(members: Int) {
        let set = Set(
            (0..<members).map { "acciones/accion-\($0)/index.html" } + (members > 0 ? ["ejes/gestión/index.html"] : []))
        let lookup = PathLookup(set)
        for path in Self.paths + set + ["acciones/accion-\(members)/index.html"] {
            #expect(lookup.contains(path) == set.contains(path), "\(path) among \(set.count)")
        }
    }
}
