import Foundation
import Testing

@testable import AvanceKit

/// The Quito site with one milestone and two of its actions, and RCN-Visa linked to both: the
/// milestone's page counts the project once and says why.
@Suite struct RollupPageTests {
    @Test func aProjectReachedThroughTwoActionsIsCountedOnceAndNamed() throws {
        let root = try Repository.copySite(name: "rollup")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let content = root + "/content"
        for folder in ["hitos", "acciones"] {
            try FileManager.default.createDirectory(atPath: content + "/" + folder, withIntermediateDirectories: true)
        }
        try "---\ntitulo: Hito de prueba\neje: ambiente-sostenible-y-robusto\norden: 1\n---\n".write(
            toFile: content + "/hitos/h01.md", atomically: true, encoding: .utf8)
        for id in ["a01", "a02"] {
            try "---\ntitulo: Acción \(id)\nhito: h01\nestado: en-marcha\ntipo: insignia\nplazo: corto\n---\n".write(
                toFile: content + "/acciones/\(id).md", atomically: true, encoding: .utf8)
        }
        let project = content + "/proyectos/rcn-visa.md"
        let text = try String(contentsOfFile: project, encoding: .utf8)
        try text.replacingOccurrences(of: "---\ntitulo:", with: "---\nacciones: [a01, a02]\ntitulo:")
            .write(toFile: project, atomically: true, encoding: .utf8)

        let result = Build.render(BuildOptions(root: root))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.map(\.message))")
        let file = try #require(result.files.first { $0.path == "hitos/h01/index.html" })
        let html = String(decoding: file.bytes, as: UTF8.self)
        #expect(html.contains("Se cuenta 1 proyecto que depende de esta entrada (hito estratégico)"))
        #expect(html.contains("Se cuentan 2 acciones que dependen de esta entrada (hito estratégico)"))
        #expect(html.contains("Se cuenta una sola vez, aunque llega a esta entrada por varios caminos"))
        #expect(html.contains("(2 enlaces)"))
        // The axis above counts the same project once too, through the milestone.
        let axis = try #require(result.files.first { $0.path == "ejes/ambiente-sostenible-y-robusto/index.html" })
        let axisHTML = String(decoding: axis.bytes, as: UTF8.self)
        #expect(axisHTML.contains("Se cuenta 1 proyecto que depende de esta entrada (eje)"))
    }
}
