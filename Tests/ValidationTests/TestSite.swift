import ContentModel
import Diagnostics
import Loading
import SiteData
import Validation

/// A small site held in memory: a model with every field type, and valid entries that broken
/// files can refer to.
enum TestSite {
    static let root = "/site"

    static let model = """
        title: Test site
        base_url: https://example.org/
        language: es
        title_field: titulo
        collections:
          ejes:
            fields:
              titulo: {type: string, required: true}
              orden: {type: int, required: true}
          hitos:
            status: estado
            fields:
              titulo: string
              eje: {type: ref, to: ejes, required: true}
              fecha: date
              web: url
              avance: percent
              peso: number
              activo: bool
              resumen: text
              estado: {type: enum, values: [en-marcha, suspendido]}
              socios: {type: refs, to: socios}
              etiquetas: {type: list, of: string}
              historial:
                type: list
                of:
                  fecha: {type: date, required: true}
                  estado: {type: enum, values: [en-marcha, suspendido]}
                  socio: {type: ref, to: socios}
                  nota: string
          socios:
            fields:
              titulo: string
        """

    static let validFiles: [String: String] = [
        "content/site.yaml": model,
        "content/ejes/e1.md": "---\ntitulo: Eje uno\norden: 1\n---\nTexto.\n",
        "content/socios/s1.md": "---\ntitulo: Socio uno\n---\n",
        "content/hitos/h01.md": """
        ---
        titulo: Hito uno
        eje: e1
        fecha: 2022-04
        web: https://example.org/h01
        avance: 40
        peso: 1.5
        activo: true
        estado: en-marcha
        socios: [s1]
        etiquetas: [a, b]
        historial:
          - fecha: 2022-04-01
            estado: en-marcha
            socio: s1
            nota: Inicio
        ---
        # Hito

        Cuerpo.
        """,
    ]

    /// Validates the valid files plus `extra` (path → text), returning the site and diagnostics.
    /// With `replacingModel`, `extra` is the whole site instead of additions to the valid one.
    static func validate(_ extra: [String: String] = [:], bytes: [String: [UInt8]] = [:], replacingModel: Bool = false)
        -> (Site?, [Diagnostic])
    {
        var files: [String: [UInt8]] = [:]
        for (path, text) in (replacingModel ? extra : validFiles.merging(extra, uniquingKeysWith: { $1 })) {
            files[root + "/" + path] = Array(text.utf8)
        }
        for (path, data) in bytes { files[root + "/" + path] = data }
        let tree = ContentLoader(root: root, fileSystem: .memory(files: files)).load()
        guard let modelFile = tree.files.first(where: { $0.path == ModelReader.path }) else {
            return (nil, tree.diagnostics)
        }
        let (model, modelDiagnostics) = ModelReader.read(modelFile.text)
        guard let model else { return (nil, tree.diagnostics + modelDiagnostics) }
        let (site, diagnostics) = SiteResolver.resolve(tree, model: model)
        return (site, (tree.diagnostics + modelDiagnostics + diagnostics).sorted())
    }
}
