import Diagnostics

/// How `TemplateParser` reads names, delimiters and settings, tells standalone lines, and
/// places errors.
extension TemplateParser {
    // MARK: Reading

    /// Text up to the end of the line (not consumed) or up to a tag (its opening delimiter
    /// consumed).
    mutating func readText(_ scope: Scope) -> (text: [UInt8], foundTag: Bool) {
        let start = position
        let first = scope.open[0]
        while position < bytes.count {
            let byte = bytes[position]
            if newlineLength(at: position) != nil { break }
            if byte == first, matches(scope.open, at: position) {
                let text = Array(bytes[start..<position])
                position += scope.open.count
                return (text, true)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), false)
    }

    mutating func readSpacesAndTabs() -> [UInt8] {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return Array(bytes[start..<position])
    }

    mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    /// A name and what it refers to: `{{ coverage.text }}`, `{{#empty(fields)}}`.
    mutating func readName(_ scope: Scope, tagStart: Int) throws(TemplateError) -> ([UInt8], Reference) {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let name = Array(bytes[start..<position])
        skipWhitespace()
        try expectClose(scope, tagStart: tagStart)
        return (name, try reference(name, tagStart: tagStart))
    }

    mutating func readPartialName(_ scope: Scope, tagStart: Int) throws(TemplateError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position]) || bytes[position] == UInt8(ascii: "/") {
            position += 1
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard !name.isEmpty else {
            throw error(
                Message("template-syntax.partial-name"), at: tagStart,
                hint: Message("template-syntax.partial-name.hint"))
        }
        try expectClose(scope, tagStart: tagStart)
        return name
    }

    mutating func expectClose(_ scope: Scope, tagStart: Int) throws(TemplateError) {
        guard matches(scope.close, at: position) else {
            guard position < bytes.count else { throw unfinished(at: tagStart, scope) }
            let character = String(decoding: bytes[position...].prefix(4), as: UTF8.self).prefix(1)
            throw error(
                Message("template-syntax.unexpected", ["character": String(character)]), at: position,
                hint: Message("template-syntax.unexpected.hint", ["close": written(scope.close)]))
        }
        position += scope.close.count
    }

    /// `{{=<% %>=}}`: new delimiters for the rest of the section.
    mutating func readDelimiters(_ scope: inout Scope, tagStart: Int) throws(TemplateError) {
        skipWhitespace()
        var start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
        let open = Array(bytes[start..<position])
        skipWhitespace()
        start = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]), bytes[position] != UInt8(ascii: "=") {
            position += 1
        }
        let close = Array(bytes[start..<position])
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
            matches(scope.close, at: position + 1)
        else {
            throw error(
                Message("template-syntax.delimiters"), at: tagStart, hint: Message("template-syntax.delimiters.hint"))
        }
        position += 1 + scope.close.count
        scope.open = open
        scope.close = close
        scope.parentTopLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`.
    mutating func readPragma(_ scope: Scope, tagStart: Int) throws(TemplateError) -> Node {
        let end = find(scope.close, from: position) ?? bytes.count
        let words = String(decoding: bytes[position..<end], as: UTF8.self).split(separator: ":").map {
            $0.trimmingSpaces
        }
        position = min(bytes.count, end + scope.close.count)
        guard end < bytes.count, words.count == 2, words[0] == "CONTENT_TYPE", ["HTML", "TEXT"].contains(words[1])
        else {
            throw error(
                Message("template-syntax.setting"), at: tagStart, hint: Message("template-syntax.setting.hint"))
        }
        return .escaping(words[1] == "HTML")
    }

    /// What `name` refers to; functions are checked here, so a misspelt one fails the theme
    /// rather than rendering nothing.
    func reference(_ name: [UInt8], tagStart: Int) throws(TemplateError) -> Reference {
        var rest = name[...]
        var calls: [String] = []
        while let open = rest.firstIndex(of: UInt8(ascii: "(")) {
            calls.append(String(decoding: rest[..<open], as: UTF8.self))
            rest = rest[(open + 1)...]
        }
        let closing = rest.reversed().prefix { $0 == UInt8(ascii: ")") }.count
        let argument = String(decoding: rest.dropLast(closing), as: UTF8.self)
        guard closing == calls.count, !argument.contains(")"), !calls.contains(where: \.isEmpty) else {
            throw error(
                Message("template-syntax.function-call", ["name": String(decoding: name, as: UTF8.self)]), at: tagStart,
                hint: Message("template-syntax.function-call.hint"))
        }
        var functions: [TemplateFunction] = []
        for call in calls.reversed() {
            guard let function = TemplateFunction(rawValue: call) else {
                let known = TemplateFunction.allCases.map(\.rawValue).codeList
                throw error(
                    Message("template-syntax.function-unknown", ["name": call]), at: tagStart,
                    hint: Message("template-syntax.function-unknown.hint", ["functions": known]))
            }
            functions.append(function)
        }
        let names = argument.split(separator: ".").map(String.init)
        let root: Reference.Root
        if argument == "." {
            root = .current
        } else if argument.isEmpty, !functions.isEmpty {
            root = .position
        } else if argument.hasPrefix(".") {
            root = .scoped
        } else {
            root = names.isEmpty ? .current : .stack
        }
        return Reference(root: root, names: names, functions: functions, offset: tagStart)
    }

    // MARK: Lines

    /// Whether the tag just read is alone on its line; if so the rest of the line, with its
    /// line ending, is consumed.
    mutating func isStandalone(_ scope: Scope) -> Bool {
        guard scope.newLine else { return false }
        var end = position
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        if end == bytes.count {
            position = end
            return true
        }
        guard let newline = newlineLength(at: end) else { return false }
        position = end + newline
        return true
    }

    /// The length of the line ending at `index` (`\n` or `\r\n`), if there is one.
    func newlineLength(at index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        if bytes[index] == 0x0A { return 1 }
        if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { return 2 }
        return nil
    }

    func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
        guard index + delimiter.count <= bytes.count else { return false }
        return bytes[index..<index + delimiter.count].elementsEqual(delimiter)
    }

    func find(_ delimiter: [UInt8], from index: Int) -> Int? {
        var index = index
        while index + delimiter.count <= bytes.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    // MARK: Errors

    /// Line and column (in characters) of a byte offset.
    func place(of offset: Int) -> (line: Int, column: Int) {
        Self.place(of: offset, in: bytes)
    }

    /// Line and column (in characters) of a byte offset of `bytes`.
    static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    func error(_ reason: Message, at offset: Int, hint: Message) -> TemplateError {
        let (line, column) = place(of: offset)
        return TemplateError(reason, line: line, column: column, hint: hint)
    }

    func unfinished(at offset: Int, _ scope: Scope) -> TemplateError {
        error(
            Message("template-syntax.unfinished"), at: offset,
            hint: Message("template-syntax.end-with.hint", ["close": written(scope.close)]))
    }

    func tag(_ name: [UInt8], _ scope: Scope) -> String {
        tag("/" + String(decoding: name, as: UTF8.self), scope)
    }
    func tag(_ inner: String, _ scope: Scope) -> String { written(scope.open) + inner + written(scope.close) }
    func written(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Letters, digits and `.-_?*()`, as swift-mustache reads names.
    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"),
            UInt8(ascii: "("), UInt8(ascii: ")"):
            true
        default: false
        }
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return text
    }
}
