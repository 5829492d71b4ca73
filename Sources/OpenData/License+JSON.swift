import ContentModel
import JSON

extension License {
    /// `{name, path, title}`: a Frictionless Data Package licence (its `path` is the URL), also
    /// the shape of `license` in the API catalog and the JSON Feed extension.
    var json: JSONValue {
        ["name": .string(name), "path": .string(url), "title": .string(title)]
    }
}
