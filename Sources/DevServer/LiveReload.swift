import Foundation
import SiteLayout

/// The script served pages get in serve mode only: it listens to the server's build events
/// (Server-Sent Events) and reloads the page when a build newer than the page's has finished.
/// The page carries the build it came from, so a build that ends while the page loads is not
/// missed, and a restarted server (another session id) reloads every open page.
enum LiveReload {
    /// Where the script and the event stream are served; not a path any site can have, since
    /// collection folders and ids are lowercase letters, digits and hyphens.
    static let scriptPath = "/__avance/live-reload.js"
    static let eventsPath = "/__avance/events"
    static let errorsPath = "/__avance/errors"

    static let script = """
        // avance serve: reloads this page after every build. Not part of the published site.
        (function () {
          var generation = document.currentScript && document.currentScript.getAttribute("data-generation");
          // The panel of errors, once folded, stays folded across reloads while its errors are the same.
          var panel = document.getElementById("avance-errors");
          var fold = panel && panel.querySelector("details");
          if (fold && panel.style.position === "sticky") {
            var errors = panel.getAttribute("data-errors");
            try {
              if (window.sessionStorage.getItem("avance-folded") === errors) { fold.open = false; }
              fold.addEventListener("toggle", function () {
                if (fold.open) { window.sessionStorage.removeItem("avance-folded"); }
                else { window.sessionStorage.setItem("avance-folded", errors); }
              });
            } catch (error) {}
          }
          if (!window.EventSource) { return; }
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("build", function (event) {
            if (event.data !== generation) { events.close(); window.location.reload(); }
          });
        })();

        """

    /// The `<script>` tag for a page of build `generation`.
    static func tag(generation: String) -> String {
        "<script src=\"\(scriptPath)\" data-generation=\"\(XMLText.escape(generation))\"></script>"
    }

    /// `html` with `tag` before its last `</body>` (or at its end) and `panel` after its `<body>`
    /// tag (or at its start).
    static func inject(into html: String, tag: String, panel: String?) -> String {
        var html = html
        if let close = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) {
            html.insert(contentsOf: tag + "\n", at: close.lowerBound)
        } else {
            html += "\n" + tag + "\n"
        }
        guard let panel else { return html }
        if let open = html.range(of: "<body", options: .caseInsensitive),
            let end = html[open.upperBound...].firstIndex(of: ">")
        {
            html.insert(contentsOf: "\n" + panel, at: html.index(after: end))
        } else {
            html = panel + html
        }
        return html
    }
}
