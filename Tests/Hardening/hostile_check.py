#!/usr/bin/env python3
"""Checks that no script from the content reaches the pages of a built site (docs/hardening.md).

Usage: hostile_check.py PUBLIC_DIR [--serve AVANCE --root SITE]

Meant for the build of Tests/Fixtures/hostile-site, whose every text carries an XSS payload that
calls alert('xss-…') or logs AVANCE-XSS (make hostile-check).

- static check of every file: in HTML (and inline SVG), no event-handler attribute, no attribute
  value that is a javascript:, vbscript: or data: URL (but data:image/png|gif|jpeg|webp images),
  however it is spelled (entities, case, whitespace, controls), no iframe, frame, object, embed,
  base or meta refresh, and no <script> but the theme's own js/search.js (and, in serve mode,
  /__avance/live-reload.js), which must be external; the Atom feed and sitemap the same;
- every HTML page, and the search page with hostile queries, in Debian's headless Chromium
  (selenium, chromium-driver): alert, confirm, prompt, print and console calls are recorded
  before any script of the page runs (CDP), and no dialog may open, nothing may be recorded or
  logged with the marker, and the live DOM (after the browser's own parsing) may have no event
  handler, no javascript: link or frame and no script but the allowed ones;
- with --serve, the same in `avance serve` (pages get the live-reload script), then again after
  saves that break the build with diagnostics full of payloads (a file name, an enum value, a
  date), which every page shows in its error panel.
Exits 1 when anything fails, 2 when a tool is missing.
"""
import argparse
import functools
import html.parser
import http.server
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
MARKER = re.compile(r"xss|AVANCE-XSS", re.IGNORECASE)
FORBIDDEN_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}
SAFE_DATA = ("data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp")
THEME_SCRIPT = "js/search.js"
LIVE_RELOAD = "/__avance/live-reload.js"
# Runs in every frame before the page's own scripts: records what a payload would call.
RECORDER = """
(() => {
  const seen = [];
  Object.defineProperty(window, "__avanceRecorded", { value: seen });
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    window[name] = (...args) => { seen.push(name + ": " + args.join(" ")); };
  }
  for (const name of ["log", "info", "warn", "error", "debug"]) {
    const original = console[name].bind(console);
    console[name] = (...args) => {
      const text = args.map(String).join(" ");
      if (/xss|AVANCE-XSS/i.test(text)) seen.push("console." + name + ": " + text);
      original(...args);
    };
  }
})();
"""
# The live DOM, as the browser parsed it.
AUDIT = """
const problems = [];
for (const element of document.querySelectorAll("*")) {
  for (const attribute of element.attributes) {
    const name = attribute.name.toLowerCase();
    const value = attribute.value.replace(/[\\u0000-\\u0020\\u007f]+/g, "").toLowerCase();
    if (name.startsWith("on")) problems.push(element.tagName + " has " + name);
    if (/^(javascript|vbscript|livescript):/.test(value)) problems.push(element.tagName + " " + name + "=" + value);
  }
}
for (const link of document.querySelectorAll("a[href], area[href]")) {
  if (["javascript:", "vbscript:"].includes(link.protocol)) problems.push("link to " + link.href);
}
for (const frame of document.querySelectorAll("iframe, frame, object, embed, base")) {
  problems.push("a <" + frame.tagName.toLowerCase() + ">");
}
const scripts = [...document.scripts].map(script => script.src ? new URL(script.src).pathname : "inline: " + script.text);
return { problems, scripts, recorded: window.__avanceRecorded ? [...window.__avanceRecorded] : ["no recorder"] };
"""

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


def normalised_url(value):
    """A URL as a browser reads its scheme: controls and whitespace gone, lowercase."""
    return re.sub(r"[\x00-\x20\x7f]+", "", value).lower()


def unsafe_url(value, tag=None):
    url = normalised_url(value)
    if url.startswith(("javascript:", "vbscript:", "livescript:")):
        return True
    return url.startswith("data:") and not (tag == "img" and url.startswith(SAFE_DATA))


# ---------- Static check ----------


class PageScan(html.parser.HTMLParser):
    """The tags of one page as Python's HTML parser sees them (attribute values unescaped)."""

    def __init__(self, where, page_path, serve):
        super().__init__(convert_charrefs=True)
        self.where, self.page_path, self.serve = where, page_path, serve
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        self.check(tag, attrs)
        self.in_script = tag == "script"

    def handle_startendtag(self, tag, attrs):
        self.check(tag, attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = False

    def handle_data(self, data):
        if self.in_script and data.strip():
            problem(self.where, f"inline script: {data.strip()[:80]}")

    def check(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                problem(self.where, f"<{tag}> has the event handler {name}={value!r}")
            if value is not None and unsafe_url(value, tag) and name in ("href", "src", "action", "formaction",
                                                                         "data", "poster", "xlink:href", "background",
                                                                         "cite", "srcset", "to", "values", "from"):
                problem(self.where, f"<{tag} {name}={value!r}>")
            elif value is not None and normalised_url(value).startswith(("javascript:", "vbscript:")):
                problem(self.where, f"<{tag} {name}={value!r}>")
            if name == "style" and value and re.search(r"expression\(|javascript:|url\(", value, re.I):
                problem(self.where, f"<{tag} style={value!r}>")
        if tag in FORBIDDEN_TAGS:
            problem(self.where, f"a <{tag}> element")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            problem(self.where, "a <meta http-equiv=refresh>")
        if tag == "script":
            source = values.get("src")
            if not source:
                problem(self.where, "a <script> without src")
            else:
                path = urlsplit(urljoin("http://site/" + self.page_path, source)).path
                allowed = path.endswith("/" + THEME_SCRIPT) or (self.serve and path == LIVE_RELOAD)
                if not allowed:
                    problem(self.where, f"a <script src={source!r}>")


def static_check(public, serve=False):
    pages = 0
    for path in sorted(public.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(public).as_posix()
        if path.suffix == ".html":
            PageScan(relative, relative, serve).feed(path.read_text(encoding="utf-8"))
            pages += 1
        elif path.suffix in (".xml", ".svg"):
            try:
                root = ElementTree.parse(path).getroot()
            except ElementTree.ParseError as error:
                problem(relative, f"not well-formed XML: {error}")
                continue
            for element in root.iter():
                if element.tag.rsplit("}", 1)[-1].lower() in FORBIDDEN_TAGS | {"script"}:
                    problem(relative, f"a <{element.tag}> element")
                for name, value in element.attrib.items():
                    if name.rsplit("}", 1)[-1].lower().startswith("on") or unsafe_url(value):
                        problem(relative, f"<{element.tag} {name}={value!r}>")
    return pages


# ---------- Browser ----------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        if not Path(self.translate_path(self.path.split("?")[0])).exists():
            self.path = "/404.html"
        return super().send_head()

    def log_message(self, *args):
        pass


def serve_folder(public):
    handler = functools.partial(SiteHandler, directory=str(public))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("selenium is missing: pip install selenium (make a11y-deps)")
        sys.exit(2)
    if not Path(CHROMEDRIVER).exists():
        print("chromium-driver is missing: apt-get install chromium chromium-driver (make a11y-deps)")
        sys.exit(2)
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    # Report dialogs instead of failing the next command, so that each is seen and counted.
    options.set_capability("unhandledPromptBehavior", "ignore")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    return driver


def dismiss_dialogs(driver, where):
    from selenium.common.exceptions import NoAlertPresentException

    for _ in range(20):
        try:
            dialog = driver.switch_to.alert
            problem(where, f"a dialog opened: {dialog.text!r}")
            dialog.dismiss()
        except NoAlertPresentException:
            return


def check_page(driver, url, where, serve):
    from selenium.common.exceptions import UnexpectedAlertPresentException

    try:
        driver.get(url)
    except UnexpectedAlertPresentException:
        pass
    dismiss_dialogs(driver, where)
    time.sleep(0.15)  # images that fail to load fire their (absent) onerror by now
    dismiss_dialogs(driver, where)
    try:
        result = driver.execute_script(AUDIT)
    except UnexpectedAlertPresentException:
        dismiss_dialogs(driver, where)
        result = driver.execute_script(AUDIT)
    for item in result["problems"]:
        problem(where, f"in the browser's DOM: {item}")
    for item in result["recorded"]:
        problem(where, f"a script ran: {item}")
    for script in result["scripts"]:
        allowed = script.endswith("/" + THEME_SCRIPT) or (serve and script == LIVE_RELOAD)
        if not allowed:
            problem(where, f"script in the browser's DOM: {script[:100]}")
    for entry in driver.get_log("browser"):
        if entry.get("source") == "console-api" and MARKER.search(entry.get("message", "")):
            problem(where, f"console: {entry['message'][:160]}")
    return result["scripts"]


def page_paths(public):
    return sorted(p.relative_to(public).as_posix() for p in public.rglob("*.html"))


def extra_paths():
    """The search page with queries that are payloads or match hostile titles, and a 404."""
    queries = ["<img src=x onerror=alert('xss-query')>", "\"><script>alert('xss-query-2')</script>", "script",
               "img", "xss"]
    paths = [f"buscar/?q={quote(q)}" for q in queries] + [f"en/search/?q={quote(q)}" for q in queries]
    return paths + ["no-such-page/%3Cscript%3Ealert('xss-404')%3C/script%3E/"]


def browse(driver, base, paths, serve, label):
    scripts_seen = set()
    for path in paths:
        where = f"{label} {path}"
        for script in check_page(driver, base + path, where, serve):
            scripts_seen.add(script)
    return scripts_seen


# ---------- Serve mode ----------


class DevServer:
    def __init__(self, avance, root):
        self.process = subprocess.Popen(
            [avance, "serve", "--root", str(root), "--port", "0"], stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)
        self.base = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            if match:
                self.base = match.group(1)
                break
        if not self.base:
            self.stop()
            print("avance serve did not say where it listens")
            sys.exit(2)
        threading.Thread(target=lambda: self.process.stdout.read(), daemon=True).start()

    def errors(self):
        try:
            with urllib.request.urlopen(self.base + "__avance/errors", timeout=5) as response:
                return response.read().decode("utf-8", "replace")
        except Exception as error:  # a page that is an error page answers with status 500
            return getattr(error, "read", lambda: b"")().decode("utf-8", "replace")

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def break_site(root):
    """Saves that fail the build with diagnostics that quote payloads."""
    notes = root / "content" / "notas"
    (notes / "<img src=x onerror=alert('xss-serve-file')>.md").write_text("---\ntitulo: x\n---\n")
    entry = notes / "xss-campos.md"
    text = entry.read_text(encoding="utf-8")
    text = text.replace("estado: activo\nplazo", "estado: \"<script>alert('xss-serve-enum')</script>\"\nplazo", 1)
    text = text.replace("fecha: 2022-04\n", "fecha: \"<img src=x onerror=alert('xss-serve-date')>\"\n", 1)
    entry.write_text(text, encoding="utf-8")


def serve_check(driver, avance, site, public):
    with tempfile.TemporaryDirectory(prefix="avance-hostile-serve-") as folder:
        root = Path(folder) / "site"
        shutil.copytree(site, root, ignore=shutil.ignore_patterns("public", ".public.*"))
        server = DevServer(avance, root)
        try:
            paths = page_paths(public)
            seen = browse(driver, server.base, paths + extra_paths(), True, "serve")
            if LIVE_RELOAD not in seen:
                problem("serve", "the live-reload script was not on the pages")
            break_site(root)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and "xss-serve-date" not in server.errors():
                time.sleep(0.3)
            errors = server.errors()
            for code in ["id-invalid", "enum-unknown", "date-invalid"]:
                if code not in errors:
                    problem("serve, broken", f"the error page does not show {code}")
            browse(driver, server.base, ["__avance/errors"] + paths[:12], True, "serve, broken")
            return len(paths)
        finally:
            server.stop()


def self_test(driver):
    """The checks must see a script that runs: pages that do what the payloads try."""
    global problems
    bad = {
        "inline.html": "<script>alert('xss-self-1')</script>",
        "handler.html": "<img src=missing.png onerror=\"console.log('AVANCE-XSS self')\">",
        "link.html": "<a href=\" jav&#x09;ascript:alert(1)\">x</a>",
        "frame.html": "<iframe srcdoc=\"<script>parent.alert('xss-self-2')</script>\"></iframe>",
        "svg.html": "<svg><script>confirm('xss-self-3')</script></svg>",
        "script.html": "<script src=\"evil.js\"></script>",
    }
    expected = {
        "inline.html": ["inline script", "a script ran: alert: xss-self-1"],
        "handler.html": ["event handler onerror", "a script ran: console.log: AVANCE-XSS self"],
        "link.html": ["<a href=", "link to javascript:"],
        "frame.html": ["a <iframe> element", "a script ran: alert: xss-self-2"],
        "svg.html": ["inline script", "a script ran: confirm: xss-self-3"],
        "script.html": ["<script src='evil.js'>", "script in the browser's DOM: /evil.js"],
    }
    with tempfile.TemporaryDirectory(prefix="avance-hostile-self-") as folder:
        public = Path(folder)
        for name, body in bad.items():
            (public / name).write_text(f"<!DOCTYPE html><title>t</title><body>{body}</body>")
        (public / "evil.js").write_text("console.log('AVANCE-XSS evil.js');")
        static_check(public)
        server, base = serve_folder(public)
        try:
            browse(driver, base, sorted(bad), False, "self-test")
        finally:
            server.shutdown()
    found, problems = problems, []
    missing = [f"{name}: {needle}" for name, needles in expected.items() for needle in needles
               if not any(line.split(": ", 1)[0].endswith(name) and needle in line for line in found)]
    if missing:
        print("self-test: the checks missed what they must catch:")
        for line in missing:
            print(f"  {line}")
        print("what they reported:")
        for line in found:
            print(f"  {line}")
        sys.exit(2)
    print(f"self-test: {len(found)} problems found in {len(bad)} pages built to fail, as expected")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("public", type=Path)
    parser.add_argument("--serve", metavar="AVANCE", help="also check `AVANCE serve` of the site")
    parser.add_argument("--root", type=Path, help="the site's folder (for --serve)")
    arguments = parser.parse_args()
    public = arguments.public.resolve()
    if not (public / "index.html").exists():
        print(f"{public} holds no built site")
        sys.exit(2)
    pages = static_check(public)
    print(f"static: {pages} pages and every XML file checked")
    driver = browser()
    self_test(driver)
    server, base = serve_folder(public)
    try:
        paths = page_paths(public) + extra_paths()
        browse(driver, base, paths, False, "built")
        print(f"browser: {len(paths)} pages of the built site loaded")
        if arguments.serve:
            count = serve_check(driver, arguments.serve, arguments.root.resolve(), public)
            print(f"serve: {count + len(extra_paths())} pages, then the error panel over 12 pages and /__avance/errors")
    finally:
        driver.quit()
        server.shutdown()
    if problems:
        print(f"{len(problems)} problems:")
        for line in problems:
            print(f"  {line}")
        sys.exit(1)
    print("no script from the content reached a page")


if __name__ == "__main__":
    main()
