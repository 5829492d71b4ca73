import ContentModel
import SiteData

/// Where each page lives in the output, and the relative URLs between pages.
///
/// Pages use pretty URLs (`proyectos/rcn-visa/`) and link to each other with relative URLs, so
/// the same output works at the root of a host, under a sub-path, and opened from disk.
public struct PagePaths: Sendable {
    let model: SiteModel
    /// The folder of a translation's pages (`en/`); empty for the site's own language.
    public let prefix: String
    /// The built-in pages and data files, in the words of these pages' language.
    public let data: DataPaths

    /// Creates the paths of a site, or of its translation under `prefix`, with the built-in
    /// pages of `data` (those of the model's language by default).
    public init(model: SiteModel, prefix: String = "", data: DataPaths? = nil) {
        self.model = model
        self.prefix = prefix
        self.data = data ?? DataPaths(model: model)
    }

    /// The open-data page of these pages' language: `datos/`, `en/data/`.
    public var dataPage: String { prefix + data.dataPage }
    /// The search page of these pages' language: `buscar/`, `en/search/`.
    public var searchPage: String { prefix + data.searchPage }
    /// The page of last changes of these pages' language: `actualizaciones/`, `en/updates/`.
    public var updatesPage: String { prefix + data.updatesPage }

    /// The index of reporting periods of these pages' language: `periodos/`, `en/periods/`.
    public var periodsPage: String { prefix + data.periodsPage }
    /// The page of a reporting period: `periodos/2022/`, `en/periods/2022/`.
    public func periodPage(_ id: String) -> String { prefix + data.periodPage(id) }

    /// The home page of the site's own language.
    public static let home = ""

    /// The home page of these pages' language.
    public var home: String { prefix }

    /// A page of these pages' language, such as `search-index.json` → `en/search-index.json`.
    public func localized(_ page: String) -> String {
        prefix + page
    }

    /// The index page of a collection, such as `proyectos/`.
    public func index(of collection: Collection) -> String {
        prefix + collection.folder + "/"
    }

    /// Page `number` (from 1) of the listing at `listing` (a collection's index or group page):
    /// the listing itself for the first, `proyectos/pagina/2/` for the others, in the word of
    /// these pages' language (`paths: page`).
    public func page(_ number: Int, of listing: String) -> String {
        number <= 1 ? listing : listing + data.words.page + "/" + String(number) + "/"
    }

    /// The folder of a collection's pages for its field `field`, such as `proyectos/estado/`:
    /// the values page of a group-by field (its groups' pages are inside), or the late list of
    /// the field of a planned end.
    public func folder(of collection: Collection, field: String) -> String {
        prefix + collection.folder + "/" + field + "/"
    }

    /// The page of an entry, such as `proyectos/rcn-visa/`.
    public func page(of key: EntryKey) -> String {
        prefix + (model.collection(key.collection)?.folder ?? key.collection) + "/" + key.id + "/"
    }

    /// The output file of a page path: `proyectos/rcn-visa/index.html`.
    public static func file(of page: String) -> String {
        page + "index.html"
    }

    /// The absolute URL of a page, from `base_url`.
    public func absolute(_ page: String) -> String {
        model.baseURL + page
    }

    /// The URL of `target` relative to the page `from` (both page paths, or files for `target`).
    /// Folders both paths share are skipped: `proyectos/fiem/` from `proyectos/rcn-visa/` is `../fiem/`.
    public static func relative(_ target: String, from page: String) -> String {
        // Paths are nearly always ASCII, where bytes and characters are the same: cut the bytes.
        if let url = asciiRelative(target, from: page) { return url }
        return relative(
            target: target.split(separator: "/"), from: page.split(separator: "/"),
            isFolder: target.isEmpty || target.hasSuffix("/"))
    }

    /// `relative(_:from:)` of two ASCII paths, walked byte by byte in place and written straight
    /// into the new string (every page's links call it: no array of parts, no joining); `nil`
    /// when either path is not ASCII.
    static func asciiRelative(_ target: String, from page: String) -> String? {
        var target = target
        var page = page
        return target.withUTF8 { target in
            page.withUTF8 { page -> String? in
                guard target.allSatisfy({ $0 < 0x80 }), page.allSatisfy({ $0 < 0x80 }) else { return nil }
                return asciiRelative(target, from: page)
            }
        }
    }

    private static func asciiRelative(_ target: UnsafeBufferPointer<UInt8>, from page: UnsafeBufferPointer<UInt8>)
        -> String
    {
        let slash = UInt8(ascii: "/")
        /// The next part (bytes between slashes) at or after `start`.
        func part(_ path: UnsafeBufferPointer<UInt8>, after start: Int) -> Range<Int>? {
            var lower = start
            while lower < path.count, path[lower] == slash { lower += 1 }
            guard lower < path.count else { return nil }
            var upper = lower
            while upper < path.count, path[upper] != slash { upper += 1 }
            return lower..<upper
        }
        func count(_ path: UnsafeBufferPointer<UInt8>) -> Int {
            var parts = 0
            var cursor = 0
            while let range = part(path, after: cursor) {
                parts += 1
                cursor = range.upperBound
            }
            return parts
        }
        let isFolder = target.isEmpty || target.last == slash
        let targetParts = count(target)
        let pageParts = count(page)
        let folders = isFolder ? targetParts : max(0, targetParts - 1)
        var common = 0
        var targetCursor = 0
        var pageCursor = 0
        while common < pageParts, common < folders, let ours = part(page, after: pageCursor),
            let theirs = part(target, after: targetCursor),
            page[ours].elementsEqual(target[theirs])
        {
            common += 1
            pageCursor = ours.upperBound
            targetCursor = theirs.upperBound
        }
        let ups = pageParts - common
        let capacity = 3 * ups + target.count + 2
        return String(unsafeUninitializedCapacity: capacity) { out in
            var length = 0
            func append(_ byte: UInt8) {
                out[length] = byte
                length += 1
            }
            for _ in 0..<ups {
                append(UInt8(ascii: "."))
                append(UInt8(ascii: "."))
                append(slash)
            }
            var first = true
            while let range = part(target, after: targetCursor) {
                if !first { append(slash) }
                first = false
                for index in range { append(target[index]) }
                targetCursor = range.upperBound
            }
            if isFolder, !first { append(slash) }
            if length == 0 {
                append(UInt8(ascii: "."))
                append(slash)
            }
            return length
        }
    }

    static func relative(target parts: [Substring], from: [Substring], isFolder: Bool) -> String {
        let folders = isFolder ? parts[...] : parts.dropLast()
        var common = 0
        while common < from.count, common < folders.count, from[common] == folders[folders.startIndex + common] {
            common += 1
        }
        let rest = parts.dropFirst(common).joined(separator: "/")
        let url = String(repeating: "../", count: from.count - common) + rest + (isFolder && !rest.isEmpty ? "/" : "")
        return url.isEmpty ? "./" : url
    }
}
