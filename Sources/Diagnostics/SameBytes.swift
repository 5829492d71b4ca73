#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension String {
    /// True when `self` and `other` are the same code points, byte for byte. Swift's `==` takes
    /// `ó` written as one code point (NFC) and as `o` plus a combining accent (NFD) for the same
    /// string; a browser (ids), a server (file names) and a cache of what a file said do not.
    ///
    /// Native strings are contiguous UTF-8, compared with one `memcmp`: `utf8.elementsEqual` goes
    /// byte by byte through the UTF-8 view, and was a quarter of `avance serve`'s rebuild at
    /// N = 10,000, comparing every file's text with the cached one.
    public func hasSameBytes(as other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        let compared = utf8.withContiguousStorageIfAvailable { mine in
            other.utf8.withContiguousStorageIfAvailable { theirs in
                mine.isEmpty || memcmp(mine.baseAddress!, theirs.baseAddress!, mine.count) == 0
            }
        }
        return (compared ?? nil) ?? utf8.elementsEqual(other.utf8)
    }
}
