import Diagnostics
import Foundation
import Loading

/// A spreadsheet saved as CSV: its header, its rows, and how the file was written. Rows are
/// numbered as the spreadsheet shows them (the header is row 1), so a problem reported at
/// `matriz.csv:14:3` is in row 14, column 3 (C) of the sheet, even when a cell above holds
/// several lines.
public struct Spreadsheet: Sendable {
    /// One row of cells, with its number in the sheet.
    public struct Row: Sendable {
        public var number: Int
        public var cells: [String]

        /// True when every cell is empty (the trailing rows spreadsheets often export).
        public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
    }

    public var header: [String]
    public var rows: [Row]
    /// The cell separator found in the header: `,`, `;` or a tab.
    public var separator: Character
    /// The encoding the bytes were read as: `UTF-8`, `UTF-16` or `Windows-1252` (Latin-1).
    public var encoding: String

    /// Reads the CSV file at `path` from `fileSystem`, shown as `file` in diagnostics: a file
    /// that cannot be read is `file-unreadable`, one that is no CSV is what `read(_:file:)` says.
    public static func read(path: String, file: String, fileSystem: FileSystem) -> Result<Spreadsheet, Diagnostic> {
        do {
            return read(try fileSystem.read(path), file: file)
        } catch {
            return .failure(
                .error(
                    "file-unreadable",
                    Message("file-unreadable.named", ["file": file, "reason": error.localizedDescription]),
                    hint: Message("file-unreadable.named.hint")))
        }
    }

    /// Reads `bytes`, the CSV file shown as `file` in diagnostics.
    public static func read(_ bytes: [UInt8], file: String) -> Result<Spreadsheet, Diagnostic> {
        let (decoded, encoding) = decode(bytes)
        guard let text = decoded, !text.unicodeScalars.contains("\0") else {
            let workbook =
                bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
            return .failure(
                .error(
                    "file-encoding",
                    Message(workbook ? "file-encoding.workbook" : "file-encoding.binary", ["file": file]),
                    at: SourceLocation(file: file, line: 1, column: 1), hint: Message("file-encoding.workbook.hint")))
        }
        let separator = detectSeparator(text)
        var parser = CSVParser(text: text, separator: separator, file: file)
        switch parser.records() {
        case .failure(let diagnostic): return .failure(diagnostic)
        case .success(let records):
            guard let header = records.first else {
                return .failure(
                    .error(
                        "file-empty", Message("file-empty.spreadsheet", ["file": file]),
                        at: SourceLocation(file: file, line: 1, column: 1), hint: Message("file-empty.spreadsheet.hint")
                    ))
            }
            let rows = records.dropFirst().enumerated().map { Row(number: $0.offset + 2, cells: $0.element) }
            return .success(Spreadsheet(header: header, rows: rows, separator: separator, encoding: encoding))
        }
    }

    /// UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark (Excel's “Unicode
    /// text”), or else Windows-1252, the Latin-1 superset spreadsheets on Windows write.
    static func decode(_ bytes: [UInt8]) -> (String?, String) {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (String(data: Data(bytes), encoding: .utf16), "UTF-16")
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let text = String(validating: body, as: UTF8.self) { return (text, "UTF-8") }
        if let text = String(data: Data(body), encoding: .windowsCP1252) { return (text, "Windows-1252") }
        return (String(data: Data(body), encoding: .isoLatin1), "ISO-8859-1")
    }

    /// The separator that occurs most often in the header line, outside quotes; `,` by default.
    static func detectSeparator(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "\n" || character == "\r\n" || character == "\r" { break }
            if !quoted, counts[character] != nil { counts[character]! += 1 }
        }
        let best = counts.max { a, b in a.value != b.value ? a.value < b.value : a.key != "," }!
        return best.value > 0 ? best.key : ","
    }
}

/// RFC 4180 with what spreadsheets really write: any line end, quoted cells holding separators,
/// quotes (`""`) and line breaks; a stray quote inside an unquoted cell is kept as text.
struct CSVParser {
    let scalars: [Unicode.Scalar]
    let separator: Unicode.Scalar
    let file: String

    init(text: String, separator: Character, file: String) {
        self.scalars = Array(text.unicodeScalars)
        self.separator = separator.unicodeScalars.first!
        self.file = file
    }

    /// Every record, its cells trimmed of surrounding spaces.
    mutating func records() -> Result<[[String]], Diagnostic> {
        var records: [[String]] = []
        var record: [String] = []
        var cell = String.UnicodeScalarView()
        var index = 0
        var quoteStart: (row: Int, column: Int)?
        func finishCell() {
            record.append(String(cell).trimmingCharacters(in: .whitespaces))
            cell = String.UnicodeScalarView()
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoteStart != nil {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoteStart = nil
                    }
                } else {
                    cell.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where String(cell).allSatisfy({ $0 == " " }):
                cell = String.UnicodeScalarView()
                quoteStart = (records.count + 1, record.count + 1)
            case separator:
                finishCell()
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                finishCell()
                records.append(record)
                record = []
            default:
                cell.append(scalar)
            }
        }
        if let start = quoteStart {
            return .failure(
                .error(
                    "csv-syntax", Message("csv-syntax.quote"),
                    at: SourceLocation(file: file, line: start.row, column: start.column),
                    hint: Message("csv-syntax.quote.hint")))
        }
        if !cell.isEmpty || !record.isEmpty {
            finishCell()
            records.append(record)
        }
        return .success(records)
    }
}
