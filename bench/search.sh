#!/usr/bin/env bash
# The search part of `make bench`: for each N, the bench's corpus (bench/gen-corpus.py, the same
# as bench/build.sh's, reused when built) built by `avance build`, then bench/search.py on it: the
# search index's size, its largest shard, the bytes a query downloads (manifest + the shard of
# each word + the entries of one page of results, the worst and for sample queries), and, when
# Chromium and selenium are there, the same queries run on a 390 px window, bytes counted at the
# server; with Pagefind (`pagefind-bin` from PyPI, pinned below, installed into .build/pagefind)
# built on the same entry pages and queried the same way, side by side.
#
#   bench/search.sh 10000                 # one size (default: 1000 10000)
#   PAGEFIND=0 BROWSER=0 bench/search.sh  # the files only
#   AVANCE=/path/to/avance bench/search.sh
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
work=${BENCH_DIR:-$PWD/.build/bench}
pagefind_version=1.5.2
mkdir -p "$work"

if [ -n "${AVANCE:-}" ]; then
    avance=$(realpath "$AVANCE")
else
    swift build -c release --product avance >/dev/null
    avance=$PWD/.build/release/avance
fi

options=()
if [ "${BROWSER:-1}" != 0 ] && python3 -c "import selenium" 2>/dev/null && command -v chromium >/dev/null; then
    options+=(--browser)
fi
if [ "${PAGEFIND:-1}" != 0 ]; then
    venv=$PWD/.build/pagefind
    if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pagefind_bin" 2>/dev/null; then
        python3 -m venv "$venv" && "$venv/bin/pip" install --quiet "pagefind-bin==$pagefind_version" ||
            echo "could not install pagefind-bin $pagefind_version: Pagefind left out"
    fi
    pagefind=$("$venv/bin/python" -c "import os, pagefind_bin; print(os.path.join(os.path.dirname(pagefind_bin.__file__), 'pagefind'))" 2>/dev/null || true)
    [ -x "${pagefind:-}" ] && options+=(--pagefind "$pagefind")
fi

for n in "${sizes[@]}"; do
    site=$work/avance-$n
    [ -d "$site/content" ] || python3 bench/gen-corpus.py "$n" "$site"
    rm -rf "$site/theme" && cp -R theme "$site/theme"
    /usr/bin/time -f "%e" -o "$work/search-time.txt" "$avance" build --root "$site" --no-git-dates --quiet
    echo "N = $n: avance build (the whole site, search index included) $(cat "$work/search-time.txt") s"
    python3 bench/search.py "$site/public" "${options[@]}"
    echo
done
