/// Checks the syntax of `mailto:` (RFC 6068) and `tel:` (RFC 3966) links, which no server can
/// check: a typo in them fails silently in the reader's mail or phone app.
enum ContactSyntax {
    /// Why `rest` (after `mailto:`) is not a list of e-mail addresses, or `nil` when it is.
    static func mailtoProblem(_ rest: String) -> String? {
        let query = rest.firstIndex(of: "?")
        let addresses = query.map { rest[..<$0] } ?? rest[...]
        if addresses.isEmpty {
            let headers = query.map { rest[rest.index(after: $0)...].lowercased() } ?? ""
            return headers.hasPrefix("to=") || headers.contains("&to=") ? nil : "it has no address"
        }
        guard let decoded = PercentDecoding.decode(addresses) else { return PercentDecoding.problem(addresses) }
        for address in decoded.split(separator: ",", omittingEmptySubsequences: false) {
            if let problem = addressProblem(address) { return problem }
        }
        return nil
    }

    /// Why `address` is not `local@domain.tld`, or `nil`.
    static func addressProblem(_ address: Substring) -> String? {
        if address.isEmpty { return "an address between commas is empty" }
        if address.contains(where: { $0.isWhitespace }) { return "`\(address)` has a space" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            return parts.count < 2 ? "`\(address)` has no `@`" : "`\(address)` has more than one `@`"
        }
        if parts[0].isEmpty { return "`\(address)` has nothing before the `@`" }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return "the domain `\(parts[1])` has no `.`" }
        for label in labels {
            let valid =
                !label.isEmpty && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
            if !valid { return "the domain `\(parts[1])` is not a host name" }
        }
        return nil
    }

    /// Why `rest` (after `tel:`) is not a telephone number, or `nil`.
    ///
    /// A number is an optional `+`, then digits with the separators `-`, `.`, `(`, `)` and
    /// spaces (browsers accept them, RFC 3966 does not), then optional `;name=value` parameters.
    static func telProblem(_ rest: String) -> String? {
        guard let decoded = PercentDecoding.decode(Substring(rest)) else {
            return PercentDecoding.problem(Substring(rest))
        }
        let number = decoded.prefix { $0 != ";" }
        let digits = number.dropFirst(number.first == "+" ? 1 : 0)
        if digits.isEmpty { return "it has no number" }
        if let bad = digits.first(where: { !($0.isASCII && $0.isNumber) && !"-.() ".contains($0) }) {
            return "`\(number)` has `\(bad)`, which is not a digit or a separator"
        }
        if digits.filter(\.isNumber).count < 3 { return "`\(number)` has fewer than three digits" }
        return nil
    }
}
