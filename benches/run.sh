#!/usr/bin/env bash
# End-to-end benchmarks of catalogc against its peers (issue 6). See BENCHMARKS.md.
#
#   bash benches/run.sh                 # sizes 10k and 50k
#   bash benches/run.sh --national      # also 1.5M (writes ~2.2 GB under $WORK; build
#                                       # skipped, 1 run each; check and diff compile one province
#                                       # at a time, `--since` also for a committed change: BENCHMARKS.md)
#   bash benches/run.sh --sizes 10k     # one size
#
# For each size it generates a catalog under $WORK (never in the repository), commits it to a
# fresh git repository (for `check --since`), and measures, RUNS times each (median wall time,
# peak RSS from /usr/bin/time): the parse floor, `catalogc check`, `check --since HEAD` after
# changing one entry, `diff --format json`, `build`, check-jsonschema on the same entry files
# against the same entry schema (bundled by bundle_schema.py), and Hugo building as many pages as
# catalogc's build writes. Before the sizes, `catalogc serve`'s save → reload time on the sample
# catalog (serve_reload.py, SERVE_RUNS times, default 7). Raw results go to
# benches/results/<size>.jsonl (the sample's to sample.jsonl), a table to stdout.
#
# Also at 10k and 50k: a catalog of the same shape where most files have a finding
# (`gen-catalog --unaccounted-rate 0.2`, checked `--as-of 2029-06-01`), cold and warm beside its own parse floor; and
# `check` with a warm cache after one entry changed (one province compiled, the others read from
# the memo of `.catalogc-cache/units/`).
#
# Environment: CARGO_TARGET_DIR (default /tmp/bench-target; never the repository's target/),
# WORK (default /tmp/catalogc-bench), RUNS (default 3), CJ_RUNS (check-jsonschema runs at 50k,
# default 1: one run takes about 6 minutes), BUILD_RUNS (default RUNS), SKIP_PEERS=1 to measure
# catalogc only. catalogc runs with --no-cache (every file parsed and validated, as on a fresh
# clone), except the one step named "(warm cache)": `check` again with `.catalogc-cache/` filled
# by an untimed run just before. Then, unless SKIP_INCREMENTAL=1, benches/incremental.sh: the
# incremental builds at 10k and 50k, one province's shard at 1.5M.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/bench-target}
BIN=$CARGO_TARGET_DIR/release
WORK=${WORK:-/tmp/catalogc-bench}
RUNS=${RUNS:-3}
CJ_RUNS=${CJ_RUNS:-1}
BUILD_RUNS=${BUILD_RUNS:-$RUNS}
AS_OF=2026-11-29
# The findings catalog's reference date: every generated `reviewed` date is overdue by then.
LATE=2029-06-01
RESULTS=$HERE/results
SIZES="10k 50k"
NATIONAL=0

while [ $# -gt 0 ]; do
    case "$1" in
        --national) NATIONAL=1; SIZES="$SIZES 1.5M" ;;
        --sizes) SIZES="$2"; shift ;;
        *) echo "usage: $0 [--national] [--sizes \"10k 50k 1.5M\"]" >&2; exit 2 ;;
    esac
    shift
done

# size → generator arguments: provinces, cities per province, national items. About 95 % of the
# items are delivered by cities, so entries ≈ items × provinces × (1 + 0.95 × cities).
gen_args() {
    case "$1" in
        10k) echo "--provinces 1 --cities 9 --items 1050" ;;
        50k) echo "--provinces 2 --cities 15 --items 1640" ;;
        1.5M) echo "--provinces 31 --cities 15 --items 3170" ;;
        *) echo "unknown size $1" >&2; exit 2 ;;
    esac
}

# ---- tools ------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
if [ "${SKIP_PEERS:-0}" != 1 ]; then
    command -v hugo >/dev/null || apt-get install -y -qq hugo >/dev/null
    CJ_VENV=$WORK/venv
    if [ ! -x "$CJ_VENV/bin/check-jsonschema" ]; then
        python3 -m venv "$CJ_VENV"
        "$CJ_VENV/bin/pip" install -q check-jsonschema
    fi
    CJ=$CJ_VENV/bin/check-jsonschema
fi
# The product and the benchmark tools (the workspace member benches/tools: gen-catalog,
# parse-floor), both into $BIN.
(cd "$REPO" && cargo build --release -q -p catalogc && cargo build --release -q -p catalogc-bench --bins)
mkdir -p "$WORK" "$RESULTS"
COMMIT=$(git -C "$REPO" rev-parse --short HEAD)
python3 "$HERE/bundle_schema.py" "$REPO/schema" > "$WORK/entry.bundled.schema.json"

# ---- measuring --------------------------------------------------------------------------------
# measure SIZE TOOL N COMMAND...: run N times; append one JSON line to $RESULTS/SIZE.jsonl.
# Before each run, $PREPARE (if set) is evaluated (not timed).
measure() {
    local size=$1 tool=$2 n=$3
    shift 3
    local walls=() rsss=() cpus=() loads=() i
    for ((i = 0; i < n; i++)); do
        [ -n "${PREPARE:-}" ] && eval "$PREPARE"
        local status=0
        loads+=("$(cut -d' ' -f1 /proc/loadavg)")
        /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$WORK/stdout.txt" 2>"$WORK/stderr.txt" || status=$?
        if [ "$status" -ne 0 ] && [ "${ALLOW_STATUS:-0}" != "$status" ]; then
            echo "!! $tool exited $status; last lines of its output:" >&2
            tail -5 "$WORK/stdout.txt" "$WORK/stderr.txt" >&2
            exit 1
        fi
        read -r wall rss user sys < <(tail -1 "$WORK/time.txt")
        walls+=("$wall")
        rsss+=("$rss")
        cpus+=("$(python3 -c "print(round($user + $sys, 2))")")
        printf '   %-28s run %d: %7.2f s wall %7.2f s cpu %8d KiB (load %s)\n' "$tool" $((i + 1)) "$wall" "${cpus[-1]}" "$rss" "${loads[-1]}" >&2
    done
    python3 - "$size" "$tool" "${EXTRA:-{\}}" "$COMMIT" "${walls[*]}" "${rsss[*]}" "${cpus[*]}" "${loads[*]}" >>"$RESULTS/$size.jsonl" <<'PY'
import json, statistics, sys, datetime
size, tool, extra, commit, walls, rsss, cpus, loads = sys.argv[1:]
walls = [float(w) for w in walls.split()]
rsss = [int(r) for r in rsss.split()]
cpus = [float(c) for c in cpus.split()]
row = {"size": size, "tool": tool, "commit": commit,
       "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
       "runs_s": walls, "median_s": statistics.median(walls),
       "cpu_s": cpus, "median_cpu_s": statistics.median(cpus),
       "loadavg_before": [float(l) for l in loads.split()],
       "rss_kib": rsss, "median_rss_kib": int(statistics.median(rsss)), "max_rss_kib": max(rsss)}
row.update(json.loads(extra))
print(json.dumps(row, ensure_ascii=False))
PY
}

# ---- save → reload with `catalogc serve`, on the sample catalog (issue 17.4) --------------------
echo "== sample: catalogc serve, save → reload" >&2
rm -rf "$WORK/serve-sample"
mkdir -p "$WORK/serve-sample"
cp -r "$REPO/catalog" "$WORK/serve-sample/"
python3 "$HERE/serve_reload.py" "$BIN/catalogc" "$WORK/serve-sample" "${SERVE_RUNS:-7}" "$COMMIT" \
    >"$RESULTS/sample.jsonl"
rm -rf "$WORK/serve-sample"

for size in $SIZES; do
    echo "== $size" >&2
    root=$WORK/$size
    : >"$RESULTS/$size.jsonl"
    rm -rf "$root"
    mkdir -p "$root"
    # shellcheck disable=SC2046
    gen=$(/usr/bin/time -f '%e %M' -o "$WORK/gen-time.txt" "$BIN/gen-catalog" --out "$root" $(gen_args "$size"))
    echo "   generated: $gen (wall $(cut -d' ' -f1 "$WORK/gen-time.txt") s)" >&2
    entries=$(sed -E 's/.* entries ([0-9]+) .*/\1/' <<<"$gen")
    files=$(sed -E 's/.* files ([0-9]+) .*/\1/' <<<"$gen")
    bytes=$(sed -E 's/.* bytes ([0-9]+) .*/\1/' <<<"$gen")
    gen_s=$(cut -d' ' -f1 "$WORK/gen-time.txt")
    echo "{\"size\": \"$size\", \"tool\": \"gen-catalog\", \"commit\": \"$COMMIT\", \"median_s\": $gen_s, \"runs_s\": [$gen_s], \"entries\": $entries, \"files\": $files, \"bytes\": $bytes, \"args\": \"$(gen_args "$size")\"}" >>"$RESULTS/$size.jsonl"
    git -C "$root" init -q
    git -C "$root" add -A
    git -C "$root" -c user.name=bench -c user.email=bench@example.invalid commit -q -m "generated catalog"
    sync
    EXTRA="{\"entries\": $entries, \"files\": $files, \"bytes\": $bytes}"

    runs=$RUNS
    [ "$size" = 1.5M ] && runs=1
    measure "$size" "parse floor" "$runs" "$BIN/parse-floor" "$root"
    measure "$size" "catalogc check" "$runs" "$BIN/catalogc" check --no-cache --as-of $AS_OF --root "$root"
    rm -rf "$root/.catalogc-cache"
    "$BIN/catalogc" check --as-of $AS_OF --root "$root" >/dev/null 2>&1 || true # fills the cache
    measure "$size" "catalogc check (warm cache)" "$runs" "$BIN/catalogc" check --as-of $AS_OF --root "$root"
    rm -rf "$root/.catalogc-cache"

    # One entry changed (its address and review date), then `check --since HEAD`.
    one=$(find "$root/catalog/regions" -path '*/local' -prune -o -name '0*.yaml' -print | sort | sed -n '2p')
    sed -i -E 's/^address: (.*)$/address: \1（已迁至新址）/; s/^reviewed: .*/reviewed: 2026-11-28/' "$one"
    EXTRA="{\"entries\": $entries, \"files\": $files, \"changed\": \"${one#"$root"/}\"}" \
        measure "$size" "catalogc check --since HEAD" "$runs" \
        "$BIN/catalogc" check --no-cache --as-of $AS_OF --root "$root" --since HEAD
    # The same change with a warm cache and no `--since` (a pull request with the cache restored):
    # the province of the changed entry is compiled from the document cache, the others are read
    # from the memo (`.catalogc-cache/units/`). Before each run the memo is filled for the
    # unchanged tree, untimed.
    PREPARE="git -C '$root' stash -q; '$BIN/catalogc' check --as-of $AS_OF --root '$root' >/dev/null 2>&1 || true; git -C '$root' stash pop -q" \
        EXTRA="{\"entries\": $entries, \"files\": $files, \"changed\": \"${one#"$root"/}\"}" \
        measure "$size" "catalogc check (warm cache, one entry changed)" "$runs" \
        "$BIN/catalogc" check --as-of $AS_OF --root "$root"
    unset PREPARE
    rm -rf "$root/.catalogc-cache"
    git -C "$root" checkout -q -- .

    # With `--national`: the same change committed, and `check --since HEAD~1` (issue 18: a committed
    # change of one entry, a clean work tree), then the commit undone.
    if [ "$size" = 1.5M ]; then
        sed -i -E 's/^address: (.*)$/address: \1（已迁至新址）/; s/^reviewed: .*/reviewed: 2026-11-28/' "$one"
        git -C "$root" -c user.name=bench -c user.email=bench@example.invalid commit -qam "one entry changed"
        EXTRA="{\"entries\": $entries, \"files\": $files, \"changed\": \"${one#"$root"/}\"}" \
            measure "$size" "catalogc check --since HEAD~1 (committed)" 1 \
            "$BIN/catalogc" check --no-cache --as-of $AS_OF --root "$root" --since HEAD~1
        # The same commit as a range: git compares two commits and does not scan the work tree.
        EXTRA="{\"entries\": $entries, \"files\": $files, \"changed\": \"${one#"$root"/}\"}" \
            measure "$size" "catalogc check --since HEAD~1..HEAD (committed)" 1 \
            "$BIN/catalogc" check --no-cache --as-of $AS_OF --root "$root" --since HEAD~1..HEAD
        git -C "$root" reset -q --hard HEAD~1
    fi

    # The conformance report, one province at a time (at 1.5M too, 1 run).
    measure "$size" "catalogc diff --format json" "$runs" \
        "$BIN/catalogc" diff --no-cache --format json --as-of $AS_OF --root "$root"
    rm -f "$WORK/stdout.txt"

    out=$WORK/out-$size
    if [ "$size" = 1.5M ]; then
        echo "   build skipped at 1.5M (see BENCHMARKS.md)" >&2
        pages=0
    else
        PREPARE="rm -rf '$out' '$out'.*" measure "$size" "catalogc build" "$BUILD_RUNS" \
            "$BIN/catalogc" build --no-cache --as-of $AS_OF --root "$root" --out "$out"
        pages=$(find "$out" -name '*.html' | wc -l)
        outfiles=$(find "$out" -type f | wc -l)
        python3 - "$RESULTS/$size.jsonl" "$pages" "$outfiles" <<'PY'
import json, sys
path, pages, outfiles = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [json.loads(l) for l in open(path, encoding="utf-8")]
for r in rows:
    if r["tool"] == "catalogc build":
        r["html_pages"] = pages
        r["output_files"] = outfiles
        r["html_pages_per_s"] = round(pages / r["median_s"], 1)
open(path, "w", encoding="utf-8").write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
PY
        rm -rf "$out"
    fi

    if [ "${SKIP_PEERS:-0}" != 1 ]; then
        # check-jsonschema: every regional entry file, the bundled entry schema, xargs batches of
        # at most 128 KiB of arguments (each batch is one process that loads the schema again).
        find "$root/catalog/regions" -path '*/local' -prune -o -name '0*.yaml' -print0 | sort -z >"$WORK/entries-$size.list"
        n_entry_files=$(tr -cd '\0' <"$WORK/entries-$size.list" | wc -c)
        if [ "$size" = 1.5M ]; then
            echo "   check-jsonschema not run at 1.5M: extrapolated from 50k in BENCHMARKS.md" >&2
        else
            cj_runs=$RUNS
            [ "$size" = 50k ] && cj_runs=$CJ_RUNS
            EXTRA="{\"entries\": $n_entry_files}" measure "$size" "check-jsonschema" "$cj_runs" \
                bash -c "xargs -0 -s 131072 '$CJ' --schemafile '$WORK/entry.bundled.schema.json' <'$WORK/entries-$size.list'"
        fi

        # Hugo: as many pages as catalogc's build wrote HTML files (not at 1.5M, like build).
        site=$WORK/hugo-$size
        rm -rf "$site"
        if [ "$size" != 1.5M ]; then
            python3 "$HERE/hugo_site.py" "$site" "$pages" "$root"
            PREPARE="rm -rf '$site/public' '$site/resources'" EXTRA="{\"pages\": $pages}" \
                measure "$size" "hugo" "$RUNS" hugo --source "$site" --quiet
            hugo_pages=$(find "$site/public" -name '*.html' | wc -l)
            python3 - "$RESULTS/$size.jsonl" "$hugo_pages" <<'PY'
import json, sys
path, pages = sys.argv[1], int(sys.argv[2])
rows = [json.loads(l) for l in open(path, encoding="utf-8")]
for r in rows:
    if r["tool"] == "hugo":
        r["html_pages"] = pages
        r["html_pages_per_s"] = round(pages / r["median_s"], 1)
open(path, "w", encoding="utf-8").write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
PY
            rm -rf "$site/public"
        fi
    fi
    unset PREPARE EXTRA

    # A catalog where most files have a finding (issue 18): the same generator with one
    # inherited line in five left out silently (CAT210 each), checked as of 2029-06-01, when
    # every `reviewed` date is past its review period (CAT109 on almost every file). Not at 1.5M.
    if [ "$size" != 1.5M ]; then
        froot=$WORK/$size-findings
        rm -rf "$froot"
        # shellcheck disable=SC2046
        "$BIN/gen-catalog" --out "$froot" $(gen_args "$size") --unaccounted-rate 0.2 >/dev/null
        # Files with at least one finding, from the JSON report (the exit status is 1).
        "$BIN/catalogc" check --no-cache --as-of $LATE --root "$froot" --format json \
            >"$WORK/findings.json" 2>/dev/null || true
        with=$(python3 -c 'import json,sys; print(len({d["file"] for d in json.load(open(sys.argv[1]))["diagnostics"]}))' "$WORK/findings.json")
        rm -f "$WORK/findings.json"
        findings_files=$(find "$froot/catalog" -name '*.yaml' | wc -l)
        echo "   findings catalog: $with of $findings_files files have a finding" >&2
        EXTRA="{\"files\": $findings_files, \"files_with_findings\": $with}"
        measure "$size" "parse floor (findings catalog)" "$runs" "$BIN/parse-floor" "$froot"
        ALLOW_STATUS=1 measure "$size" "catalogc check (findings catalog)" "$runs" \
            "$BIN/catalogc" check --no-cache --as-of $LATE --root "$froot"
        "$BIN/catalogc" check --as-of $LATE --root "$froot" >/dev/null 2>&1 || true # fills the cache
        ALLOW_STATUS=1 measure "$size" "catalogc check (findings catalog, warm cache)" "$runs" \
            "$BIN/catalogc" check --as-of $LATE --root "$froot"
        rm -rf "$froot"
        unset EXTRA
    fi

    # A catalog of another shape (issue 18's linearity row): the repository's sample, whose
    # records come from real guides, grown to the same number of entries inside its 22 regions
    # (tile_sample.py). Not at 1.5M.
    if [ "$size" != 1.5M ]; then
        troot=$WORK/$size-tiled
        rm -rf "$troot"
        entries_wanted=$(python3 -c "print({'10k': 10000, '50k': 50000}['$size'])")
        tiled=$(python3 "$HERE/tile_sample.py" --entries "$entries_wanted" --out "$troot")
        echo "   tiled sample: $tiled" >&2
        EXTRA="{\"entries\": $(sed -E 's/.* entries ([0-9]+) .*/\1/' <<<"$tiled"), \"files\": $(sed -E 's/.* files ([0-9]+) .*/\1/' <<<"$tiled")}"
        measure "$size" "parse floor (tiled sample)" "$runs" "$BIN/parse-floor" "$troot"
        measure "$size" "catalogc check (tiled sample)" "$runs" \
            "$BIN/catalogc" check --no-cache --as-of $AS_OF --root "$troot"
        rm -rf "$troot"
        unset EXTRA
    fi

    # Incremental builds (10k, 50k) and a province's shard (1.5M, on this catalog): issue 18.
    if [ "${SKIP_INCREMENTAL:-0}" != 1 ]; then
        if [ "$size" = 1.5M ]; then
            ROOT=$root bash "$HERE/incremental.sh" "$size"
        else
            bash "$HERE/incremental.sh" "$size"
        fi
    fi
done

python3 "$HERE/summary.py" "$RESULTS"
