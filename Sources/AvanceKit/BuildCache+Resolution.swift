import Diagnostics
import Foundation
import Loading
import SiteData
import Validation
import Writing

/// The last build's resolution (`Resolution`: which file is which entry, in what order, and
/// what the resolver reported), kept as `.avance/cache/resolution` and named in the manifest by
/// its hash: a build whose plan is an edit of bodies alone makes its site from it and the
/// stored entries (`SiteResolver.resolve(_:changed:…)`).
extension BuildCache {
    static let resolutionVersion = "avance-resolution 1"

    /// What the next build is given of the resolution: none, the last build's file as it is
    /// (the same resolution: its hash), or a new one's bytes.
    enum ResolutionFile {
        case none
        case kept(hash: String)
        case new([UInt8])
    }

    /// `resolution` as the bytes of its file; `salt`, the binary's hash (another binary's file
    /// is not read).
    static func resolutionBytes(_ resolution: Resolution, salt: String) -> [UInt8] {
        var writer = ArchiveWriter(capacity: 64 * resolution.order.values.reduce(0) { $0 + $1.count } + 4096)
        writer.string(resolutionVersion)
        writer.string(salt)
        writer.dictionary(resolution.order) { writer, paths in writer.array(paths) { $0.string($1) } }
        writer.diagnostics(resolution.diagnostics)
        writer.array(resolution.others) { $0.string($1) }
        return writer.bytes
    }

    /// The resolution the manifest names, when its file is there with that hash and was made by
    /// this binary (`salt`).
    func readResolution(_ manifest: Manifest, salt: String) -> Resolution? {
        guard manifest.resolution != "-", let bytes = FileSystem.contents(of: resolutionPath) else { return nil }
        guard Self.hash(bytes) == manifest.resolution else { return nil }
        return bytes.withUnsafeBytes { raw in
            try? { () throws(ArchiveReader.Damaged) -> Resolution in
                var reader = ArchiveReader(raw, to: raw.count)
                guard try reader.string() == Self.resolutionVersion, try reader.string() == salt else {
                    throw ArchiveReader.Damaged()
                }
                let order = try reader.dictionary { reader throws(ArchiveReader.Damaged) in
                    try reader.array { reader throws(ArchiveReader.Damaged) in try reader.string() }
                }
                let diagnostics = try reader.diagnostics()
                let others = try reader.array { reader throws(ArchiveReader.Damaged) in try reader.string() }
                guard reader.isAtEnd else { throw ArchiveReader.Damaged() }
                return Resolution(order: order, diagnostics: diagnostics, others: others)
            }()
        }
    }

    /// Writes the resolution's file for the manifest about to be written, and returns the hash
    /// the manifest names it by (`-`: none).
    func writeResolution(_ file: ResolutionFile) throws -> String {
        switch file {
        case .none:
            unlink(resolutionPath)
            return "-"
        case .kept(let hash):
            return hash
        case .new(let bytes):
            guard FileReplacement.write(bytes, to: resolutionPath) else { throw CocoaError(.fileWriteUnknown) }
            return Self.hash(bytes)
        }
    }
}
