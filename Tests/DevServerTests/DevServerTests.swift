import AvanceKit
import Diagnostics
import Foundation
import TestSupport
import Testing

@testable import DevServer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `avance serve` in process, on a free port, over a copy of the test site: what the browser
/// gets, live reload, a broken save and its fix, path traversal, and a clean stop.
@Suite(.serialized) struct DevServerTests {
    /// A copy of the test site (`Tests/Fixtures/valid-site`) and a server on it, started; the
    /// caller stops both.
    func start(
        _ name: String, prepare: (String) throws -> Void = { _ in },
        report: @escaping @Sendable (BuildEvent) -> Void = { _ in }, pollInterval: Duration = .milliseconds(40),
        configure: (inout DevServerOptions) -> Void = { _ in }
    ) async throws -> (DevServer, String, UInt16) {
        let root = try ValidSite.copy("serve-\(name)")
        try prepare(root)
        var options = DevServerOptions(root: root, port: 0)
        options.pollInterval = pollInterval
        configure(&options)
        let server = DevServer(options: options, report: report)
        _ = try await server.start()
        return (server, root, await server.port)
    }

    func get(_ path: String, port: UInt16) async throws -> (status: Int, body: String, type: String) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        var request = URLRequest(url: url)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (
            http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type") ?? ""
        )
    }

    /// Asks `path` until `condition` holds, for up to 15 seconds: a save is seen within a poll or two.
    func waitFor(
        _ path: String, port: UInt16, _ condition: @escaping ((status: Int, body: String, type: String)) -> Bool
    ) async throws -> (status: Int, body: String, type: String) {
        let deadline = ContinuousClock.now + .seconds(15)
        while true {
            let response = try await get(path, port: port)
            if condition(response) || ContinuousClock.now > deadline { return response }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test func pagesAreServedWithTheLiveReloadScript() async throws {
        let (server, root, port) = try await start("pages")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = try await get("/", port: port)
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("<script src=\"/__avance/live-reload.js\" data-generation=\""))
        let project = try await get("/proyectos/huertos-comunitarios/", port: port)
        #expect(project.body.contains("Huertos comunitarios en terrenos baldíos"))
        let script = try await get("/__avance/live-reload.js", port: port)
        #expect(script.type == "text/javascript; charset=utf-8")
        #expect(script.body.contains("new EventSource(\"/__avance/events\")"))
        let css = try await get("/css/site.css", port: port)
        #expect(css.status == 200)
        #expect(!css.body.contains("live-reload"))
        let missing = try await get("/proyectos/no-existe/", port: port)
        #expect(missing.status == 404)
        #expect(missing.body.contains("live-reload.js"))  // the site's own 404 page
        // The preview never writes the user's public/.
        #expect(!FileManager.default.fileExists(atPath: root + "/public"))
        await server.stop()
    }

    @Test func thePreviewHasThePublishedSitesReferenceDateAndSoItsPeriods() async throws {
        let (server, root, port) = try await start(
            "periods", configure: { $0.environment["SOURCE_DATE_EPOCH"] = String(ValidSite.referenceEpoch) })
        defer { try? FileManager.default.removeItem(atPath: root) }
        // As `avance build` publishes it: the 2023 period page, and the late project marked.
        let period = try await get("/periodos/2023/", port: port)
        #expect(period.status == 200)
        let index = try await get("/periodos/", port: port)
        #expect(index.body.contains("href=\"2023/\""), "\(index.body)")
        await server.stop()
    }

    @Test func aBrokenSaveShowsItsErrorsOverTheLastGoodSiteUntilFixed() async throws {
        let (server, root, port) = try await start("broken")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/content/proyectos/huertos-comunitarios.md"
        let good = try String(contentsOfFile: file, encoding: .utf8)
        let broken = good.replacingOccurrences(of: "estado: en-marcha\n", with: "estado: <script>alert(1)</script>\n")
        try broken.write(toFile: file, atomically: true, encoding: .utf8)

        let errors = try await waitFor("/__avance/errors", port: port) { $0.body.contains("enum-unknown") }
        #expect(errors.body.contains("error[enum-unknown]"))
        // The test site is in Spanish, and so is the panel.
        #expect(errors.body.contains("El último cambio guardado impide armar el sitio: 2 errores"))
        #expect(!errors.body.contains("The last save"))
        #expect(errors.body.contains("content/proyectos/huertos-comunitarios.md:3:9 (estado)"))
        #expect(!errors.body.contains("<script>alert(1)"))
        #expect(errors.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // Every page shows the errors, over the last good version of the site.
        let page = try await get("/proyectos/huertos-comunitarios/", port: port)
        #expect(page.status == 200)
        #expect(page.body.contains("id=\"avance-errors\""))
        #expect(page.body.contains("Huertos comunitarios en terrenos baldíos"))
        #expect(!page.body.contains("<script>alert(1)"))
        let other = try await get("/socios/municipio-de-ejemplo/", port: port)
        #expect(other.status == 200)
        #expect(other.body.contains("avance-errors"))

        try good.write(toFile: file, atomically: true, encoding: .utf8)
        let fixed = try await waitFor("/proyectos/huertos-comunitarios/", port: port) {
            !$0.body.contains("avance-errors")
        }
        #expect(!fixed.body.contains("avance-errors"))
        #expect(fixed.body.contains("Huertos comunitarios en terrenos baldíos"))
        #expect(try await get("/__avance/errors", port: port).body.contains("no tiene errores"))
        await server.stop()
    }

    @Test func aSiteThatNeverBuiltShowsTheErrorPage() async throws {
        let events = Events()
        let (server, root, port) = try await start(
            "never",
            prepare: { root in
                try "---\ntitulo: [sin cerrar\n---\n".write(
                    toFile: root + "/content/socios/roto.md", atomically: true, encoding: .utf8)
            }, report: events.add)
        // The first build failed with no good site before it: the terminal must not speak of one.
        #expect(events.all.map(\.failed) == [true])
        #expect(events.all.map(\.hasGoodSite) == [false])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let page = try await get("/", port: port)
        #expect(page.status == 500)
        #expect(page.body.contains("error[yaml-syntax]"))
        #expect(page.body.contains("content/socios/roto.md:2:"))
        try FileManager.default.removeItem(atPath: root + "/content/socios/roto.md")
        let fixed = try await waitFor("/", port: port) { $0.status == 200 }
        #expect(fixed.status == 200)
        #expect(events.all.last.map { !$0.failed && $0.hasGoodSite } == true)
        await server.stop()
    }

    /// No `content/`, no `theme/`, no `site.yaml`: nothing to serve, so `start` refuses with
    /// what `avance build` says, and stops listening.
    @Test(arguments: [("no-root", "content-missing"), ("no-theme", "theme-missing"), ("no-model", "model-missing")])
    func aMissingSiteIsRefused(case name: String, code: String) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avance-serve-\(name)-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        if name != "no-root" {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: ValidSite.root + "/content", toPath: root + "/content")
        }
        if name == "no-model" {
            try FileManager.default.copyItem(atPath: Repository.root + "/theme", toPath: root + "/theme")
            try FileManager.default.removeItem(atPath: root + "/content/site.yaml")
        }
        let events = Events()
        let server = DevServer(options: DevServerOptions(root: root, port: 0), report: events.add)
        do {
            _ = try await server.start()
            Issue.record("serve started on a missing site")
        } catch let unavailable as SiteUnavailable {
            #expect(unavailable.diagnostics.contains { $0.code == code && $0.severity == .error })
        }
        #expect(events.all.isEmpty)
        #expect(RawHTTP(port: await server.port) == nil)
    }

    /// A save of a body only is taken into the last build (`Build.updateBodies`, its log says
    /// "update"), and its page shows the edit; so is a save of a field (`Build.updateEntries`),
    /// made as `sed -i` makes it, through a temporary file that is gone by the build; a save of
    /// the model is a whole build.
    @Test func aSavedBodyOrFieldIsTakenIntoTheLastBuildAndTheModelIsNot() async throws {
        // The test says what changed; the watcher's own builds would race it.
        let (server, root, port) = try await start("body", configure: { $0.watches = false })
        defer { try? FileManager.default.removeItem(atPath: root) }
        let path = "content/acciones/a01.md"
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        try (text + "\nUna línea guardada en el cuerpo.\n").write(
            toFile: root + "/" + path, atomically: true, encoding: .utf8)
        let body = await server.rebuild(changed: [path])
        #expect(body.log.first?.hasPrefix("update: 1 edited bodies") == true, "\(body.log)")
        #expect(try await get("/acciones/a01/", port: port).body.contains("Una línea guardada en el cuerpo."))

        let temporary = "content/acciones/sedX1b2c3"
        try text.replacingOccurrences(of: "titulo: ", with: "titulo: Otro, ").write(
            toFile: root + "/" + temporary, atomically: false, encoding: .utf8)
        #expect(rename(root + "/" + temporary, root + "/" + path) == 0)
        let field = await server.rebuild(changed: [path, temporary])
        #expect(field.log.first?.hasPrefix("update: 1 edited entries") == true, "\(field.log)")
        // A second word of the same save (as a watcher's, after the build asked for it) is no
        // edit: the last build stands.
        let again = await server.rebuild(changed: [path])
        #expect(again.log.isEmpty, "\(again.log)")
        let page = try await get("/acciones/a01/", port: port).body
        #expect(page.contains("Otro, ") && !page.contains("Una línea guardada"))
        // The listing shows the new title too.
        #expect(try await get("/acciones/", port: port).body.contains("Otro, "))
        // A save of a file made and gone again changes nothing: the last build stands.
        let nothing = await server.rebuild(changed: ["content/acciones/sedY4d5e6"])
        #expect(nothing.log.isEmpty, "\(nothing.log)")
        #expect(try await get("/acciones/a01/", port: port).body.contains("Otro, "))

        let model = try String(contentsOfFile: root + "/content/site.yaml", encoding: .utf8)
        try (model + "\n# un comentario\n").write(
            toFile: root + "/content/site.yaml", atomically: true, encoding: .utf8)
        let whole = await server.rebuild(changed: ["content/site.yaml"])
        #expect(whole.log.first?.hasPrefix("load:") == true, "\(whole.log)")
        await server.stop()
    }

    @Test func theEventStreamAnnouncesEveryBuildAndEndsOnStop() async throws {
        let (server, root, port) = try await start("events")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let client = try #require(RawHTTP(port: port))
        client.send("GET /__avance/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var text = ""
        #expect(client.receive(until: "\n\n", already: &text))
        #expect(text.contains("Content-Type: text/event-stream"))
        #expect(client.receive(until: "data: ", already: &text) && client.receive(until: "-1\n\n", already: &text))
        await server.rebuild()
        #expect(client.receive(until: "-2\n\n", already: &text))
        #expect(text.contains("event: build\ndata: "))

        let started = ContinuousClock.now
        await server.stop()
        #expect(ContinuousClock.now - started < .seconds(5))
        // The stream ends, and nothing listens on the port any more.
        #expect(client.receive(until: "0\r\n\r\n", already: &text) || client.receive() == "")
        #expect(RawHTTP(port: port) == nil)
    }

    /// What the issue asks of a new user: edit a file in an editor, see the page update. The
    /// server runs as `avance serve` does (default options: Linux's inotify watcher, 30 ms to
    /// settle); a page's event stream is open; one project is saved with a new title. The new
    /// build must be announced within 5 seconds (the requirement is a second; the bound is wide
    /// for a loaded machine), and the page must show the edit. Measured here on 2 busy cores,
    /// debug build, Quito site: 101–121 ms from the save to the event (the test prints it).
    @Test func aSaveIsAnnouncedOnTheEventStreamAndThePageShowsIt() async throws {
        let defaults = DevServerOptions(root: "/")
        let (server, root, port) = try await start("save", pollInterval: defaults.pollInterval)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let client = try #require(RawHTTP(port: port))
        client.send("GET /__avance/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        var text = ""
        #expect(client.receive(until: "-1\n\n", already: &text), "the stream opens with the first build")

        let file = root + "/content/proyectos/huertos-comunitarios.md"
        let original = try String(contentsOfFile: file, encoding: .utf8)
        let edited = original.replacingOccurrences(
            of: "titulo: Huertos comunitarios en terrenos baldíos",
            with: "titulo: Huertos comunitarios en terrenos baldíos, editado")
        try #require(edited != original)
        let saved = ContinuousClock.now
        try edited.write(toFile: file, atomically: true, encoding: .utf8)  // as editors save: a rename
        let announced = client.receive(until: "-2\n\n", already: &text)
        let latency = ContinuousClock.now - saved
        let milliseconds = latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000
        print("save → reload event: \(milliseconds) ms")
        #expect(announced)
        #expect(text.contains("event: build\ndata: "))
        #expect(latency < .seconds(5))

        let page = try await get("/proyectos/huertos-comunitarios/", port: port)
        #expect(page.status == 200)
        #expect(page.body.contains("Huertos comunitarios en terrenos baldíos, editado"))
        await server.stop()
        #expect(client.receive(until: "0\r\n\r\n", already: &text) || client.receive() == "")
    }

    /// Stopping waits for responses being sent, one second at most, and for nothing else: with
    /// a page's connection left open (idle, kept alive) and an event stream open, the stop does
    /// not wait out that second (it used to, always: 1,008 ms). Measured: 1–2 ms in process;
    /// 7–20 ms from SIGINT or SIGTERM to the command's exit.
    @Test func stoppingAnIdleServerIsPrompt() async throws {
        let (server, root, port) = try await start("prompt")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let keptAlive = try #require(RawHTTP(port: port))
        keptAlive.send("GET /css/site.css HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        // The whole response is read, so what the connection gives after the stop is only its end.
        let page = try #require(keptAlive.receiveResponse())
        #expect(RawHTTP.status(of: page.head) == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains("--"))
        let stream = try #require(RawHTTP(port: port))
        stream.send("GET /__avance/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var events = ""
        #expect(stream.receive(until: "-1\n\n", already: &events))
        #expect(server.activity.count == 1)  // the stream; the page is sent

        let started = ContinuousClock.now
        await server.stop()
        let elapsed = ContinuousClock.now - started
        print("stop with an idle connection and an event stream open: \(elapsed)")
        #expect(elapsed < .milliseconds(900), "stop waited out the one-second timeout")
        // The stream ended cleanly (the last chunk of a chunked body), and both connections closed.
        #expect(stream.receive(until: "0\r\n\r\n", already: &events))
        #expect(stream.receive() == "")
        #expect(keptAlive.receive() == "")
        #expect(server.activity.count == 0)
    }

    @Test func pathsThatLeaveTheSiteAreRefused() async throws {
        let (server, root, port) = try await start("traversal")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for target in [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/proyectos/..%2f..%2f..%2fetc%2fpasswd",
            "/css/%2e%2e/%2e%2e/content/site.yaml", "/..\\..\\etc\\passwd",
        ] {
            let response = try #require(RawHTTP.get(target, port: port))
            #expect(response.status == 403, "\(target)")
            #expect(!response.text.contains("root:"))
        }
        for target in ["//etc/passwd", "/etc/passwd", "/content/site.yaml", "/theme/templates/base.mustache"] {
            let response = try #require(RawHTTP.get(target, port: port))
            #expect(response.status == 404, "\(target)")
            #expect(!response.text.contains("root:"))
            #expect(!response.text.contains("collections:"))
        }
        let redirect = try #require(RawHTTP.get("/proyectos/huertos-comunitarios", port: port))
        #expect(redirect.status == 301)
        #expect(redirect.text.contains("Location: /proyectos/huertos-comunitarios/"))
        let post = try #require(RawHTTP.get("/", port: port, method: "POST"))
        #expect(post.status == 405)
        await server.stop()
    }

    @Test func aSymlinkOutOfTheThemeIsNeverServed() async throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("avance-secret-\(UUID()).txt").path
        try "top secret".write(toFile: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: secret) }
        let (server, root, port) = try await start("symlink") { root in
            try FileManager.default.createSymbolicLink(
                atPath: root + "/theme/static/secret.txt", withDestinationPath: secret)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }
        let response = try #require(RawHTTP.get("/secret.txt", port: port))
        #expect(response.status != 200)
        #expect(!response.text.contains("top secret"))
        #expect(response.text.contains("symlink-outside"))
        await server.stop()
    }

    @Test func aPortInUseIsReported() async throws {
        let (server, root, port) = try await start("busy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let second = DevServer(options: DevServerOptions(root: root, port: port))
        do {
            _ = try await second.start()
            Issue.record("a second server started on a busy port")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.code == "port-unavailable")
            #expect(diagnostic.message.hasPrefix("cannot listen on 127.0.0.1:\(port)"))
            #expect(
                diagnostic.hint == "another program (another `avance serve`?) may be using it: try --port \(port + 1)")
        }
        await second.stop()
        #expect(try await get("/", port: port).status == 200)
        await server.stop()
    }
}

/// The build events a server reported, in order.
final class Events: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [BuildEvent] = []

    func add(_ event: BuildEvent) {
        lock.withLock { events.append(event) }
    }

    var all: [BuildEvent] { lock.withLock { events } }
}
