import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import AvanceKit

/// Errors that lead to the right fix, on a copy of the Quito site (`Tests/Fixtures/import/quito-site`)
/// with the mistakes staff make: one file that cannot be read is one error, not one per link to
/// it; a status that is another status is not guessed; a date in words gets the value to write.
@Suite struct FixHintTests {
    static let quito = Repository.fixtures + "/import/quito-site"

    /// A copy of the Quito site with `change` applied to the text of `file`; the caller removes it.
    static func quitoCopy(_ name: String, file: String, _ change: (String) -> String) throws -> String {
        let copy = try Repository.copySite(from: quito, name: name)
        let path = copy + "/" + file
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the change did not apply to \(file)")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path))
        return copy
    }

    static func errors(_ root: String) -> [Diagnostic] {
        Build.render(BuildOptions(root: root)).diagnostics.filter { $0.severity == .error }
    }

    /// A history note with an unquoted colon in `rcn-visa.md`, which 14 other files link to (8 to
    /// the page, 7 to its headings): one `yaml-syntax` error at the colon, and none of the 15
    /// `link-broken` errors whose hints would have "fixed" good links elsewhere.
    @Test func aFileThatCannotBeReadIsOneErrorNotOnePerLinkToIt() throws {
        let root = try Self.quitoCopy("colon", file: "content/proyectos/rcn-visa.md") {
            $0.replacingOccurrences(
                of: "fuentes:\n",
                with: "  - fecha: 2022-06\n    estado: en-marcha\n    nota: Motivo: el socio se retiró.\nfuentes:\n")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let errors = Self.errors(root)
        #expect(errors.map(\.code) == ["yaml-syntax"], "\(DiagnosticReport(errors).formatted(.text))")
        #expect(errors.first?.location?.description == "content/proyectos/rcn-visa.md:28:17")
    }

    /// References to an unreadable entry's id, and links to its headings, are not errors of the
    /// files that hold them; a link to a file that does not exist still is.
    @Test func referencesAndAnchorsToAnUnreadableEntryAreNotReportedAgain() throws {
        let root = try Self.quitoCopy("unreadable-refs", file: "content/socios/visa.md") {
            $0.replacingOccurrences(of: "titulo: ", with: "titulo: \"")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Repository.write(
            [
                "content/socios/nuevo.md":
                    "---\ntitulo: Nuevo\n---\nVer [Visa](visa.md#no-existe) y [otro](no-existe.md).\n"
            ], into: root)
        let errors = Self.errors(root)
        #expect(
            errors.map { "\($0.code) \($0.location?.file ?? "")" } == [
                "link-broken content/socios/nuevo.md", "yaml-syntax content/socios/visa.md",
            ], "\(DiagnosticReport(errors).formatted(.text))")
    }

    /// "Paralizado" is not `finalizado` (three letters apart, another fact): no guess, the allowed
    /// values with their labels. "En Marcha" is `en-marcha` spelt another way.
    @Test(
        arguments: [
            ("Paralizado", nil),
            ("En Marcha", "en-marcha"),
            ("EN_MARCHA", "en-marcha"),
            ("no iniciado", "no-iniciado"),
            ("finalisado", "finalizado"),
            ("Suspendída", "suspendido"),
        ] as [(String, String?)])
    func aStatusIsGuessedOnlyWhenItIsTheSameValueSpeltAnotherWay(status: String, expected: String?) throws {
        let root = try Self.quitoCopy("status", file: "content/proyectos/rcn-visa.md") {
            $0.replacingOccurrences(of: "estado: en-marcha\nejecutor", with: "estado: \(status)\nejecutor")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = try #require(Self.errors(root).first)
        #expect(error.code == "enum-unknown")
        let hint = try #require(error.hint)
        if let expected {
            #expect(hint.hasPrefix("did you mean `\(expected)`?"), "\(hint)")
        } else {
            #expect(!hint.contains("did you mean"), "\(hint)")
            #expect(
                hint == "allowed: `no-iniciado` (No iniciado), `en-marcha` (En marcha), `suspendido` (Suspendido), "
                    + "`finalizado` (Finalizado)")
        }
    }

    /// A date written in words or numbers gets the exact value to write, with the month names of
    /// the site's language (Spanish here, from `theme/i18n/es.yaml`).
    @Test(
        arguments: [
            ("septiembre 2022", "2022-09"),
            ("Septiembre de 2022", "2022-09"),
            ("sept. 2022", "2022-09"),
            ("15 de septiembre de 2022", "2022-09-15"),
            ("09/2022", "2022-09"),
            ("2022/09", "2022-09"),
            ("30/04/2022", "2022-04-30"),
            ("2022-9", "2022-09"),
        ])
    func aDateWrittenAnotherWayGetsTheValueToWrite(date: String, expected: String) throws {
        let root = try Self.quitoCopy("date", file: "content/proyectos/rcn-visa.md") {
            $0.replacingOccurrences(of: "  - fecha: 2022-04\n", with: "  - fecha: \(date)\n")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = try #require(Self.errors(root).first)
        #expect(error.code == "date-invalid")
        #expect(error.hint?.hasPrefix("write `\(expected)`:") == true, "\(error.hint ?? "no hint")")
    }

    /// No guess when there is no one reading: a day and month that could be either, a month name
    /// of another language, a date that does not exist.
    @Test(arguments: ["04/05/2022", "September 2022", "2022-02-30", "pronto"])
    func aDateWithMoreThanOneReadingOrNoneGetsNoGuess(date: String) throws {
        let root = try Self.quitoCopy("date-none", file: "content/proyectos/rcn-visa.md") {
            $0.replacingOccurrences(of: "  - fecha: 2022-04\n", with: "  - fecha: \(date)\n")
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let error = try #require(Self.errors(root).first)
        #expect(error.code == "date-invalid")
        #expect(error.hint == "write dates as YYYY-MM-DD, or YYYY-MM when only the month is known")
    }
}
