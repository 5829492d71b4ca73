import Diagnostics

/// A YAML value with the line and column where it starts in its file, so that every later
/// diagnostic can point at the value it is about.
public struct YAMLNode: Sendable, Hashable {
    /// The shape of a value. Scalars stay text: the content model decides what they mean.
    public enum Value: Sendable, Hashable {
        /// A scalar; `plain` is false for quoted and block scalars, which are never null.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        /// Keys in the order written.
        case mapping([(key: YAMLNode, value: YAMLNode)])

        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.scalar(let a, let pa), .scalar(let b, let pb)): a == b && pa == pb
            case (.sequence(let a), .sequence(let b)): a == b
            case (.mapping(let a), .mapping(let b)):
                a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
            default: false
            }
        }

        public func hash(into hasher: inout Hasher) {
            switch self {
            case .scalar(let text, let plain):
                hasher.combine(text)
                hasher.combine(plain)
            case .sequence(let items): hasher.combine(items)
            case .mapping(let pairs):
                for pair in pairs {
                    hasher.combine(pair.key)
                    hasher.combine(pair.value)
                }
            }
        }
    }

    public var value: Value
    /// 1-based line in the file (not in the YAML text).
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a node.
    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    /// The text of a scalar, or `nil` for sequences and mappings.
    public var scalar: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// True for an empty plain scalar, `~` or `null`: YAML's ways of writing nothing.
    public var isNull: Bool {
        guard case .scalar(let text, let plain) = value, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// The pairs of a mapping, or `nil`.
    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    /// The items of a sequence, or `nil`.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    /// The value under `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar == key }?.value
    }

    /// What kind of value this is, in words, for messages: "a list", "a mapping", "text".
    /// What kind of value the node is, as a sentence of the message catalogs (`kind.list`).
    public var kind: Message {
        switch value {
        case .scalar: Message(isNull ? "kind.nothing" : "kind.single")
        case .sequence: Message("kind.list")
        case .mapping: Message("kind.group")
        }
    }

    /// What kind of value the node is, in English.
    public var kindDescription: String {
        switch value {
        case .scalar: isNull ? "nothing" : "a single value"
        case .sequence: "a list"
        case .mapping: "a group of fields"
        }
    }

    /// How many characters the value spans on its first line, for underlining it.
    public var width: Int {
        switch value {
        case .scalar(let text, let plain):
            let first = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
            return max(1, first.unicodeScalars.count + (plain ? 0 : 2))
        default: return 1
        }
    }
}
