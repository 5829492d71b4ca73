/// A test of membership in a set of paths, asked of many paths in turn: a rebuild asks whether
/// each of 18,000 pages or 36,000 data files is one of the few it made again. With a few members
/// each is compared with the path, which is not hashed (hashing every path to ask sets of one to
/// three about them was some 12 ms of a CI rebuild's main thread in `perf`; too little to show
/// in its wall time on this machine); with more, the set's own lookup.
struct PathLookup {
    private let few: [String]?
    private let set: Set<String>

    /// The largest set whose members are compared one by one.
    static let fewest = 8

    init(_ set: Set<String>) {
        self.set = set
        few = set.count <= Self.fewest ? Array(set) : nil
    }

    /// Whether `path` is one of the set's.
    func contains(_ path: String) -> Bool {
        if let few { return few.contains(path) }
        return set.contains(path)
    }
}
