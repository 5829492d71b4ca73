extension PageWorker {
    /// `outcome(of:in:)` for the URLs pages are mostly made of (relative, root-relative, and this
    /// site's `http(s)` URLs, to files that exist), worked out on the URL's bytes without making a
    /// string of its path. `nil` for every other URL (another site, `%` or whitespace in the path,
    /// a file that is missing, a `..` above the root): those go the general way, which alone
    /// words problems, so a report never depends on which way a URL went.
    mutating func quickOutcome(of url: UnsafeBufferPointer<UInt8>, in context: PageContext) -> Outcome? {
        guard context.external == nil, let first = url.first, !url.contains(where: { $0 <= 0x20 }) else {
            return nil
        }
        let hash = url.firstIndex(of: UInt8(ascii: "#")) ?? url.count
        let pathEnd = url[..<hash].firstIndex(of: UInt8(ascii: "?")) ?? hash
        var out: [UInt8] = []
        swap(&out, &scratch)
        defer { swap(&out, &scratch) }
        out.removeAll(keepingCapacity: true)
        let folder: Bool?
        if first == Self.slash {
            if url.count > 1, url[1] == Self.slash { return nil }
            folder = rooted(url, 0..<pathEnd, into: &out)
        } else if let colon = Self.schemeEnd(url) {
            guard let hostEnd = localHostEnd(url, colon: colon), contains(rooted: url[hostEnd...]) else { return nil }
            // `https://example.org/sitio` and `https://example.org/sitio/` are the site's root.
            if hostEnd == pathEnd {
                folder = address.path.utf8.count == 1 ? true : nil
            } else {
                folder = rooted(url, hostEnd..<pathEnd, into: &out)
            }
        } else if pathEnd == 0 {
            out += context.page.file.utf8
            folder = false
        } else {
            out += context.folderBytes
            folder = Self.walk(url, 0..<pathEnd, into: &out)
        }
        guard let folder, let found = find(&out, folder: folder) else { return nil }
        guard hash + 1 < url.count, Self.isPage(out) else { return .fine }
        let bytes = UnsafeBufferPointer(rebasing: url[(hash + 1)...])
        let raw = String(decoding: bytes, as: UTF8.self)
        let fragment = bytes.contains(UInt8(ascii: "%")) ? PercentDecoding.decode(Substring(raw)) ?? raw : raw
        return fragment.isEmpty || fragment == "top" ? .fine : .fragment(target: found, fragment: fragment)
    }

    /// `needsCheck`'s test of the file found, on its path's bytes: `.html` and `.htm` have ids.
    static func isPage(_ path: [UInt8]) -> Bool {
        path.withUnsafeBufferPointer { path in
            let count = path.count
            if count >= 5, path[count - 5] == dot, path[count - 4] == UInt8(ascii: "h"),
                path[count - 3] == UInt8(ascii: "t"), path[count - 2] == UInt8(ascii: "m"),
                path[count - 1] == UInt8(ascii: "l")
            {
                return true
            }
            return count >= 4 && path[count - 4] == dot && path[count - 3] == UInt8(ascii: "h")
                && path[count - 2] == UInt8(ascii: "t") && path[count - 1] == UInt8(ascii: "m")
        }
    }

    /// The file a path in `out` is served from, as `SiteFolder.target(_:folder:)` finds it.
    func find(_ out: inout [UInt8], folder: Bool) -> String? {
        if !folder, let found = out.withUnsafeBufferPointer({ self.folder.index.find($0) }) { return found }
        if !out.isEmpty { out.append(Self.slash) }
        out += "index.html".utf8
        return out.withUnsafeBufferPointer { self.folder.index.find($0) }
    }

    /// `LinkResolver.rooted`: the path `url[range]` (starting with `/`) into `out`, from the
    /// site's root; `nil` when it is not under the site's path.
    func rooted(_ url: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) -> Bool? {
        guard contains(rooted: url[range]) else { return nil }
        let prefix = address.path.utf8.count
        guard range.count > prefix else { return true }
        return Self.walk(url, (range.lowerBound + prefix)..<range.upperBound, into: &out)
    }

    /// `SiteAddress.contains(rooted:)` on bytes.
    func contains(rooted part: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        let path = address.path.utf8
        if path.count == 1 || part.starts(with: path) { return true }
        let bare = path.dropLast()
        guard part.starts(with: bare) else { return false }
        let next = part.dropFirst(bare.count).first
        return next == nil || next == UInt8(ascii: "?") || next == UInt8(ascii: "#")
    }

    /// Where the host ends in `http://host…` or `https://host…` (scheme in lowercase) when the
    /// host is the site's, in any case; `nil` for any other URL with a scheme.
    func localHostEnd(_ url: UnsafeBufferPointer<UInt8>, colon: Int) -> Int? {
        guard let host = address.host, colon == 4 || colon == 5, url[colon...].starts(with: "://".utf8),
            url[..<colon].elementsEqual("https".utf8.prefix(colon)), colon == 4 || url[4] == UInt8(ascii: "s")
        else { return nil }
        let start = colon + 3
        var end = start
        while end < url.count, url[end] != Self.slash, url[end] != UInt8(ascii: "?"), url[end] != UInt8(ascii: "#") {
            end += 1
        }
        guard end - start == host.utf8.count,
            zip(url[start..<end], host.utf8).allSatisfy({ $0 < 0x80 && ($0 >= 65 && $0 <= 90 ? $0 + 32 : $0) == $1 })
        else { return nil }
        return end
    }

    /// `LinkResolver.walk` on bytes: applies the segments of `url[range]` to the folders in
    /// `out` (joined by `/`). The URL ends in a folder when its last segment is empty, `.` or
    /// `..`; `nil` for a `%` (decoded the general way) or a `..` above the root.
    static func walk(_ url: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into out: inout [UInt8]) -> Bool? {
        var folder = false
        var start = range.lowerBound
        var escaped = false
        for index in range.lowerBound...range.upperBound {
            let byte = index == range.upperBound ? slash : url[index]
            if byte == UInt8(ascii: "%") { escaped = true }
            guard byte == slash else { continue }
            folder = true
            switch index - start {
            case 0: break
            case 1 where url[start] == dot: break
            case 2 where url[start] == dot && url[start + 1] == dot:
                guard !out.isEmpty else { return nil }
                var end = out.count - 1
                while end > 0, out[end] != slash { end -= 1 }
                out.removeSubrange(end...)
            default:
                if escaped { return nil }
                if !out.isEmpty { out.append(slash) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: url[start..<index]))
                folder = false
            }
            start = index + 1
        }
        return folder
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
