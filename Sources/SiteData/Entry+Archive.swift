import Diagnostics

// The archived form of a validated entry (`ArchiveWriter`), for the build cache's store of
// validated entries: every field, as validation made it.

extension Entry {
    public func archive(to writer: inout ArchiveWriter) {
        writer.string(key.collection)
        writer.string(key.id)
        writer.string(file)
        writer.string(title)
        writer.dictionary(fields) { $0.value($1) }
        // Most positions are in the entry's own file: written once, not once a field. Positions
        // still as a store's bytes are written as they are.
        switch storedPositions {
        case .stored(let archive, let range): writer.verbatim(UnsafeRawBufferPointer(rebasing: archive.bytes[range]))
        case .made(let positions):
            writer.dictionary(positions) { writer, location in
                let same = location.file.hasSameBytes(as: file)
                writer.bool(same)
                if !same { writer.string(location.file) }
                writer.int(location.line)
                writer.int(location.column)
                writer.int(location.length)
            }
        }
        writer.dictionary(textSources) { $0.textSource($1) }
        writer.text(bodyText)
        writer.int(bodyFirstLine)
        writer.string(bodyFile)
    }

    public static func unarchive(from reader: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Entry {
        let key = EntryKey(try reader.string(), try reader.string())
        let file = try reader.string()
        let title = try reader.string()
        let fields = try reader.dictionary { reader throws(ArchiveReader.Damaged) in try reader.value() }
        // Read through, and kept as bytes when they are a store's (`StoredPositions`).
        let start = reader.offset
        let positions: StoredPositions
        if let owner = reader.owner {
            try skipPositions(&reader)
            positions = .stored(owner, start..<reader.offset)
        } else {
            positions = .made(try readPositions(from: &reader, file: file))
        }
        let sources = try reader.dictionary { reader throws(ArchiveReader.Damaged) in try reader.textSource() }
        return Entry(
            key: key, file: file, title: title, fields: fields, storedPositions: positions, textSources: sources,
            bodyText: try reader.text(), bodyFirstLine: try reader.int(), bodyFile: try reader.string())
    }

    /// The positions `archive(to:)` wrote, of an entry of `file`.
    static func readPositions(from reader: inout ArchiveReader, file: String) throws(ArchiveReader.Damaged)
        -> [String: SourceLocation]
    {
        try reader.dictionary { reader throws(ArchiveReader.Damaged) in
            SourceLocation(
                file: try reader.bool() ? file : try reader.string(), line: try reader.int(), column: try reader.int(),
                length: try reader.int())
        }
    }

    /// Passes over the positions `archive(to:)` wrote, checking that they can be read, without
    /// making them.
    static func skipPositions(_ reader: inout ArchiveReader) throws(ArchiveReader.Damaged) {
        for _ in 0..<(try reader.count()) {
            try reader.skipString()
            if !(try reader.bool()) { try reader.skipString() }
            for _ in 0..<3 { _ = try reader.unsigned() }
        }
    }
}

extension ArchiveWriter {
    public mutating func value(_ value: FieldValue) {
        switch value {
        case .string(let text): tagged(0, text)
        case .text(let text): tagged(1, text)
        case .int(let number):
            unsigned(2)
            int(number)
        case .number(let number):
            unsigned(3)
            double(number)
        case .percent(let number):
            unsigned(4)
            double(number)
        case .boolean(let flag):
            unsigned(5)
            bool(flag)
        case .date(let date): tagged(6, date.description)
        case .url(let text): tagged(7, text)
        case .enumeration(let text): tagged(8, text)
        case .reference(let text): tagged(9, text)
        case .references(let ids):
            unsigned(10)
            array(ids) { $0.string($1) }
        case .list(let items):
            unsigned(11)
            array(items) { $0.value($1) }
        case .record(let fields):
            unsigned(12)
            dictionary(fields) { $0.value($1) }
        case .series(let series):
            unsigned(13)
            string(series.unit)
            string(series.direction.rawValue)
            point(series.baseline)
            array(series.targets) { $0.point($1) }
            array(series.values) { $0.point($1) }
            optional(series.lowerBound) { $0.double($1) }
            optional(series.upperBound) { $0.double($1) }
        }
    }

    private mutating func tagged(_ tag: UInt64, _ text: String) {
        unsigned(tag)
        string(text)
    }

    mutating func point(_ point: Series.Point) {
        string(point.date.description)
        double(point.value)
        optional(point.source) { $0.string($1) }
        optional(point.note) { $0.string($1) }
    }

    public mutating func textSource(_ source: TextSource) {
        string(source.file)
        int(source.line)
        int(source.column)
        array(source.lines) { $0.string(String($1)) }
    }
}

extension ArchiveReader {
    public mutating func value() throws(Damaged) -> FieldValue {
        switch try unsigned() {
        case 0: .string(try string())
        case 1: .text(try string())
        case 2: .int(try int())
        case 3: .number(try double())
        case 4: .percent(try double())
        case 5: .boolean(try bool())
        case 6: .date(try date())
        case 7: .url(try string())
        case 8: .enumeration(try string())
        case 9: .reference(try string())
        case 10: .references(try array { reader throws(Damaged) in try reader.string() })
        case 11: .list(try array { reader throws(Damaged) in try reader.value() })
        case 12: .record(try dictionary { reader throws(Damaged) in try reader.value() })
        case 13:
            .series(
                Series(
                    unit: try string(),
                    direction: try Series.Direction(rawValue: string()).orDamaged(),
                    baseline: try point(),
                    targets: try array { reader throws(Damaged) in try reader.point() },
                    values: try array { reader throws(Damaged) in try reader.point() },
                    lowerBound: try optional { reader throws(Damaged) in try reader.double() },
                    upperBound: try optional { reader throws(Damaged) in try reader.double() }))
        default: throw Damaged()
        }
    }

    mutating func date() throws(Damaged) -> SiteDate {
        try SiteDate(try string()).orDamaged()
    }

    mutating func point() throws(Damaged) -> Series.Point {
        Series.Point(
            date: try date(), value: try double(),
            source: try optional { reader throws(Damaged) in try reader.string() },
            note: try optional { reader throws(Damaged) in try reader.string() })
    }

    public mutating func textSource() throws(Damaged) -> TextSource {
        TextSource(
            file: try string(), line: try int(), column: try int(),
            lines: try array { reader throws(Damaged) in Substring(try reader.string()) })
    }
}

extension Optional {
    fileprivate func orDamaged() throws(ArchiveReader.Damaged) -> Wrapped {
        guard let self else { throw ArchiveReader.Damaged() }
        return self
    }
}

extension TextSource {
    /// A text source as archived.
    init(file: String, line: Int, column: Int, lines: [Substring]) {
        self.file = file
        self.line = line
        self.column = column
        self.lines = lines
    }
}
