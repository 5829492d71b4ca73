#!/usr/bin/env bash
# Times `avance build` on generated corpora (bench/gen-corpus.py: N actions, N/4 milestones,
# N/2 projects, N/20 partners, 5 axes, ~2 KB Markdown each) and, if `hugo` is installed, Hugo on
# the same entries. Prints the median wall time of several runs, pages per second and peak RSS.
#
#   bench/build.sh               # N = 1000 10000 50000
#   bench/build.sh 10000         # one size
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
runs=${RUNS:-3}

swift build -c release --product avance >/dev/null
avance=$PWD/.build/release/avance
work=${BENCH_DIR:-$(mktemp -d)}
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(swift --version 2>&1 | head -1)"
echo "runs per figure: $runs (median)"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# time_command LABEL PAGES COMMAND...: prints median seconds, pages/s and peak RSS.
time_command() {
    local label=$1 pages=$2
    shift 2
    local times=() rss=0
    for _ in $(seq "$runs"); do
        local out
        out=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
        times+=("${out%% *}")
        local kb=${out##* }
        [ "$kb" -gt "$rss" ] && rss=$kb
    done
    local seconds
    seconds=$(printf '%s\n' "${times[@]}" | median)
    printf "  %-28s %8.2f s  %8.0f pages/s  peak RSS %6d MB\n" "$label" "$seconds" \
        "$(awk "BEGIN { print $pages / $seconds }")" "$((rss / 1024))"
}

for n in "${sizes[@]}"; do
    site=$work/avance-$n
    [ -d "$site/content" ] || python3 bench/gen-corpus.py "$n" "$site"
    entries=$(find "$site/content" -name '*.md' | wc -l)
    echo "N = $n actions: $entries Markdown entries"
    "$avance" build --root "$site" --no-git-dates --quiet
    pages=$(find "$site/public" -name '*.html' | wc -l)
    time_command "avance build ($pages pages)" "$pages" "$avance" build --root "$site" --no-git-dates --quiet
    if command -v hugo >/dev/null; then
        hsite=$work/hugo-$n
        [ -d "$hsite/content" ] || python3 bench/gen-corpus.py "$n" "$hsite" --hugo
        hugo --source "$hsite" --quiet >/dev/null 2>&1 || true
        hpages=$(find "$hsite/public" -name '*.html' | wc -l)
        time_command "hugo $(hugo version | awk '{ print $2 }' | cut -d- -f1) ($hpages pages)" "$hpages" \
            hugo --source "$hsite" --quiet
    fi
done
