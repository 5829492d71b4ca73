/// "Last updated" and staleness: entries whose file has not changed for `stale_after_months`.
extension Site {
    /// Records when each entry's file last changed, from dates by file path (`GitHistory`).
    public mutating func recordChanges(byFile dates: [String: String], referenceDate: String?) {
        var changed: [EntryKey: SiteDate] = [:]
        for list in entries.values {
            for entry in list {
                if let date = dates[entry.file].flatMap(SiteDate.init) { changed[entry.key] = date }
            }
        }
        lastChanged = changed
        self.referenceDate = referenceDate.flatMap(SiteDate.init)
    }

    /// True when the entry last changed more than `stale_after_months` before the reference
    /// date. Unknown dates are never stale: the site says it does not know instead.
    public func isStale(_ key: EntryKey) -> Bool {
        guard let months = model.staleAfterMonths, let reference = referenceDate, let changed = lastChanged[key]
        else { return false }
        return Self.months(from: changed, to: reference) >= months
    }

    /// Whole months between two dates (a missing month or day counts as the first).
    static func months(from start: SiteDate, to end: SiteDate) -> Int {
        var months = (end.year - start.year) * 12 + (end.month ?? 1) - (start.month ?? 1)
        if (end.day ?? 1) < (start.day ?? 1) { months -= 1 }
        return months
    }

    /// Every entry with its last change, oldest first, then by collection and id.
    public var entriesByLastChange: [(entry: Entry, changed: SiteDate?)] {
        model.collections.flatMap { entries(of: $0.name) }.map { ($0, lastChanged[$0.key]) }.sorted { a, b in
            switch (a.changed, b.changed) {
            case (let x?, let y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.entry.key < b.entry.key
            }
        }
    }
}
