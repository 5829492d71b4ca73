#!/usr/bin/env bash
# The benchmark of `make bench`: avance and Hugo side by side, in the same run, on two generated
# corpora for each N (bench/gen-corpus.py: N actions, N/4 milestones, N/2 projects, N/20
# partners, 5 axes, ~2 KB of Markdown each):
#   bench   the bench's own model (actions grouped by estado and tipo)
#   quito   the Quito model's full listings (content/site.yaml): actions grouped by estado, tipo,
#           plazo and hito; projects by estado, eje, ejecutor and socios; partners by tipo
# Hugo's layouts (gen-corpus.py --hugo) render the same listings: a table of the same rows and
# columns on each collection's page and on each group page (one taxonomy per grouping), every
# list paginated at 100 (`paginate`, `.Paginator`). avance paginates at site.yaml's `paginate_by:
# 100` when it knows the setting; an avance without pagination renders every listing whole, and
# the run says so.
#
# For each corpus and N:
#   build   `avance build` (pages, open data, search index: the publishable site) and `hugo`,
#           alternating, $RUNS runs each after a warm-up: median wall, median CPU time (user +
#           system), peak RSS, the ratios (Hugo's median / avance's: above 1, avance is faster)
#   bytes   the HTML bytes of each site, and the bytes of every file it publishes
#   check   `avance check --public` of avance's output: median wall, peak RSS
#   serve   `avance serve`, one entry's title changed and one line added to its body (each
#           taken into the last build): the build time serve logs ("built … in X ms",
#           median) and the time from the save to the page served with the edit
#   incremental  `avance build` with the build cache on a copy of the corpus: once clean, then
#           $RUNS times after appending a line to one entry's body; the rebuilds' median wall
#           ("not built" for an avance without a build cache)
#   incremental in CI  the rebuild of the workflow (docs/github-actions.yml, "Reuse the build
#           cache"; the starter's workflow does the same): the corpus's content/ and theme/ in an
#           "origin" git repository; a fresh `git clone` of it (every file new, as
#           actions/checkout makes it), built once with git dates (`avance build --quiet`); then
#           $RUNS times: a line appended to one entry's body in origin and committed the same day
#           (no git date changes), a new clone, the last clone's `public/` and `.avance/cache/`
#           restored into it through `tar --posix` (as actions/cache archives and extracts them:
#           hard links and nanosecond times kept; streamed from one tar to the other) and written
#           to disk (`sync`: the workflow restores it before installing anything), `avance build
#           --quiet` timed. The median wall is the figure ("same day"). Then one run
#           whose commit is dated the next day ("new day"): the edited file's date and the
#           reference date change, so the cache's key: every page is rendered (entries and bodies
#           of unchanged files still from the stores). The bench corpus only, unless CI_CORPORA
#           says otherwise: the clones and restores (580 MB, 108,000 files and links, a run)
#           make it about a minute a corpus at N = 10,000 (RUNS=3), which the line prints. Every
#           run's clone is kept until the end (about 4 GB at N = 10,000).
# then one Markdown table of every figure, with the machine's load when each corpus started.
#
#   bench/build.sh                       # N = 10000, both corpora, 3 runs each
#   RUNS=5 bench/build.sh 10000 50000    # two sizes, 5 runs
#   CORPORA=quito bench/build.sh 1000    # one corpus
#   BENCH_DIR=/tmp/b bench/build.sh      # where corpora are kept (default .build/bench, reused)
#   SERVE=0 HUGO=0 bench/build.sh 1000   # leave out serve or Hugo
#   CI_CORPORA="bench quito" bench/build.sh  # the CI rebuild of both corpora (default: bench;
#                                        # CI_CORPORA= none)
#   AVANCE=/path/to/avance bench/build.sh # time another build of avance (e.g. an older commit)
#   TASKSET="taskset -c 0" bench/build.sh # both tools on one core
set -euo pipefail
# The script reads avance's log lines ("serving …", "built … in X ms"): they are in English
# whatever the corpus's language (docs/diagnostics.md, "Language").
export AVANCE_LANG=en
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000)
read -r -a corpora <<<"${CORPORA:-bench quito}"
runs=${RUNS:-3}
ci_corpora=${CI_CORPORA-bench}  # the corpora whose CI rebuild is measured (3 to 5 minutes each)
work=${BENCH_DIR:-$PWD/.build/bench}
read -r -a pin <<<"${TASKSET:-}"
mkdir -p "$work"
# Folders the bench is done with (the incremental copies, the CI clones: 100,000s of files) are
# moved here and removed when it ends, not between measurements: ext4 without a journal (the disk
# of the machine this was written on) skips inodes freed in the last minute when it makes files.
# A whole build of the Quito corpus right after 320,000 files were removed took 10.3 s (system
# 1.37 s), the next 9.3 s (0.76 s). (It does not explain all of the 29 s first run, against 9 s
# for the next two, of the twentieth session's `make bench`.)
trash=$work/trash
rm -rf "$trash"
trap 'rm -rf "$trash"' EXIT
discard() { [ -e "$1" ] || return 0; mkdir -p "$trash" && mv "$1" "$trash/$(date +%s%N)"; }

if [ -n "${AVANCE:-}" ]; then
    avance=$(realpath "$AVANCE")  # another build of avance, to compare (it is not rebuilt)
else
    swift build -c release --product avance >/dev/null
    avance=$PWD/.build/release/avance
fi
if [ "${HUGO:-1}" != 0 ] && ! command -v hugo >/dev/null; then
    echo "installing hugo (Debian's package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo) ||
        { echo "could not install hugo (run as root, or install it yourself; HUGO=0 leaves it out)"; exit 2; }
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB; $(swift --version 2>&1 | head -1)"
[ ${#pin[@]} -gt 0 ] && echo "both tools run under: ${pin[*]}"
echo "runs per figure: $runs (median wall; peak RSS is the largest of the runs); builds alternate avance, Hugo"

# Whether this avance paginates listings (site.yaml `paginate_by`): a small corpus with the
# setting either builds or is refused as an unknown key.
probe=$work/paginate-probe
python3 bench/gen-corpus.py 40 "$probe" --quito --paginate 10
if "$avance" build --root "$probe" --no-git-dates --quiet >/dev/null 2>&1; then
    paginate=(--paginate 100)
    echo "avance paginates listings at 100 entries (paginate_by: 100), as Hugo does (paginate = 100)"
else
    paginate=()
    echo "NOTE: this avance does not paginate (no paginate_by): its listing and group pages hold every" \
        "entry, Hugo's hold 100 a page. Same rows and columns, not yet the same pagination."
fi
rm -rf "$probe"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
load() { cut -d" " -f1 /proc/loadavg; }
rate() { awk "BEGIN { printf \"%.0f\", $1 / $2 }"; }
megabytes() { awk "BEGIN { printf \"%.0f\", $1 / 1048576 }"; }

# timed COMMAND...: runs it once, after `sync`; prints "seconds kilobytes" and sets $cpu (user +
# system seconds, every thread): on a shared machine whose load exceeds its cores, the wall time
# measures the scheduler as much as the tool, CPU time much less.
timed() {
    # The last run's files (this tool's or the other's) reach the disk first, not during this
    # run: without it the first timed build after Hugo's warm-up took 15-17 s, the next 8-10.
    sync
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "${pin[@]}" "$@" >/dev/null 2>&1 || true
    local wall user system kb
    read -r wall user system kb < <(tail -1 "$work/time.txt")
    awk "BEGIN { printf \"%.2f\", $user + $system }" >"$work/cpu.txt"
    echo "$wall $kb"
}

# measure COMMAND...: runs it $runs times; sets $seconds (median wall) and $megabytes (peak RSS).
measure() {
    local times=() kb=0 out
    for _ in $(seq "$runs"); do
        out=$(timed "$@")
        times+=("${out%% *}")
        [ "${out##* }" -gt "$kb" ] && kb=${out##* }
    done
    seconds=$(printf '%s\n' "${times[@]}" | median)
    megabytes=$((kb / 1024))
}

# bytes FOLDER [NAME]: the bytes of its files (named NAME, when given).
bytes() {
    if [ $# -gt 1 ]; then find "$1" -type f -name "$2" -printf '%s\n'; else find "$1" -type f -printf '%s\n'; fi |
        awk '{ s += $1 } END { print s + 0 }'
}

# incremental SITE: copies the corpus, builds it with the build cache, then $runs times appends a
# line to one entry's body and builds again; sets $incremental_s (median wall of the rebuilds).
incremental() {
    local copy=$work/incremental times=() out
    discard "$copy" && mkdir -p "$copy" && cp -r "$1/content" "$copy/"
    [ -e "$1/theme" ] && cp -r "$1/theme" "$copy/"
    local build=("$avance" build --root "$copy" --no-git-dates --quiet)
    "${build[@]}" >/dev/null 2>&1
    for i in $(seq "$runs"); do
        printf '\nUna línea más, la %s.\n' "$i" >>"$copy/content/acciones/accion-1.md"
        out=$(timed "${build[@]}")
        times+=("${out%% *}")
    done
    incremental_s=$(printf '%s\n' "${times[@]}" | median)
    discard "$copy"
}

# ci_git SECONDS ARGUMENTS...: git, its commits dated SECONDS (Unix time, UTC) and made by "bench".
ci_git() {
    local at="$1 +0000"
    shift
    GIT_AUTHOR_DATE=$at GIT_COMMITTER_DATE=$at \
        git -c user.name=bench -c user.email=bench@example.org -c commit.gpgsign=false "$@"
}

# ci_incremental SITE: the incremental rebuild as the GitHub Actions workflow makes it (see the
# header: "incremental in CI"); sets $ci_s (median wall of the $runs same-day rebuilds), $ci_runs
# (their walls), $ci_cpu (their median CPU), $ci_new_day_s and $ci_new_day_cpu (the rebuild after
# a commit dated the next day) and $ci_total_s (the whole measure, clones and archives included).
ci_incremental() {
    local ci=$work/ci started=$SECONDS times=() cpus=() out at
    local origin=$work/ci/origin clone previous
    local entry=content/acciones/accion-1.md day=1767600000  # 2026-01-05 08:00 UTC
    discard "$ci" && mkdir -p "$origin"
    cp -r "$1/content" "$origin/"
    [ -e "$1/theme" ] && cp -r "$1/theme" "$origin/"
    git -C "$origin" -c init.defaultBranch=main init -q
    git -C "$origin" add -A
    ci_git "$day" -C "$origin" commit -q -m "The corpus"
    # Each run's clone is kept until the end, not removed before the next: ext4 without a journal
    # (the disk of the machine this was written on) does not reuse an inode freed in the last
    # minute or more, and making 54,000 files (the extraction, a whole render) soon after
    # removing 100,000 spends seconds of system time looking for free ones (`recently_deleted`
    # and `find_inode_bit` on top of `perf record`).
    clone=$ci/clone-0
    git clone -q "$origin" "$clone"
    "$avance" build --root "$clone" --quiet >/dev/null 2>&1 || true
    previous=$clone
    # Runs 1 to $runs commit the same day as the corpus; run $runs + 1 the next day.
    for i in $(seq $((runs + 1))); do
        at=$((day + i * 60))
        [ "$i" -gt "$runs" ] && at=$((day + 86400))
        printf '\nUna línea más en CI, la %s.\n' "$i" >>"$origin/$entry"
        ci_git "$at" -C "$origin" commit -q -a -m "Una línea más, la $i"
        clone=$ci/clone-$i
        git clone -q "$origin" "$clone"
        # The last run's public/ and .avance/cache/ restored through `tar --posix`, as
        # actions/cache archives and extracts them (new inodes, the same times, the two trees'
        # hard links kept); streamed from one tar to the other, not written to an archive file
        # and read back: 580 MB less to write per run at N = 10,000.
        (cd "$previous" && tar --posix -cf - public .avance/cache) | tar -xf - -C "$clone"
        # The workflow restores the cache before it installs the libraries and avance (a minute
        # or more), so the kernel has written the archive's files back when the build starts:
        # `sync` does that here. (Without it the build ran during the writeback of 580 MB at
        # N = 10,000: 0.3 s more wall, measured in the fifteenth session.)
        sync
        out=$(timed "$avance" build --root "$clone" --quiet)
        grep -q "en CI, la $i\." "$clone/public/acciones/accion-1/index.html" 2>/dev/null ||
            echo "  (CI rebuild $i: the edited page does not show the edit; did the build fail?)"
        if [ "$i" -le "$runs" ]; then
            times+=("${out%% *}")
            cpus+=("$(cat "$work/cpu.txt")")
            # The next run restores what this one built, as the next CI run would.
            previous=$clone
        else
            ci_new_day_s=${out%% *}
            ci_new_day_cpu=$(cat "$work/cpu.txt")
        fi
    done
    ci_s=$(printf '%s\n' "${times[@]}" | median)
    ci_runs=${times[*]}
    ci_cpu=$(printf '%s\n' "${cpus[@]}" | median)
    discard "$ci"
    ci_total_s=$((SECONDS - started))
}

# serve_edit SITE LOG ADDRESS KIND: $runs edits of one entry while serve runs, KIND "body" (a
# line added to its Markdown: `Build.updateBodies`) or "field" (its title changed, which moves it
# in its collection's order: `Build.updateEntries`); sets $rebuild_ms (median of the build times
# serve logs) and $saved_ms (median, save to the page served with the edit).
serve_edit() {
    local site=$1 log=$2 address=$3 kind=$4 entry=$1/content/acciones/accion-1.md
    local builds logged=() saved=()
    builds=$(grep -c '^built' "$log")
    for run in $(seq "$runs"); do
        local marker="Edición de prueba $run-$RANDOM" started deadline
        started=$(date +%s%N)
        deadline=$((started / 1000000000 + 900))
        if [ "$kind" = body ]; then
            printf '\n%s.\n' "$marker" >>"$entry"
        else
            sed -i "s/^titulo: .*/titulo: $marker/" "$entry"
        fi
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
    rebuild_ms=$(printf '%s\n' "${logged[@]}" | median)
    saved_ms=$(printf '%s\n' "${saved[@]}" | median)
}

# serve_rebuild SITE: starts `avance serve`, edits one entry's body $runs times, then its title
# $runs times; sets $rebuild_ms and $saved_ms (body) and $field_ms and $field_saved_ms (title).
serve_rebuild() {
    local site=$1 log=$work/serve.log entry=$1/content/acciones/accion-1.md
    cp "$entry" "$work/entry.md"
    "$avance" serve --root "$site" --port 0 >"$log" 2>&1 &
    local pid=$! address=""
    for _ in $(seq 6000); do
        address=$(sed -n 's/^serving \(http[^ ]*\).*/\1/p' "$log")
        [ -n "$address" ] && [ "$(grep -c '^built' "$log")" -ge 1 ] && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if [ -z "$address" ]; then
        echo "  serve did not start: $(tail -3 "$log")"
        kill "$pid" 2>/dev/null || true
        rebuild_ms=- saved_ms=- field_ms=- field_saved_ms=-
        return
    fi
    # serve's watcher takes its first look at the files once serving: an edit made before that
    # look is no change to it. Give it time (a walk of the content takes a while on big corpora).
    sleep $((5 + $(find "$site/content" -type f | wc -l) / 10000))
    serve_edit "$site" "$log" "$address" field
    field_ms=$rebuild_ms field_saved_ms=$saved_ms
    serve_edit "$site" "$log" "$address" body
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    cp "$work/entry.md" "$entry"
}

# corpus N DIR OPTIONS...: makes DIR with `gen-corpus.py N DIR OPTIONS...` unless it holds the
# corpus this generator makes with these options (its `.corpus` stamp): a corpus made by an
# older generator, or with other options (pagination, Hugo's layouts), is made again.
corpus() {
    local n=$1 dir=$2 stamp
    shift 2
    stamp="$(sha256sum bench/gen-corpus.py | cut -c1-16) $n $*"
    [ -d "$dir/content" ] && [ "$(cat "$dir/.corpus" 2>/dev/null)" = "$stamp" ] && return 0
    rm -rf "$dir"
    echo "  generating $dir"
    python3 bench/gen-corpus.py "$n" "$dir" "$@"
    echo "$stamp" >"$dir/.corpus"
}

unit() { [ "$1" = - ] && echo - || echo "$1 $2"; }
rows=()
# The build figure is a whole build: the build cache (when this avance has one) is left out.
no_cache=() cached=0
if "$avance" build --help 2>&1 | grep -q -- --no-cache; then no_cache=(--no-cache) cached=1; fi

for n in "${sizes[@]}"; do
    for corpus in "${corpora[@]}"; do
        options=()
        [ "$corpus" = quito ] && options=(--quito)
        # The bench corpus keeps its folder name (bench/search.sh reuses it).
        name=$n
        [ "$corpus" = quito ] && name=quito-$n
        site=$work/avance-$name
        corpus "$n" "$site" "${options[@]}" "${paginate[@]}"
        # The repository's theme as it is now: a corpus is remade only when gen-corpus.py changes,
        # and its theme/ is the copy made then, so a theme change would not be measured.
        rm -rf "$site/theme" && cp -R theme "$site/theme"
        entries=$(find "$site/content" -name '*.md' | wc -l)
        started_load=$(load)
        corpus_started=$SECONDS
        echo "N = $n actions, $corpus corpus: $entries Markdown entries (load $started_load)"
        build=("$avance" build --root "$site" --no-git-dates --quiet "${no_cache[@]}")
        "${build[@]}" 2>/dev/null  # warm-up, and the output to check (its warnings are the corpus's)
        pages=$(find "$site/public" -name '*.html' | wc -l)

        hugo_on=0
        if [ "${HUGO:-1}" != 0 ]; then
            hugo_on=1
            hsite=$work/hugo-$name
            corpus "$n" "$hsite" --hugo "${options[@]}"
            hugo_build=(hugo --source "$hsite" --quiet)
            "${hugo_build[@]}" >/dev/null 2>&1 || { echo "  hugo failed:"; "${hugo_build[@]}" 2>&1 | tail -5; hugo_on=0; }
        fi

        # Alternating runs: a slow period of the shared machine falls on both tools alike.
        avance_times=() hugo_times=() avance_cpu=() hugo_cpu=() build_kb=0 hugo_kb=0
        for _ in $(seq "$runs"); do
            out=$(timed "${build[@]}")
            avance_times+=("${out%% *}")
            avance_cpu+=("$(cat "$work/cpu.txt")")
            [ "${out##* }" -gt "$build_kb" ] && build_kb=${out##* }
            if [ "$hugo_on" = 1 ]; then
                out=$(timed "${hugo_build[@]}")
                hugo_times+=("${out%% *}")
                hugo_cpu+=("$(cat "$work/cpu.txt")")
                [ "${out##* }" -gt "$hugo_kb" ] && hugo_kb=${out##* }
            fi
        done
        build_s=$(printf '%s\n' "${avance_times[@]}" | median)
        build_cpu=$(printf '%s\n' "${avance_cpu[@]}" | median)
        build_mb=$((build_kb / 1024))
        html=$(bytes "$site/public" '*.html') total=$(bytes "$site/public")
        echo "  avance: $build_s s (runs: ${avance_times[*]}; CPU $build_cpu s), $(rate "$pages" "$build_s") pages/s, $build_mb MB;" \
            "$pages pages, HTML $(megabytes "$html") MB, all files $(megabytes "$total") MB (load $(load))"

        hugo_s=- hugo_mb=- ratio=- hugo_cpu_s=- cpu_ratio=- hugo_html=- html_ratio=- hugo_total=- rss_ratio=- hugo_pages=-
        if [ "$hugo_on" = 1 ]; then
            hugo_s=$(printf '%s\n' "${hugo_times[@]}" | median)
            hugo_cpu_s=$(printf '%s\n' "${hugo_cpu[@]}" | median)
            cpu_ratio=$(awk "BEGIN { printf \"%.2f\", $hugo_cpu_s / $build_cpu }")
            hugo_mb=$((hugo_kb / 1024))
            hugo_pages=$(find "$hsite/public" -name '*.html' | wc -l)
            hugo_html=$(bytes "$hsite/public" '*.html') hugo_total=$(bytes "$hsite/public")
            ratio=$(awk "BEGIN { printf \"%.2f\", $hugo_s / $build_s }")
            html_ratio=$(awk "BEGIN { printf \"%.2f\", $html / $hugo_html }")
            rss_ratio=$(awk "BEGIN { printf \"%.0f\", 100 * $build_mb / $hugo_mb }")
            echo "  hugo $(hugo version | awk '{ print $2 }' | cut -d- -f1): $hugo_s s (runs: ${hugo_times[*]}; CPU $hugo_cpu_s s), $hugo_mb MB;" \
                "$hugo_pages pages, HTML $(megabytes "$hugo_html") MB, all files $(megabytes "$hugo_total") MB"
            echo "  avance is ${ratio}x as fast as Hugo (wall; ${cpu_ratio}x in CPU time); peak RSS ${rss_ratio} % of Hugo's; HTML ${html_ratio}x Hugo's"
        fi

        check=("$avance" check --public "$site/public" --base-url https://example.org/corpus/ --quiet)
        "${check[@]}" >/dev/null 2>&1 || echo "  (avance check found problems in the built corpus: the figures below include them)"
        measure "${check[@]}"
        check_s=$seconds check_mb=$megabytes
        echo "  check: $check_s s, $(rate "$pages" "$check_s") pages/s, $check_mb MB (load $(load))"

        rebuild_ms=- saved_ms=- field_ms=- field_saved_ms=-
        if [ "${SERVE:-1}" != 0 ]; then
            serve_rebuild "$site"
            echo "  serve: a line added to a body: built in $rebuild_ms ms (logged), save to page served $saved_ms ms;" \
                "a title changed: built in $field_ms ms, save to page $field_saved_ms ms (load $(load))"
        fi
        incremental_s=-
        if [ "$cached" = 1 ]; then
            incremental "$site"
            echo "  incremental: build after a one-line edit of one body $incremental_s s (median wall, load $(load))"
        else
            echo "  incremental rebuild after a one-file edit: not built (this avance has no build cache)"
        fi
        ci_s=- ci_new_day_s=-
        if [ "$cached" = 1 ] && [[ " $ci_corpora " == *" $corpus "* ]]; then
            ci_incremental "$site"
            echo "  incremental in CI: fresh clone, public/ and .avance/cache/ restored with tar and synced, a one-line edit of one body:" \
                "$ci_s s committed the same day (median wall, runs: $ci_runs; CPU $ci_cpu s), $ci_new_day_s s committed on a new day" \
                "(everything rendered; CPU $ci_new_day_cpu s); the measure took $ci_total_s s (load $(load))"
        elif [ "$cached" = 1 ]; then
            echo "  incremental in CI: not measured for this corpus (CI_CORPORA=\"$ci_corpora\")"
        else
            echo "  incremental in CI: not built (this avance has no build cache)"
        fi
        echo "  (this corpus's figures took $((SECONDS - corpus_started)) s)"
        rows+=("| $n | $corpus | $pages / $hugo_pages | $build_s s | $(unit "$hugo_s" s) | $(unit "$ratio" x) | $build_cpu / $(unit "$hugo_cpu_s" s) ($(unit "$cpu_ratio" x)) | $build_mb / $hugo_mb MB ($(unit "$rss_ratio" %)) | $(megabytes "$html") / $([ "$hugo_html" = - ] && echo - || megabytes "$hugo_html") MB ($(unit "$html_ratio" x)) | $(megabytes "$total") / $([ "$hugo_total" = - ] && echo - || megabytes "$hugo_total") MB | $check_s s | $(unit "$rebuild_ms" ms) / $(unit "$saved_ms" ms) | $(unit "$field_ms" ms) / $(unit "$field_saved_ms" ms) | $([ "$incremental_s" = - ] && echo "not built" || echo "$incremental_s s") | $([ "$cached" = 0 ] && echo "not built" || { [ "$ci_s" = - ] && echo - || echo "$ci_s / $ci_new_day_s s"; }) | $started_load |")
    done
done

echo
[ ${#paginate[@]} -gt 0 ] || echo "avance unpaginated (every listing whole); Hugo paginated at 100."
echo "| N actions | corpus | pages avance / Hugo | avance | Hugo | Hugo / avance | CPU avance / Hugo | peak RSS avance / Hugo | HTML avance / Hugo | all files avance / Hugo | check | serve, body edit: built / save → page | serve, title edit: built / save → page | incremental | incremental in CI: same day / new day | load |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
echo "bench/build.sh took $SECONDS s"
