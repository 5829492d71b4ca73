import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// In the test site, `proyectos/huertos-comunitarios` names the axis `ambiente` and two of its
/// actions (`a01`, `a02`): the axis's page counts the project once and says why.
@Suite struct RollupPageTests {
    @Test func aProjectReachedThroughTwoActionsIsCountedOnceAndNamed() throws {
        let html = try #require(ValidSite.page("ejes/ambiente/index.html"))
        #expect(html.contains("Se cuentan 2 acciones que dependen de esta entrada (eje)"))
        // Huertos and Parque lineal; Huertos by three links (its axis and its two actions).
        #expect(html.contains("Se cuentan 2 proyectos que dependen de esta entrada (eje)"))
        #expect(html.contains("Se cuenta una sola vez, aunque llega a esta entrada por varios caminos"))
        #expect(html.contains("varios caminos: Huertos comunitarios en terrenos baldíos (3 enlaces)."))
        // The other axis: Red de ciclovías names it and its action `a03`; Alumbrado only names it.
        let mobility = try #require(ValidSite.page("ejes/movilidad/index.html"))
        #expect(mobility.contains("Se cuenta 1 acción que depende de esta entrada (eje)"))
        #expect(mobility.contains("Se cuentan 2 proyectos que dependen de esta entrada (eje)"))
        #expect(mobility.contains("varios caminos: Red de ciclovías entre barrios (2 enlaces)."))
    }
}
