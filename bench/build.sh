#!/usr/bin/env bash
# The benchmark of `make bench`, on generated corpora (bench/gen-corpus.py: N actions, N/4
# milestones, N/2 projects, N/20 partners, 5 axes, ~2 KB of Markdown each). For each N:
#   build   `avance build` (full validation, HTML, JSON, CSV): median wall, pages/s, peak RSS
#   check   `avance check --public` of that output: median wall, pages/s, peak RSS
#   serve   `avance serve`, one line added to one entry: the rebuild time serve logs
#           ("built … in X ms", median) and the time from the save to the page served with it
#   hugo    when `hugo` is installed, Hugo on the same entries: median wall, peak RSS, and how
#           many times faster avance is (Hugo's median / avance's median)
# then one Markdown table of every figure, with the machine's load when each N started.
#
#   bench/build.sh                       # N = 1000 10000 50000, 3 runs each
#   RUNS=5 bench/build.sh 10000          # one size, 5 runs
#   BENCH_DIR=/tmp/b bench/build.sh      # where corpora are kept (default .build/bench, reused)
#   SERVE=0 HUGO=0 bench/build.sh 1000   # leave out serve or Hugo
#   AVANCE=/path/to/avance bench/build.sh # time another build of avance (e.g. an older commit)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-3}
work=${BENCH_DIR:-$PWD/.build/bench}
mkdir -p "$work"

if [ -n "${AVANCE:-}" ]; then
    avance=$(realpath "$AVANCE")  # another build of avance, to compare (it is not rebuilt)
else
    swift build -c release --product avance >/dev/null
    avance=$PWD/.build/release/avance
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(swift --version 2>&1 | head -1)"
echo "runs per figure: $runs (median wall; peak RSS is the largest of the runs)"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
load() { cut -d" " -f1 /proc/loadavg; }

# measure COMMAND...: runs it $runs times; sets $seconds (median wall) and $megabytes (peak RSS).
measure() {
    local times=() kb=0 out
    for _ in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
        out=$(tail -1 "$work/time.txt")
        times+=("${out%% *}")
        [ "${out##* }" -gt "$kb" ] && kb=${out##* }
    done
    seconds=$(printf '%s\n' "${times[@]}" | median)
    megabytes=$((kb / 1024))
}

rate() { awk "BEGIN { printf \"%.0f\", $1 / $2 }"; }

# serve_rebuild SITE: starts `avance serve`, adds a line to one entry $runs times; sets
# $rebuild_ms (median of the rebuild times serve logs) and $saved_ms (median, save to page served).
serve_rebuild() {
    local site=$1 log=$work/serve.log entry=$1/content/acciones/accion-1.md
    cp "$entry" "$work/entry.md"
    "$avance" serve --root "$site" --port 0 >"$log" 2>&1 &
    local pid=$! address="" logged=() saved=()
    for _ in $(seq 6000); do
        address=$(sed -n 's/^serving \(http[^ ]*\).*/\1/p' "$log")
        [ -n "$address" ] && [ "$(grep -c '^built' "$log")" -ge 1 ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$address" ]; then
        echo "  serve did not start: $(tail -3 "$log")"
        kill "$pid" 2>/dev/null || true
        rebuild_ms=- saved_ms=-
        return
    fi
    # serve's watcher takes its first look at the files once serving: an edit made before that
    # look is no change to it. Give it time (a walk of the content takes a while on big corpora).
    sleep $((5 + $(find "$site/content" -type f | wc -l) / 10000))
    local builds
    builds=$(grep -c '^built' "$log")
    for run in $(seq "$runs"); do
        local marker="Edición de prueba $run-$RANDOM."
        local started deadline
        started=$(date +%s%N)
        deadline=$((started / 1000000000 + 900))
        printf '\n%s\n' "$marker" >>"$entry"
        until curl -s "${address}acciones/accion-1/" | grep -q "$marker"; do
            [ "$(date +%s)" -lt "$deadline" ] || break
            sleep 0.005
        done
        saved+=($(( ($(date +%s%N) - started) / 1000000 )))
        # Wait for every rebuild this edit caused, then read the time of the last.
        sleep 1
        until [ "$(grep -c '^built' "$log")" -gt "$builds" ]; do sleep 0.1; done
        builds=$(grep -c '^built' "$log")
        logged+=("$(grep '^built' "$log" | tail -1 | sed 's/.* in \([0-9]*\) ms.*/\1/')")
    done
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    cp "$work/entry.md" "$entry"
    rebuild_ms=$(printf '%s\n' "${logged[@]}" | median)
    saved_ms=$(printf '%s\n' "${saved[@]}" | median)
}

rows=()
for n in "${sizes[@]}"; do
    site=$work/avance-$n
    [ -d "$site/content" ] || python3 bench/gen-corpus.py "$n" "$site"
    entries=$(find "$site/content" -name '*.md' | wc -l)
    started_load=$(load)
    echo "N = $n actions: $entries Markdown entries (load $started_load)"
    "$avance" build --root "$site" --no-git-dates --quiet  # warm-up, and the output to check
    pages=$(find "$site/public" -name '*.html' | wc -l)

    measure "$avance" build --root "$site" --no-git-dates --quiet
    build_s=$seconds build_mb=$megabytes
    echo "  build: $build_s s, $(rate "$pages" "$build_s") pages/s, $build_mb MB ($pages pages; load $(load))"

    check=("$avance" check --public "$site/public" --base-url https://example.org/corpus/ --quiet)
    "${check[@]}" || echo "  (avance check found problems in the built corpus: the figures below include them)"
    measure "${check[@]}"
    check_s=$seconds check_mb=$megabytes
    echo "  check: $check_s s, $(rate "$pages" "$check_s") pages/s, $check_mb MB (load $(load))"

    rebuild_ms=- saved_ms=-
    if [ "${SERVE:-1}" != 0 ]; then
        serve_rebuild "$site"
        echo "  serve: rebuild after a one-line edit $rebuild_ms ms (logged), save to page served $saved_ms ms" \
            "(load $(load))"
    fi

    hugo_s=- hugo_mb=- ratio=-
    if [ "${HUGO:-1}" != 0 ] && command -v hugo >/dev/null; then
        hsite=$work/hugo-$n
        [ -d "$hsite/content" ] || python3 bench/gen-corpus.py "$n" "$hsite" --hugo
        hugo --source "$hsite" --quiet >/dev/null 2>&1 || true
        measure hugo --source "$hsite" --quiet
        hugo_s=$seconds hugo_mb=$megabytes
        ratio=$(awk "BEGIN { printf \"%.2f\", $hugo_s / $build_s }")
        echo "  hugo $(hugo version | awk '{ print $2 }' | cut -d- -f1): $hugo_s s, $hugo_mb MB" \
            "(avance is ${ratio}x as fast; load $(load))"
    fi
    unit() { [ "$1" = - ] && echo - || echo "$1 $2"; }
    rows+=("| $n | $entries | $pages | $build_s s | $(rate "$pages" "$build_s") | $build_mb MB | $check_s s | $check_mb MB | $(unit "$rebuild_ms" ms) | $(unit "$saved_ms" ms) | $(unit "$hugo_s" s) | $(unit "$hugo_mb" MB) | $(unit "$ratio" x) | $started_load |")
done

echo
echo "| N actions | entries | pages | build | pages/s | build RSS | check | check RSS | serve rebuild | save → page | Hugo | Hugo RSS | Hugo / avance | load |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
