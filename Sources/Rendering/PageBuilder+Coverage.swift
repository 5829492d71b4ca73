import ContentModel

/// How much of a collection is documented, in a `CoverageView`.
extension PageBuilder {
    /// How much of `collection` is documented: "2 de 63 documentados", with the bar's width.
    func coverage(of collection: Collection) -> CoverageView {
        let documented = site.entries(of: collection.name).count
        guard let expected = collection.expected, expected > 0 else {
            return CoverageView(
                documented: documented, expected: nil,
                text: strings.plural("coverage.count", count: documented, ["documented": String(documented)]),
                width: "100",
                complete: true)
        }
        let share = min(100, Double(documented) / Double(expected) * 100)
        return CoverageView(
            documented: documented, expected: expected,
            text: strings.format("coverage.of", ["documented": String(documented), "expected": String(expected)]),
            width: Self.decimal(share), complete: documented >= expected)
    }

    /// "3 entradas": a plain count, for pages that list part of a collection.
    func count(_ number: Int) -> CoverageView {
        CoverageView(
            documented: number, expected: nil,
            text: strings.plural("coverage.count", count: number, ["documented": String(number)]),
            width: "100", complete: true)
    }
}
