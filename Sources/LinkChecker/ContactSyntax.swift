import Diagnostics

/// Checks the syntax of `mailto:` (RFC 6068) and `tel:` (RFC 3966) links, which no server can
/// check: a typo in them fails silently in the reader's mail or phone app.
enum ContactSyntax {
    /// Why `rest` (after `mailto:`) is not a list of e-mail addresses, or `nil` when it is.
    static func mailtoProblem(_ rest: String) -> Message? {
        let query = rest.firstIndex(of: "?")
        let addresses = query.map { rest[..<$0] } ?? rest[...]
        if addresses.isEmpty {
            let headers = query.map { rest[rest.index(after: $0)...].lowercased() } ?? ""
            return headers.hasPrefix("to=") || headers.contains("&to=") ? nil : Message("link-mailto.no-address")
        }
        guard let decoded = PercentDecoding.decode(addresses) else { return PercentDecoding.problem(addresses) }
        for address in decoded.split(separator: ",", omittingEmptySubsequences: false) {
            if let problem = addressProblem(address) { return problem }
        }
        return nil
    }

    /// Why `address` is not `local@domain.tld`, or `nil`.
    static func addressProblem(_ address: Substring) -> Message? {
        if address.isEmpty { return Message("link-mailto.empty") }
        if address.contains(where: { $0.isWhitespace }) {
            return Message("link-mailto.space", ["address": String(address)])
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count < 2
                ? Message("link-mailto.no-at", ["address": String(address)])
                : Message("link-mailto.several-at", ["address": String(address)])
        }
        if parts[0].isEmpty { return Message("link-mailto.no-name", ["address": String(address)]) }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return Message("link-mailto.domain-dot", ["domain": String(parts[1])]) }
        for label in labels {
            let valid =
                !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            if !valid { return Message("link-mailto.domain-host", ["domain": String(parts[1])]) }
        }
        return nil
    }

    /// Why `rest` (after `tel:`) is not a telephone number, or `nil`.
    ///
    /// A number is an optional `+`, then digits with the separators `-`, `.`, `(`, `)` and
    /// spaces (browsers accept them, RFC 3966 does not), then optional `;name=value` parameters.
    static func telProblem(_ rest: String) -> Message? {
        guard let decoded = PercentDecoding.decode(Substring(rest)) else {
            return PercentDecoding.problem(Substring(rest))
        }
        let number = decoded.prefix { $0 != ";" }
        let digits = number.dropFirst(number.first == "+" ? 1 : 0)
        if digits.isEmpty { return Message("link-tel.no-number") }
        if let bad = digits.first(where: { !($0.isASCII && $0.isNumber) && !"-.() ".contains($0) }) {
            return Message("link-tel.character", ["number": String(number), "character": String(bad)])
        }
        if digits.filter(\.isNumber).count < 3 { return Message("link-tel.few-digits", ["number": String(number)]) }
        return nil
    }
}
