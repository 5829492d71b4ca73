#!/usr/bin/env bash
# Times `avance check --public` on generated sites (default: 1,000, 10,000 and 18,000 pages),
# then libxml2's HTML SAX parser alone on the same pages, for comparison.
#
#   bench/link-check.sh            # 1000 10000 18000
#   bench/link-check.sh 5000       # other sizes
#   RUNS=3 bench/link-check.sh     # fewer timed runs (default 5)
#
# Pages come from bench/gen-link-site.py (deterministic, 8.1 KB each on average, every link valid;
# `du` counts ~12 KB a page with the folder and disk blocks). Times are hyperfine's median of
# $RUNS runs after a warm-up (or, without hyperfine, the median of $RUNS runs of /usr/bin/time);
# peak RSS and CPU time come from one more run under /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 18000)

swift build -c release --product avance >/dev/null
avance=$PWD/.build/release/avance
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, load $(cut -d" " -f1-3 /proc/loadavg); libxml2 $(xml2-config --version 2>/dev/null || echo '?')"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

for pages in "${sizes[@]}"; do
    site=$work/site-$pages
    python3 bench/gen-link-site.py "$pages" "$site"
    command=("$avance" check --public "$site" --base-url https://example.org/sitio/ --quiet)
    "${command[@]}" || { echo "the generated site should have no broken link"; exit 1; }
    if command -v hyperfine >/dev/null; then
        hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/run.json" "${command[*]}" >/dev/null
        seconds=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['results'][0]['median'])" "$work/run.json")
    else
        seconds=$(for _ in $(seq "$runs"); do /usr/bin/time -f "%e" "${command[@]}" 2>&1 >/dev/null | tail -1; done | median)
    fi
    # One more run for peak RSS and CPU time (user + system, all threads): on a busy machine
    # CPU time says more than the clock.
    read -r user system rss < <(/usr/bin/time -f "%U %S %M" "${command[@]}" 2>&1 >/dev/null | tail -1)
    size=$(du -sm "$site" | cut -f1)
    printf "%6d pages (%4d MB): median %.3f s, %6.0f pages/s, CPU %.2f s, peak RSS %d MB\n" \
        "$pages" "$size" "$seconds" "$(awk "BEGIN { print $pages / $seconds }")" \
        "$(awk "BEGIN { print $user + $system }")" "$((rss / 1024))"
done

# libxml2 alone on the largest site, the floor under the checker's parse step: one thread, then
# one process per core on as many slices of the pages (the median of $RUNS runs, wall clock).
if command -v cc >/dev/null && pkg-config --exists libxml-2.0; then
    cc -O2 $(pkg-config --cflags libxml-2.0) bench/libxml2-sax.c $(pkg-config --libs libxml-2.0) -o "$work/sax"
    find "$site" -name '*.html' > "$work/pages"
    echo "libxml2 SAX alone: $("$work/sax" < "$work/pages")"
    cores=$(nproc)
    split -n "l/$cores" "$work/pages" "$work/slice-"
    floor=$(for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        for slice in "$work"/slice-*; do "$work/sax" < "$slice" >/dev/null & done
        wait
        awk "BEGIN { print $(date +%s.%N) - $start }"
    done | median)
    printf "libxml2 SAX alone on %d cores (%d processes): median %.3f s for %d pages\n" \
        "$cores" "$cores" "$floor" "$(wc -l < "$work/pages")"
fi
