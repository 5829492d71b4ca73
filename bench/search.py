#!/usr/bin/env python3
"""What a search costs a reader on a built site: the bytes of the search index a query downloads.

    bench/search.py PUBLIC [--query Q]... [--browser] [--pagefind BIN]

- from the files (always): the index's total size and files, its manifest, its largest shard,
  the worst query (manifest + largest shard + the 100 largest entry files: one page of results),
  and for each query the files the script fetches (manifest, the shard of each word, the entries
  of the results shown) and their bytes, worked out with the script's rules (search.js);
- --browser: each query run in headless Chromium (selenium, chromium-driver) on a 390 x 844
  window, cache disabled (a first visit), its results counted and the bytes of every index file
  the server sent for it summed;
- --pagefind BIN: Pagefind (`pagefind-bin` from PyPI) run on the same pages (the entry pages:
  the documents our index holds), timed, its bundle's size, and with --browser the same queries
  through its JavaScript API (search, then the data of the first 100 results: its default UI
  shows 5 at a time), bytes of pagefind/ summed the same way. It writes PUBLIC/pagefind/, removed afterwards.

Prints one Markdown table. Figures are raw bytes, as a server without compression sends them.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

FOLDER = "search-index"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
LIMIT = 100


def fold(text):
    """SearchText.fold: lowercase, NFKD, no marks, runs of non-letters/digits as one space."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M")).replace("ς", "σ")
    return " ".join(w for w in re.split(r"[^\w]|_", text) if w).lower()


def decode(text):
    if text.startswith("~"):
        return [i * 6 + b for i, c in enumerate(text[1:]) for b in range(6) if ALPHABET.index(c) >> b & 1]
    out, number, gap = [], -1, 0
    for c in text:
        value = ALPHABET.index(c)
        gap = gap * 32 + (value & 31)
        if value < 32:
            number += gap
            out.append(number)
            gap = 0
    return out


class Index:
    def __init__(self, public):
        self.folder = public / FOLDER
        self.manifest_path = self.folder / "index.json"
        self.manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        self.keys = self.manifest["shards"].split()

    def shard_path(self, key):
        return self.folder / "terms" / (key.encode().hex() + ".json")

    def place(self, word):
        """The shard the script fetches for `word`, and whether only the term `word` counts."""
        longest = max((k for k in self.keys if word.startswith(k)), key=len, default=None)
        if any(k != word and k.startswith(word) for k in self.keys):
            return (word if longest == word else None), True
        return longest, False

    def query(self, text):
        """(results, files fetched) for `text`, as search.js does it."""
        words = list(dict.fromkeys(fold(text).split()))
        files = [self.manifest_path]
        places = []
        for word in words:
            key, exact = self.place(word)
            found = {}
            if key is not None:
                files.append(self.shard_path(key))
                shard = json.loads(self.shard_path(key).read_text(encoding="utf-8"))
                for term, lists in shard.items():
                    if term == word or (not exact and term.startswith(word)):
                        for where, postings in enumerate(lists):
                            for document in decode(postings):
                                found[document] = min(found.get(document, 3), where)
            places.append(found)
        matches = []
        for document in set.intersection(*(set(p) for p in places)) if places else []:
            where = [p[document] for p in places]
            in_title = where.count(0)
            rank = 3 if in_title == len(where) else 2 if in_title else 1 if max(where) <= 1 else 0
            matches.append((-rank, document))
        matches.sort()
        files += [self.folder / "entries" / f"{d}.json" for _, d in matches[:LIMIT]]
        return len(matches), files


def size(paths):
    return sum(p.stat().st_size for p in paths)


def kb(count):
    return f"{count / 1000:,.1f} KB"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    driver.set_window_size(390, 844)
    inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
    driver.set_window_size(2 * 390 - inner[0], 2 * 844 - inner[1])
    driver.set_script_timeout(120)
    # Every query as a first visit: nothing from the browser's cache.
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    return driver


class Served:
    """The bytes the site's server sent, by path: what a browser fetched, workers included."""

    def __init__(self):
        self.files = []

    def bytes_under(self, folder):
        sent = [size for path, size in self.files if f"/{folder}/" in path]
        self.files = []
        return sum(sent), len(sent)


def serve(public, served):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "Accessibility"))
    import functools
    import http.server
    import threading

    import check  # the accessibility check's server: the site at / and at its base path, 404.html

    class Handler(check.SiteHandler):
        base_path = check.base_path(public)

        def send_head(self):
            file = super().send_head()
            if file is not None:
                served.files.append((self.path, os.fstat(file.fileno()).st_size))
            return file

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(public)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def ours_in_browser(driver, site, query):
    from urllib.parse import quote

    driver.get(site + "buscar/?q=" + quote(query))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if driver.execute_script("return document.querySelector('[data-search-index][data-state=done]')"):
            break
        time.sleep(0.05)
    else:
        return None
    return driver.execute_script("return document.querySelectorAll('.search-result').length")


def pagefind_in_browser(driver, site, query):
    driver.get(site + "robots.txt")  # a same-origin document without the pages' CSP
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1], base = arguments[0], query = arguments[1];"
        "import(base + 'pagefind/pagefind.js')"
        ".then(function (pagefind) { return pagefind.search(query); })"
        ".then(function (search) {"
        "  return Promise.all(search.results.slice(0, 100).map(function (r) { return r.data(); }))"
        "    .then(function (shown) { done([search.results.length, shown.length]); });"
        "}).catch(function (e) { done(String(e)); });", site, query)
    if isinstance(result, str):
        print(f"  pagefind in Chromium: {result}", file=sys.stderr)
        return None
    return result[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("public", type=Path)
    parser.add_argument("--query", action="append", dest="queries")
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--pagefind")
    args = parser.parse_args()
    public = args.public.resolve()
    queries = args.queries or ["gestion", "suspendido", "en marcha", "gest", "socio 12"]
    index = Index(public)
    files = [p for p in index.folder.rglob("*") if p.is_file()]
    shards = [index.shard_path(k) for k in index.keys]
    entries = sorted((p.stat().st_size for p in (index.folder / "entries").iterdir()), reverse=True)
    largest = max(shards, key=lambda p: p.stat().st_size)
    key = bytes.fromhex(largest.stem).decode()
    manifest = index.manifest_path.stat().st_size
    worst = manifest + largest.stat().st_size + sum(entries[:LIMIT])
    print(f"{public}: {index.manifest['documents']:,} entries")
    print(f"| search index | {kb(size(files))} in {len(files):,} files ({len(shards):,} shards) |")
    print(f"| manifest | {kb(manifest)} |")
    print(f"| largest shard | {kb(largest.stat().st_size)} (“{key}”) |")
    print(f"| worst query: manifest + largest shard + {LIMIT} largest entries | {kb(worst)} |")
    rows = []
    for query in queries:
        count, fetched = index.query(query)
        rows.append([query, f"{count:,}", f"{kb(size(fetched))} in {len(fetched)} files"])

    pagefind_row = None
    if args.pagefind:
        out = public / "pagefind"
        shutil.rmtree(out, ignore_errors=True)
        # The entry pages, the documents our index holds: the collections' folders of its URLs.
        folders = sorted({json.loads(p.read_text(encoding="utf-8"))["url"].split("/")[0]
                          for p in (index.folder / "entries").iterdir()})
        glob = "{" + ",".join(folders) + "}/*/index.html"
        started = time.monotonic()
        subprocess.run([args.pagefind, "--site", str(public), "--glob", glob, "--root-selector", "main",
                        "--quiet"], check=True)
        seconds = time.monotonic() - started
        bundle = [p for p in out.rglob("*") if p.is_file()]
        pagefind_row = f"| Pagefind bundle ({glob}) | {kb(size(bundle))} in {len(bundle):,} files, built in {seconds:.1f} s |"
        print(pagefind_row)

    if args.browser:
        served = Served()
        server, site = serve(public, served)
        try:
            # A new browser for each query: a first visit, nothing cached (Pagefind's worker has a
            # cache of its own, which the page's setting does not reach).
            for row in rows:
                driver = browser()
                try:
                    shown = ours_in_browser(driver, site, row[0])
                finally:
                    driver.quit()
                sent, count = served.bytes_under(FOLDER)
                row.append("-" if shown is None else f"{shown} shown, {kb(sent)} in {count} files")
                if args.pagefind:
                    driver = browser()
                    try:
                        found = pagefind_in_browser(driver, site, row[0])
                    finally:
                        driver.quit()
                    sent, count = served.bytes_under("pagefind")
                    row.append("-" if found is None else f"{found:,} results, {kb(sent)} in {count} files")
        finally:
            server.shutdown()
    if args.pagefind:
        shutil.rmtree(public / "pagefind", ignore_errors=True)
    head = ["query", "results", "avance: fetched (from the files)"]
    if args.browser:
        head.append("avance in Chromium at 390 px")
        if args.pagefind:
            head.append("Pagefind in Chromium (100 results' data)")
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
