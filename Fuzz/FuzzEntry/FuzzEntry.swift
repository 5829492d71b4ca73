import ContentModel
import Diagnostics
import Foundation
import FuzzDriver
import Loading
import SiteData
import Validation

/// Fuzz target (a): one content file, as any editor could write it, through every stage that
/// reads a file on its own: decoding, the front-matter splitter, YAML, validation against a
/// collection with every field type, reference resolution, a translation, `site.yaml` and the
/// text of the diagnostics. Any crash, hang or sanitizer report is a bug (docs/hardening.md).
///
/// `make fuzz` builds it with `-sanitize=fuzzer,address`; a plain build replays the files given.
@main
enum FuzzEntry {
    static func main() {
        exit(fuzz_driver_run(CommandLine.argc, CommandLine.unsafeArgv) { data, size in fuzzEntry(data, size) })
    }
}

/// libFuzzer's entry point: one input, the bytes of a content file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntry(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    EntryInput.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// The checks run on one input.
enum EntryInput {
    /// A model with every field type, a shared and an inline enum, references both ways and a
    /// list of records, so that the input meets every branch of the validator.
    static let modelText = """
        title: Fuzz
        base_url: https://example.org/
        language: es
        title_field: titulo
        enums:
          estado: {activo: {label: Activo, color: "#1d6b3a"}, cerrado: Cerrado}
        collections:
          notas:
            order_by: [orden]
            status: estado
            fields:
              titulo: {type: string, required: true}
              resumen: text
              orden: int
              monto: number
              avance: percent
              piloto: bool
              fecha: date
              web: url
              estado: {type: enum, values: estado}
              plazo: {type: enum, values: [corto, largo]}
              socio: {type: ref, to: socios}
              socios: {type: refs, to: socios}
              notas: {type: refs, to: notas}
              fuentes: {type: list, of: string}
              historial:
                type: list
                of: {fecha: {type: date, required: true}, estado: {type: enum, values: estado}, nota: string}
          socios:
            fields:
              titulo: {type: string, required: true}
        """

    static let model: SiteModel = {
        guard let model = ModelReader.read(modelText).0 else { fatalError("the fuzz model does not read") }
        return model
    }()

    static let otherFiles: [String: [UInt8]] = [
        "/site/content/site.yaml": Array(modelText.utf8),
        "/site/content/site.en.yaml": Array("title: Fuzz EN\n".utf8),
        "/site/content/socios/conquito.md": Array("---\ntitulo: ConQuito\n---\n".utf8),
        "/site/content/notas/otra.md": Array("---\ntitulo: Otra\nnotas: [fuzz]\nsocio: conquito\n---\n# Uno\n".utf8),
    ]

    static func check(_ bytes: [UInt8]) {
        guard case .success(let text) = TextDecoding.decode(bytes, path: "content/notas/fuzz.md") else { return }
        var diagnostics: [Diagnostic] = []
        for collection in model.collections {
            diagnostics +=
                EntryValidator(collection: collection).validate(
                    id: "fuzz", path: "content/\(collection.folder)/fuzz.md", text: text
                ).1
        }
        diagnostics += ModelReader.read(text).1
        diagnostics += ModelTranslation.apply(text, language: "en", to: model).1
        diagnostics += resolveSite(with: bytes)
        _ = DiagnosticReport(diagnostics, sources: ["content/notas/fuzz.md": text, "content/site.yaml": text])
            .formatted(.text)
    }

    /// The input as an entry and as its translation in a small site, resolved as a build does.
    static func resolveSite(with bytes: [UInt8]) -> [Diagnostic] {
        var files = otherFiles
        files["/site/content/notas/fuzz.md"] = bytes
        files["/site/content/notas/otra.en.md"] = bytes
        let tree = ContentLoader(root: "/site", fileSystem: .memory(files: files)).load()
        let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
        for entry in site.entries.values.joined() {
            _ = site.history(of: entry)
            _ = site.deepRollups(of: entry.key)
        }
        _ = site.contentDate
        for language in site.languages {
            _ = site.translated(to: language, model: model)
        }
        return diagnostics
    }
}
