import Testing

@testable import Diagnostics

/// The one rule from diagnostics to an exit status.
@Suite struct ExitStatusTests {
    static func error(_ code: String) -> Diagnostic { .error(code, "") }

    /// Errors and warnings by code, and the status they give.
    @Test(
        arguments: [
            ([], [], 0),
            ([], ["ref-duplicate", "git-unavailable", "link-cache"], 0),
            (["ref-unknown"], [], 1),
            (["ref-unknown", "link-missing"], ["git-shallow"], 1),
            (["argument-collection-unknown"], [], 2),
            (["port-unavailable"], [], 2),
            // An environment error wins: the content errors beside it may not be all of them.
            (["ref-unknown", "theme-missing"], [], 2),
            (["yaml-syntax", "file-unreadable"], [], 2),
            // Under --strict a warning is an error, and counts by its code.
            (["git-unavailable"], [], 2),
            (["file-ignored"], [], 1),
        ] as [([String], [String], Int32)])
    func theStatusOfDiagnostics(errors: [String], warnings: [String], status: Int32) {
        let diagnostics = errors.map { Diagnostic.error($0, "") } + warnings.map { Diagnostic.warning($0, "") }
        #expect(diagnostics.exitStatus == status)
    }

    @Test func aCodeMeansOneThingWhateverTheCommand() {
        #expect(Diagnostic.causes["collection-unknown"] == .content)
        #expect(Diagnostic.causes["argument-collection-unknown"] == .usage)
        #expect(Diagnostic.causes["id-invalid"] == .content)
        #expect(Diagnostic.causes["argument-id-invalid"] == .usage)
        #expect(Diagnostic.causes["entry-exists"] == .content)
        #expect(Diagnostic.causes["argument-entry-exists"] == .usage)
    }

    @Test func eachClassHasItsStatus() {
        #expect(Diagnostic.Cause.allCases.map(\.exitStatus) == [1, 2, 2])
        #expect(Self.error("ref-unknown").cause == .content)
        #expect(Self.error("content-missing").cause == .environment)
    }

    /// What every command's result says: the rule over its diagnostics.
    @Test func aResultTakesItsExitCodeFromTheRule() {
        struct Result: DiagnosedResult { var diagnostics: [Diagnostic] }
        #expect(Result(diagnostics: []).exitCode == 0)
        #expect(Result(diagnostics: [Self.error("csv-syntax")]).exitCode == 1)
        #expect(Result(diagnostics: [Self.error("map-invalid"), Self.error("csv-syntax")]).exitCode == 2)
    }
}
