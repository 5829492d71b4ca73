/// Splits a cell that names several entries ("Visa, R-Cities y ConQuito") into names. Commas,
/// semicolons and line breaks always separate; " y ", " e ", " and " and " & " separate only where
/// that gives names the index knows, so "Secretaría General de Seguridad y Gobernabilidad" stays
/// one name.
enum NameSplitter {
    /// A piece of the cell between separators, and whether a word ("y") or a mark (",") ends it.
    struct Piece {
        var text: Substring
        var endsWithWord: Bool
    }

    static let words = [" y ", " e ", " and ", " & "]

    static func names(in text: String, index: ReferenceIndex) -> [String] {
        let pieces = split(text)
        guard !pieces.isEmpty else { return [] }
        // best[i]: the cheapest way to read pieces[i...] as names. A known name costs 1; an
        // unknown one costs 100 per piece, plus 1, so known names win and unknown pieces joined
        // by a word stay one name.
        var best: [(cost: Int, names: [String])] = Array(repeating: (0, []), count: pieces.count + 1)
        for start in stride(from: pieces.count - 1, through: 0, by: -1) {
            best[start] = (Int.max, [])
            var end = start
            while end < pieces.count {
                let name = join(pieces[start...end])
                let known = index.match(name) != .none
                let cost = (known ? 1 : 100 * (end - start + 1) + 1) + best[end + 1].cost
                if cost < best[start].cost { best[start] = (cost, [name] + best[end + 1].names) }
                if !pieces[end].endsWithWord { break }
                end += 1
            }
        }
        return best[0].names
    }

    static func join(_ pieces: ArraySlice<Piece>) -> String {
        String(pieces.first!.text.base[pieces.first!.text.startIndex..<pieces.last!.text.endIndex])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func split(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var start = text.startIndex
        var index = text.startIndex
        func close(at end: String.Index, word: Bool) {
            let piece = text[start..<end]
            if !piece.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                pieces.append(Piece(text: piece, endsWithWord: word))
            } else if word, !pieces.isEmpty {
                pieces[pieces.count - 1].endsWithWord = false
            }
        }
        while index < text.endIndex {
            let character = text[index]
            if character == "," || character == ";" || character.isNewline {
                close(at: index, word: false)
                index = text.index(after: index)
                start = index
                continue
            }
            if let word = words.first(where: { text[index...].lowercased().hasPrefix($0) }) {
                close(at: index, word: true)
                index = text.index(index, offsetBy: word.count - 1)
                start = index
                continue
            }
            index = text.index(after: index)
        }
        close(at: text.endIndex, word: false)
        return pieces
    }
}
