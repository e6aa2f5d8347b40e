#!/usr/bin/env bash
# Incremental builds and province shards (issue 18, points 3 and 5). See BENCHMARKS.md.
#
#   bash benches/incremental.sh 10k|50k     # the incremental rows
#   bash benches/incremental.sh 1.5M        # one province's shard of the national catalog
#
# 10k and 50k: generates the catalog of benches/run.sh under $WORK, commits it, then makes 21 more
# commits that each change one entry's phone (as benches/feeds.sh), so every build writes the feeds
# (the last 20 commits). Measured, RUNS times each (median, /usr/bin/time: wall, CPU, peak RSS):
#   - the parse floor (`parse-floor`), for the ratios;
#   - `build` from scratch: no previous output (deleted first), the parse cache and the feeds'
#     history store warm (an untimed build fills them), for the page count;
#   - Hugo on as many pages (hugo_site.py), in the same run;
#   - `build` again with nothing changed (parse cache, history store and previous output warm);
#   - `build` after one more commit that changes one entry (a different entry each run).
#   - `build --region P` of the first province from scratch (a shard: its files and the national
#     ones loaded), once, for its peak memory.
# 1.5M: generates `gen-catalog --provinces 31 --cities 15 --items 3170` (about 2 GB: check
# `df -h` first; or takes the catalog at $ROOT, as benches/run.sh --national passes it, and leaves
# it), then `build --region <the first province>` once, with its peak memory and the size of what
# it wrote, and deletes the catalog and the output. Results: benches/results/
# incremental-<size>.jsonl and stdout. Environment as benches/run.sh (CARGO_TARGET_DIR, WORK, RUNS).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/bench-target}
BIN=$CARGO_TARGET_DIR/release
WORK=${WORK:-/tmp/catalogc-bench}
RUNS=${RUNS:-3}
SIZE=${1:-10k}
AS_OF=2026-11-29
case "$SIZE" in
    10k) ARGS="--provinces 1 --cities 9 --items 1050" ;;
    50k) ARGS="--provinces 2 --cities 15 --items 1640" ;;
    1.5M) ARGS="--provinces 31 --cities 15 --items 3170" ;;
    *) echo "usage: $0 [10k|50k|1.5M]" >&2; exit 2 ;;
esac
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
[ "$SIZE" = 1.5M ] || command -v hugo >/dev/null || apt-get install -y -qq hugo >/dev/null
(cd "$REPO" && cargo build --release --locked --quiet -p catalogc -p catalogc-bench)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD)
root=${ROOT:-$WORK/incr-$SIZE}
out=$WORK/incr-out-$SIZE
results=$HERE/results/incremental-$SIZE.jsonl
rm -rf "$out" "$out".*
mkdir -p "$WORK" "$HERE/results"
: >"$results"
if [ -n "${ROOT:-}" ]; then
    entries=$(find "$root/catalog/regions" -path '*/local' -prune -o -name '0*.yaml' -print | wc -l)
else
    rm -rf "$root"
    # shellcheck disable=SC2086
    gen=$("$BIN/gen-catalog" $ARGS --out "$root")
    echo "generated: $gen" >&2
    entries=$(sed -E 's/.* entries ([0-9]+) .*/\1/' <<<"$gen")
fi

# step NAME N COMMAND...: N runs ($PREPARE evaluated before each, not timed); one JSON line.
step() {
    local name=$1 runs=$2 i
    shift 2
    local walls=() cpus=() rsss=()
    for ((i = 0; i < runs; i++)); do
        [ -n "${PREPARE:-}" ] && eval "$PREPARE"
        /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || { cat "$WORK/stderr.txt" >&2; exit 1; }
        read -r wall user sys rss <"$WORK/time.txt"
        walls+=("$wall"); rsss+=("$rss"); cpus+=("$(python3 -c "print(round($user + $sys, 2))")")
        printf '%-44s run %d: %7.2f s wall %7.2f s cpu %6d MiB  %s\n' "$name" $((i + 1)) "$wall" "${cpus[-1]}" $((rss / 1024)) "$(grep -oE '^(wrote|已写出) [^;]*' "$WORK/stderr.txt" | head -1)" >&2
    done
    python3 - "$SIZE" "$name" "$COMMIT" "$entries" "${walls[*]}" "${cpus[*]}" "${rsss[*]}" "${EXTRA:-{\}}" >>"$results" <<'PY'
import json, statistics, sys
size, name, commit, entries, walls, cpus, rsss, extra = sys.argv[1:]
walls = [float(w) for w in walls.split()]; cpus = [float(c) for c in cpus.split()]
rsss = [int(r) for r in rsss.split()]
row = {"size": size, "step": name, "commit": commit, "entries": int(entries),
       "runs_s": walls, "median_s": statistics.median(walls), "cpu_s": cpus,
       "median_cpu_s": statistics.median(cpus), "max_rss_kib": max(rsss)}
row.update(json.loads(extra))
print(json.dumps(row, ensure_ascii=False))
PY
}

if [ "$SIZE" = 1.5M ]; then
    province=$(ls "$root/catalog/regions" | grep '0000$' | head -1)
    files=$(find "$root/catalog/regions" -type f | wc -l)
    step "parse floor" 1 "$BIN/parse-floor" "$root"
    EXTRA="{\"province\": \"$province\", \"catalog_files\": $files}" \
        step "build --region $province (one province's shard)" 1 \
        "$BIN/catalogc" build --no-cache --as-of $AS_OF --root "$root" --region "$province" --out "$out"
    shard_files=$(find "$out" -type f | wc -l)
    shard_bytes=$(du -sb "$out" | cut -f1)
    provinces=$(ls "$root/catalog/regions" | grep -c '0000$')
    echo "{\"size\": \"$SIZE\", \"step\": \"shard output\", \"province\": \"$province\", \"files\": $shard_files, \"bytes\": $shard_bytes, \"provinces\": $provinces}" >>"$results"
    echo "shard of $province: $shard_files files, $shard_bytes bytes; $provinces provinces" >&2
    rm -rf "$out" "$out".*
    [ -n "${ROOT:-}" ] || rm -rf "$root"
    exit 0
fi

git() { command git -C "$root" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false "$@"; }
git init -q && git add -A && git commit -q -m "generated catalog"
mapfile -t pool < <(find "$root/catalog/regions" -path '*/local' -prune -o -name '0*.yaml' -print | sort | head -n 40)
changes=0
# Change the phone of the next entry of the pool (its first phone's last digit plus one, so the
# file always changes; a commit with nothing in it fails the script) and commit. The counter is
# not `n`: `step` runs this through `eval`, and bash would see step's own locals.
change() {
    changes=$((changes + 1))
    perl -0pi -e 's/(phone: "?[0-9-]*)([0-9])/$1.(($2 + 1) % 10)/e' "${pool[$changes]}"
    git commit -q -a -m "change $changes"
}
for _ in $(seq 1 21); do change; done

step "parse floor" "$RUNS" "$BIN/parse-floor" "$root"
# Untimed: fills the parse cache and the history store (every commit of the feed compiled once).
"$BIN/catalogc" build --as-of $AS_OF --root "$root" --out "$out" >/dev/null 2>&1
PREPARE="rm -rf '$out' '$out'.*; sync" step "build from scratch (no previous output)" "$RUNS" \
    "$BIN/catalogc" build --as-of $AS_OF --root "$root" --out "$out"
pages=$(find "$out" -name '*.html' | wc -l)
outfiles=$(find "$out" -type f | wc -l)
echo "{\"size\": \"$SIZE\", \"step\": \"output\", \"html_pages\": $pages, \"files\": $outfiles, \"bytes\": $(du -sb "$out" | cut -f1)}" >>"$results"
site=$WORK/incr-hugo-$SIZE
rm -rf "$site"
python3 "$HERE/hugo_site.py" "$site" "$pages" "$root"
PREPARE="rm -rf '$site/public' '$site/resources'; sync" EXTRA="{\"pages\": $pages}" \
    step "hugo" "$RUNS" hugo --source "$site" --quiet
rm -rf "$site"
step "build, nothing changed" "$RUNS" \
    "$BIN/catalogc" build --as-of $AS_OF --root "$root" --out "$out"
PREPARE="change" step "build, one entry changed (one more commit)" "$RUNS" \
    "$BIN/catalogc" build --as-of $AS_OF --root "$root" --out "$out"
# The incremental output is what a build from scratch writes.
"$BIN/catalogc" build --no-cache --as-of $AS_OF --root "$root" --out "$out-fresh" >/dev/null 2>&1
if diff -r "$out" "$out-fresh" >/dev/null; then same=true; else same=false; fi
echo "{\"size\": \"$SIZE\", \"step\": \"incremental output = --no-cache output\", \"identical\": $same}" >>"$results"
echo "incremental output identical to a build from scratch: $same" >&2
rm -rf "$out" "$out".* "$out-fresh"
province=$(ls "$root/catalog/regions" | grep '0000$' | head -1)
EXTRA="{\"province\": \"$province\"}" step "build --region $province --no-cache (one province's shard)" 1 \
    "$BIN/catalogc" build --no-cache --as-of $AS_OF --root "$root" --region "$province" --out "$out"
rm -rf "$root" "$out" "$out".*
