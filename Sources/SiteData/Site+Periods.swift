import ContentModel

/// Reporting periods: the status of every entry at a period's end, reconstructed from its dated
/// history by the rules of docs/periods.md, and what changed within the period.
extension Site {
    /// The site's periods by the build's reference date: every closed one, then the open one;
    /// none when the site declares no periods or the build has no reference date.
    public var periods: [ReportingPeriod] {
        guard let plan = model.periods, let reference = referenceDate else { return [] }
        return plan.periods(through: reference.firstDay)
    }

    /// The collections a period reports on: those with a status field and a list of dated
    /// records with a status (a history), each with that list.
    public var periodCollections: [(collection: Collection, history: Field)] {
        model.collections.compactMap { collection in
            guard collection.statusField != nil,
                let history = collection.fields.first(where: {
                    $0.recordDateField != nil && $0.recordStatusField != nil
                })
            else { return nil }
            return (collection, history)
        }
    }

    /// The records of `entry`'s `history` field that carry both a date and a status, in the
    /// order of their days, records of the same day in the order written.
    public func statusRecords(of entry: Entry, history: Field) -> [StatusRecord] {
        guard let dateField = history.recordDateField, let status = history.recordStatusField,
            case .list(let items)? = entry.fields[history.name]
        else { return [] }
        var records: [StatusRecord] = []
        for (index, item) in items.enumerated() {
            guard case .record(let record) = item, case .date(let date)? = record[dateField.name],
                case .enumeration(let id)? = record[status.field.name]
            else { continue }
            let event = HistoryEvent(entry: entry.key, field: history.name, date: date, record: record, anchor: "")
            records.append(
                StatusRecord(
                    date: date, value: status.values.value(id) ?? EnumValue(id: id), note: event.note(in: history),
                    position: index))
        }
        return records.sorted { ($0.date.firstDay, $0.position) < ($1.date.firstDay, $1.position) }
    }

    /// The entry's status at the end of `day`: the newest of its dated records with a status on
    /// or before it (a month-only date counts from the first of its month, a year-only date from
    /// 1 January); `nil` when none is: the entry has no record then.
    public func status(of entry: Entry, history: Field, on day: CalendarDay) -> EnumValue? {
        statusRecords(of: entry, history: history).last { $0.date.firstDay <= day }?.value
    }

    /// What the site knew of `collection` at the end of `period`.
    /// The open period is measured at the reference date, not at its end, which has not come.
    public func report(of collection: Collection, history: Field, in period: ReportingPeriod) -> CollectionPeriodReport
    {
        var period = period
        if !period.closed, let reference = referenceDate?.firstDay { period.end = min(period.end, reference) }
        let values = history.recordStatusField?.values.values ?? []
        var report = CollectionPeriodReport(collection: collection.name, values: values)
        var counts = [Int](repeating: 0, count: values.count)
        for entry in entries(of: collection.name) {
            let records = statusRecords(of: entry, history: history)
            let atEnd = records.last { $0.date.firstDay <= period.end }?.value
            if let atEnd, let index = values.firstIndex(where: { $0.id == atEnd.id }) {
                counts[index] += 1
            } else if atEnd == nil {
                report.withoutRecord.append(entry.key)
            }
            report.statusAtEnd[entry.key] = atEnd
            for (index, record) in records.enumerated() where period.contains(record.date.firstDay) {
                let before = index > 0 ? records[index - 1].value : nil
                guard before?.id != record.value.id else { continue }
                report.changes.append(
                    PeriodChange(
                        entry: entry.key, date: record.date, from: before, to: record.value, note: record.note,
                        kind: PeriodChange.kind(from: before, to: record.value, values: values)))
            }
            let dated = self.history(of: entry).map(\.date.firstDay)
            if !dated.contains(where: period.contains) { report.silent.append(entry.key) }
            if let first = dated.min(), period.contains(first) { report.firstRecorded.append(entry.key) }
            if let planned = plannedEnd(of: entry), atEnd?.isFinal != true,
                Self.isAfter(SiteDate(period.end), planned)
            {
                report.late.append(entry.key)
            }
        }
        report.counts = zip(values, counts).map { ($0, $1) }
        report.changes.sort { ($0.date.firstDay, $0.entry) < ($1.date.firstDay, $1.entry) }
        report.snapshots = collection.snapshots.filter { snapshot in
            CalendarDay.parse(snapshot.date).map(period.contains) ?? false
        }
        return report
    }

    /// Every reported collection at the end of `period`.
    public func report(for period: ReportingPeriod) -> [CollectionPeriodReport] {
        periodCollections.map { report(of: $0.collection, history: $0.history, in: period) }
    }
}

/// A dated history record with a status.
public struct StatusRecord: Sendable, Hashable {
    public let date: SiteDate
    public let value: EnumValue
    public let note: String?
    /// Its place in the list as written.
    public let position: Int
}

/// A collection at the end of a period.
public struct CollectionPeriodReport: Sendable {
    public let collection: String
    /// The values of the history's status, in declared order.
    public let values: [EnumValue]
    /// Entries by status at the period's end, in the values' order (entries without record apart).
    public var counts: [(value: EnumValue, count: Int)] = []
    /// Entries with no dated status on or before the period's end.
    public var withoutRecord: [EntryKey] = []
    /// Every entry's status at the end (`nil`: without record).
    public var statusAtEnd: [EntryKey: EnumValue?] = [:]
    /// Status changes dated within the period, oldest first.
    public var changes: [PeriodChange] = []
    /// Entries with no dated record at all within the period.
    public var silent: [EntryKey] = []
    /// Entries whose first dated record falls within the period.
    public var firstRecorded: [EntryKey] = []
    /// Entries past their planned end at the period's end with no final status then.
    public var late: [EntryKey] = []
    /// The published snapshots dated within the period.
    public var snapshots: [Snapshot] = []

    /// Creates an empty report.
    public init(collection: String, values: [EnumValue]) {
        self.collection = collection
        self.values = values
    }

    /// Entries with a status at the end: documented by then.
    public var documented: Int { counts.reduce(0) { $0 + $1.count } }
}

/// A status change within a period: an entry moving from one value to another, with its note.
public struct PeriodChange: Sendable, Hashable {
    public let entry: EntryKey
    public let date: SiteDate
    public let from: EnumValue?
    public let to: EnumValue
    public let note: String?
    public let kind: Kind

    /// What a change is, by the model's flags (docs/periods.md).
    public enum Kind: String, Sendable, CaseIterable {
        /// From no record, or from the first declared value, to a value that is neither final
        /// nor needs a note: work began.
        case started
        /// To a final value.
        case finished
        /// To a value that requires a note (`requires_note`: a stop that must say why).
        case suspended
        /// From a value that requires a note to one that does not and is not final.
        case resumed
        /// Any other change, such as a first record of the first declared value.
        case changed
    }

    static func kind(from: EnumValue?, to: EnumValue, values: [EnumValue]) -> Kind {
        if to.isFinal { return .finished }
        if to.requiresNote { return .suspended }
        if from?.requiresNote == true { return .resumed }
        let first = values.first?.id
        if from == nil || from?.id == first, to.id != first { return .started }
        return .changed
    }
}

extension SiteDate {
    /// The first day the date covers: a month-only date its first day, a year-only date 1 January.
    public var firstDay: CalendarDay {
        CalendarDay(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// A day as a date.
    public init(_ day: CalendarDay) {
        self = SiteDate(day.description)!
    }
}
