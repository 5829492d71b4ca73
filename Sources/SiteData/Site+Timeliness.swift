import ContentModel

/// Data dates and deadlines: when an entry's data was last true (its newest dated record), and
/// whether it is late (past its planned end without a final status). Both are measured against
/// the build's reference date (`SOURCE_DATE_EPOCH`, else the newest commit), never the clock.
extension Site {
    /// The entry's data date: its newest dated record (a history item, or the date field the
    /// collection names as `data_date`); `nil` when it has none (an axis, a partner).
    public func dataDate(of entry: Entry) -> SiteDate? {
        var dates = history(of: entry).prefix(1).map(\.date)
        if let name = model.collection(entry.collection)?.dataDateField, case .date(let date)? = entry.fields[name] {
            dates.append(date)
        }
        // A series' newest measured value is data of that date too.
        for value in entry.fields.values {
            if case .series(let series) = value, let last = series.values.last { dates.append(last.date) }
        }
        return dates.max()
    }

    /// The entry's data date, by key.
    public func dataDate(of key: EntryKey) -> SiteDate? {
        entry(key).flatMap(dataDate(of:))
    }

    /// The entry's status value, if its collection has a status field and the entry sets it.
    public func statusValue(of entry: Entry) -> EnumValue? {
        guard let collection = model.collection(entry.collection), let values = collection.statusValues,
            let name = collection.statusField, case .enumeration(let id)? = entry.fields[name]
        else { return nil }
        return values.value(id)
    }

    /// The entry's planned end, when its collection names a `planned_end` field and it sets one.
    public func plannedEnd(of entry: Entry) -> SiteDate? {
        guard let name = model.collection(entry.collection)?.plannedEnd, case .date(let date)? = entry.fields[name]
        else { return nil }
        return date
    }

    /// True when the entry's planned end is before the reference date and its status is not
    /// final. A planned end of `2022-12` runs to the end of December 2022; unknown dates are
    /// never late.
    public func isLate(_ entry: Entry) -> Bool {
        guard let end = plannedEnd(of: entry), let reference = referenceDate else { return false }
        if statusValue(of: entry)?.isFinal == true { return false }
        return Self.isAfter(reference, end)
    }

    /// The late entries of `collection`, in display order.
    public func lateEntries(of collection: String) -> [Entry] {
        entries(of: collection).filter(isLate)
    }

    /// True when `date` falls after the whole period `period` names (a year, a month or a day).
    static func isAfter(_ date: SiteDate, _ period: SiteDate) -> Bool {
        if date.year != period.year { return date.year > period.year }
        guard let month = period.month else { return false }
        let dateMonth = date.month ?? 1
        if dateMonth != month { return dateMonth > month }
        guard let day = period.day else { return false }
        return (date.day ?? 1) > day
    }
}
