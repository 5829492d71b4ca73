#if canImport(Glibc)
    import Glibc
#endif

extension PageWorker {
    /// `outcome(of:in:)` for the URLs pages are mostly made of (relative, root-relative, and this
    /// site's `http(s)` URLs, to files that exist), worked out on the URL's bytes without making a
    /// string of its path. `nil` for every other URL (another site, `%` or whitespace in the path,
    /// a file that is missing, a `..` above the root): those go the general way, which alone
    /// words problems, so a report never depends on which way a URL went.
    ///
    /// With `ids` (the page's own, all of them), a link to a fragment of the page itself whose
    /// bytes are one of them is `.fine` without a string made; any other fragment is given back
    /// to be checked as before.
    func quickOutcome(of url: UnsafeBufferPointer<UInt8>, in context: PageContext, ids: PageIds? = nil) -> Outcome? {
        switch quickResolve(url, in: context) {
        case nil: return nil
        case .fine: return .fine
        case .fragment(let found, let hash):
            if let ids, found == context.number {
                let raw = UnsafeBufferPointer(rebasing: url[(hash + 1)...])
                if !raw.contains(UInt8(ascii: "%")), raw.isEmpty || raw.elementsEqual("top".utf8) || ids.contains(raw) {
                    return .fine
                }
            }
            let target = self.folder.index.paths[found]
            let bytes = UnsafeBufferPointer(rebasing: url[(hash + 1)...])
            let raw = String(decoding: bytes, as: UTF8.self)
            let fragment = bytes.contains(UInt8(ascii: "%")) ? PercentDecoding.decode(Substring(raw)) ?? raw : raw
            return fragment.isEmpty || fragment == "top" ? .fine : .fragment(target: target, fragment: fragment)
        }
    }

    /// What `quickOutcome` finds, before any string is made.
    enum QuickResult: Equatable {
        /// The URL names a file of the folder, with nothing more to check.
        case fine
        /// The URL names the HTML file number `target` and has a fragment after the `#` at `hash`
        /// (perhaps empty, `top` or percent-encoded: `quickOutcome` tells).
        case fragment(target: Int, hash: Int)
    }

    /// `quickOutcome` on bytes: `nil` for a URL it leaves to the general way.
    func quickResolve(_ url: UnsafeBufferPointer<UInt8>, in context: PageContext) -> QuickResult? {
        guard context.external == nil, context.page.hostFolders == nil, let first = url.first else { return nil }
        // One pass: whitespace (trimmed or dropped the general way), the fragment, the query.
        var hash = url.count
        var query = -1
        for index in url.indices {
            let byte = url[index]
            // One test for the bytes of most URLs: above `#`, and not `?`.
            guard byte <= UInt8(ascii: "#") || byte == UInt8(ascii: "?") else { continue }
            if byte <= 0x20 { return nil }
            if byte == UInt8(ascii: "#"), hash == url.count {
                hash = index
            } else if byte == UInt8(ascii: "?"), query < 0, hash == url.count {
                query = index
            }
        }
        let pathEnd = query >= 0 ? query : hash
        let out = path
        out.removeAll()
        let folder: Bool?
        if first == Self.slash {
            if url.count > 1, url[1] == Self.slash { return nil }
            folder = rooted(url, 0..<pathEnd)
        } else if let colon = Self.schemeEnd(url) {
            guard let hostEnd = localHostEnd(url, colon: colon), contains(rooted: url, from: hostEnd, to: url.count)
            else { return nil }
            // `https://example.org` is the site's root only when the site is at the host's root.
            folder = hostEnd == pathEnd ? (sitePath.count == 1 ? true : nil) : rooted(url, hostEnd..<pathEnd)
        } else if pathEnd == 0 {
            out.append(context.fileBytes)
            folder = false
        } else {
            out.append(context.folderBytes)
            folder = Self.walk(url, 0..<pathEnd, into: out)
        }
        guard let folder, let found = find(folder: folder) else { return nil }
        guard hash + 1 < url.count, out.hasSuffix(".html") || out.hasSuffix(".htm") else { return .fine }
        return .fragment(target: found, hash: hash)
    }

    /// The number of the file the path in `path` is served from, as `SiteFolder.target(_:folder:)`
    /// finds it; `path` then holds that file's path.
    func find(folder isFolder: Bool) -> Int? {
        if !isFolder, let found = folder.index.number(of: path.bytes) { return found }
        if !path.isEmpty { path.append(Self.slash) }
        path.append(Self.indexFile)
        return folder.index.number(of: path.bytes)
    }

    static let indexFile = Array("index.html".utf8)

    /// `LinkResolver.rooted`: the path `url[range]` (starting with `/`) into `path`, from the
    /// site's root; `nil` when it is not under the site's path.
    func rooted(_ url: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool? {
        guard contains(rooted: url, from: range.lowerBound, to: range.upperBound) else { return nil }
        guard range.count > sitePath.count else { return true }
        return Self.walk(url, (range.lowerBound + sitePath.count)..<range.upperBound, into: path)
    }

    /// `SiteAddress.contains(rooted:)` on the bytes `url[start..<end]`.
    func contains(rooted url: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        let count = sitePath.count
        if count == 1 { return true }
        // `/sitio/…`, or `/sitio` alone or followed by `?` or `#`.
        guard end - start >= count - 1,
            sitePath.withUnsafeBufferPointer({ path in
                (0..<(count - 1)).allSatisfy { url[start + $0] == path[$0] }
            })
        else { return false }
        guard end - start > count - 1 else { return true }
        let next = url[start + count - 1]
        return next == Self.slash || next == UInt8(ascii: "?") || next == UInt8(ascii: "#")
    }

    /// Where the host ends in `http://host…` or `https://host…` (scheme in lowercase) when the
    /// host is the site's, in any case; `nil` for any other URL with a scheme.
    func localHostEnd(_ url: UnsafeBufferPointer<UInt8>, colon: Int) -> Int? {
        guard let host = siteHost, colon == 4 || colon == 5, url.count >= colon + 3,
            url[0] == UInt8(ascii: "h"), url[1] == UInt8(ascii: "t"), url[2] == UInt8(ascii: "t"),
            url[3] == UInt8(ascii: "p"), colon == 4 || url[4] == UInt8(ascii: "s"),
            url[colon + 1] == Self.slash, url[colon + 2] == Self.slash
        else { return nil }
        let start = colon + 3
        var end = start
        while end < url.count, url[end] != Self.slash, url[end] != UInt8(ascii: "?"), url[end] != UInt8(ascii: "#") {
            end += 1
        }
        guard end - start == host.count else { return nil }
        for offset in 0..<host.count {
            let byte = url[start + offset]
            guard byte < 0x80, (byte >= 65 && byte <= 90 ? byte + 32 : byte) == host[offset] else { return nil }
        }
        return end
    }

    /// `LinkResolver.walk` on bytes: applies the segments of `url[range]` to the folders in
    /// `out` (joined by `/`). The URL ends in a folder when its last segment is empty, `.` or
    /// `..`; `nil` for a `%` (decoded the general way) or a `..` above the root.
    static func walk(_ url: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: ByteBuffer) -> Bool? {
        guard let base = url.baseAddress, !range.isEmpty else { return true }
        if memchr(base + range.lowerBound, Int32(UInt8(ascii: "%")), range.count) != nil { return nil }
        var folder = false
        var start = range.lowerBound
        while true {
            let slashAt = memchr(base + start, Int32(slash), range.upperBound - start)
            let end = slashAt.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? range.upperBound
            folder = true
            switch end - start {
            case 0: break
            case 1 where url[start] == dot: break
            case 2 where url[start] == dot && url[start + 1] == dot:
                guard !out.isEmpty else { return nil }
                out.removeLastSegment()
            default:
                if !out.isEmpty { out.append(slash) }
                out.append(UnsafeBufferPointer(rebasing: url[start..<end]))
                folder = false
            }
            guard end < range.upperBound else { return folder }
            start = end + 1
        }
    }

    /// `LinkResolver.schemeEnd` on bytes: the index of the `:` that ends a scheme.
    static func schemeEnd(_ url: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = url.first, LinkResolver.isLetter(first) else { return nil }
        for index in 1..<url.count {
            let byte = url[index]
            if byte == UInt8(ascii: ":") { return index }
            let allowed =
                LinkResolver.isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if !allowed { return nil }
        }
        return nil
    }

    static let slash = UInt8(ascii: "/")
    static let dot = UInt8(ascii: ".")
}
