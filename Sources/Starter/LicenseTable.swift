import ContentModel
import FrontMatter

/// The licences `avance init --license ID` knows, read from `starter/licenses.yaml`: SPDX ids
/// with their full names and canonical URLs. Data, not code: adding one is a line of YAML.
public struct LicenseTable: Sendable {
    /// The path of the table among the embedded files.
    public static let path = "starter/licenses.yaml"

    /// The licences, in the table's order.
    public var licenses: [License]

    /// The table carried inside the binary.
    public static let embedded: LicenseTable = {
        let bytes = StarterFiles.all.first { $0.path == path }?.bytes ?? []
        return LicenseTable(yaml: String(decoding: bytes, as: UTF8.self))
    }()

    /// Reads `id: {title, url}` lines; entries without a URL are left out.
    public init(yaml: String) {
        guard case .success(let root?) = YAMLReader.parse(yaml, file: Self.path), let pairs = root.mapping else {
            licenses = []
            return
        }
        licenses = pairs.compactMap { key, value in
            guard let name = key.scalar, let url = value["url"]?.scalar else { return nil }
            return License(name: name, url: url, title: value["title"]?.scalar)
        }
    }

    /// The licence whose id is `name`, in any case (`cc-by-4.0` finds `CC-BY-4.0`).
    public func license(named name: String) -> License? {
        licenses.first { $0.name.lowercased() == name.lowercased() }
    }
}
