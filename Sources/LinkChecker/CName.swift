import CLibXML2

/// Compares libxml2's NUL-terminated names with Swift literals without making strings: the
/// parser calls back for every element of every page, so this is the hot path.
enum CName {
    /// The elements whose URLs are checked.
    enum Element {
        case anchor, area, link, image, source, script, iframe, embed, video, audio, track, metaRefresh, base
    }

    /// The element named `name` (libxml2 lowercases HTML names), or `nil` for all others.
    static func element(_ name: UnsafePointer<xmlChar>) -> Element? {
        switch name[0] {
        case UInt8(ascii: "a"):
            if name[1] == 0 { return .anchor }
            if equals(name, "area") { return .area }
            return equals(name, "audio") ? .audio : nil
        case UInt8(ascii: "b"): return equals(name, "base") ? .base : nil
        case UInt8(ascii: "e"): return equals(name, "embed") ? .embed : nil
        case UInt8(ascii: "i"):
            if equals(name, "img") { return .image }
            return equals(name, "iframe") ? .iframe : nil
        case UInt8(ascii: "l"): return equals(name, "link") ? .link : nil
        case UInt8(ascii: "m"): return equals(name, "meta") ? .metaRefresh : nil
        case UInt8(ascii: "s"):
            if equals(name, "script") { return .script }
            return equals(name, "source") ? .source : nil
        case UInt8(ascii: "t"): return equals(name, "track") ? .track : nil
        case UInt8(ascii: "v"): return equals(name, "video") ? .video : nil
        default: return nil
        }
    }

    /// True when the C string `name` is exactly `literal` (ASCII).
    static func equals(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count where name[index] != bytes[index] { return false }
        return name[count] == 0
    }

    /// True when the C string `name` is `literal` (lowercase ASCII) in any case.
    static func equalsIgnoringCase(_ name: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for index in 0..<count {
            let byte = name[index]
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lower != bytes[index] { return false }
        }
        return name[count] == 0
    }
}
