/// Which element and attribute a URL was written in, such as `img srcset`.
public enum LinkSource: String, Sendable, Hashable, CaseIterable {
    case anchor = "a href"
    case area = "area href"
    case link = "link href"
    case image = "img src"
    case imageSrcset = "img srcset"
    case source = "source src"
    case sourceSrcset = "source srcset"
    case script = "script src"
    case iframe = "iframe src"
    case embed = "embed src"
    case video = "video src"
    case videoPoster = "video poster"
    case audio = "audio src"
    case track = "track src"
    case metaRefresh = "meta content"
    case base = "base href"

    /// The attribute that holds the URL, to point at it in the file.
    public var attribute: String {
        String(rawValue[rawValue.index(after: rawValue.firstIndex(of: " ")!)...])
    }

    /// The element, as written in HTML.
    public var element: String {
        String(rawValue[..<rawValue.firstIndex(of: " ")!])
    }
}
